"""The bulletin API: the same services as the pages, in JSON and as files."""

import io
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document

from sejuk.accounts.access import viewer_for
from sejuk.bulletins.daily import daily_report
from sejuk.bulletins.models import Bulletin
from sejuk.units.models import Unit
from tests.factories import log_activity

pytestmark = pytest.mark.django_db


def test_the_daily_figures_in_json_are_the_reports(client, world):
    day = date.today() - timedelta(days=2)
    log_activity(world.users["bhabin"], date=day, types=["sambang"])
    polres = Unit.objects.get(name="Polres Lombok Barat")
    client.force_login(world.users["pimpinan"])
    body = client.get(f"/api/bulletins/daily?unit_id={polres.pk}&date={day}").json()
    expected = daily_report(viewer_for(world.users["pimpinan"]), polres.pk, day).figures()
    assert body["figures"] == expected
    assert body["figures"]["activities"] == 1 and body["figures"]["by_type"] == {"sambang": 1}
    assert "kondusif, waspada, rawan" in body["worsened_rule"]
    pdf = client.get(f"/api/bulletins/daily.pdf?unit_id={polres.pk}&date={day}")
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    wrong = client.get(f"/api/bulletins/daily.odt?unit_id={polres.pk}&date={day}")
    assert wrong.status_code == 404 and set(wrong.json()["error"]) == {"code", "message", "fields"}


def test_a_release_is_drafted_and_downloaded_with_the_edits(client, world):
    activity = log_activity(world.users["bhabin"], situation="kondusif")
    client.force_login(world.users["humas"])
    draft = client.get(f"/api/bulletins/releases/{activity.pk}").json()
    assert draft["paragraphs"][0].startswith("Lombok Barat, NTB – ")
    assert draft["text"].startswith(draft["title"])
    assert {"key": "patroli_dialogis.ringkas", "name": "Patroli dialogis · Ringkas"} in draft[
        "templates"
    ]
    other = client.get(f"/api/bulletins/releases/{activity.pk}?template=patroli_dialogis.ringkas")
    assert other.json()["template"] == "patroli_dialogis.ringkas"
    response = client.post(
        f"/api/bulletins/releases/{activity.pk}/file.docx",
        {"title": "Judul dari Humas", "body": "Satu.\n\nDua."},
        content_type="application/json",
    )
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs if p.text]
    assert "Judul dari Humas" in texts and texts[-2:] == ["Satu.", "Dua."]
    too_long = client.post(
        f"/api/bulletins/releases/{activity.pk}/file.txt",
        {"title": "x" * 301},
        content_type="application/json",
    )
    assert too_long.status_code == 422


def test_the_stored_reports_of_the_area_are_listed(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    polres = Unit.objects.get(name="Polres Lombok Barat")
    for unit in (polres, Unit.objects.get(name="Polres Lombok Tengah")):
        Bulletin.objects.create(
            kind="harian", unit=unit, day=date(2024, 12, 8), claimed_at=timezone.now()
        )
    client.force_login(world.users["operator"])
    listed = client.get("/api/bulletins").json()
    assert [(b["unit"], b["state"], b["formats"]) for b in listed] == [
        ("Polres Lombok Barat", "proses", [])
    ]
    pending = client.get(f"/api/bulletins/{listed[0]['id']}/file.pdf")
    assert pending.status_code == 404  # not made yet
