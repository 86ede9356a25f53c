#!/usr/bin/env python3
"""Browser test for msnb's charts: renders every chart kind (gallery.msq) into one HTML page, opens it in
headless Chromium, and checks that (1) each figure's box on the screenshot is not blank and (2) every
text label lies inside its figure's view box (measured in the page with getBoundingClientRect).

Usage: check_figures.py MSNB_BINARY OUT_DIR      (exit 0 when every figure passes)
Needs Debian's `chromium` (make browser-setup installs it). Standard library only."""
import json, os, re, shutil, struct, subprocess, sys, zlib, html

HERE = os.path.dirname(os.path.abspath(__file__))

def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        p = shutil.which(name)
        if p:
            return p
    sys.exit("check_figures: no chromium found; run `make browser-setup` (apt-get install chromium)")

SCALE = 0.5   # screenshot at half resolution: enough to see ink, four times less PNG to decode

def run_browser(args, scale=1.0):
    base = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--force-device-scale-factor={scale}", "--virtual-time-budget=3000"]
    return subprocess.run(base + args, capture_output=True, text=True, timeout=120)

MEASURE = """
<script>
const out = [];
for (const box of document.querySelectorAll('.fig')) {
  const svg = box.querySelector('svg');
  const r = svg.getBoundingClientRect();
  const vb = svg.viewBox.baseVal;
  const sx = r.width / vb.width, sy = r.height / vb.height;
  const texts = [];
  for (const t of svg.querySelectorAll('text')) {
    const b = t.getBoundingClientRect();
    if (!t.textContent.trim()) continue;
    const x0 = (b.left - r.left) / sx, x1 = (b.right - r.left) / sx, y0 = (b.top - r.top) / sy, y1 = (b.bottom - r.top) / sy;
    texts.push({text: t.textContent, x0, x1, y0, y1, size: parseFloat(t.getAttribute('font-size'))});
  }
  out.push({name: box.id, left: r.left + window.scrollX, top: r.top + window.scrollY, width: r.width, height: r.height,
            vbw: vb.width, vbh: vb.height, texts, scripts: svg.querySelectorAll('script').length});
}
const pre = document.createElement('pre');
pre.id = 'report';
pre.textContent = JSON.stringify({figures: out, height: document.documentElement.scrollHeight});
document.body.appendChild(pre);
</script>
"""

def page(svgs):
    parts = ["<!doctype html><html><head><meta charset='utf-8'><style>body{margin:0;background:#888;font-family:sans-serif}"
             ".fig{display:inline-block;vertical-align:top;margin:8px;background:#fff}.fig svg{display:block}"
             "h2{font-size:12px;margin:0;padding:2px 4px;background:#ddd}</style></head><body>"]
    for name, svg in svgs:
        parts.append(f"<div class='fig' id='{html.escape(name)}'><h2>{html.escape(name)}</h2>{svg}</div>")
    return "".join(parts) + MEASURE + "</body></html>"

def png_pixels(path):
    """Decodes an 8-bit RGB/RGBA non-interlaced PNG: (width, height, channels, rows of bytes)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and interlace == 0 and ctype in (2, 6), f"unsupported PNG (depth {depth}, type {ctype})"
            ch = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * ch
    rows, prev = [], bytearray(stride)
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b = prev[i]
            c = prev[i - ch] if i >= ch else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line)); prev = line
    return w, h, ch, rows

def main():
    msnb, out = sys.argv[1], os.path.abspath(sys.argv[2])
    os.makedirs(out, exist_ok=True)
    r = subprocess.run([msnb, "run", os.path.join(HERE, "gallery.msq"), "--out", out], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("gallery.msq failed:\n" + r.stdout + r.stderr)
    names = [m for m in re.findall(r'export f\d+ "([^"]+)"', open(os.path.join(HERE, "gallery.msq")).read())]
    svgs = [(n[:-4], open(os.path.join(out, n)).read()) for n in names]
    html_path = os.path.join(out, "gallery.html")
    open(html_path, "w").write(page(svgs))
    dom = run_browser(["--window-size=1400,1000", "--dump-dom", "file://" + html_path]).stdout
    m = re.search(r"<pre id=\"report\">(.*?)</pre>", dom, re.S)
    if not m:
        sys.exit("check_figures: the page did not report (chromium output:\n" + dom[:2000] + ")")
    report = json.loads(html.unescape(m.group(1)))
    shot = os.path.join(out, "gallery.png")
    run_browser([f"--window-size=1400,{int(report['height']) + 20}", "--screenshot=" + shot, "file://" + html_path], scale=SCALE)
    w, h, ch, rows = png_pixels(shot)
    problems = []
    for f in report["figures"]:
        if f["scripts"]:
            problems.append(f"{f['name']}: contains a script")
        # Blank check: share of pixels inside the box that differ from the box's background (its corner pixel).
        x0, y0 = int(f["left"] * SCALE) + 2, int(f["top"] * SCALE) + 2
        x1, y1 = min(w, int((f["left"] + f["width"]) * SCALE) - 2), min(h, int((f["top"] + f["height"]) * SCALE) - 2)
        bg = rows[y0][x0 * ch:x0 * ch + 3]
        inked = total = 0
        for y in range(y0, y1):
            row = rows[y]
            for x in range(x0, x1):
                total += 1
                px = row[x * ch:x * ch + 3]
                if sum(abs(px[i] - bg[i]) for i in range(3)) > 30:
                    inked += 1
        share = inked / max(1, total)
        if share < 0.01:
            problems.append(f"{f['name']}: looks blank ({100 * share:.2f}% of pixels drawn)")
        for t in f["texts"]:
            if t["x0"] < -0.5 or t["y0"] < -0.5 or t["x1"] > f["vbw"] + 0.5 or t["y1"] > f["vbh"] + 0.5:
                problems.append(f"{f['name']}: label {t['text']!r} leaves the view box ({t['x0']:.0f}..{t['x1']:.0f} × {t['y0']:.0f}..{t['y1']:.0f} of {f['vbw']:.0f} × {f['vbh']:.0f})")
            if t["size"] < 11:
                problems.append(f"{f['name']}: label {t['text']!r} is {t['size']} px (< 11)")
        print(f"  {f['name']:24s} {len(f['texts']):4d} labels, {100 * share:5.1f}% inked")
    print(f"screenshot: {shot}")
    if len(report["figures"]) != len(svgs):
        problems.append(f"{len(svgs)} figures exported but {len(report['figures'])} measured")
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    print(f"check_figures: {len(svgs)} figures drawn, every label inside its view box")

if __name__ == "__main__":
    main()
