"""In the app: the bell with the unread count, the page of alerts each linked to what
raised it, "sudah ditangani" with who and when, the choices page, and the JSON API."""

from __future__ import annotations

import re

import pytest
from django.db import transaction

from sejuk.alerts import rules
from sejuk.alerts.models import Alert, Preference
from sejuk.alerts.services import raise_alert
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def alert(code=SEKOTONG_BARAT, key="uji-1", rule=rules.KEJADIAN_BERAT):
    with transaction.atomic():
        return raise_alert(rule, code, subject=("desa", code), text="Bentrokan warga.", key=key)


def bell(html: str) -> str | None:
    found = re.search(r'<a class="bell"[^>]*>.*?</a>', html, re.S)
    return found.group(0) if found else None


def test_the_bell_counts_unread_alerts_and_the_page_reads_them(world, client):
    alert()
    alert(key="uji-2", rule=rules.DARURAT)
    client.force_login(world.users["bhabin"])
    assert '<span class="count">2</span>' in bell(client.get("/").content.decode())
    page = client.get("/peringatan/").content.decode()
    assert page.count("Bentrokan warga.") == 2
    assert f'href="/desa/{SEKOTONG_BARAT}/"' in page
    assert 'class="count"' not in bell(client.get("/").content.decode())


def test_only_those_who_receive_alerts_have_a_bell(world, client):
    client.force_login(world.users["humas"])
    assert bell(client.get("/").content.decode()) is None


def test_an_alert_handled_shows_who_handled_it_to_everyone_it_went_to(world, client):
    raised = alert()
    client.force_login(world.users["operator"])
    answer = client.post(f"/peringatan/{raised.pk}/tangani/")
    assert answer.status_code == 302
    client.force_login(world.users["pimpinan"])
    page = client.get("/peringatan/").content.decode()
    assert "Sudah ditangani oleh operator_lobar" in page
    # The second to press it does not take it over.
    client.post(f"/peringatan/{raised.pk}/tangani/")
    assert Alert.objects.get().handled_by == world.users["operator"]


def test_an_alert_elsewhere_cannot_be_handled(world, client):
    raised = alert(code=LOTENG_DESA)
    client.force_login(world.users["operator"])
    assert client.post(f"/peringatan/{raised.pk}/tangani/").status_code == 404
    assert Alert.objects.get().handled_at is None


def test_a_person_chooses_what_they_receive_within_their_role(world, client):
    client.force_login(world.users["pimpinan"])
    page = client.get("/peringatan/pengaturan/").content.decode()
    assert "Kejadian berat dicatat" in page
    wanted = dict.fromkeys(rules.RULES, rules.APP) | {rules.LONJAKAN: rules.OFF}
    assert client.post("/peringatan/pengaturan/", wanted).status_code == 302
    assert Preference.objects.get(user=world.users["pimpinan"], rule=rules.LONJAKAN).mode == "mati"
    # Off for what the role must receive: refused, and nothing changes.
    refused = client.post(
        "/peringatan/pengaturan/",
        wanted | {rules.KEJADIAN_BERAT: rules.OFF, rules.DARURAT: rules.NOW},
    )
    assert refused.status_code == 200
    assert "wajib menerima" in refused.content.decode()
    assert (
        Preference.objects.get(user=world.users["pimpinan"], rule=rules.DARURAT).mode == "aplikasi"
    )


def test_a_rule_switched_off_is_not_delivered(world):
    Preference.objects.create(user=world.users["pimpinan"], rule=rules.LONJAKAN, mode=rules.OFF)
    raised = alert(rule=rules.LONJAKAN)
    assert world.users["pimpinan"].pk not in set(
        raised.deliveries.values_list("user_id", flat=True)
    )


def test_the_api_lists_ones_alerts_and_marks_one_handled(world, client):
    raised = alert()
    alert(code=LOTENG_DESA, key="uji-2")
    client.force_login(world.users["bhabin"])
    listing = client.get("/api/alerts").json()
    assert [a["id"] for a in listing["items"]] == [raised.pk]
    assert listing["items"][0]["link"] == f"/desa/{SEKOTONG_BARAT}/"
    done = client.post(f"/api/alerts/{raised.pk}/handled").json()
    assert done["handled_by"] == "bhabin_sekotong"
    other = Alert.objects.get(region_code=LOTENG_DESA)
    answer = client.post(f"/api/alerts/{other.pk}/handled")
    assert answer.status_code == 404 and answer.json()["error"]["code"] == "tidak_ditemukan"
