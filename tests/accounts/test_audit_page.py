"""The audit log and the token page as a person reads them: what each entry is about in
Indonesian (never an internal code such as "report.read"), and every time on the clocks
of the reader's unit with its zone (WIB, WITA, WIT)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sejuk import dates
from sejuk.accounts import audit
from sejuk.accounts.access import CAPABILITIES
from sejuk.accounts.models import ApiToken, AuditEvent
from sejuk.accounts.tokens import create_token
from tests.personas import make_user

pytestmark = pytest.mark.django_db
SEJUK = Path(__file__).resolve().parents[2] / "sejuk"


def test_a_denied_page_shows_as_the_permission_it_needed(client, world):
    client.force_login(world.users["humas"])
    assert client.get("/laporan/").status_code == 403
    client.force_login(world.users["pimpinan"])
    html = client.get("/audit/").content.decode()
    assert "report.read" not in html
    assert "melihat laporan masyarakat" in html
    assert "GET /laporan/" in html  # where it happened


def test_a_look_outside_the_area_shows_what_was_looked_at(client, world):
    client.force_login(world.users["bhabin"])
    other = world.leaders["other"].pk
    assert client.get(f"/tokoh/{other}/").status_code == 404
    client.force_login(world.users["admin"])
    html = client.get("/audit/").content.decode()
    assert f'data-label="Objek">tokoh #{other}<' in html
    assert "leader" not in html


def test_an_export_shows_what_and_how_many_rows(client, world):
    client.force_login(world.users["operator"])
    assert client.get("/tokoh/ekspor.csv").status_code == 200
    client.force_login(world.users["admin"])
    html = client.get("/audit/").content.decode()
    assert 'data-label="Objek">tokoh<' in html and "2 baris" in html


def test_every_capability_has_an_indonesian_name_in_the_audit_log():
    assert set(CAPABILITIES) - set(audit.SUBJECTS) == set()


def recorded_object_types() -> set[str]:
    """Every kind of object the code names when it may write an audit entry: objects
    fetched under the area rule, exports, the form fields of a write outside the area,
    and objects named directly."""
    patterns = (
        r'get_or_deny\(.*, "(\w+)", \w+\)',
        r'object_type="(\w+)"',
        r'OutsideArea(?:Input)?\("(\w+)"',
        r'audit_export\(\s*viewer,\s*"(\w+)"',
        r'require_region\(.*, "(\w+)"\)',
    )
    found: set[str] = set()
    for path in SEJUK.rglob("*.py"):
        text = path.read_text()
        for pattern in patterns:
            found.update(re.findall(pattern, text))
    return found


def test_every_kind_of_object_the_code_audits_has_an_indonesian_name():
    kinds = recorded_object_types()
    assert {"leader", "activity", "report", "bulletin_daily", "region"} <= kinds
    assert kinds - set(audit.SUBJECTS) == set()


def test_an_unknown_kind_is_shown_as_it_is_rather_than_failing():
    assert audit.subject("sesuatu_baru", "7") == "sesuatu_baru #7"


def local_minute(moment, zone: str) -> str:
    there = dates.local(moment, zone)
    return f"{dates.short_date(there.date())} {dates.clock_in_zone(there, zone)}"


def test_audit_times_are_on_the_clocks_of_the_readers_unit_with_its_zone(client, world):
    event = audit.record("export", user=world.users["operator"], object_type="leader")
    client.force_login(world.users["pimpinan"])  # Polres Lombok Barat, NTB: WITA
    html = client.get("/audit/").content.decode()
    assert local_minute(event.created_at, "WITA") in html
    papua = make_user("kapolda_papua", "Polda Papua", "pimpinan")
    mine = audit.record("export", user=papua, object_type="leader")
    client.force_login(papua)
    html = client.get("/audit/").content.decode()
    assert local_minute(mine.created_at, "WIT") in html


def test_token_times_carry_the_zone_of_the_owners_unit(client, world):
    record, _ = create_token(world.users["operator"], "Integrasi")
    client.force_login(world.users["operator"])
    html = client.get("/akun/token/").content.decode()
    assert local_minute(record.created_at, "WITA") in html
    client.post(f"/akun/token/{record.pk}/cabut/")
    record = ApiToken.objects.get(pk=record.pk)
    html = client.get("/akun/token/").content.decode()
    assert f"dicabut {local_minute(record.revoked_at, 'WITA')}" in html


def test_the_audit_api_names_each_entry_in_indonesian_too(client, world):
    client.force_login(world.users["humas"])
    client.get("/laporan/")
    client.force_login(world.users["admin"])
    item = client.get("/api/accounts/audit", {"action": "denied"}).json()["items"][0]
    assert item["object_type"] == "report.read"  # the code, for programs
    assert item["action_label"] == "Akses ditolak"
    assert item["subject"] == "izin melihat laporan masyarakat"
    assert AuditEvent.objects.filter(action="denied").count() == 1
