"""Reference values for the TRIPOD prediction metrics (Tests/MSNStatsTests/PredictionMetricTests.swift).

Run: python make_prediction.py  (needs numpy, scikit-learn, statsmodels; R with pROC for DeLong)
Writes predictions.csv (labels and probabilities, shortest round-trip floats) and prediction.json.
"""
import json, subprocess
import numpy as np
from sklearn.metrics import brier_score_loss, average_precision_score, roc_auc_score, confusion_matrix
from sklearn.calibration import calibration_curve
import statsmodels.api as sm

rng = np.random.default_rng(20261202)
n = 300
x = rng.normal(size=n)
true_lp = -1.4 + 1.1 * x                      # about 1:4 imbalance
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-true_lp))).astype(int)
# A miscalibrated model: too extreme (slope < 1) and shifted; some scores rounded to make ties.
p = 1 / (1 + np.exp(-(-1.0 + 1.6 * x)))
p[:40] = np.round(p[:40], 2)

with open("predictions.csv", "w") as f:
    f.write("y,p\n")
    for a, b in zip(y, p):
        f.write(f"{a},{repr(float(b))}\n")

lp = np.log(np.clip(p, 1e-12, 1 - 1e-12) / (1 - np.clip(p, 1e-12, 1 - 1e-12)))
cal_int = sm.GLM(y, np.ones((n, 1)), family=sm.families.Binomial(), offset=lp).fit(tol=1e-14).params[0]
slope_fit = sm.Logit(y, sm.add_constant(lp)).fit(disp=0, tol=1e-14)
out = {
    "n": n, "events": int(y.sum()),
    "brier": brier_score_loss(y, p),
    "average_precision": average_precision_score(y, p),
    "auc": roc_auc_score(y, p),
    "calibration_intercept": float(cal_int),
    "calibration_slope": float(slope_fit.params[1]),
    "calibration_slope_intercept": float(slope_fit.params[0]),
}
for t in (0.3, 0.5):
    tn, fp, fn, tp = confusion_matrix(y, (p >= t).astype(int)).ravel()
    out[f"confusion_{t}"] = {"tp": int(tp), "fp": int(fp), "tn": int(tn), "fn": int(fn)}
prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy="uniform")
out["calibration_curve"] = {"observed": prob_true.tolist(), "predicted": prob_pred.tolist()}

r = subprocess.run(["Rscript", "-e", """
d <- read.csv('predictions.csv')
suppressMessages(library(pROC))
r <- roc(d$y, d$p, levels = c(0, 1), direction = '<', quiet = TRUE)
ci <- ci.auc(r, method = 'delong', conf.level = 0.95)
v <- var(r, method = 'delong')
cat(sprintf('%.17g %.17g %.17g %.17g', ci[1], ci[2], ci[3], sqrt(v)))
"""], capture_output=True, text=True, check=True)
lo, auc, hi, se = map(float, r.stdout.split())
out["delong"] = {"lower": lo, "auc": auc, "upper": hi, "se": se}
json.dump(out, open("prediction.json", "w"), indent=1)
print(json.dumps(out, indent=1))
