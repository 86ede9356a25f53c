"""Reading 1M-row SPSS and Excel files: writes Benchmarks/out/firms_1m.sav and firms_1m.xlsx (deterministic
synthetic firms: 8 columns, sector and region as labelled codes in the .sav, ~1% empty sales) when missing,
then times pyreadstat.read_sav, pandas.read_excel with openpyxl and with calamine (when python-calamine is
installed). Compare with `.build/release/MSNIOBench FILE`.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pandas pyreadstat openpyxl python-calamine
    /tmp/v/bin/python Benchmarks/peers_formats.py [--rows 1000000] [--runs 3] [--skip-openpyxl]
"""
import os, sys, time, statistics
import numpy as np
import pandas as pd
import pyreadstat

args = sys.argv[1:]
rows = int(args[args.index("--rows") + 1]) if "--rows" in args else 1_000_000
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
out = "Benchmarks/out"
os.makedirs(out, exist_ok=True)
sav, xlsx = f"{out}/firms_{rows}.sav", f"{out}/firms_{rows}.xlsx"

def frame():
    rng = np.random.default_rng(42)
    sales = rng.lognormal(3, 1, rows).round(2)
    sales[rng.random(rows) < 0.01] = np.nan
    return pd.DataFrame({
        "id": np.arange(1, rows + 1, dtype=float), "year": rng.integers(2015, 2025, rows).astype(float),
        "sector": rng.integers(1, 6, rows).astype(float), "region": rng.integers(1, 7, rows).astype(float),
        "exported": rng.integers(0, 2, rows).astype(float), "sales": sales,
        "employees": rng.integers(1, 250, rows).astype(float), "mi1": rng.integers(1, 6, rows).astype(float)})

labels = {"sector": {1.0: "food", 2.0: "textile", 3.0: "craft", 4.0: "furniture", 5.0: "services"},
          "region": {1.0: "Java", 2.0: "Bali", 3.0: "Sumatra", 4.0: "Sulawesi", 5.0: "Kalimantan", 6.0: "Papua"}}
if not os.path.exists(sav) or not os.path.exists(xlsx):
    df = frame()
    if not os.path.exists(sav):
        pyreadstat.write_sav(df, sav, variable_value_labels=labels)
    if not os.path.exists(xlsx):
        import openpyxl
        wb = openpyxl.Workbook(write_only=True)
        ws = wb.create_sheet("firms")
        named = df.assign(sector=df["sector"].map(labels["sector"]), region=df["region"].map(labels["region"]))
        ws.append(list(named.columns))
        for r in named.itertuples(index=False):
            ws.append([None if isinstance(v, float) and np.isnan(v) else v for v in r])
        wb.save(xlsx)

def median_ms(f, n):
    times = []
    for _ in range(n):
        t = time.perf_counter(); f(); times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)

print({"file": sav, "pyreadstat_ms": median_ms(lambda: pyreadstat.read_sav(sav, apply_value_formats=True), runs)})
try:
    import python_calamine  # noqa: F401
    print({"file": xlsx, "calamine_ms": median_ms(lambda: pd.read_excel(xlsx, engine="calamine"), runs)})
except ImportError:
    pass
if "--skip-openpyxl" not in args:
    print({"file": xlsx, "openpyxl_ms": median_ms(lambda: pd.read_excel(xlsx, engine="openpyxl"), 1)})
