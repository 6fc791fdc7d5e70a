"""Docs that cannot drift: the README's commands are the ones the Makefile and CI run."""

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text()
MAKEFILE = (REPO / "Makefile").read_text()
CI = (REPO / ".ci" / "run").read_text()


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", MAKEFILE, flags=re.MULTILINE))


def test_the_readme_gives_the_two_commands_and_the_makefile_has_them():
    assert "make run" in README and "make test" in README
    assert {"run", "test"} <= make_targets()


def test_every_make_command_the_readme_names_exists():
    named = set(re.findall(r"`?make ([a-z-]+)", README))
    assert named <= make_targets(), named - make_targets()


def test_ci_runs_the_readme_test_command_on_sqlite_and_postgresql():
    lines = [line.strip() for line in CI.splitlines() if not line.strip().startswith("#")]
    assert "make test" in lines
    assert any(
        line.startswith("SEJUK_DATABASE_URL=postgresql://") and line.endswith("make test")
        for line in lines
    )
    assert "make lint" in lines


def test_ci_never_masks_a_failing_exit_code():
    assert "set -euo pipefail" in CI
    for line in CI.splitlines():
        if "make test" in line or "pytest" in line:
            assert "|| true" not in line and "; true" not in line


def test_make_test_runs_pytest_without_swallowing_exit_code_5():
    recipe = MAKEFILE.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert "pytest" in recipe and "|| " not in recipe and recipe.strip()[0] != "-"


def test_the_readme_lists_the_cli_commands_that_exist():
    from django.core.management import get_commands

    commands = get_commands()
    for name in set(re.findall(r"`sejuk ([a-z-]+)", README)):
        assert name in commands, name


def test_every_setting_the_readme_documents_is_read_by_settings():
    settings_text = (REPO / "sejuk" / "settings.py").read_text()
    documented = set(re.findall(r"`(SEJUK_[A-Z_]+)`", README))
    assert documented
    for name in documented:
        assert f'"{name}"' in settings_text, name


def apt_packages(text: str) -> set[str]:
    """The Debian packages that the `apt-get install` commands of a script or page name."""
    packages: set[str] = set()
    for line in text.replace("\\\n", " ").splitlines():
        if "apt-get install" in line:
            words = line.split("apt-get install", 1)[1].split(">", 1)[0].split()
            packages |= {w for w in words if re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", w)}
    return packages


def test_the_readme_installs_every_system_package_ci_installs_for_the_suite():
    needed = apt_packages(CI)
    assert {"postgresql", "chromium", "libreoffice-writer-nogui"} <= needed
    assert needed - apt_packages(README) == set()
