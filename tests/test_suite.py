"""The suite runs on a fresh clone: it carries its own reference data, and a test that
needs a system program says which Debian package to install (and fails, not skips, where
CI asks for the whole suite with SEJUK_REQUIRE_ALL=1)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
TESTS = REPO / "tests"


def test_no_test_reads_data_from_outside_the_repository():
    # "../shared" (a sibling folder some clones have) as a string or built with Path's "/".
    outside = re.compile(r"""\.\./shared\b|/\s*["']shared["']""")
    offenders = [
        f"{path.relative_to(REPO)}:{number}"
        for path in TESTS.rglob("*.py")
        if path != Path(__file__)
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if outside.search(line)
    ]
    assert offenders == []


def test_the_fixtures_carry_their_source_and_licence():
    readme = (TESTS / "fixtures" / "README.md").read_text()
    assert "cahyadsn/wilayah_boundaries" in readme and "MIT" in readme
    assert "MIT License" in (TESTS / "fixtures" / "wilayah_boundaries" / "LICENSE").read_text()


PROBE = """
from tests.conftest import requires_program

def test_needs_a_program_no_machine_has():
    requires_program("sejuk-no-such-program", "sejuk-imaginary-package")
"""


def run_probe(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_probe.py").write_text(PROBE)
    environ = {k: v for k, v in os.environ.items() if k != "SEJUK_REQUIRE_ALL"}
    environ.update(PYTHONPATH=str(REPO), DJANGO_SETTINGS_MODULE="sejuk.settings", **env)
    environ["SEJUK_DATA_DIR"] = str(tmp_path / "var")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "test_probe.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environ,
        timeout=120,
    )


def test_a_missing_program_skips_with_the_package_to_install(tmp_path):
    result = run_probe(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "1 skipped" in result.stdout
    assert "apt-get install sejuk-imaginary-package" in result.stdout


@pytest.mark.parametrize("value", ["1", "yes"])
def test_a_missing_program_fails_when_ci_requires_every_test(tmp_path, value):
    result = run_probe(tmp_path, SEJUK_REQUIRE_ALL=value)
    assert result.returncode == 1, result.stdout
    assert "1 failed" in result.stdout
    assert "apt-get install sejuk-imaginary-package" in result.stdout


def test_ci_requires_every_test():
    ci = (REPO / ".ci" / "run").read_text()
    assert re.search(r"^export SEJUK_REQUIRE_ALL=1$", ci, flags=re.MULTILINE)
