"""Peak memory of one CSV load by a peer, in its own process (issue 21's growth table).

Usage: python3 Benchmarks/peers_load_memory.py polars|duckdb|pandas FILE.csv
Prints the load time and the process's peak RSS (ru_maxrss) after the import and after the load, in MB;
msnb's side is `/usr/bin/time -v .build/release/MSNBench load FILE.csv` (VmHWM).
"""
import resource, sys, time

peer, path = sys.argv[1], sys.argv[2]
if peer == "polars":
    import polars as pl
    load = lambda: pl.read_csv(path)
elif peer == "duckdb":
    import duckdb
    con = duckdb.connect()
    load = lambda: con.execute(f"select * from read_csv_auto('{path}')").fetchnumpy()
else:
    import pandas as pd
    load = lambda: pd.read_csv(path)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
df = load()
ms = (time.perf_counter() - t) * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f'{{"peer": "{peer}", "load_ms": {ms:.1f}, "peak_mb_after_import": {base:.1f}, "peak_mb": {peak:.1f}}}')
