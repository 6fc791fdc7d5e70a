"""Fast intake: a citizen's report is one short write transaction with the fewest
statements. The place's routing (which officer and unit answer) comes from a per-process
cache that changes to units and officers clear; the rate limit is counted in memory; the
anonymous API reads no session and no user. Statements are counted on the real database
through the real HTTP stack (Django's test client)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.reports.models import Report
from sejuk.units.models import Officer, Unit
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

BODY = {
    "category": "hoaks",
    "description": "Kabar bohong tentang surat suara beredar di grup warga.",
    "region": SEKOTONG_BARAT,
}
WRITES = re.compile(r"^\s*(INSERT|UPDATE|DELETE)", re.I)


def _send(client, **extra):  # type: ignore[no-untyped-def]
    return client.post("/api/public/reports", BODY, content_type="application/json", **extra)


def _statements(client, **extra):  # type: ignore[no-untyped-def]
    with CaptureQueriesContext(connection) as captured:
        answer = _send(client, **extra)
    assert answer.status_code == 201, answer.content
    return [q["sql"] for q in captured.captured_queries]


def test_a_citizen_report_is_three_small_inserts_and_a_place_lookup(client, world):
    _send(client)  # the first report of a process fills the routing cache
    sql = _statements(client)
    writes = [s for s in sql if WRITES.match(s)]
    # the report, the mark of the day the situation picture must count again (its
    # upkeep, sejuk.tension), and the report's first history entry
    assert [s.split()[2].strip('"') for s in writes] == [
        "reports_report", "tension_dirty", "reports_event",
    ], writes  # fmt: skip
    reads = [s for s in sql if s.lstrip().upper().startswith("SELECT")]
    assert len(reads) <= 1, reads  # the region named, nothing else
    assert len(sql) <= 8, sql  # with the transaction's own statements


def test_the_anonymous_api_reads_no_session_user_or_rate_counter(client, world):
    _send(client)  # the routing cache filled
    client.cookies["sessionid"] = "a-session-key-of-a-signed-in-browser"
    sql = " ".join(_statements(client)).lower()
    for table in ("django_session", "accounts_user", "accounts_ratecounter", "units_"):
        assert table not in sql, table


def test_routing_follows_a_change_of_officer_at_once(client, world):
    first = _send(client).json()["code"]
    assert Report.objects.get(code=first).assigned_officer == world.officers["sekotong"]
    world.officers["sekotong"].villages.clear()
    second = Report.objects.get(code=_send(client).json()["code"])
    assert second.assigned_officer is None
    assert second.assigned_unit.name == "Polsek Sekotong"
    newcomer = Officer.objects.create(
        name="Citra",
        rank="Bripda",
        unit=Unit.objects.get(name="Polsek Sekotong"),
        is_bhabinkamtibmas=True,
    )
    newcomer.villages.set([SEKOTONG_BARAT])
    third = Report.objects.get(code=_send(client).json()["code"])
    assert third.assigned_officer == newcomer
    newcomer.active = False
    newcomer.save()
    assert Report.objects.get(code=_send(client).json()["code"]).assigned_officer is None


def test_routing_follows_a_unit_closed_or_its_area_changed(client, world):
    polsek = Unit.objects.get(name="Polsek Sekotong")
    desa = "52.01.07.2004"  # no Bhabinkamtibmas: the Polsek answers
    body = {**BODY, "region": desa}
    post = lambda: client.post("/api/public/reports", body, content_type="application/json")  # noqa: E731
    assert Report.objects.get(code=post().json()["code"]).assigned_unit == polsek
    polsek.active = False
    polsek.save()
    assert Report.objects.get(code=post().json()["code"]).assigned_unit.name == (
        "Polres Lombok Barat"
    )
    polsek.active = True
    polsek.save()
    polsek.area.remove("52.01.07")
    assert Report.objects.get(code=post().json()["code"]).assigned_unit.name == (
        "Polres Lombok Barat"
    )


def test_the_report_form_writes_the_report_and_no_session_row(client, world):
    form = {**BODY, "anonymous": "on"}
    client.post("/lapor/", form)  # the routing cache filled
    client.get("/lapor/terkirim/")
    with CaptureQueriesContext(connection) as captured:
        sent = client.post("/lapor/", form)
    assert sent.status_code == 302
    sql = [q["sql"] for q in captured.captured_queries]
    assert [s.split()[2].strip('"') for s in sql if WRITES.match(s)] == [
        "reports_report",
        "tension_dirty",
        "reports_event",
    ]
    assert "django_session" not in " ".join(sql)
    page = client.get("/lapor/terkirim/").content.decode()
    code = re.search(r'id="kode">([^<]+)<', page).group(1)  # type: ignore[union-attr]
    assert Report.objects.filter(code=code).exists()
    assert client.get("/lapor/terkirim/")["Location"] == "/cek/"  # shown once


def test_the_rate_limit_may_be_shared_through_the_database(client, settings):
    from sejuk.accounts.models import RateCounter

    settings.RATE_STORE = "database"
    settings.RATE_REPORT = "1/h"
    assert _send(client).status_code == 201
    assert _send(client).status_code == 429
    assert RateCounter.objects.get().count == 2


def test_the_memory_count_forgets_old_windows_and_stays_bounded():
    from sejuk.accounts.ratelimit import MemoryCounter, Rate

    counter = MemoryCounter(max_keys=10)
    rate = Rate.parse("5/m")
    assert [counter.hit("lapor:a", rate, 60) for _ in range(3)] == [1, 2, 3]
    for n in range(30):
        counter.hit(f"lapor:{n}", rate, 120)
    assert len(counter._counts) <= 10
    assert counter.hit("lapor:a", rate, 180) == 1  # a new window starts again
