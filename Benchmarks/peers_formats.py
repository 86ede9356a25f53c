"""Reading 1M-row SPSS and Excel files: pyreadstat and pandas/openpyxl, for comparison with
`MSNBench read`. Writes the files from the msnb benchmark CSV when they are missing.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pandas pyreadstat openpyxl
    /tmp/v/bin/python Benchmarks/peers_formats.py Benchmarks/out/firms_1m.csv [--xlsx-rows N] [--runs 3]
"""
import sys, time, statistics, os
import pandas as pd
import pyreadstat

csv = sys.argv[1]
args = sys.argv[2:]
xlsx_rows = int(args[args.index("--xlsx-rows") + 1]) if "--xlsx-rows" in args else 1_000_000
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
base = os.path.splitext(csv)[0]
sav, xlsx = base + ".sav", base + f"_{xlsx_rows}.xlsx"

df = None
if not os.path.exists(sav) or not os.path.exists(xlsx):
    df = pd.read_csv(csv)
if not os.path.exists(sav):
    pyreadstat.write_sav(df, sav)
if not os.path.exists(xlsx):
    df.head(xlsx_rows).to_excel(xlsx, index=False, engine="openpyxl")

def median_ms(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter(); f(); times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

print({"file": sav, "pyreadstat_ms": round(median_ms(lambda: pyreadstat.read_sav(sav), runs), 1)})
print({"file": xlsx, "openpyxl_ms": round(median_ms(lambda: pd.read_excel(xlsx, engine="openpyxl"), 1), 1)})
try:
    import python_calamine  # noqa: F401
    print({"file": xlsx, "calamine_ms": round(median_ms(lambda: pd.read_excel(xlsx, engine="calamine"), runs), 1)})
except ImportError:
    pass
