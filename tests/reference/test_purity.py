"""sejuk.reference is pure Python: no module of it may import Django, the text reader or
any app (everything imports it, the reader included, so it must load fast and alone)."""

import pkgutil
import subprocess
import sys

import sejuk.reference


def test_no_reference_module_imports_django_the_reader_or_an_app():
    names = [m.name for m in pkgutil.iter_modules(sejuk.reference.__path__, "sejuk.reference.")]
    assert {"sejuk.reference.taxonomy", "sejuk.reference.zones"} <= set(names)
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m == 'django' or m.startswith('sejuk.'))\n"
        "print(' '.join(m for m in loaded if not m.startswith('sejuk.reference')))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
