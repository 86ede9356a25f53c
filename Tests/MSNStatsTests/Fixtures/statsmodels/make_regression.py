"""statsmodels 0.15.0 references for msnb's OLS and logistic regression.
Run from this folder: python3 make_regression.py  (reads ../../../../Notebooks/data)."""
import json
import pandas as pd, statsmodels.api as sm
d = pd.read_csv("../../../../Notebooks/data/diabetes.csv")
X = sm.add_constant(d[["age", "sex", "bmi", "bp", "s1", "s5"]])
ols = sm.OLS(d["target"], X).fit()
hs = pd.read_csv("../../../../Notebooks/data/HolzingerSwineford1939.csv")
hs["pasteur"] = (hs.school == "Pasteur").astype(float)
Xl = sm.add_constant(hs[["x1", "x4", "x7", "ageyr"]])
logit = sm.Logit(hs["pasteur"], Xl).fit(disp=0, tol=1e-12)
# An interaction model: x9 ~ x7 * x8 (x7 + x8 + x7:x8) with a categorical school (treatment coded, Grant-White base).
hs["school_Pasteur"] = hs["pasteur"]
hs["x7:x8"] = hs.x7 * hs.x8
Xi = sm.add_constant(hs[["x7", "x8", "x7:x8", "school_Pasteur"]])
inter = sm.OLS(hs["x9"], Xi).fit()
def table(fit, names):
    ci = fit.conf_int()
    return [{"term": n, "coef": float(fit.params[n]), "se": float(fit.bse[n]), "stat": float(fit.tvalues[n]),
             "p": float(fit.pvalues[n]), "lo": float(ci.loc[n, 0]), "hi": float(ci.loc[n, 1])} for n in names]
out = {
    "ols": {"coef": table(ols, X.columns), "r2": ols.rsquared, "adj_r2": ols.rsquared_adj, "f": ols.fvalue,
            "f_p": ols.f_pvalue, "aic": ols.aic, "n": int(ols.nobs)},
    "logit": {"coef": table(logit, Xl.columns), "mcfadden": logit.prsquared, "aic": logit.aic, "llf": logit.llf},
    "interaction": {"coef": table(inter, Xi.columns), "r2": inter.rsquared},
}
json.dump(out, open("regression.json", "w"), indent=1)
print("wrote regression.json")
