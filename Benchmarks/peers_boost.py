"""XGBoost (hist, nthread=2) and LightGBM on the same task as `MSNBench boost`.
Usage: python3 Benchmarks/peers_boost.py FILE.csv [ROWS] [--only xgboost|lightgbm]
(pip install xgboost lightgbm pandas scikit-learn). With --only, the process runs one library, so
python_peak_mb is that library's process peak (data loading included, as in MSNBench's peak_mb)."""
import json, resource, sys, time
import numpy as np, pandas as pd
try:
    from sklearn.metrics import roc_auc_score
except ImportError:   # the rank (Mann-Whitney) AUC, ties averaged: the same number
    def roc_auc_score(y, p):
        r = pd.Series(p).rank().to_numpy(); pos = y == 1; n1 = pos.sum(); n0 = len(y) - n1
        return (r[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)
args = [a for a in sys.argv[1:]]
only = None
if "--only" in args:
    i = args.index("--only"); only = args[i + 1]; del args[i:i + 2]
path = args[0]
rows = int(args[1]) if len(args) > 1 else None
features = ["year", "export_volume", "profit_margin", "sentiment", "fx_volatility", "import_policy", "employees", "tech_use"]
df = pd.read_csv(path, nrows=rows)
n = len(df); cut = n * 8 // 10
X = df[features].to_numpy(dtype=float); y = df["exported"].to_numpy(dtype=float)
out = {"rows": n}
if only in (None, "xgboost"):
    try:
        import xgboost as xgb
        d = xgb.DMatrix(X[:cut], label=y[:cut])
        t = time.perf_counter()
        bst = xgb.train(dict(tree_method="hist", max_depth=6, learning_rate=0.1, objective="binary:logistic", nthread=2, max_bin=256), d, 100)
        out["xgboost_train_s"] = round(time.perf_counter() - t, 3)
        out["xgboost_auc"] = round(roc_auc_score(y[cut:], bst.predict(xgb.DMatrix(X[cut:]))), 5)
    except ImportError:
        pass
if only in (None, "lightgbm"):
    try:
        import lightgbm as lgb
        t = time.perf_counter()
        m = lgb.train(dict(objective="binary", num_leaves=63, max_depth=6, learning_rate=0.1, num_threads=2, max_bin=255, verbose=-1),
                      lgb.Dataset(X[:cut], label=y[:cut]), 100)
        out["lightgbm_train_s"] = round(time.perf_counter() - t, 3)
        out["lightgbm_auc"] = round(roc_auc_score(y[cut:], m.predict(X[cut:])), 5)
    except ImportError:
        pass
out["python_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
print(json.dumps(out))
