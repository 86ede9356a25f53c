"""The papermill translator's output is msnb code that the kernel runs (papermill itself is not needed:
the injected cell is `msnb_parameters(...)`'s text)."""
import sys

from conftest import ROOT
from test_protocol import execute, kernel, result_text  # noqa: F401  (kernel is a fixture)

sys.path.insert(0, str(ROOT / "tools"))
import papermill_msnb  # noqa: E402


def test_injected_parameters_are_msnb_assignments(kernel):
    km, kc = kernel
    code = papermill_msnb.msnb_parameters({"min_age": 14, "rate": 0.5, "school": 'Grant "GW" White', "strict": True,
                                           "schools": ["Pasteur", "Grant-White"]})
    assert code.splitlines()[1] == "min_age = 14"
    reply, _ = execute(kc, code)
    assert reply["status"] == "ok", reply
    reply, outputs = execute(kc, "min_age + 1")
    assert result_text(outputs) == ["15"]
    reply, outputs = execute(kc, "school")
    assert result_text(outputs) == ['Grant "GW" White']
    reply, outputs = execute(kc, "strict")
    assert result_text(outputs) == ["true"]
