"""Reference values for `compare regions` (form 1), made with SciPy only (no pandas/statsmodels).

Run from this folder: python3 make_compare.py  (SciPy 1.17.1, NumPy were used).
Writes:
  firms.csv          a small deterministic dataset (seed 20240611): region A/B/C, two numeric columns,
                     one text column; one row has no region and one has no export_volume (to test the
                     null rules: rows without a region are dropped, a null value is left out of its variable).
  compare.json       per data set and variable: per-region n/mean/sd/median or level shares, Welch's ANOVA
                     (F and p from scipy.stats.f_oneway(equal_var=False); df2 by Welch's formula), eta²
                     = SS_between/SS_total, Kruskal-Wallis H/p (scipy.stats.kruskal), epsilon² = H/((n²−1)/(n+1)),
                     chi-square (scipy.stats.chi2_contingency(correction=False)), Cramér's V
                     (scipy.stats.contingency.association), Holm-adjusted p over every row of the tests table
                     (by hand, as R's p.adjust(method="holm")), and Games–Howell contrasts by hand from the
                     formula with scipy.stats.studentized_range.
The second data set is Notebooks/data/HolzingerSwineford1939.csv by school on x1, x4, x7 and
older = "13+" if ageyr >= 13 else "12 or less".
"""
import csv, json, os
import numpy as np
from scipy import stats
from scipy.stats.contingency import association

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))


def make_firms():
    rng = np.random.default_rng(20240611)
    rows = []
    spec = {"A": (22, 120.0, 25.0, 0.2, 1.0, [0.6, 0.3, 0.1]),
            "B": (20, 150.0, 40.0, 0.5, 0.6, [0.3, 0.4, 0.3]),
            "C": (18, 135.0, 15.0, 0.1, 1.4, [0.2, 0.3, 0.5])}
    sectors = ["manufacturing", "services", "trade"]
    for region, (n, mu, sd, smu, ssd, p) in spec.items():
        for _ in range(n):
            rows.append([region, round(float(rng.normal(mu, sd)), 2), round(float(rng.normal(smu, ssd)), 3),
                         sectors[int(rng.choice(3, p=p))]])
    order = rng.permutation(len(rows))
    rows = [rows[i] for i in order]
    rows[5][0] = ""      # no region: dropped with a warning
    rows[11][1] = ""     # no export_volume: left out of that variable only
    with open(os.path.join(HERE, "firms.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["id", "region", "export_volume", "sentiment", "sector"])
        for i, r in enumerate(rows):
            w.writerow([i + 1] + r)


def read(path):
    with open(path) as f:
        return list(csv.DictReader(f))


def holm(ps):
    m = len(ps)
    order = sorted(range(m), key=lambda i: (ps[i], i))
    out = [0.0] * m
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (m - rank) * ps[i]))
        out[i] = running
    return out


def numeric(groups):
    k = len(groups)
    n = np.array([len(g) for g in groups], float)
    means = np.array([np.mean(g) for g in groups])
    var = np.array([np.var(g, ddof=1) for g in groups])
    w = n / var
    mw = (w * means).sum() / w.sum()
    lam = (((1 - w / w.sum()) ** 2) / (n - 1)).sum()
    df2 = (k * k - 1) / (3 * lam)
    res = stats.f_oneway(*groups, equal_var=False)
    allv = np.concatenate(groups)
    grand = allv.mean()
    ssb = sum(len(g) * (np.mean(g) - grand) ** 2 for g in groups)
    sst = ((allv - grand) ** 2).sum()
    h, hp = stats.kruskal(*groups)
    N = len(allv)
    gh = []
    for i in range(k):
        for j in range(i + 1, k):
            a = var[i] / n[i]; b = var[j] / n[j]
            diff = means[i] - means[j]; t = diff / np.sqrt(a + b)
            df = (a + b) ** 2 / (a ** 2 / (n[i] - 1) + b ** 2 / (n[j] - 1))
            p = stats.studentized_range.sf(abs(t) * np.sqrt(2), k, df)
            gh.append({"i": i, "j": j, "diff": float(diff), "t": float(t), "df": float(df), "p": float(p)})
    return {
        "summary": [{"n": len(g), "mean": float(np.mean(g)), "sd": float(np.std(g, ddof=1)), "median": float(np.median(g))} for g in groups],
        "welch": {"F": float(res.statistic), "df1": k - 1, "df2": float(df2), "p": float(res.pvalue), "eta2": float(ssb / sst)},
        "kruskal": {"H": float(h), "df": k - 1, "p": float(hp), "eps2": float(h / ((N * N - 1) / (N + 1)))},
        "games_howell": gh,
    }


def categorical(groups):
    levels = sorted(set(v for g in groups for v in g))
    table = np.array([[sum(1 for v in g if v == lv) for lv in levels] for g in groups])
    chi2, p, dof, _ = stats.chi2_contingency(table, correction=False)
    return {
        "levels": levels,
        "counts": table.tolist(),
        "shares": [[float(c / row.sum()) for c in row] for row in table],
        "chi2": {"chi2": float(chi2), "df": int(dof), "p": float(p),
                 "V": float(association(table, method="cramer", correction=False))},
    }


def compare(rows, by, variables, kinds):
    rows = [r for r in rows if r[by] != ""]
    regions = sorted(set(r[by] for r in rows))
    out = {"regions": regions, "rows": len(rows), "variables": {}}
    pvals = []
    for v in variables:
        if kinds[v] == "numeric":
            groups = [[float(r[v]) for r in rows if r[by] == g and r[v] != ""] for g in regions]
            res = numeric(groups)
            pvals += [res["welch"]["p"], res["kruskal"]["p"]]
        else:
            groups = [[r[v] for r in rows if r[by] == g and r[v] != ""] for g in regions]
            res = categorical(groups)
            pvals.append(res["chi2"]["p"])
        out["variables"][v] = res
    out["p_holm"] = holm(pvals)
    return out


make_firms()
firms = read(os.path.join(HERE, "firms.csv"))
hs = read(os.path.join(ROOT, "Notebooks", "data", "HolzingerSwineford1939.csv"))
for r in hs:
    r["older"] = "13+" if int(r["ageyr"]) >= 13 else "12 or less"
result = {
    "firms": compare(firms, "region", ["export_volume", "sentiment", "sector"],
                     {"export_volume": "numeric", "sentiment": "numeric", "sector": "text"}),
    "hs": compare(hs, "school", ["x1", "x4", "x7", "older"],
                  {"x1": "numeric", "x4": "numeric", "x7": "numeric", "older": "text"}),
}
with open(os.path.join(HERE, "compare.json"), "w") as f:
    json.dump(result, f, indent=1)
print("wrote firms.csv and compare.json")
