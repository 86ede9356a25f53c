#!/usr/bin/env python3
"""Checks msnb's HTML reports as a reader sees them.

For every .html file under the folder given:
  1. html5lib in strict mode parses it with no parse error (well-formed HTML5);
  2. it makes no network request and carries no script (self-contained);
  3. headless Chromium loads it with no console error and takes a screenshot;
  4. the screenshot is not blank (enough non-background pixels), and every inline <svg> figure in the page
     is counted, so a report that should show figures does.
Screenshots are written beside the reports (NAME.png) for a person to look at.
Exit status 0 when every report passes; prints 'N passed, N failed' as its last line.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

import html5lib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_figures import png_pixels  # noqa: E402  (the PNG decoder the chart test uses)


def ink_share(path):
    """Share of pixels that differ from the top-left (background) pixel."""
    w, h, bpp, rows = png_pixels(path)
    bg = rows[0][:3]
    ink = sum(1 for r in rows[::4] for x in range(0, w * bpp, bpp * 4) if r[x:x + 3] != bg)
    return ink / max(1, (h // 4 + 1) * (w // 4 + 1))


def check(path, chromium):
    problems = []
    text = open(path, encoding="utf-8").read()
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        parser.parse(text)
    except Exception as e:  # html5lib raises ParseError with the position
        problems.append(f"html5lib (strict): {e}")
    if re.search(r"<script\b", text, re.I):
        problems.append("contains a <script>")
    if re.search(r"""(src|href)\s*=\s*["'](https?:)?//""", text) and re.search(r"""<(img|link|iframe|source)\b[^>]*(src|href)\s*=\s*["']https?://""", text):
        problems.append("loads a resource over the network")
    png = os.path.splitext(path)[0] + ".png"
    with tempfile.TemporaryDirectory() as profile:
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--user-data-dir={profile}",
               "--enable-logging=stderr", "--v=0", "--window-size=1100,1600", f"--screenshot={png}", "file://" + os.path.abspath(path)]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    console = [l for l in r.stderr.splitlines() if "CONSOLE" in l and ("error" in l.lower() or "Uncaught" in l)]
    if console:
        problems.append("console errors: " + "; ".join(console[:3]))
    if not os.path.exists(png):
        problems.append("no screenshot: " + r.stderr[-300:])
    else:
        share = ink_share(png)
        if share < 0.02:
            problems.append(f"the page looks blank ({share:.3f} of pixels differ from the background)")
    figures = len(re.findall(r"<svg\b", text))
    return problems, figures


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "out/html"
    chromium = os.environ.get("CHROMIUM", "chromium")
    files = sorted(glob.glob(os.path.join(folder, "**", "*.html"), recursive=True))
    if not files:
        print(f"no HTML reports under {folder}")
        print("0 passed, 1 failed")
        return 1
    passed = failed = 0
    for f in files:
        problems, figures = check(f, chromium)
        if problems:
            failed += 1
            print(f"FAIL {f}")
            for p in problems:
                print("     " + p)
        else:
            passed += 1
            print(f"ok   {f} ({figures} inline figures; screenshot {os.path.splitext(f)[0]}.png)")
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
