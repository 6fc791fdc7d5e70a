"""Shared test set-up: a real database (SQLite by default, PostgreSQL when
SEJUK_DATABASE_URL says so), migrated by the real migrations and loaded once per session
with the full region list and the default units, as `sejuk setup` loads them.

Tests carry their own reference data (tests/fixtures/). A test that needs a system
program asks for it with `requires_program`: on a developer's machine without it the test
skips and names the Debian package to install; where SEJUK_REQUIRE_ALL=1 (CI) it fails.
"""

from __future__ import annotations

import os
import shutil

import pytest
from django.db import transaction

REQUIRE_ALL = os.environ.get("SEJUK_REQUIRE_ALL", "").strip().lower() not in {"", "0", "no"}


def requires_program(program: str, packages: str) -> str:
    """The path of ``program``; without it the calling test skips, saying which Debian
    packages bring it, or fails when SEJUK_REQUIRE_ALL asks for every test to run."""
    found = shutil.which(program)
    if found:
        return found
    reason = f"{program} not found: sudo apt-get install {packages}"
    if REQUIRE_ALL:
        pytest.fail(f"{reason} (SEJUK_REQUIRE_ALL is set, so no test may skip for it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(tmp_path_factory):  # type: ignore[no-untyped-def]
    """SQLite tests run on a file, as Sejuk does, not on Django's shared in-memory
    database: its table locks fail at once where a file's writers wait their turn, so
    tests of two requests at the same moment would test the wrong thing."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("db") / "test.sqlite3"
        )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # type: ignore[no-untyped-def]
    from sejuk.regions.services import load_region_list
    from sejuk.units.services import load_default_units

    with django_db_blocker.unblock(), transaction.atomic():
        load_region_list()
        load_default_units()


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    from tests.personas import build_world

    return build_world()


@pytest.fixture(autouse=True)
def _fresh_process_memory():  # type: ignore[no-untyped-def]
    """What a server process keeps in memory (rate-limit counts, who answers for a
    place, the cached region counts) starts empty in every test, as the database rolls
    back under it."""
    from django.core.cache import cache

    from sejuk.accounts.ratelimit import memory
    from sejuk.units.routing import routes
    from sejuk.units.tree import kept

    memory.clear()
    routes.clear()
    kept.clear()
    cache.clear()
    yield
    memory.clear()
    routes.clear()
    kept.clear()
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Argon2 is slow on purpose; tests that are not about hashing use a fast hasher.
    tests/accounts/test_login.py checks that argon2 is what Sejuk really uses."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Debian's headless Chromium, one per test module (tests/browser.py)."""
    from tests.browser import chromium

    with chromium() as launched:
        yield launched
