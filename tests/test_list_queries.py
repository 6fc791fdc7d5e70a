"""The lists read a fixed, small number of queries at every scope (the pimpinan of
Polres Lombok Barat, of Polda NTB and of Mabes): the activity list page and its API, the
report queue page and its API. Each query is a round trip the page waits for; a budget
per list keeps a count read twice, a part of the queue the filter cannot show, or a name
looked up per row from creeping back. A page of many rows costs what a page of few does."""

from __future__ import annotations

import re
from datetime import date, time, timedelta

import pytest

from tests.budgets import queries_of
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db

ACTIVITY_PAGE, ACTIVITY_API = "/kegiatan/", "/api/activities"
QUEUE_PAGE, QUEUE_API = "/laporan/", "/api/reports"
# Queries per list (the session, the user and the viewer's area included). Before: the
# activity page 11, 11, 8 and API 14, 14, 11 (a count of the area ORed with its units);
# the queue page 22, 22, 17 and API 20, 20, 15 (each part of the queue counted twice, so
# ORed, and the closed cases read and counted under "open").
BUDGET = {
    ("polres", ACTIVITY_PAGE): 10,
    ("polda", ACTIVITY_PAGE): 10,
    ("mabes", ACTIVITY_PAGE): 8,
    ("polres", ACTIVITY_API): 13,
    ("polda", ACTIVITY_API): 13,
    ("mabes", ACTIVITY_API): 11,
    ("polres", QUEUE_PAGE): 16,
    ("polda", QUEUE_PAGE): 16,
    ("mabes", QUEUE_PAGE): 12,
    ("polres", QUEUE_API): 16,
    ("polda", QUEUE_API): 16,
    ("mabes", QUEUE_API): 11,
}


@pytest.fixture
def commanders(world):
    return {
        "polres": world.users["pimpinan"],
        "polda": make_user("pimpinan_ntb", "Polda Nusa Tenggara Barat", "pimpinan"),
        "mabes": make_user("pimpinan_mabes", "Mabes Polri", "pimpinan"),
    }


def _fill(world, n: int) -> None:
    """``n`` activities with their officers and leaders, ``n`` reports in two desa (some
    in hand), so a lookup per row would show as more queries for more rows."""
    from sejuk.accounts.access import viewer_for
    from sejuk.reports import services

    operator = world.users["operator"]
    officers = [o.pk for o in world.officers.values()] if hasattr(world, "officers") else []
    for i in range(n):
        log_activity(
            operator,
            date=date.today() - timedelta(days=i % 4),
            start_time=time(8 + i % 9, 5),
            officer_ids=officers[: 1 + i % 2],
        )
        report = file_report(
            category=("bentrokan", "provokasi", "hoaks")[i % 3],
            region=SEKOTONG_BARAT if i % 2 else GERUNG_UTARA,
        )
        if i % 3 == 1:
            services.move(viewer_for(operator), report.pk, services.Move(to="ditangani"))


@pytest.mark.parametrize(("scope", "url"), list(BUDGET))
def test_a_list_stays_within_its_query_budget_at_every_scope(client, world, commanders, scope, url):
    _fill(world, 6)
    found = queries_of(client, commanders[scope], url)
    assert len(found) <= BUDGET[scope, url], "\n".join(found)


@pytest.mark.parametrize("url", [ACTIVITY_PAGE, ACTIVITY_API, QUEUE_PAGE, QUEUE_API])
def test_a_full_page_costs_the_queries_of_a_short_one(client, world, commanders, url):
    _fill(world, 3)
    few = len(queries_of(client, commanders["polda"], url))
    _fill(world, 27)
    many = len(queries_of(client, commanders["polda"], url))
    assert many == few


@pytest.mark.parametrize("scope", ["polres", "polda"])
@pytest.mark.parametrize("url", [ACTIVITY_PAGE, ACTIVITY_API, QUEUE_PAGE, QUEUE_API])
def test_no_list_read_ors_the_area_with_its_units(client, world, commanders, scope, url):
    """A list's rows and its capped count are read part by part along the indexes: the
    area's code prefix, then each unit. ORed together no index serves them, and a count
    of an area with fewer rows than the cap reads the whole country's history."""
    _fill(world, 4)
    ored = re.compile(
        r"SUBSTR\([^)]*\) = '[\d.]+' OR \"\w+\"\.\"(unit_id|assigned_unit_id)\" IN \("
    )
    for sql in queries_of(client, commanders[scope], url):
        if " LIMIT " in sql:  # a list read (not the page's counters, nor rows by id)
            assert not ored.search(sql), sql
