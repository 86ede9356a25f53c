"""Reference values for `compare regions … with equivalence = Δ` (TOST), from statsmodels.

Run from this folder: python make_equivalence.py  (statsmodels 0.15.0, numpy 2.4.6).
Reads firms.csv (made by make_compare.py); writes equivalence.json: for export_volume with Δ = 20 and
sentiment with Δ = 1.0, every pair of regions (A, B, C in order): the TOST p-value and both one-sided
tests from statsmodels.stats.weightstats.ttost_ind(a, b, -Δ, Δ, usevar="unequal"), and the mean difference.
Rows without a region are left out; a missing value is left out of its variable.
"""
import csv, json
import numpy as np
from statsmodels.stats.weightstats import ttost_ind

rows = list(csv.DictReader(open("firms.csv")))
out = {}
for var, bound in (("export_volume", 20.0), ("sentiment", 1.0)):
    groups = {r: [float(x[var]) for x in rows if x["region"] == r and x[var] != ""] for r in ("A", "B", "C")}
    res = []
    for a, b in (("A", "B"), ("A", "C"), ("B", "C")):
        p, lower, upper = ttost_ind(np.array(groups[a]), np.array(groups[b]), -bound, bound, usevar="unequal")
        res.append({"a": a, "b": b, "diff": float(np.mean(groups[a]) - np.mean(groups[b])), "p": float(p),
                    "t_lower": float(lower[0]), "p_lower": float(lower[1]), "t_upper": float(upper[0]),
                    "p_upper": float(upper[1]), "df": float(lower[2])})
    out[var] = {"bound": bound, "pairs": res}
json.dump(out, open("equivalence.json", "w"), indent=1)
print(json.dumps(out, indent=1))
