"""XGBoost's native categorical splits on a 20-level category (issue 17): codes 0..19 in column c,
a numeric z with 5 values (so hist cut points are the values themselves), y with a non-monotone
effect per category and a category x z interaction. Partition splits are forced for every category
count (max_cat_to_onehot=1); XGBoost sorts categories by gradient statistics and scans the order, as
msnb does. Records predictions, SHAP values and SHAP interaction values on 40 test rows.
Run: python3 make_categorical.py   (xgboost 3.2.0, numpy, pandas 3.1.1)"""
import json
import numpy as np, pandas as pd, xgboost as xgb

rng = np.random.default_rng(11)
n = 400
c = rng.integers(0, 20, n)
z = rng.integers(0, 5, n).astype(float)
effect = rng.normal(0, 2, 20)
y = effect[c] + 0.6 * z * (c % 3 == 0) + rng.normal(0, 0.3, n)
def frame(c, z):
    return pd.DataFrame({"c": pd.Categorical(c, categories=list(range(20))), "z": z})
params = dict(tree_method="hist", max_depth=3, learning_rate=0.5, reg_lambda=1.0, min_child_weight=1.0,
              max_bin=256, base_score=0.0, objective="reg:squarederror", nthread=1, max_cat_to_onehot=1,
              max_cat_threshold=64)
bst = xgb.train(params, xgb.DMatrix(frame(c, z), label=y, enable_categorical=True), num_boost_round=6)
ct = np.arange(40) % 20
zt = (np.arange(40) // 20 * 3).astype(float)
d = xgb.DMatrix(frame(ct, zt), enable_categorical=True)
out = {"c": c.astype(float).tolist(), "z": z.tolist(), "y": y.tolist(),
       "test": [[float(a), float(b)] for a, b in zip(ct, zt)],
       "pred": bst.predict(d).astype(float).tolist(),
       "contribs": bst.predict(d, pred_contribs=True).astype(float).tolist(),
       "interactions": bst.predict(d, pred_interactions=True).astype(float).tolist(),
       "trees": [json.loads(t) for t in bst.get_dump(dump_format="json")],
       "params": params, "rounds": 6, "xgboost": xgb.__version__}
json.dump(out, open("categorical.json", "w"), indent=1)
print("wrote categorical.json")
