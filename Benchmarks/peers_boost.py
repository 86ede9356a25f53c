"""XGBoost (hist, nthread=2) and LightGBM on the same task as `MSNBench boost`.
Usage: python3 Benchmarks/peers_boost.py Benchmarks/out/firms_1m.csv [ROWS]   (pip install xgboost lightgbm pandas)"""
import json, resource, sys, time
import numpy as np, pandas as pd
from sklearn.metrics import roc_auc_score
path = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else None
features = ["year", "export_volume", "profit_margin", "sentiment", "fx_volatility", "import_policy", "employees", "tech_use"]
df = pd.read_csv(path, nrows=rows)
n = len(df); cut = n * 8 // 10
X = df[features].to_numpy(dtype=float); y = df["exported"].to_numpy(dtype=float)
out = {"rows": n}
try:
    import xgboost as xgb
    d = xgb.DMatrix(X[:cut], label=y[:cut])
    t = time.perf_counter()
    bst = xgb.train(dict(tree_method="hist", max_depth=6, learning_rate=0.1, objective="binary:logistic", nthread=2, max_bin=256), d, 100)
    out["xgboost_train_s"] = time.perf_counter() - t
    out["xgboost_auc"] = roc_auc_score(y[cut:], bst.predict(xgb.DMatrix(X[cut:])))
except ImportError:
    pass
try:
    import lightgbm as lgb
    t = time.perf_counter()
    m = lgb.train(dict(objective="binary", num_leaves=63, max_depth=6, learning_rate=0.1, num_threads=2, max_bin=255, verbose=-1),
                  lgb.Dataset(X[:cut], label=y[:cut]), 100)
    out["lightgbm_train_s"] = time.perf_counter() - t
    out["lightgbm_auc"] = roc_auc_score(y[cut:], m.predict(X[cut:]))
except ImportError:
    pass
out["python_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
