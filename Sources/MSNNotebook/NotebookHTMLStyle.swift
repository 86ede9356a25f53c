/// The inline stylesheet of HTML reports: a readable measure, system fonts, numbers right-aligned with
/// tabular figures, light and dark schemes (`prefers-color-scheme`), and a print stylesheet that opens
/// folded code and avoids breaking tables and figures across pages.
enum NotebookHTMLStyle {
    static let css = """
    :root { --fg: #1b1f24; --bg: #ffffff; --muted: #57606a; --rule: #d0d7de; --code-bg: #f6f8fa;
            --warn-bg: #fff8c5; --warn-fg: #4d3800; --err-bg: #ffebe9; --err-fg: #82071e; --link: #0550ae; }
    @media (prefers-color-scheme: dark) {
      :root { --fg: #e6edf3; --bg: #0d1117; --muted: #8d96a0; --rule: #30363d; --code-bg: #161b22;
              --warn-bg: #3b2e00; --warn-fg: #f2cc60; --err-bg: #490202; --err-fg: #ffa198; --link: #4493f8; }
    }
    html { background: var(--bg); color: var(--fg); }
    body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
           max-width: 60rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
    a { color: var(--link); }
    header .msnb-file { color: var(--muted); margin: 0; font-size: 0.875rem; }
    .msnb-params code { font-size: 0.875rem; }
    h1, h2, h3 { line-height: 1.25; margin-top: 1.8em; }
    h1 { margin-top: 0.6em; }
    nav.msnb-toc { border: 1px solid var(--rule); border-radius: 6px; padding: 0.6rem 1rem; margin: 1rem 0 1.5rem; }
    nav.msnb-toc ul { margin: 0.3rem 0; padding-left: 1.2rem; }
    nav.msnb-toc .toc-3 { margin-left: 1.2rem; }
    pre, code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.875rem; }
    pre { background: var(--code-bg); padding: 0.75rem 1rem; border-radius: 6px; overflow-x: auto; }
    .msnb-cell { margin: 1.2rem 0; }
    .msnb-cell details > summary { cursor: pointer; color: var(--muted); font-size: 0.8125rem; }
    .msnb-cell details > pre { margin-top: 0.3rem; }
    .msnb-output { margin: 0.6rem 0; overflow-x: auto; }
    table { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.875rem; margin: 0.4rem 0; }
    th, td { padding: 0.25rem 0.6rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--rule); }
    th.num, td.num { text-align: right; }
    caption { caption-side: bottom; text-align: left; color: var(--muted); font-size: 0.8125rem; padding-top: 0.3rem; }
    .msnb-model .msnb-title { margin-bottom: 0.2rem; }
    table.msnb-summary th { font-weight: normal; color: var(--muted); }
    .msnb-warning { background: var(--warn-bg); color: var(--warn-fg); border-radius: 6px; }
    p.msnb-warning { padding: 0.4rem 0.8rem; }
    .msnb-error { background: var(--err-bg); color: var(--err-fg); border-radius: 6px; }
    p.msnb-error { padding: 0.4rem 0.8rem; white-space: pre-wrap; }
    .msnb-note { color: var(--muted); font-style: italic; }
    .msnb-figure svg { max-width: 100%; height: auto; }
    footer { margin-top: 3rem; padding-top: 0.8rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.8125rem; }
    @media print {
      :root { --fg: #000; --bg: #fff; --code-bg: #f4f4f4; --rule: #999; }
      body { max-width: none; padding: 0; font-size: 11pt; }
      nav.msnb-toc { display: none; }
      details > summary { display: none; }
      details:not([open]) > pre { display: block; }
      table, figure, .msnb-figure, pre { page-break-inside: avoid; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
