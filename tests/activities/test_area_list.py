"""The activity list at national scale: an area is an index range in the list's order
(never a sort of the area's whole history), a page is read from the parts of the
viewer's area merged in order, and nothing counts beyond a cap. Checked on the real
database: the pages against the plain query, the plan by the database's own EXPLAIN."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from django.db import connection

from sejuk.accounts.access import scoped_parts, viewer_for, viewer_of_unit
from sejuk.activities import services
from sejuk.activities.models import Activity
from sejuk.paging import Listing, page
from sejuk.units.models import Unit
from tests.factories import log_activity
from tests.personas import LOTENG_DESA

pytestmark = pytest.mark.django_db


def _log_many(world, n=23):  # type: ignore[no-untyped-def]
    made = []
    for i in range(n):
        made.append(
            log_activity(
                world.users["operator"],
                date=date.today() - timedelta(days=i % 5),
                start_time=time(8 + i % 7, (i * 7) % 60),
            )
        )
    # A Lombok Barat unit at work next door, and a Lombok Tengah unit inside Lombok Barat.
    Activity.objects.filter(pk=made[3].pk).update(region_id=LOTENG_DESA)
    loteng = Unit.objects.get(name="Polres Lombok Tengah")
    Activity.objects.filter(pk=made[5].pk).update(unit_id=loteng.pk)
    # Next door, by next door: not the operator's.
    Activity.objects.filter(pk=made[7].pk).update(region_id=LOTENG_DESA, unit_id=loteng.pk)
    return made


def test_an_operators_pages_are_the_plain_list_in_order(client, world):
    made = _log_many(world)
    viewer = viewer_for(world.users["operator"])
    expected = [a.pk for a in services.list_activities(viewer)]
    assert made[7].pk not in expected and {made[3].pk, made[5].pk} <= set(expected)
    client.force_login(world.users["operator"])
    seen, number = [], 1
    while True:
        body = client.get("/api/activities", {"size": 5, "page": number}).json()
        seen += [item["id"] for item in body["items"]]
        if number >= body["pages"]:
            break
        number += 1
    assert seen == expected
    assert body["total"] == len(expected)
    listing = services.activity_listing(viewer)
    assert listing.branches and len(listing.fan_values) > 1  # its kabupaten, each unit


def test_a_bhabinkamtibmas_sees_their_desa_and_their_own_in_order(world):
    made = _log_many(world, n=8)
    bhabin = viewer_for(world.users["bhabin"])
    mine = log_activity(world.users["bhabin"])
    Activity.objects.filter(pk=mine.pk).update(region_id=LOTENG_DESA)  # theirs, elsewhere
    expected = [a.pk for a in services.list_activities(bhabin)]
    assert mine.pk in expected and made[7].pk not in expected
    got = [a.pk for a in page(services.activity_listing(bhabin), 1, 50).items]
    assert got == expected


def test_the_count_stops_at_the_cap_and_the_next_page_still_opens(world, monkeypatch):
    import sejuk.paging

    _log_many(world, n=12)
    monkeypatch.setattr(sejuk.paging, "COUNT_CAP", 5)
    viewer = viewer_for(world.users["operator"])
    first = page(services.activity_listing(viewer), 1, 4)
    assert first.more and first.count_text == "5+" and first.has_next
    third = page(services.activity_listing(viewer), 3, 4)
    assert len(third.items) == 3 and not third.has_next and third.pages == 3


def _plan(qs) -> str:  # type: ignore[no-untyped-def]
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The test tables are tiny: ask whether the index can give the rows in order.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(" ".join(str(c) for c in row) for row in cursor.fetchall())


@pytest.mark.parametrize(
    "unit,index",
    [
        ("Polda Nusa Tenggara Barat", "activity_area2"),
        ("Polres Lombok Barat", "activity_area5"),
        ("Polsek Sekotong", "activity_area8"),
    ],
)
def test_an_areas_newest_rows_are_an_index_range(world, unit, index):
    _log_many(world, n=8)
    viewer = viewer_of_unit(Unit.objects.get(name=unit))
    parts = scoped_parts(
        Activity.objects.alive(),
        viewer,
        "activity.read",
        region_field="region_id",
        unit_field="unit_id",
    )
    area_part = parts.parts[0].order_by("-starts_at", "-id")[:26]
    plan = _plan(area_part)
    assert index in plan, (plan, area_part.query.sql_with_params())
    assert "TEMP B-TREE" not in plan.upper() and "Sort" not in plan, plan
    one_unit = parts.base.filter(unit_id=parts.unit_ids[-1])  # type: ignore[union-attr]
    unit_part = _plan(one_unit.order_by("-starts_at", "-id")[:26])
    assert "activity_unit_newest" in unit_part, unit_part
    assert "TEMP B-TREE" not in unit_part.upper() and "Sort" not in unit_part, unit_part


def test_the_national_list_is_the_newest_index(world):
    _log_many(world, n=8)
    whole = viewer_of_unit(Unit.objects.get(level="mabes"))
    listing = Listing(services.list_activities(whole))
    plan = _plan(listing.qs.order_by("-starts_at", "-id")[:26])
    assert "activity_newest" in plan, plan


@pytest.mark.parametrize("region", ["000000000000", "52.0", "52.01.07.20", "5"])
def test_a_region_code_of_no_region_s_length_finds_nothing_and_no_server_error(
    client, world, region
):
    client.force_login(world.users["bhabin"])
    answer = client.get("/api/activities", {"region": region, "unit_id": "0"})
    assert answer.status_code == 200, answer.content
    assert answer.json()["items"] == []
    page = client.get("/kegiatan/", {"wilayah": region})
    assert page.status_code == 422  # the page says the place is not known, in words
