"""A tiny regression problem on which msnb's trees and XGBoost's coincide (integer features with
few distinct values, so the hist cut points are the values themselves), for SHAP and SHAP-interaction
(pred_interactions) agreement.
Run: python3 make_tiny.py   (xgboost 3.2.0, numpy 2.4.6)"""
import json
import numpy as np, xgboost as xgb
rng = np.random.default_rng(3)
X = rng.integers(0, 5, size=(60, 3)).astype(float)
y = 2.0 * (X[:, 0] > 2) + 1.5 * X[:, 1] * (X[:, 2] < 2) + rng.normal(0, 0.3, 60)
params = dict(tree_method="hist", max_depth=3, learning_rate=0.5, reg_lambda=1.0, min_child_weight=1.0,
              max_bin=256, base_score=0.0, objective="reg:squarederror", nthread=1)
bst = xgb.train(params, xgb.DMatrix(X, label=y), num_boost_round=4)
Xt = np.array([[0, 0, 0], [4, 4, 0], [3, 1, 4], [1, 3, 1], [2, 4, 3]], dtype=float)
d = xgb.DMatrix(Xt)
out = {"X": X.tolist(), "y": y.tolist(), "test": Xt.tolist(),
       "pred": bst.predict(d).astype(float).tolist(),
       "contribs": bst.predict(d, pred_contribs=True).astype(float).tolist(),
       "interactions": bst.predict(d, pred_interactions=True).astype(float).tolist(),
       "params": {k: v for k, v in params.items()}, "rounds": 4}
json.dump(out, open("tiny.json", "w"), indent=1)
print("wrote tiny.json")
