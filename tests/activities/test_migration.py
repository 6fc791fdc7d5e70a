"""Dropping the four foreign-key indexes (activities 0007) drops them and nothing else: on
SQLite Django's own AlterField would copy the whole activities table into a new one (far
too long for a Polres that has logged for years); the migration only drops the indexes,
and the table, its rows and every other index stay as they were. On PostgreSQL Django
drops the indexes itself; the same test holds there.

The test runs the real migration backwards and forwards on the test database, outside
any transaction (``transaction=True``), as tests/incidents/test_migration.py does."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from sejuk.activities.models import Activity
from sejuk.units.models import Unit
from tests.personas import SEKOTONG_BARAT

AVAILABLE = ["sejuk.activities"]
pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE)
TABLES = ("activities_activity", "activities_activitytype", "activities_participation")


def migrate(target: tuple[str, str] | None = None) -> None:
    apps.unset_available_apps()
    try:
        executor = MigrationExecutor(connection)
        executor.migrate([target] if target else executor.loader.graph.leaf_nodes())
    finally:
        apps.set_available_apps(AVAILABLE)
    ContentType.objects.clear_cache()


def indexes() -> dict[str, tuple[str, tuple]]:
    with connection.cursor() as cursor:
        return {
            name: (table, tuple(c["columns"]))
            for table in TABLES
            for name, c in connection.introspection.get_constraints(cursor, table).items()
            if c["index"] and not c["primary_key"]
        }


def test_the_foreign_key_indexes_go_and_the_table_with_its_rows_stays():
    kept = Activity.objects.create(
        region_id=SEKOTONG_BARAT,
        unit=Unit.objects.get(name="Polsek Sekotong"),
        starts_at=datetime(2024, 11, 20, 2, 0, tzinfo=UTC),
        local_date=date(2024, 11, 20),
        summary="Sambang ke rumah tokoh adat.",
    )
    try:
        migrate(("activities", "0006_import_runs"))
        before = indexes()
        with CaptureQueriesContext(connection) as seen:
            migrate(("activities", "0007_fewer_indexes"))
        after = indexes()
    finally:
        migrate()
    remade = [
        q["sql"]
        for q in seen.captured_queries
        if re.search(r'(CREATE|DROP) TABLE\s+"(NEW__)?ACTIVITIES_', q["sql"].upper())
        or re.search(r'INSERT INTO\s+"(NEW__)?ACTIVITIES_', q["sql"].upper())
    ]
    assert remade == []
    dropped = {before[name] for name in set(before) - set(after)}
    assert dropped == {
        ("activities_activity", ("region_id",)),
        ("activities_activity", ("unit_id",)),
        ("activities_activitytype", ("activity_id",)),
        ("activities_participation", ("activity_id",)),
    }
    assert set(after) < set(before)
    assert Activity.objects.get(pk=kept.pk).summary == "Sambang ke rumah tokoh adat."
