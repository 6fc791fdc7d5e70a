"""Shared test set-up: a real database (SQLite by default, PostgreSQL when
SEJUK_DATABASE_URL says so), migrated by the real migrations and loaded once per session
with the full region list and the default units, as `sejuk setup` loads them."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.db import transaction

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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
def shared_data() -> Path:
    """../shared/data: reference data for tests (never read by the product)."""
    path = SHARED / "data"
    if not path.is_dir():
        pytest.skip(f"shared reference data not found at {path}")
    return path


@pytest.fixture
def world(db):  # type: ignore[no-untyped-def]
    from tests.personas import build_world

    return build_world()


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
