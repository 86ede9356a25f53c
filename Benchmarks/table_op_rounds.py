"""One table operation, msnb (one or more MSNBench builds) and Polars alternately, in several rounds.

For a loaded machine: each round runs every build's `MSNBench table-op FILE --op OP --runs N` and then
Polars on the same file and operation (as Benchmarks/peers_table.py defines it), so a burst of load hits
all of them; the msnb/Polars ratio is taken per round, and the median over rounds is printed.
Usage:
    python Benchmarks/table_op_rounds.py FILE.csv --op filter|join_big|join --rounds 3 --runs 11 \\
        --bench old=/tmp/msnbench-base --bench new=.build/release/MSNBench
Needs: pip install polars. Prints one line per round with `uptime`'s load average, then the medians.
"""
import json, os, statistics, subprocess, sys, time

def arg(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default

path, op = sys.argv[1], arg("--op", "filter")
rounds, runs = int(arg("--rounds", "3")), int(arg("--runs", "11"))
benches = [sys.argv[i + 1].split("=", 1) for i, a in enumerate(sys.argv) if a == "--bench"] or [["msnb", ".build/release/MSNBench"]]

import polars as pl
df = pl.read_csv(path)
n = df.height
wide = pl.DataFrame({"firm_id": [i % max(1, n // 4) + 1 for i in range(n)], "w": [float(i) for i in range(n)]})
regions = pl.DataFrame({"region": ["Java", "Sumatra", "Bali"], "island_pop_m": [152, 60, 4]})
polars_op = {
    "filter": lambda: df.filter((pl.col("export_volume") > 1000) & (pl.col("region") == "Java")),
    "join_big": lambda: df.join(wide, on="firm_id"),
    "join": lambda: df.join(regions, on="region"),
}[op]

def polars_median():
    times = []
    for _ in range(runs):
        t = time.perf_counter(); polars_op(); times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)

ratios = {name: [] for name, _ in benches}
for r in range(rounds):
    load = open("/proc/loadavg").read().split()[0]
    ms = {}
    for name, exe in benches:
        out = subprocess.run([exe, "table-op", path, "--op", op, "--runs", str(runs)], capture_output=True, text=True, check=True).stdout
        ms[name] = json.loads([l for l in out.splitlines() if l.startswith("{")][-1])["ms"]
    p = polars_median()
    for name in ms:
        ratios[name].append(ms[name] / p)
    cells = ", ".join(f"{name} {ms[name]:.1f} ms ({ms[name] / p:.2f}x)" for name in ms)
    print(f"round {r + 1} {op} load {load}-{open('/proc/loadavg').read().split()[0]}: polars {p:.1f} ms, {cells}", flush=True)
print(f"{op}: median msnb/polars over {rounds} rounds: " + ", ".join(f"{k} {statistics.median(v):.2f}" for k, v in ratios.items()))
