"""A papermill parameter translator for the msnb kernel.

papermill injects parameters as code in the notebook's language. msnb's own `name = value` assignments
are that code; this translator writes them. Register it once before executing:

    import papermill as pm
    import papermill_msnb          # this file, on PYTHONPATH
    papermill_msnb.register()
    pm.execute_notebook("tour.ipynb", "out.ipynb", kernel_name="msnb", parameters={"min_age": 14})

or on the command line: `python -c "import papermill_msnb, sys; papermill_msnb.main()" tour.ipynb out.ipynb -p min_age 14`.
"""
import json


def _literal(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)          # msnb strings use JSON's escapes
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_literal(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value))


def msnb_parameters(parameters, comment="Parameters"):
    """The injected cell's source: a comment, then one `name = value` line per parameter."""
    return "\n".join([f"# {comment}"] + [f"{name} = {_literal(v)}" for name, v in parameters.items()]) + "\n"


def register():
    """Registers the translator with papermill for the language and kernel name `msnb`."""
    from papermill.translators import Translator, papermill_translators

    class MsnbTranslator(Translator):
        @classmethod
        def translate_raw_str(cls, val):
            return val

        @classmethod
        def translate_escaped_str(cls, str_val):
            return json.dumps(str_val)

        @classmethod
        def translate_none(cls, val):
            return "null"

        @classmethod
        def translate_bool(cls, val):
            return "true" if val else "false"

        @classmethod
        def translate_dict(cls, val):
            return _literal(val)

        @classmethod
        def translate_list(cls, val):
            return _literal(val)

        @classmethod
        def comment(cls, cmt_str):
            return f"# {cmt_str}".strip()

        @classmethod
        def assign(cls, name, str_val):
            return f"{name} = {str_val}"

    papermill_translators.register("msnb", MsnbTranslator)
    return MsnbTranslator


def main():
    import papermill.cli
    register()
    papermill.cli.papermill()
