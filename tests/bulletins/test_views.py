"""Bulletin pages: the list of morning reports, the release editor, the links to them."""

import io
import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from docx import Document

from sejuk.bulletins.models import Bulletin
from sejuk.units.models import Unit
from tests.factories import log_activity

pytestmark = pytest.mark.django_db


def test_humas_finds_buat_rilis_on_an_activity_and_an_operator_does_not(client, world):
    activity = log_activity(world.users["bhabin"])
    client.force_login(world.users["humas"])
    page = client.get(f"/kegiatan/{activity.pk}/").content.decode()
    assert f'href="/buletin/rilis/{activity.pk}/"' in page and "Buat rilis" in page
    assert 'href="/buletin/"' in page  # the nav link
    client.force_login(world.users["operator"])
    page = client.get(f"/kegiatan/{activity.pk}/").content.decode()
    assert "Buat rilis" not in page
    client.force_login(world.users["bhabin"])
    assert 'href="/buletin/"' not in client.get("/").content.decode()


def test_the_editor_shows_the_draft_and_downloads_the_edited_text(client, world):
    activity = log_activity(world.users["bhabin"], situation="kondusif")
    client.force_login(world.users["humas"])
    page = client.get(f"/buletin/rilis/{activity.pk}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Lombok Barat, NTB – Personel Polsek Sekotong" in html
    assert 'name="templat"' in html and "Patroli dialogis · Ringkas" in html
    assert "Salin teks" in html
    # Named with its hash once `make run` has collected the static files.
    assert re.search(r"/static/bulletins/release(\.[0-9a-f]{12})?\.js", html)
    response = client.post(
        f"/buletin/rilis/{activity.pk}/",
        {"title": "Judul", "body": "Baris satu.\n\nBaris dua.", "action": "docx"},
    )
    assert response["Content-Disposition"].startswith('attachment; filename="rilis-')
    texts = [p.text for p in Document(io.BytesIO(response.content)).paragraphs if p.text]
    assert texts[-2:] == ["Baris satu.", "Baris dua."]
    plain = client.post(
        f"/buletin/rilis/{activity.pk}/", {"title": "Judul", "body": "Isi.", "action": "teks"}
    )
    assert plain.content.decode() == "Judul\n\nIsi.\n"
    empty = client.post(f"/buletin/rilis/{activity.pk}/", {"title": "", "body": ""})
    assert empty.status_code == 422 and "tidak boleh kosong" in empty.content.decode()


def test_the_list_shows_the_morning_reports_of_the_area(client, world, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    polres = Unit.objects.get(name="Polres Lombok Barat")
    ready = Bulletin.objects.create(
        kind="harian",
        unit=polres,
        day=date(2024, 12, 8),
        state="siap",
        claimed_at=timezone.now(),
        figures={"activities": 7, "reports_received": 2, "reports_overdue": 1, "worsened": 0},
    )
    Bulletin.objects.create(
        kind="harian",
        unit=Unit.objects.get(name="Polres Lombok Tengah"),
        day=date(2024, 12, 8),
        claimed_at=timezone.now(),
    )
    client.force_login(world.users["pimpinan"])
    html = client.get("/buletin/").content.decode()
    assert "Minggu, 8 Desember 2024" in html and "7 kegiatan" in html
    assert f"/buletin/{ready.pk}/unduh.pdf" in html
    assert "Polres Lombok Tengah" not in html
    assert f'<option value="{polres.pk}" selected>Polres Lombok Barat</option>' in html


def test_the_daily_report_page_answers_a_file_for_the_chosen_unit_and_day(client, world):
    day = date.today() - timedelta(days=1)
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    client.force_login(world.users["operator"])
    response = client.get(f"/buletin/harian/?satuan={sekotong.pk}&tanggal={day}&format=docx")
    assert response.status_code == 200
    assert f"lapsit-harian-polsek-sekotong-{day:%Y%m%d}.docx" in response["Content-Disposition"]
    bad = client.get("/buletin/harian/?tanggal=8-12-2024")
    assert bad.status_code == 422
