"""jupyter_kernel_test's conformance checks with real msnb code (every check it offers but clear_output,
which msnb does not send)."""
import os
import tempfile
import unittest

import jupyter_kernel_test

from conftest import HS

OUT = tempfile.mkdtemp(prefix="msnb-kernel-test-")


class MsnbKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "msnb"
    language_name = "msnb"
    file_extension = ".msq"

    # `export` reports the file it wrote on stdout.
    code_hello_world = f'load "{HS}" | head 2 | export "{OUT}/hello, world.csv"'
    # A boosted fit drops the child without a grade and warns on stderr.
    code_stderr = f'm = load "{HS}" | fit boost grade ~ x1 + x2 with trees = 3'

    completion_samples = [
        {"text": "hs = load \"x\" | fil", "matches": {"filter"}},
        {"text": "load \"Notebooks/data/Holz", "matches": {"Notebooks/data/HolzingerSwineford1939.csv"}},
        {"text": "fitm", "matches": {"fitmeasures"}},
    ]

    complete_code_samples = ["x = 1", "hs = load \"a.csv\"\nhs | head 3", "x = [1,\n 2]"]
    incomplete_code_samples = ["x = (1 +", "hs | filter x1 > 3 |", "s = fit sem on hs {\n visual =~ x1 + x2"]
    invalid_code_samples = ["x = 1 )", "x = 1 +* 2", "hs | filter ]"]

    code_page_something = "?filter"

    code_generate_error = "y = no_such_table | head 3"

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "2.5 * 2", "result": "5.0"},
        {"code": "\"hello\"", "result": "hello"},
    ]

    code_display_data = [
        # Every displayed value but the last is display_data; tables carry text/plain and text/markdown.
        {"code": f'hs = load "{HS}"\nhs | count\nhs | head 2', "mime": "text/plain"},
        {"code": f'hs = load "{HS}"\nhs | head 3\nhs | tail 2', "mime": "text/markdown"},
    ]

    supported_history_operations = ("tail", "range", "search")
    code_history_pattern = "1 ? 2"

    code_inspect_sample = "filter"


if __name__ == "__main__":
    unittest.main()
