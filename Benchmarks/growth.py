"""Growth (issue 21): the table operations and boosting at several row counts, msnb against Polars,
DuckDB and XGBoost, one run per size with every tool back to back on the same file.

Usage (from the repository root, release build of MSNBench):
    python3 Benchmarks/growth.py --sizes 100000,1000000,10000000 --dir /tmp/growth --runs 3 \\
        --table-python /tmp/benchvenv/bin/python --boost-python /tmp/shap-venv/bin/python
Each size's CSV is made by `MSNBench gen --rows N` unless it already exists in --dir (never committed).
Per size: `MSNBench table` and `peers_table.py --only polars,duckdb` (same runs, medians), one load each
in its own process for peak memory (`MSNBench load`: VmHWM; `peers_load_memory.py`: ru_maxrss), and
boosting (`MSNBench boost`, `peers_boost.py --only xgboost`, 100 trees, depth 6, 2 threads).
Prints one JSON line per size, then a table of times, ratios and time per row relative to the first size.
"""
import json, os, subprocess, sys

def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

sizes = [int(s) for s in arg("--sizes", "100000,1000000").split(",")]
d = arg("--dir", "Benchmarks/out")
runs = arg("--runs", "3")
bench = arg("--bench", ".build/release/MSNBench")
tpy, bpy = arg("--table-python", sys.executable), arg("--boost-python", sys.executable)
here = os.path.dirname(os.path.abspath(__file__))
os.makedirs(d, exist_ok=True)

def run(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    return out

def last_json(text):
    return json.loads([l for l in text.splitlines() if l.startswith("{")][-1])

rows_out = []
for n in sizes:
    path = os.path.join(d, f"firms_{n}.csv")
    if not os.path.exists(path):
        run([bench, "gen", "--rows", str(n), "--out", path])
    load1 = os.popen("cat /proc/loadavg").read().split()[0]
    mj = os.path.join(d, f"msnb_{n}.json"); pj = os.path.join(d, f"peers_{n}.json")
    open(mj, "w").write(run([bench, "table", path, "--runs", runs]))
    run([tpy, os.path.join(here, "peers_table.py"), path, mj, "--only", "polars,duckdb", "--runs", runs, "--json", pj])
    msnb, peers = json.load(open(mj)), json.load(open(pj))
    mem = {"msnb": last_json(run([bench, "load", path]))}
    for p in ["polars", "duckdb"]:
        mem[p] = last_json(run([tpy, os.path.join(here, "peers_load_memory.py"), p, path]))
    boost = {"msnb": last_json(run([bench, "boost", path])),
             "xgboost": last_json(run([bpy, os.path.join(here, "peers_boost.py"), path, "--only", "xgboost"]))}
    load2 = os.popen("cat /proc/loadavg").read().split()[0]
    rec = {"rows": n, "csv_mb": msnb["csv_mb"], "loadavg": [load1, load2], "msnb": msnb, "peers": peers, "load_memory": mem, "boost": boost}
    print(json.dumps(rec), flush=True)
    rows_out.append(rec)

ops = ["load", "filter", "groupby", "sort", "join", "join_big", "write"]
print("\n| rows | op | msnb ms | polars ms | duckdb ms | msnb/polars | msnb/duckdb | msnb ms per 1M rows |")
print("|---|---|---|---|---|---|---|---|")
for r in rows_out:
    for op in ops:
        m = r["msnb"][f"{op}_ms"]; pl = r["peers"]["polars"][op]; dk = r["peers"]["duckdb"][op]
        print(f"| {r['rows']:,} | {op} | {m:.1f} | {pl:.1f} | {dk:.1f} | {m / pl:.2f} | {m / dk:.2f} | {m * 1e6 / r['rows']:.1f} |")
print("\n| rows | CSV MB | load peak MB msnb / polars / duckdb | boost s msnb / xgboost | boost peak MB msnb / xgboost | load average |")
print("|---|---|---|---|---|---|")
for r in rows_out:
    m = r["load_memory"]; b = r["boost"]
    print(f"| {r['rows']:,} | {r['csv_mb']} | {m['msnb']['peak_mb']} / {m['polars']['peak_mb']} / {m['duckdb']['peak_mb']} | "
          f"{b['msnb']['train_s']} / {b['xgboost'].get('xgboost_train_s')} | {b['msnb']['peak_mb']} / {b['xgboost']['python_peak_mb']} | "
          f"{r['loadavg'][0]}–{r['loadavg'][1]} |")
