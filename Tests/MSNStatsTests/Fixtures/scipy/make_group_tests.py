"""Reference values for msnb's group-comparison tests (MSNStats/GroupComparison).

Run from this folder: python3 make_group_tests.py  (SciPy 1.17.1, statsmodels 0.15.0 were used).
Writes group_tests.json: the input groups and SciPy/statsmodels results.
"""
import json
import numpy as np
from scipy import stats
from statsmodels.stats.oneway import anova_oneway
from statsmodels.stats.multitest import multipletests

groups = [
    [12.1, 14.3, 11.8, 15.2, 13.9, 12.7, 16.1, 14.8],
    [18.4, 21.2, 17.9, 25.3, 19.8, 22.7],
    [13.2, 13.9, 14.1, 12.8, 13.5, 14.4, 13.0, 13.7, 14.0, 13.3],
]
ties = [[1, 2, 2, 3, 4, 4, 4], [2, 3, 3, 5, 5, 6], [4, 4, 5, 6, 7, 7, 8, 8]]
table = [[20, 15, 5], [10, 25, 15], [5, 10, 30]]
pvals = [0.01, 0.04, 0.03, 0.20, 0.005]

out = {"groups": groups, "ties": ties, "table": table, "pvals": pvals}
w = anova_oneway([np.array(g) for g in groups], use_var="unequal")
out["welch"] = {"F": float(w.statistic), "df1": float(w.df_num), "df2": float(w.df_denom), "p": float(w.pvalue)}
allv = np.concatenate([np.array(g) for g in groups]); grand = allv.mean()
ssb = sum(len(g) * (np.mean(g) - grand) ** 2 for g in groups); sst = ((allv - grand) ** 2).sum()
out["welch"]["eta2"] = float(ssb / sst)
for name, data in (("kruskal", groups), ("kruskal_ties", ties)):
    h, p = stats.kruskal(*data)
    n = sum(len(g) for g in data)
    out[name] = {"H": float(h), "p": float(p), "eps2": float(h / (n - 1))}
chi2, p, dof, expected = stats.chi2_contingency(np.array(table), correction=False)
n = np.array(table).sum()
out["chi2"] = {"chi2": float(chi2), "p": float(p), "df": int(dof), "V": float(np.sqrt(chi2 / (n * 2))), "min_expected": float(expected.min())}
out["holm"] = [float(x) for x in multipletests(pvals, method="holm")[1]]
gh = []
k = len(groups)
for i in range(k):
    for j in range(i + 1, k):
        a = np.var(groups[i], ddof=1) / len(groups[i]); b = np.var(groups[j], ddof=1) / len(groups[j])
        diff = np.mean(groups[i]) - np.mean(groups[j]); t = diff / np.sqrt(a + b)
        df = (a + b) ** 2 / (a ** 2 / (len(groups[i]) - 1) + b ** 2 / (len(groups[j]) - 1))
        p = stats.studentized_range.sf(abs(t) * np.sqrt(2), k, df)
        gh.append({"i": i, "j": j, "diff": float(diff), "t": float(t), "df": float(df), "p": float(p)})
out["games_howell"] = gh
out["ptukey"] = [{"q": q, "k": kk, "df": df, "cdf": float(stats.studentized_range.cdf(q, kk, df))}
                 for q, kk, df in [(3.5, 3, 10), (2.0, 2, 5), (4.2, 5, 30), (1.0, 4, 3), (3.0, 3, 200.0), (5.0, 10, 60)]]
json.dump(out, open("group_tests.json", "w"), indent=1)
print("wrote group_tests.json")
