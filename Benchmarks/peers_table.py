"""The table benchmark's operations in pandas, Polars and DuckDB, side by side with msnb.

Usage (from the repository root, after `make bench`):
    python3 Benchmarks/peers_table.py Benchmarks/out/firms_1m.csv Benchmarks/out/msnb_table.json
Needs: pip install pandas polars duckdb. Prints medians (ms) and msnb/peer ratios; a missing peer is skipped.
"""
import json, os, resource, statistics, sys, tempfile, time

path, msnb_json = sys.argv[1], sys.argv[2]
# Optional: --only polars,duckdb (skip the others, e.g. pandas at 10M rows), --runs N (default 5), --json OUT.
only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else ["pandas", "polars", "duckdb"]
runs = int(sys.argv[sys.argv.index("--runs") + 1]) if "--runs" in sys.argv else 5
msnb = json.load(open(msnb_json))

def median(fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

results = {}
# The 1M x 1M join with many matches: the first quarter of firm ids, each four times (as MSNBench table).
n_rows = msnb["rows"]
big_keys = [i % max(1, n_rows // 4) + 1 for i in range(n_rows)]
big_w = [float(i) for i in range(n_rows)]
try:
    if "pandas" not in only: raise ImportError
    import pandas as pd
    df = pd.read_csv(path)
    regions = pd.DataFrame({"region": ["Java", "Sumatra", "Bali"], "island_pop_m": [152, 60, 4]})
    wide = pd.DataFrame({"firm_id": big_keys, "w": big_w})
    out = os.path.join(tempfile.gettempdir(), "pandas-out.csv")
    results["pandas"] = {
        "load": median(lambda: pd.read_csv(path)),
        "filter": median(lambda: df[(df.export_volume > 1000) & (df.region == "Java")]),
        "groupby": median(lambda: df.groupby(["sector", "region"]).agg(n=("firm_id", "size"), mean_vol=("export_volume", "mean"), sd_vol=("export_volume", "std"))),
        "sort": median(lambda: df.sort_values("export_volume", ascending=False, na_position="last", kind="stable")),
        "join": median(lambda: df.merge(regions, on="region")),
        "join_big": median(lambda: df.merge(wide, on="firm_id")),
        "write": median(lambda: df.to_csv(out, index=False)),
    }
except ImportError:
    pass
try:
    if "polars" not in only: raise ImportError
    import polars as pl
    df = pl.read_csv(path)
    regions = pl.DataFrame({"region": ["Java", "Sumatra", "Bali"], "island_pop_m": [152, 60, 4]})
    wide = pl.DataFrame({"firm_id": big_keys, "w": big_w})
    out = os.path.join(tempfile.gettempdir(), "polars-out.csv")
    results["polars"] = {
        "load": median(lambda: pl.read_csv(path)),
        "filter": median(lambda: df.filter((pl.col("export_volume") > 1000) & (pl.col("region") == "Java"))),
        "groupby": median(lambda: df.group_by(["sector", "region"]).agg(pl.len().alias("n"), pl.col("export_volume").mean().alias("mean_vol"), pl.col("export_volume").std().alias("sd_vol"))),
        "sort": median(lambda: df.sort("export_volume", descending=True, nulls_last=True)),
        "join": median(lambda: df.join(regions, on="region")),
        "join_big": median(lambda: df.join(wide, on="firm_id")),
        "write": median(lambda: df.write_csv(out)),
    }
except ImportError:
    pass
try:
    if "duckdb" not in only: raise ImportError
    import duckdb
    con = duckdb.connect()
    con.execute(f"create table t as select * from read_csv_auto('{path}')")
    con.execute("create table r as select * from (values ('Java', 152), ('Sumatra', 60), ('Bali', 4)) v(region, island_pop_m)")
    con.execute(f"create table wide as select (i % {max(1, n_rows // 4)} + 1)::BIGINT firm_id, i::DOUBLE w from range({n_rows}) tbl(i)")
    out = os.path.join(tempfile.gettempdir(), "duckdb-out.csv")
    q = lambda s: (lambda: con.execute(s).fetch_arrow_table() if hasattr(con.execute(s), "fetch_arrow_table") else con.execute(s).fetchall())
    results["duckdb"] = {
        "load": median(lambda: con.execute(f"select * from read_csv_auto('{path}')").fetchnumpy()),
        "filter": median(lambda: con.execute("select * from t where export_volume > 1000 and region = 'Java'").fetchnumpy()),
        "groupby": median(lambda: con.execute("select sector, region, count(*) n, avg(export_volume) mean_vol, stddev_samp(export_volume) sd_vol from t group by sector, region").fetchnumpy()),
        "sort": median(lambda: con.execute("select * from t order by export_volume desc nulls last").fetchnumpy()),
        "join": median(lambda: con.execute("select * from t join r using (region)").fetchnumpy()),
        "join_big": median(lambda: con.execute("select * from t join wide using (firm_id)").fetchnumpy()),
        "write": median(lambda: con.execute(f"copy t to '{out}' (header, delimiter ',')")),
    }
except ImportError:
    pass

ops = ["load", "filter", "groupby", "sort", "join", "join_big", "write"]
if "--json" in sys.argv:   # the peers' medians as JSON (Benchmarks/growth.py)
    json.dump(results, open(sys.argv[sys.argv.index("--json") + 1], "w"))
print(f"rows {msnb['rows']}, csv {msnb['csv_mb']} MB, msnb peak memory {msnb['peak_mb']} MB "
      f"(python peak {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB with every peer loaded)")
header = "| op | msnb ms | " + " | ".join(f"{p} ms | msnb/{p}" for p in results) + " |"
print(header)
print("|" + "---|" * (2 + 2 * len(results)))
for op in ops:
    m = msnb[f"{op}_ms"]
    cells = [f"{results[p][op]:.1f} | {m / results[p][op]:.2f}" for p in results]
    print(f"| {op} | {m:.1f} | " + " | ".join(cells) + " |")
if "lang_filter_ms" not in msnb:
    sys.exit(0)
print()
print("| language vs engine | engine ms | language ms | overhead |")
print("|---|---|---|---|")
for op in ["filter", "groupby", "sort"]:
    e, l = msnb[f"{op}_ms"], msnb[f"lang_{op}_ms"]
    print(f"| {op} | {e:.1f} | {l:.1f} | {100 * (l - e) / e:+.0f}% |")
