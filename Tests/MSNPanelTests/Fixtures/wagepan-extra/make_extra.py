"""Extra references for MSNPanel on the wage panel (../wagepan/wage_panel.csv): two-way clustering,
HC1 with two-way effects, and an unbalanced panel with gaps and singletons. Run from this folder:
`python make_extra.py`. Needs pyfixest 0.60.0 and linearmodels 7.1 (versions.txt)."""
import sys
import numpy as np
import pandas as pd
import pyfixest as pf
import linearmodels
from linearmodels.panel import RandomEffects, FirstDifferenceOLS

df = pd.read_csv("../wagepan/wage_panel.csv")
TV = "expersq + union + married + hours"

def write(fit, name):
    t = fit.tidy().reset_index()
    pd.DataFrame({"term": t["Coefficient"], "estimate": t["Estimate"], "se": t["Std. Error"]}).to_csv(
        f"{name}.csv", index=False, float_format="%.17g")

def write_lm(res, name):
    pd.DataFrame({"term": [("(Intercept)" if n == "Intercept" else n) for n in res.params.index],
                  "estimate": res.params.values, "se": res.std_errors.values}).to_csv(f"{name}.csv", index=False, float_format="%.17g")
    extra = {"nobs": res.nobs}
    if hasattr(res, "variance_decomposition"):
        vd = res.variance_decomposition
        extra.update({"sigma2_u": vd["Effects"], "sigma2_e": vd["Residual"]})
    pd.DataFrame({"measure": list(extra), "value": list(extra.values())}).to_csv(f"{name}.fit.csv", index=False, float_format="%.17g")

# Balanced panel, two-way effects.
write(pf.feols(f"lwage ~ {TV} | nr + year", data=df, vcov={"CRV1": "nr+year"}, fixef_tol=1e-12), "twfe_twoway_clustered.pyfixest")
write(pf.feols(f"lwage ~ {TV} | nr + year", data=df, vcov="hetero", fixef_tol=1e-12), "twfe_hetero.pyfixest")

# Unbalanced: drop 600 random rows (seed 7), then keep one row only of 5 men (singletons).
rng = np.random.default_rng(7)
ub = df.drop(index=rng.choice(len(df), 600, replace=False))
lone = ub["nr"].drop_duplicates().iloc[:5]
ub = pd.concat([ub[~ub["nr"].isin(lone)], ub[ub["nr"].isin(lone)].groupby("nr").head(1)]).sort_values(["nr", "year"])
ub.to_csv("wage_unbalanced.csv", index=False)
fe = pf.feols(f"lwage ~ {TV} | nr + year", data=ub, vcov={"CRV1": "nr"}, fixef_rm="singleton", fixef_tol=1e-12)
write(fe, "unbalanced_twfe_clustered.pyfixest")
pd.DataFrame({"measure": ["nobs"], "value": [fe._N]}).to_csv("unbalanced_twfe_clustered.pyfixest.fit.csv", index=False)
panel = ub.set_index(["nr", "year"])
re = RandomEffects.from_formula(f"lwage ~ 1 + {TV} + educ + black + hisp", data=panel).fit()
write_lm(re, "unbalanced_re")
fd = FirstDifferenceOLS.from_formula(f"lwage ~ {TV}", data=panel).fit()
write_lm(fd, "unbalanced_fd")
with open("versions.txt", "w") as fh:
    fh.write(f"python {sys.version.split()[0]}\nnumpy {np.__version__}\npandas {pd.__version__}\n"
             f"pyfixest {pf.__version__}\nlinearmodels {linearmodels.__version__}\n")
