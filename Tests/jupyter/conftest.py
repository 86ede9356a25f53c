"""Shared set-up for the Jupyter kernel tests: run from the repository root so that the kernel (started
with the test's working directory) finds Notebooks/data, and the msnb kernelspec installed into this
virtualenv's prefix by `make test` (`msnb kernel install --prefix .venv`)."""
import os
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
os.chdir(ROOT)
HS = "Notebooks/data/HolzingerSwineford1939.csv"
