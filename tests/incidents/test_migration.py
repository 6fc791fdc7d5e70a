"""Incidents moved out of the reports app with their rows: a database that holds
incidents recorded before the move (the reports app's migrations up to 0004) is migrated
to the incidents app, on SQLite and PostgreSQL, and every incident is there, unchanged,
still linked from its report, in the incidents app's own table.

The test runs the real migrations backwards and forwards on the test database, outside
any transaction (``transaction=True``). ``available_apps`` keeps the flush after it off
the region list and the units loaded once per session; while migrating, every app is
made available again, since the migrations of the two apps depend on the others'."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.state import StateApps

from sejuk.incidents.models import Incident
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.personas import SEKOTONG_BARAT

AVAILABLE = ["sejuk.reports", "sejuk.incidents"]
pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE)
BEFORE = [("reports", "0004_protect_source_text"), ("incidents", None)]
AT = datetime(2024, 12, 8, 1, 0, tzinfo=UTC)


def migrate(targets: list[tuple[str, str | None]] | None = None) -> StateApps:
    """Migrate to ``targets`` (else to the latest), and the models as they were there."""
    apps.unset_available_apps()
    try:
        executor = MigrationExecutor(connection)
        executor.migrate(targets or executor.loader.graph.leaf_nodes())
        executor.loader.build_graph()
        state = executor.loader.project_state(targets[0] if targets else None).apps
    finally:
        apps.set_available_apps(AVAILABLE)
    ContentType.objects.clear_cache()
    return state


def tables() -> set[str]:
    return set(connection.introspection.table_names())


def test_incidents_recorded_before_the_move_are_all_there_after_it():
    try:
        old = migrate(BEFORE)
        assert "reports_incident" in tables() and "incidents_incident" not in tables()
        OldIncident = old.get_model("reports", "Incident")
        OldReport = old.get_model("reports", "Report")
        kept = [
            OldIncident.objects.create(
                types=["bentrokan", "perusakan"],
                occurred_at=AT + timedelta(hours=n),
                region_id=SEKOTONG_BARAT,
                actors={"warga": 20 + n},
                injured=n,
                damaged_vehicles=1,
                description=f"Kejadian ke-{n}",
            )
            for n in range(3)
        ]
        report = OldReport.objects.create(
            code="K7M2-Q9PX-3TDA", category="bentrokan", urgency="segera",
            description="Dua kelompok bentrok.", region_id=SEKOTONG_BARAT, channel="web",
            assigned_unit_id=Unit.objects.get(name="Polsek Sekotong").pk, due_at=AT,
            incident_id=kept[1].pk,
        )  # fmt: skip
        before = {
            i.pk: (i.types, i.occurred_at, i.region_id, i.actors, i.injured, i.description)
            for i in OldIncident.objects.all()
        }
    finally:
        migrate()  # forwards again, whatever happened: the suite goes on with this schema

    assert "incidents_incident" in tables() and "reports_incident" not in tables()
    after = {
        i.pk: (i.types, i.occurred_at, i.region_id, i.actors, i.injured, i.description)
        for i in Incident.objects.all()
    }
    assert after == before and len(after) == 3
    assert Report.objects.get(pk=report.pk).incident == Incident.objects.get(pk=kept[1].pk)
    assert ContentType.objects.get_for_model(Incident).app_label == "incidents"
    # The table goes on numbering where it was.
    assert Incident.objects.create(types=["hoaks"], region_id=SEKOTONG_BARAT).pk > max(before)
