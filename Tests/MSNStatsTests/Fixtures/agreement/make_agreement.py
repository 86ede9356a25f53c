"""Reference values for inter-rater agreement, Wilson intervals and Fisher's exact tests.

Run: python3 make_agreement.py  (writes agreement.json beside this file; needs statsmodels, scipy,
krippendorff and, for the 2 x c Freeman-Halton tests, R's fisher.test via Rscript).
"""
import json, math, pathlib, subprocess
import numpy as np
import krippendorff
import scipy
import scipy.stats
import statsmodels
from statsmodels.stats.inter_rater import cohens_kappa, fleiss_kappa, to_table, aggregate_raters
from statsmodels.stats.proportion import proportion_confint

rng = np.random.default_rng(20)


def case(name, data):
    """data: units x coders, np.nan for missing."""
    data = np.asarray(data, dtype=float)
    out = {"name": name, "ratings": [[None if math.isnan(v) else v for v in row] for row in data]}
    both = data[~np.isnan(data[:, 0]) & ~np.isnan(data[:, 1])][:, :2]
    table, _ = to_table(both)
    out["cohen"] = float(cohens_kappa(table, return_results=False))
    complete = data[~np.isnan(data).any(axis=1)]
    counts, _ = aggregate_raters(complete)
    out["fleiss"] = float(fleiss_kappa(counts, method="fleiss"))
    for level in ["nominal", "ordinal", "interval"]:
        out["alpha_" + level] = float(krippendorff.alpha(reliability_data=data.T, level_of_measurement=level))
    return out


cases = []
# Krippendorff's textbook example (4 coders, 12 units, missing values), as in the krippendorff package docs.
nan = np.nan
kexample = np.array([
    [nan, nan, nan, nan, nan, 3, 4, 1, 2, 1, 1, 3, 3, nan, 3],
    [1, nan, 2, 1, 3, 3, 4, 3, nan, nan, nan, nan, nan, nan, nan],
    [nan, nan, 2, 1, 3, 4, 4, nan, 2, 1, 1, 3, 3, nan, 4],
]).T
cases.append(case("krippendorff_docs", kexample))
# Two coders, 15 interviews, one 0/1 theme.
truth = rng.integers(0, 2, 15)
b = np.where(rng.random(15) < 0.8, truth, 1 - truth)
cases.append(case("binary_two_coders", np.column_stack([truth, b])))
# Three coders, 40 units, three categories, complete.
t3 = rng.integers(0, 3, 40)
c3 = np.column_stack([np.where(rng.random(40) < 0.75, t3, rng.integers(0, 3, 40)) for _ in range(3)])
cases.append(case("three_coders_three_categories", c3))
# Two coders, 30 units, ratings 0..3 with 4 missing values.
t4 = rng.integers(0, 4, 30)
c4 = np.column_stack([np.clip(t4 + rng.integers(-1, 2, 30), 0, 3) for _ in range(2)]).astype(float)
c4[[2, 9, 17, 25], [0, 1, 1, 0]] = np.nan
cases.append(case("ratings_with_missing", c4))

wilson = []
for count, n in [(0, 15), (1, 15), (7, 15), (12, 15), (15, 15), (78, 100), (3, 7)]:
    lo, hi = proportion_confint(count, n, alpha=0.05, method="wilson")
    wilson.append({"count": count, "n": n, "lower": float(lo), "upper": float(hi)})

fisher = []
for tab in [[[3, 1], [1, 3]], [[8, 2], [1, 5]], [[0, 5], [6, 1]], [[10, 3], [2, 15]], [[4, 4], [4, 4]], [[1, 9], [11, 3]]]:
    res = scipy.stats.fisher_exact(tab)
    fisher.append({"table": tab, "odds_ratio": float(res.statistic), "p": float(res.pvalue)})

# 2 x c tables (theme present / absent by region): R's fisher.test, the exact Freeman-Halton test.
two_by_c = [[[6, 3, 1], [3, 1, 1]], [[2, 5, 4, 1], [7, 2, 3, 6]], [[9, 4, 2], [1, 3, 3]], [[12, 5], [8, 10]]]
rcode = "\n".join(
    "cat(sprintf('%.17g\\n', fisher.test(matrix(c({}), nrow = 2, byrow = TRUE))$p.value))".format(
        ", ".join(str(v) for row in tab for v in row)) for tab in two_by_c)
pvals = subprocess.run(["Rscript", "-e", rcode], capture_output=True, text=True, check=True).stdout.split()
r_version = subprocess.run(["Rscript", "-e", "cat(R.version.string)"], capture_output=True, text=True).stdout
freeman_halton = [{"table": tab, "p": float(p)} for tab, p in zip(two_by_c, pvals)]

# Welch two-sample t (predicted probability of firms with and without a theme).
welch = []
for a, b in [([0.12, 0.30, 0.08, 0.22, 0.15], [0.41, 0.25, 0.33, 0.52, 0.19, 0.28, 0.37]),
             ([0.5, 0.61, 0.47], [0.2, 0.35, 0.18, 0.4, 0.29, 0.31, 0.22, 0.27, 0.33])]:
    res = scipy.stats.ttest_ind(a, b, equal_var=False)
    ci = res.confidence_interval(0.95)
    welch.append({"a": a, "b": b, "t": float(res.statistic), "df": float(res.df), "p": float(res.pvalue),
                  "lower": float(ci.low), "upper": float(ci.high)})

out = {
    "versions": {"statsmodels": statsmodels.__version__, "scipy": scipy.__version__,
                 "krippendorff": getattr(krippendorff, "__version__", "0.9.0"), "R": r_version},
    "agreement": cases, "wilson": wilson, "fisher": fisher, "freeman_halton": freeman_halton, "welch": welch,
}
pathlib.Path(__file__).with_name("agreement.json").write_text(json.dumps(out) + "\n")
