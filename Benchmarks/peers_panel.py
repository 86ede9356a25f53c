"""Peers for `MSNBench panel`: two-way FE (firm + year), clustered by firm, on the same CSV.
Usage: python Benchmarks/peers_panel.py FILE.csv pyfixest|linearmodels  (one tool per process, so the
peak memory is that tool's). Prints JSON: rows, load_ms, fit_ms (median of 3), peak_mb (ru_maxrss)."""
import json, resource, sys, time
import pandas as pd

path, tool = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
df = pd.read_csv(path)
load_ms = (time.perf_counter() - t0) * 1e3
times = []
for _ in range(3):
    t = time.perf_counter()
    if tool == "pyfixest":
        import pyfixest as pf
        fit = pf.feols("y ~ x1 + x2 + x3 + x4 + x5 | firm + year", data=df, vcov={"CRV1": "firm"})
        b = list(fit.coef().values)
    else:
        from linearmodels.panel import PanelOLS
        p = df.set_index(["firm", "year"])
        res = PanelOLS.from_formula("y ~ x1 + x2 + x3 + x4 + x5 + EntityEffects + TimeEffects", data=p).fit(
            cov_type="clustered", cluster_entity=True)
        b = list(res.params.values)
    times.append((time.perf_counter() - t) * 1e3)
times.sort()
print(json.dumps({"tool": tool, "rows": len(df), "load_ms": round(load_ms, 1), "fit_ms": round(times[1], 1),
                  "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                  "b": [round(x, 6) for x in b]}))
