"""Data and NumPy reference values for `compare regions` form 2 (a fitted model refitted per region).

Run from this folder: python3 make_regions.py  (NumPy only; seed 7).
Writes:
  regions.csv   two regions of 40 rows: in A the targets follow x1 only, in B x2 only
                (y = 2·x1 + 0.3·e in A, y = −1.5·x2 + 0.3·e in B; exported = 1 when x1 + 0.5·e > 0 in A,
                x2 + 0.5·e > 0 in B); sector (retail/tech) occurs in both regions.
  regions.json  for the linear model y ~ x1 + x2 refitted in each region: OLS coefficients (lstsq), the
                transfer RMSE (trained in one region, scored on the other) and the leave-one-out RMSE
                within each region from the PRESS residuals e_i / (1 − h_ii), which is what k-fold
                cross-validation gives when k equals the region's rows (every fold holds one row).
"""
import csv, json, os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)
rows = []
for region in ["A", "B"]:
    for _ in range(40):
        x1, x2 = round(float(rng.normal()), 3), round(float(rng.normal()), 3)
        e1, e2 = rng.normal(), rng.normal()
        driver = x1 if region == "A" else x2
        y = round(2 * x1 + 0.3 * e1, 3) if region == "A" else round(-1.5 * x2 + 0.3 * e1, 3)
        exported = int(driver + 0.5 * e2 > 0)
        sector = ["retail", "tech"][int(rng.integers(0, 2))]
        rows.append([region, x1, x2, sector, y, exported])
with open(os.path.join(HERE, "regions.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["region", "x1", "x2", "sector", "y", "exported"])
    w.writerows(rows)

out = {"coef": {}, "transfer_rmse": {}, "loo_rmse": {}}
data = {}
for region in ["A", "B"]:
    r = [row for row in rows if row[0] == region]
    X = np.array([[1.0, row[1], row[2]] for row in r]); y = np.array([row[4] for row in r])
    data[region] = (X, y)
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    out["coef"][region] = {"(Intercept)": beta[0], "x1": beta[1], "x2": beta[2]}
    h = np.diag(X @ np.linalg.inv(X.T @ X) @ X.T)
    press = (y - X @ beta) / (1 - h)
    out["loo_rmse"][region] = float(np.sqrt(np.mean(press ** 2)))
for a in ["A", "B"]:
    for b in ["A", "B"]:
        if a != b:
            beta = np.linalg.lstsq(*data[a], rcond=None)[0]
            X, y = data[b]
            out["transfer_rmse"][a + "->" + b] = float(np.sqrt(np.mean((X @ beta - y) ** 2)))
out["coef"] = {k: {t: float(v) for t, v in c.items()} for k, c in out["coef"].items()}
with open(os.path.join(HERE, "regions.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote regions.csv and regions.json")
