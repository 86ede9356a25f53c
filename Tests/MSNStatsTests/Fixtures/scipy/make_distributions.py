"""Reference values for msnb's Distributions (SciPy 1.17.1). Run: python3 make_distributions.py"""
import json
from scipy import stats, special
out = {
    "normal_cdf": [[x, float(stats.norm.cdf(x))] for x in [-8, -3.2, -1, 0, 0.5, 1.96, 4]],
    "normal_quantile": [[p, float(stats.norm.ppf(p))] for p in [1e-10, 0.001, 0.025, 0.3, 0.5, 0.975, 0.999999]],
    "chi2_cdf": [[x, k, float(stats.chi2.cdf(x, k))] for x, k in [(0.5, 1), (3.84, 1), (85.3, 24), (20, 30), (918.85, 36), (1e-3, 5)]],
    "chi2_sf": [[x, k, float(stats.chi2.sf(x, k))] for x, k in [(85.3055217699727, 24), (150, 10), (5, 3)]],
    "t_cdf": [[t, df, float(stats.t.cdf(t, df))] for t, df in [(-2.5, 3), (0.3, 10), (2.0, 30), (1.96, 1000), (-6, 5)]],
    "f_sf": [[f, a, b, float(stats.f.sf(f, a, b))] for f, a, b in [(3.2, 2, 20), (0.5, 5, 7), (18.5, 2, 12.3), (1.0, 1, 1)]],
    "ncx2_cdf": [[x, k, nc, float(stats.ncx2.cdf(x, k, nc))] for x, k, nc in [(85.3, 24, 40.0), (30, 24, 5.5), (100, 24, 90), (10, 3, 0.5)]],
    "t_quantile": [[p, df, float(stats.t.ppf(p, df))] for p, df in [(0.975, 10), (0.975, 100), (0.95, 3)]],
}
json.dump(out, open("distributions.json", "w"), indent=1)
print("wrote distributions.json")
