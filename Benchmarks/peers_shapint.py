"""XGBoost's pred_interactions on the rows MSNBench shapint wrote (Benchmarks/out/shapint.csv):
300 trees of depth 4 (rate 0.1, hist, squared error) on 5,000 rows × 12 features; time
pred_interactions for the first 1,000 rows with 1 and 2 threads (median of 3).
Run: .build/release/MSNBench shapint && python3 Benchmarks/peers_shapint.py   (xgboost 3.2.0)"""
import time
import numpy as np
import pandas as pd
import xgboost as xgb

d = pd.read_csv("Benchmarks/out/shapint.csv")
X, y = d.drop(columns="y").to_numpy(), d["y"].to_numpy()
params = dict(tree_method="hist", max_depth=4, learning_rate=0.1, objective="reg:squarederror", nthread=2)
bst = xgb.train(params, xgb.DMatrix(X, label=y), num_boost_round=300)
dm = xgb.DMatrix(X[:1000])
for threads in (1, 2):
    bst.set_param({"nthread": threads})
    times, cpu = [], []
    for _ in range(3):
        t0, c0 = time.perf_counter(), time.process_time()
        out = bst.predict(dm, pred_interactions=True)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    # CPU seconds of the process (all threads) beside wall time: fairer on a shared machine.
    print({"threads": threads, "pred_interactions_s": round(sorted(times)[1], 3), "cpu_s": round(sorted(cpu)[1], 3), "shape": out.shape})
