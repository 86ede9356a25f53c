"""Fixtures for `fit did` and `fit event` in MSNPanel: a simulated staggered-adoption panel with a known
effect, fitted with pyfixest. Run from this folder: `python make_did.py` (writes every .csv here).

Design (seed 20261201): 240 firms x 10 years (2015-2024). Adoption cohorts: 2018 (80 firms), 2020 (60),
2022 (50), never (50). y = firm effect + year effect + 0.3*x + tau + N(0,1), where for adopters
tau = (0.5 + 0.1*(year - adopt)) * cohort_scale for year >= adopt (cohort_scale 1.0, 1.5, 2.0 for
2018/2020/2022): dynamic and heterogeneous, so TWFE is biased and Sun-Abraham is not. 40 random rows are
deleted (an unbalanced panel with gaps), 15 values of y are missing, and one extra firm has a single row
(a singleton that fixest drops).
"""
import numpy as np
import pandas as pd
import pyfixest as pf

rng = np.random.default_rng(20261201)
firms, years = 240, np.arange(2015, 2025)
cohort_of = np.concatenate([np.full(80, 2018.0), np.full(60, 2020.0), np.full(50, 2022.0), np.full(50, np.nan)])
scale = {2018.0: 1.0, 2020.0: 1.5, 2022.0: 2.0}
alpha = rng.normal(0, 1, firms)
gamma = rng.normal(0, 0.5, len(years)).cumsum()
rows = []
for f in range(firms):
    for k, t in enumerate(years):
        c = cohort_of[f]
        x = rng.normal(0, 1)
        tau = 0.0
        if not np.isnan(c) and t >= c:
            tau = (0.5 + 0.1 * (t - c)) * scale[c]
        y = alpha[f] + gamma[k] + 0.3 * x + tau + rng.normal(0, 1)
        rows.append((f + 1, int(t), c, x, y))
df = pd.DataFrame(rows, columns=["firm_id", "year", "adopt_year", "x", "y"])
df = df.drop(index=rng.choice(len(df), 40, replace=False)).reset_index(drop=True)
df.loc[rng.choice(len(df), 15, replace=False), "y"] = np.nan
df = pd.concat([df, pd.DataFrame([(firms + 1, 2019, np.nan, 0.1, 0.2)], columns=df.columns)], ignore_index=True)
df["treated_post"] = ((~df["adopt_year"].isna()) & (df["year"] >= df["adopt_year"])).astype(int)
df.to_csv("staggered_panel.csv", index=False, na_rep="")

def write(fit, name):
    t = fit.tidy().reset_index()
    out = pd.DataFrame({"term": t["Coefficient"], "estimate": t["Estimate"], "se": t["Std. Error"],
                        "t": t["t value"], "p": t["Pr(>|t|)"]})
    out.to_csv(f"{name}.pyfixest.csv", index=False, float_format="%.17g")
    pd.DataFrame({"measure": ["nobs", "r2_within"], "value": [fit._N, fit._r2_within]}).to_csv(
        f"{name}.pyfixest.fit.csv", index=False)

# 1. Canonical TWFE DiD, clustered by firm.
did = pf.feols("y ~ treated_post + x | firm_id + year", data=df, vcov={"CRV1": "firm_id"}, fixef_rm="singleton")
write(did, "did")

# 2. TWFE event study, window [-4, 4] with the ends binned, reference -1, never treated all zeros.
lo, hi, ref = -4, 4, -1
rel = (df["year"] - df["adopt_year"]).clip(lo, hi)
def name(p):
    return f"t{p}" if p < 0 else f"t+{p}"
names = []
for p in range(lo, hi + 1):
    if p == ref:
        continue
    col = name(p).replace("-", "m").replace("+", "p")
    df[col] = (rel == p).astype(float)
    names.append((col, name(p)))
ev = pf.feols("y ~ " + " + ".join(c for c, _ in names) + " + x | firm_id + year", data=df,
              vcov={"CRV1": "firm_id"}, fixef_rm="singleton")
t = ev.tidy().reset_index()
rename = dict(names)
t["Coefficient"] = t["Coefficient"].map(lambda c: rename.get(c, c))
pd.DataFrame({"term": t["Coefficient"], "estimate": t["Estimate"], "se": t["Std. Error"]}).to_csv(
    "event_twfe.pyfixest.csv", index=False, float_format="%.17g")

# 3. Sun-Abraham: cohort x relative-period interactions (never treated as the control), then the
#    aggregation of fixest's sunab: per period, cohorts weighted by their share of observations there.
cells = []
for c in sorted(df["adopt_year"].dropna().unique()):
    for p in range(lo, hi + 1):
        if p == ref:
            continue
        col = f"{name(p)}@{int(c)}".replace("-", "m").replace("+", "p").replace("@", "_c")
        v = ((rel == p) & (df["adopt_year"] == c)).astype(float)
        if v.sum() > 0:
            df[col] = v
            cells.append((col, p, c))
sa = pf.feols("y ~ " + " + ".join(c for c, _, _ in cells) + " + x | firm_id + year", data=df,
              vcov={"CRV1": "firm_id"}, fixef_rm="singleton")
coef, vcov = sa.coef(), pd.DataFrame(sa._vcov, index=sa.coef().index, columns=sa.coef().index)
# Observation counts per cell in the estimation sample (rows with y observed; the singleton has no cohort).
sample = df[~df["y"].isna()]
out = []
for p in sorted({p for _, p, _ in cells}):
    cols = [col for col, q, _ in cells if q == p]
    n = np.array([sample[col].sum() for col in cols])
    w = n / n.sum()
    est = float(w @ coef[cols].values)
    se = float(np.sqrt(w @ vcov.loc[cols, cols].values @ w))
    out.append((name(p), est, se))
pd.DataFrame(out, columns=["term", "estimate", "se"]).to_csv("event_sunab.csv", index=False, float_format="%.17g")

with open("versions.txt", "w") as fh:
    import sys
    fh.write(f"python {sys.version.split()[0]}\nnumpy {np.__version__}\npandas {pd.__version__}\npyfixest {pf.__version__}\n")
