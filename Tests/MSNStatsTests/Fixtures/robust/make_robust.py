"""Reference fits for weights, robust and clustered standard errors and average marginal effects.

    python make_robust.py      # writes robust.json next to this script

Data: wage_panel.csv (Vella & Verbeek 1998, linearmodels.datasets.wage_panel, copied unchanged), first 800 rows.
Linear: lwage ~ educ + exper + expersq + union + married + black + hisp (OLS / WLS with weights = hours).
Logistic: union ~ educ + exper + married + black + hisp + lwage (GLM Binomial; var_weights = hours).
Numbers are written with repr (shortest round-trip text).
"""
import json, os, sys
import numpy as np
import pandas as pd
import statsmodels
import statsmodels.api as sm

HERE = os.path.dirname(os.path.abspath(__file__))
d = pd.read_csv(os.path.join(HERE, "wage_panel.csv")).iloc[:800]   # the first 100 men (8 years each): keeps the Swift test fast
lin_terms = ["educ", "exper", "expersq", "union", "married", "black", "hisp"]
log_terms = ["educ", "exper", "married", "black", "hisp", "lwage"]
X = sm.add_constant(d[lin_terms].astype(float))
Xl = sm.add_constant(d[log_terms].astype(float))
y, yl, w = d["lwage"].astype(float), d["union"].astype(float), d["hours"].astype(float)
nr, year = d["nr"].to_numpy(), d["year"].to_numpy()


def pack(res, names):
    return {"params": [float(v) for v in res.params], "bse": [float(v) for v in res.bse], "terms": names}


out = {"statsmodels": statsmodels.__version__, "numpy": np.__version__, "python": sys.version.split()[0]}
names = ["(Intercept)"] + lin_terms
for wname, model in [("ols", sm.OLS(y, X)), ("wls", sm.WLS(y, X, weights=w))]:
    for cov in ["nonrobust", "HC0", "HC1", "HC2", "HC3"]:
        r = model.fit(cov_type=cov)
        out[f"{wname}_{cov.lower()}"] = pack(r, names)
    r = model.fit()
    out[f"{wname}_nonrobust"].update(r2=float(r.rsquared), f=float(r.fvalue), aic=float(r.aic), llf=float(r.llf))
    out[f"{wname}_cluster_nr"] = pack(model.fit(cov_type="cluster", cov_kwds={"groups": nr}), names)
    out[f"{wname}_cluster_nr_year"] = pack(model.fit(cov_type="cluster", cov_kwds={"groups": np.column_stack([nr, year])}), names)
    out[f"{wname}_cluster_nr"]["f"] = float(model.fit(cov_type="cluster", cov_kwds={"groups": nr}).fvalue)

lnames = ["(Intercept)"] + log_terms
for wname, kw in [("logit", {}), ("wlogit", {"var_weights": w})]:
    model = sm.GLM(yl, Xl, family=sm.families.Binomial(), **kw)
    for cov in ["nonrobust", "HC0", "HC1"]:
        out[f"{wname}_{cov.lower()}"] = pack(model.fit(cov_type=cov, tol=1e-13), lnames)
    out[f"{wname}_cluster_nr"] = pack(model.fit(cov_type="cluster", cov_kwds={"groups": nr}, tol=1e-13), lnames)
    out[f"{wname}_cluster_nr_year"] = pack(model.fit(cov_type="cluster", cov_kwds={"groups": np.column_stack([nr, year])}, tol=1e-13), lnames)
    # GLM's IRLS reports the covariance at the weights of its last iteration (1e-7 off for hisp here);
    # Newton's method evaluates the (expected = observed, canonical link) information at the final estimates.
    r = model.fit(method="newton", tol=1e-13, maxiter=100)
    out[f"{wname}_nonrobust"] = pack(r, lnames)
    out[f"{wname}_nonrobust"].update(llf=float(r.llf), aic=float(r.aic))

# Average marginal effects (dy/dx averaged over rows) with delta-method SEs.
m = sm.Logit(yl, Xl).fit(disp=0, tol=1e-13)
me = m.get_margeff(at="overall", method="dydx")
out["logit_margeff"] = {"terms": log_terms, "dydx": [float(v) for v in me.margeff], "se": [float(v) for v in me.margeff_se]}

with open(os.path.join(HERE, "robust.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote robust.json")
