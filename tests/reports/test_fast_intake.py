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


def test_a_citizen_report_is_three_small_inserts_and_nothing_read(client, world):
    _send(client)  # the first report of a process reads the routing table
    sql = _statements(client)
    writes = [s for s in sql if WRITES.match(s)]
    # the report, the mark of the day the situation picture must count again (its
    # upkeep, sejuk.tension), and the report's first history entry
    assert [s.split()[2].strip('"') for s in writes] == [
        "reports_report", "tension_dirty", "reports_event",
    ], writes  # fmt: skip
    reads = [s for s in sql if s.lstrip().upper().startswith("SELECT")]
    assert not reads, reads  # the place and who answers for it: from the routing table
    # The ceiling: one transaction (here a savepoint in the test's own transaction, in
    # service BEGIN and COMMIT) around the three inserts.
    assert len(sql) <= 5, sql
    assert sum(s.startswith("SAVEPOINT") for s in sql) <= 1, sql  # none inside the write


def test_a_region_added_after_the_routing_table_was_read_is_known_at_once(client, world):
    from sejuk.regions.models import Region

    _send(client)  # the routing table read
    Region.objects.create(
        code="52.01.07.2999", name="Desa Baru", level=4, kind="desa", parent_id="52.01.07"
    )
    answer = client.post(
        "/api/public/reports", {**BODY, "region": "52.01.07.2999"}, content_type="application/json"
    )
    assert answer.status_code == 201, answer.content
    report = Report.objects.get(code=answer.json()["code"])
    assert report.region_id == "52.01.07.2999"
    assert report.assigned_unit.name == "Polsek Sekotong"


def test_a_report_from_a_desa_never_reported_from_reads_no_unit_or_officer(client, world):
    _send(client)  # the routing table read once, for the whole country
    body = {**BODY, "region": "52.01.07.2004"}  # another desa, never reported from
    with CaptureQueriesContext(connection) as captured:
        answer = client.post("/api/public/reports", body, content_type="application/json")
    assert answer.status_code == 201, answer.content
    sql = " ".join(q["sql"] for q in captured.captured_queries).lower()
    assert "units_" not in sql, sql
    report = Report.objects.get(code=answer.json()["code"])
    assert report.assigned_unit.name == "Polsek Sekotong" and report.assigned_officer is None


def test_the_routing_table_answers_as_the_rule_for_every_place(world):
    from sejuk.regions.models import Region
    from sejuk.units.routing import RouteTable, responsible_for

    table = RouteTable()
    # The demo's Polres and Polsek, with and without a Bhabinkamtibmas, every level of
    # its province, and places no unit covers (the country's fallback).
    near = Region.objects.filter(code__startswith="52.01.07")
    above = Region.objects.filter(code__in=["52", "52.01", "52.71", "11", "11.01"])
    elsewhere = Region.objects.filter(code__startswith="11.01.01")[:5]
    places = [*near, *above, *elsewhere]
    assert len(places) > 10
    for region in places:
        unit, officer = responsible_for(region)
        route = table.route(region.code, region.level)
        expected = (unit.pk, unit.name, officer.pk if officer else None, str(officer or ""))
        assert (route.unit_id, route.unit_name, route.officer_id, route.officer_label) == (
            expected
        ), region.code


def test_a_change_no_signal_announces_reaches_the_routing_within_a_minute(
    client, world, monkeypatch
):
    """Another server, or a bulk update, changes an officer: this process sends the old
    route until its table is older than ``KEEP_SECONDS``, then reads the table again."""
    from sejuk.units import routing

    clock = [1000.0]
    monkeypatch.setattr(routing.time, "monotonic", lambda: clock[0])
    routing.routes.clear()
    officer = world.officers["sekotong"]
    assert Report.objects.get(code=_send(client).json()["code"]).assigned_officer == officer
    Officer.objects.filter(pk=officer.pk).update(active=False)  # sends no signal
    clock[0] += routing.KEEP_SECONDS - 1
    assert Report.objects.get(code=_send(client).json()["code"]).assigned_officer == officer
    clock[0] += 2
    later = Report.objects.get(code=_send(client).json()["code"])
    assert later.assigned_officer is None
    assert later.assigned_unit.name == "Polsek Sekotong"


def test_a_tracking_code_clash_draws_another_without_a_look_up(client, world, monkeypatch):
    from sejuk.reports import intake

    taken = _send(client).json()["code"]
    codes = iter([taken, "K7M2-Q9PX-3TDA"])
    monkeypatch.setattr(intake, "new_code", lambda: next(codes))
    sql = _statements(client)
    assert Report.objects.filter(code=taken).count() == 1
    assert Report.objects.filter(code="K7M2-Q9PX-3TDA").count() == 1
    inserts = [s for s in sql if s.lstrip().upper().startswith('INSERT INTO "REPORTS_REPORT"')]
    assert len(inserts) == 2, sql  # the clash stored nothing, the second draw the report
    assert not any("reports_report" in s and s.lstrip().upper().startswith("SELECT") for s in sql)
    assert sum(s.startswith("SAVEPOINT") for s in sql) <= 1, sql


def test_the_public_api_skips_the_session_csrf_user_and_messages_machinery(client, world):
    """The webhook's short way (LeanMiddleware) serves the citizens' API too: a browser's
    session cookie is not even opened, and the caller is anonymous."""
    client.cookies["sessionid"] = "a-session-key-of-a-signed-in-browser"
    answer = _send(client)
    assert answer.status_code == 201
    request = answer.wsgi_request
    assert not hasattr(request, "session")
    assert not hasattr(request, "_messages")
    assert request.user.is_anonymous
    assert "sessionid" not in answer.cookies and "csrftoken" not in answer.cookies
    assert "Content-Security-Policy" in answer.headers  # the headers above still apply
    bad = client.post(
        "/api/public/reports", {**BODY, "region": "99.99"}, content_type="application/json"
    )
    assert (
        bad.status_code == 422
        and bad.json()["error"]["fields"]["region"] == "kode wilayah tidak dikenal"
    )


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
