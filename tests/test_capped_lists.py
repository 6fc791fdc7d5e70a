"""Lists count no further than a cap: at national scale a COUNT(*) over an area's
history is the slowest part of a page. Beyond the cap the page says "N+" and its next
link still opens the next page; the API's ``total`` is the cap + 1. The report queue
and the incident list, on the page and in the API, over the real HTTP stack."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

import sejuk.paging
from sejuk.accounts.access import viewer_for
from sejuk.incidents.services import IncidentInput, record_incident
from tests.factories import file_report
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


@pytest.fixture
def cap_of_two(monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sejuk.paging, "COUNT_CAP", 2)


def test_the_report_queue_counts_to_the_cap_and_pages_on(client, world, cap_of_two):
    for _ in range(4):
        file_report()
    client.force_login(world.users["operator"])
    page = client.get("/laporan/", {"tampil": ""}).content.decode()
    assert "<strong>2+</strong> laporan" in page
    api = client.get("/api/reports", {"size": 3}).json()
    assert api["total"] == 3 and len(api["items"]) == 3 and api["pages"] == 2
    second = client.get("/api/reports", {"size": 3, "page": 2}).json()
    assert len(second["items"]) == 1 and second["pages"] == 2


def test_the_incident_list_counts_to_the_cap_and_pages_on(client, world, cap_of_two):
    operator = viewer_for(world.users["operator"])
    for hours in range(3):
        record_incident(
            operator,
            IncidentInput(types=["provokasi"]),
            region_id=SEKOTONG_BARAT,
            occurred_at=timezone.now() - timedelta(hours=hours),
        )
    client.force_login(world.users["operator"])
    api = client.get("/api/incidents", {"size": 2}).json()
    assert api["total"] == 3 and api["pages"] == 2
    assert len(client.get("/api/incidents", {"size": 2, "page": 2}).json()["items"]) == 1
    assert client.get("/kejadian/").status_code == 200


def test_a_report_areas_newest_are_an_index_range(world):
    from sejuk.accounts.access import region_in
    from sejuk.reports.models import Report

    file_report()
    area = Report.objects.filter(region_in("52.01", "region_id"))
    sql, params = area.order_by("-created_at", "-id")[:26].query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test table is tiny: ask whether the index can give the rows in order.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(c) for row in cursor.fetchall() for c in row)
    assert "report_area5" in plan, plan
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan


@pytest.mark.parametrize("disjoint", [0, 2])
def test_an_area_of_several_codes_counts_its_codes_together_to_the_cap(world, disjoint):
    """A Polda whose area is a list of kabupaten: no code alone passes the cap, together
    they do. Counted in one statement when the codes share no row, else by merging."""
    from sejuk.activities.models import Activity
    from sejuk.paging import Listing
    from tests.factories import log_activity
    from tests.personas import GERUNG_UTARA

    for region in (SEKOTONG_BARAT, SEKOTONG_BARAT, GERUNG_UTARA):
        log_activity(world.users["operator"], region=region)
    qs = Activity.objects.alive()
    parts = [qs.filter(region_id=SEKOTONG_BARAT), qs.filter(region_id=GERUNG_UTARA)]
    assert Listing(qs, parts, disjoint=disjoint).total(cap=2) == 3  # "2+"
    assert Listing(qs, parts, disjoint=disjoint).total(cap=3) == 3  # exact
    if not disjoint:  # the same rows in two parts are counted once
        assert Listing(qs, parts[1:] * 2).total(cap=1) == 1
