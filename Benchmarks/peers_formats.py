"""Reading 1M-row SPSS and Excel files, msnb against its peers in one run.

Writes Benchmarks/out/firms_<rows>.sav (pyreadstat) and firms_<rows>.xlsx (xlsxwriter, constant_memory mode,
shared strings for sector and region) when missing: deterministic synthetic firms, 8 columns, sector and region
as labelled codes in the .sav and as text in the workbook, ~1% empty sales. Then, round-robin for --runs rounds:
  msnb        .build/release/MSNIOBench FILE --runs 1 (the read_ms it reports: XLSXReader.read / StatFileReader.read
              into a typed table, value labels applied; process start-up not included)
  pyreadstat  pyreadstat.read_sav(sav, apply_value_formats=True)
  calamine    python_calamine.CalamineWorkbook.from_path(xlsx).get_sheet_by_index(0).to_python()
              (opens the workbook and returns every row as a list of Python values)
  openpyxl    openpyxl.load_workbook(xlsx, read_only=True) then `for row in ws.iter_rows(values_only=True)`
              appending each row tuple to a list (opens the workbook and visits every value)
and prints each tool's median wall time and median CPU time (user + system; on a loaded machine the CPU time
is the steadier figure) and the load average before and after.

    python3 -m venv /tmp/v && /tmp/v/bin/pip install pandas pyreadstat openpyxl python-calamine xlsxwriter
    swift build -c release --product MSNIOBench
    /tmp/v/bin/python Benchmarks/peers_formats.py [--rows 1000000] [--runs 3] [--skip-openpyxl] [--msnb .build/release/MSNIOBench]
"""
import json, os, subprocess, sys, time, statistics
import numpy as np
import pandas as pd
import pyreadstat

args = sys.argv[1:]
rows = int(args[args.index("--rows") + 1]) if "--rows" in args else 1_000_000
runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
msnb = args[args.index("--msnb") + 1] if "--msnb" in args else ".build/release/MSNIOBench"
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
        import xlsxwriter
        t0 = time.perf_counter()
        wb = xlsxwriter.Workbook(xlsx, {"constant_memory": True})
        ws = wb.add_worksheet("firms")
        named = df.assign(sector=df["sector"].map(labels["sector"]), region=df["region"].map(labels["region"]))
        ws.write_row(0, 0, list(named.columns))
        for i, r in enumerate(named.itertuples(index=False), start=1):
            ws.write_row(i, 0, [None if isinstance(v, float) and np.isnan(v) else v for v in r])
        wb.close()
        print({"wrote": xlsx, "seconds": round(time.perf_counter() - t0, 1)}, flush=True)

def timed(f):
    """(wall ms, CPU ms of this process: user + system, all threads)."""
    t, c = time.perf_counter(), time.process_time(); f()
    return (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000

def msnb_ms(path):
    """(wall ms MSNIOBench reports for the read, CPU ms of the whole child process incl. start-up)."""
    import resource
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    r = subprocess.run([msnb, path, "--runs", "1"], capture_output=True, text=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime) * 1000
    return json.loads(r.stdout.strip().splitlines()[-1])["read_ms"], cpu

def calamine():
    import python_calamine
    return python_calamine.CalamineWorkbook.from_path(xlsx).get_sheet_by_index(0).to_python()

def openpyxl_rows():
    import openpyxl
    wb = openpyxl.load_workbook(xlsx, read_only=True)
    ws = wb.worksheets[0]
    got = [row for row in ws.iter_rows(values_only=True)]
    wb.close()
    return got

tools = {"msnb_sav": lambda: msnb_ms(sav), "pyreadstat_sav": lambda: timed(lambda: pyreadstat.read_sav(sav, apply_value_formats=True)),
         "msnb_xlsx": lambda: msnb_ms(xlsx), "calamine_xlsx": lambda: timed(calamine)}
if "--skip-openpyxl" not in args:
    tools["openpyxl_xlsx"] = lambda: timed(openpyxl_rows)
times = {k: [] for k in tools}
print({"load_before": os.getloadavg()}, flush=True)
for r in range(runs):
    for k, f in tools.items():
        wall, cpu = f()
        times[k].append((round(wall, 1), round(cpu, 1)))
        print({"round": r + 1, k: {"wall_ms": times[k][-1][0], "cpu_ms": times[k][-1][1]}, "load": os.getloadavg()[0]}, flush=True)
print({"load_after": os.getloadavg()})
print(json.dumps({k: {"median_wall_ms": statistics.median(w for w, _ in v), "median_cpu_ms": statistics.median(c for _, c in v),
                      "runs": v} for k, v in times.items() if v}))
