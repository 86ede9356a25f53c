"""nbclient runs the committed example notebook (Notebooks/jupyter/tour.ipynb, made by
`msnb convert tour.msnb --to ipynb`) with the installed msnb kernelspec; its outputs must equal the golden
executed copy in golden/tour.ipynb. Regenerate the golden copy after a deliberate change with
`UPDATE_GOLDEN=1 .venv/bin/python -m pytest Tests/jupyter/test_notebook.py`."""
import copy
import os
import pathlib

import nbformat
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOK = ROOT / "Notebooks/jupyter/tour.ipynb"
GOLDEN = pathlib.Path(__file__).parent / "golden/tour.ipynb"


def comparable(output):
    """An output without what legitimately changes between runs (nothing does in msnb, but Jupyter
    adds transient fields)."""
    o = {k: v for k, v in output.items() if k not in ("transient",)}
    return o


def run_notebook():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(nb, kernel_name="msnb", timeout=120,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    return nb


def test_tour_notebook_matches_golden_outputs():
    nb = run_notebook()
    if os.environ.get("UPDATE_GOLDEN"):
        nbformat.write(nb, GOLDEN)
    golden = nbformat.read(GOLDEN, as_version=4)
    nbformat.validate(nb)
    assert len(nb.cells) == len(golden.cells)
    for got, want in zip(nb.cells, golden.cells):
        assert got.cell_type == want.cell_type
        assert got.source == want.source
        if got.cell_type != "code":
            continue
        assert got.execution_count == want.execution_count, got.source
        assert [comparable(o) for o in got.outputs] == [comparable(o) for o in want.outputs], got.source


def test_expected_error_cell_reports_the_caret_diagnostic():
    golden = nbformat.read(GOLDEN, as_version=4)
    typo = [c for c in golden.cells if "raises-exception" in c.metadata.get("tags", [])]
    assert len(typo) == 1
    (error,) = [o for o in typo[0].outputs if o.output_type == "error"]
    assert error.ename == "NameError"
    assert "agyr" in error.evalue
    assert any("^^^^" in line for line in error.traceback)
    assert any("ageyr" in line for line in error.traceback)   # the did-you-mean hint
