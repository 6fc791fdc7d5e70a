"""The report queue read along indexes: its order (overdue first, then waiting, in hand,
closed; darurat first and the nearest deadline within each) is four parts shown one after
another, each an index range in its own order, so no page sorts an area's whole history.
Pages are compared with the plain query; every query the queue page and API send is
planned by the database's own EXPLAIN (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.paging import page
from sejuk.reports import services
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.factories import file_report
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db
KINDS = ("bentrokan", "provokasi", "hoaks")  # darurat, segera, biasa


def _mixed_queue(world) -> None:  # type: ignore[no-untyped-def]
    """Reports in every part of the queue, of every urgency, in two desa."""
    operator = viewer_for(world.users["operator"])
    now = timezone.now()
    for n in range(18):
        report = file_report(
            category=KINDS[n % 3],
            description=f"Laporan warga nomor {n} tentang keributan di dekat balai desa.",
            region=SEKOTONG_BARAT if n % 2 else GERUNG_UTARA,
        )
        at = now - timedelta(hours=n * 7)
        Report.objects.filter(pk=report.pk).update(
            created_at=at, due_at=at + (report.due_at - report.created_at)
        )
        if n % 4 == 1:
            services.move(operator, report.pk, services.Move(to="ditangani"))
        elif n % 6 == 5:
            services.move(operator, report.pk, services.Move(to="ditangani"))
            services.move(
                operator,
                report.pk,
                services.Move(to="selesai", settlement="tidak_terbukti", agreement="Dicek."),
            )


def _viewers(world):  # type: ignore[no-untyped-def]
    return {
        "polres": world.users["operator"],
        "polda": make_user("kapolda_ntb", "Polda Nusa Tenggara Barat", "pimpinan"),
        "nasional": make_user("mabes", Unit.objects.get(level="mabes").name, "pimpinan"),
        "bhabin": world.users["bhabin"],
    }


@pytest.mark.parametrize("size", [2, 5, 25])
def test_the_queues_pages_are_the_plain_order_page_after_page(world, size):
    _mixed_queue(world)
    for who, user in _viewers(world).items():
        viewer = viewer_for(user)
        for view in ("", "terbuka", "baru", "terlambat"):
            flt = services.ReportFilter(view=view)
            expected = [r.pk for r in services.queue(viewer, flt)]
            paged: list[int] = []
            number = 1
            while True:
                found = page(services.queue_listing(viewer, flt), number, size)
                paged += [r.pk for r in found.items]
                if not found.has_next:
                    break
                number += 1
            assert paged == expected, (who, view)
            assert found.count == len(expected), (who, view)
    assert len(expected) > 0


def _plan(sql: str) -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test table is tiny: ask whether an index can give the rows in order.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


@pytest.mark.parametrize("who", ["polres", "polda", "nasional"])
def test_no_query_of_the_queue_page_or_api_sorts_the_reports(client, world, who):
    _mixed_queue(world)
    client.force_login(_viewers(world)[who])
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/laporan/", {"tampil": ""}).status_code == 200
        assert client.get("/laporan/", {"tampil": "", "halaman": 2}).status_code == 200
        assert client.get("/api/reports", {"size": 5, "page": 2}).status_code == 200
    ordered = [
        q["sql"]
        for q in captured.captured_queries
        if '"reports_report"' in q["sql"]
        and "ORDER BY" in q["sql"]
        # (a page's rows fetched again by their ids is no list read)
        and not re.search(r'"reports_report"\."id" IN \([\d, ]+\)\)* ORDER', q["sql"])
    ]
    assert ordered, "the queue sent no ordered query"
    for sql in ordered:
        plan = _plan(sql)
        assert re.search(r"report_(unit_queue|unit_newest|queue|area)", plan), (plan, sql)
        assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, (plan, sql)


def test_a_poldas_queue_reads_each_unit_along_the_units_own_queue_index(client, world):
    """A Polda's queue reads each of its units' parts as far as the page needs: an index
    that starts with the unit, not the whole country's queue filtered unit by unit."""
    _mixed_queue(world)
    client.force_login(_viewers(world)["polda"])
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/laporan/", {"tampil": ""}).status_code == 200
        assert client.get("/api/reports", {"size": 5, "page": 2}).status_code == 200
    unit_parts = [
        q["sql"]
        for q in captured.captured_queries
        if "ORDER BY" in q["sql"]
        and re.search(r'"reports_report"\."assigned_unit_id" = (\d+|fan\.value)', q["sql"])
    ]
    assert unit_parts, "the Polda's queue read no unit's part"
    for sql in unit_parts:
        if connection.vendor == "sqlite":
            sql = sql.split(" UNION ALL ")[0].removeprefix("SELECT * FROM (")
            sql = sql.rsplit(") AS part", 1)[0]
        plan = _plan(sql)
        # SQLite picks its index by rule: the whole queue's, filtered unit by unit, until
        # the unit's own existed. PostgreSQL picks by the table's statistics, which a test
        # table of a few rows does not give (at 500,000 activities: the unit's index).
        unit_index = r"report_unit_(queue|newest)" if connection.vendor == "sqlite" else r"report_"
        assert re.search(unit_index, plan), (plan, sql)
        assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, (plan, sql)


@pytest.mark.parametrize(
    "query,reads_closed,reads_open",
    [
        ({}, False, True),  # the page opens on the open cases
        ({"tampil": "baru"}, False, True),
        ({"tampil": "", "status": "selesai"}, True, False),
        ({"tampil": ""}, True, True),
    ],
)
def test_the_queue_never_reads_the_part_its_filter_cannot_reach(
    client, world, query, reads_closed, reads_open
):
    """The open cases are most of what an operator looks at; the closed ones, hundreds
    of thousands in a Polda's history, are read only when the filter can show them."""
    _mixed_queue(world)
    client.force_login(_viewers(world)["polres"])
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/laporan/", query).status_code == 200
    sent = " ".join(q["sql"] for q in captured.captured_queries)
    assert ('"queue_group" = 3' in sent) is reads_closed
    assert ('"queue_group" = 1' in sent) is reads_open


@pytest.mark.parametrize("who", ["polres", "polda"])
def test_the_dashboard_counts_read_the_areas_reports_not_every_open_case(world, who):
    """The home's open, new and "mine" counts read the area's and its units' own index
    ranges. Asked for "state IN (the open states)", SQLite's planner took the state index
    and read every open case in the country (a Polres home at 5,000,000 activities: 55
    ms of its 80). PostgreSQL plans by its statistics, which a test table does not give."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL chooses by the table's statistics")
    _mixed_queue(world)
    viewer = viewer_for(_viewers(world)[who])
    with CaptureQueriesContext(connection) as captured:
        services.counts(viewer)
    (sql,) = [q["sql"] for q in captured.captured_queries if '"terbuka"' in q["sql"]]
    plan = _plan(sql)
    assert "reports_rep_state" not in plan and "report_area" in plan, (plan, sql)


def test_a_poldas_area_is_read_along_the_areas_own_queue_index(client, world):
    """A Polda's area (its province, or the kabupaten it is made of) is read code by
    code along an index that starts with the code's prefix and goes on in the queue's
    order: not the whole country's queue filtered code by code (a Polda of 27 kabupaten
    codes spent 80 ms on one count at 20,000 reports)."""
    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL chooses by the table's statistics")
    _mixed_queue(world)
    client.force_login(_viewers(world)["polda"])
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/laporan/", {"tampil": ""}).status_code == 200
        assert client.get("/laporan/", {"tampil": "terbuka"}).status_code == 200
    area_parts = [
        q["sql"]
        for q in captured.captured_queries
        if 'SUBSTR("reports_report"."region_id", 1, 2)' in q["sql"]
        and '"queue_group" =' in q["sql"]
    ]
    assert area_parts, "the Polda's queue read no part of its area"
    for sql in area_parts:
        plan = _plan(sql)
        assert re.search(r"report_area2_(queue|newest)", plan), (plan, sql)
        assert "TEMP B-TREE" not in plan.upper(), (plan, sql)
