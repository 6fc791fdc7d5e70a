"""sejuk.nlp is pure Python: no module of it may import Django (it serves the CLI, the
benchmarks and the web alike, and must load fast without settings)."""

import pkgutil
import subprocess
import sys

import sejuk.nlp


def test_no_nlp_module_imports_django():
    names = [m.name for m in pkgutil.iter_modules(sejuk.nlp.__path__, "sejuk.nlp.")]
    assert "sejuk.nlp.extract" in names
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "print('django' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
