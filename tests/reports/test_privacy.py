"""A phone number in a report's text (a forwarded message an officer records, or the
reporter's own words) is not readable in the database, nor by a role that may not see
contacts: masked in the working text; the text as it came in is encrypted, shown only to
the roles that see contacts, and every showing is audited."""

import re

import pytest
from django.db import connection

from sejuk.accounts.models import AuditEvent
from sejuk.reports.models import Report
from sejuk.reports.privacy import MASK, mask_phones

pytestmark = pytest.mark.django_db
WRITTEN = ("0812-3456-7890", "+62 812 3456 7890", "6281234567890")
CORE = "81234567890"  # the digits every way of writing the number shares


def test_numbers_are_masked_however_they_are_written():
    for number in (
        *WRITTEN,
        "0812 3456 7890",
        "0812.3456.7890",
        "+62-812-3456-7890",
        "(0370) 623456",
    ):
        masked = mask_phones(f"Hubungi {number} bila ada info.")
        assert masked == (f"Hubungi {MASK} bila ada info.", 1), number
    assert mask_phones("wa.me/6281234567890 atau telp:081234567890") == (
        f"wa.me/{MASK} atau telp:{MASK}",
        2,
    )


def test_dates_times_money_counts_and_id_numbers_stay():
    for text in (
        "Senin 08-12-2024 20 orang hadir",
        "08/12/2024 pukul 09.30 WITA",
        "uang Rp 62.500.000 dan Rp 1.500.000",
        "sekitar 625 orang",
        "NIK 6271012345678901",
        "2024-12-08",
    ):
        assert mask_phones(text) == (text, 0), text


def forwarded(number):
    return (
        f"[20.15, 8/12/2024] {number}: Assalamualaikum pak, ada selebaran hasutan di pos "
        f"ronda Dusun Tawun, Desa Sekotong Barat. Bisa hubungi saya di {number}."
    )


def stored_text(report_id):
    """Every text column of the report as the database holds it."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT description, place_text, source_text, reporter_name, reporter_phone "
            "FROM reports_report WHERE id = %s",
            [report_id],
        )
        row = cursor.fetchone()
        cursor.execute("SELECT detail FROM reports_event WHERE report_id = %s", [report_id])
        events = [str(r[0]) for r in cursor.fetchall()]
    return " ".join([*(str(v) for v in row), *events])


def readable(text, number):
    return number in text or CORE in re.sub(r"\D", "", text)


@pytest.mark.parametrize("number", WRITTEN)
def test_a_forwarded_message_recorded_by_an_officer_keeps_no_readable_number(client, world, number):
    client.force_login(world.users["bhabin"])
    text = forwarded(number)
    response = client.post(
        "/laporan/baru/",
        {
            "action": "simpan",
            "text": text,
            "description": text,
            "category": "provokasi",
            "region": "52.01.07.2002",
            "channel": "whatsapp",
        },
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert not readable(stored_text(report.pk), number)
    assert MASK in report.description and "pos ronda Dusun Tawun" in report.description

    for who in ("bhabin", "pimpinan"):  # a Bhabinkamtibmas may not see contacts
        client.force_login(world.users[who])
        for url in (f"/laporan/{report.pk}/", f"/api/reports/{report.pk}", "/api/reports"):
            assert not readable(client.get(url).content.decode(), number), (who, url)
    client.force_login(world.users["bhabin"])
    assert client.post(f"/laporan/{report.pk}/identitas/").status_code == 403
    assert client.get(f"/api/reports/{report.pk}/reporter").status_code == 403

    client.force_login(world.users["operator"])  # a role that sees contacts, audited
    shown = client.post(f"/laporan/{report.pk}/identitas/").content.decode()
    assert number in shown.replace("&nbsp;", " ")
    api = client.get(f"/api/reports/{report.pk}/reporter").json()
    assert api["original_text"] == text
    assert AuditEvent.objects.filter(action="view_identity", object_id=str(report.pk)).count() == 2


def test_the_officer_api_masks_the_text_and_encrypts_the_forwarded_message(client, world):
    client.force_login(world.users["operator"])
    text = forwarded(WRITTEN[1])
    created = client.post(
        "/api/reports",
        {
            "category": "provokasi",
            "description": text,
            "source_text": text,
            "region": "52.01.07.2002",
            "channel": "whatsapp",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    assert not readable(created.content.decode(), WRITTEN[1])
    assert not readable(stored_text(created.json()["id"]), WRITTEN[1])


def test_a_citizens_number_in_the_text_is_masked_and_the_words_are_kept_encrypted(client, world):
    words = "Ada pembagian amplop di rumah warga. Saksi bisa dihubungi di 0812-3456-7890."
    client.post(
        "/lapor/",
        {
            "category": "politik_uang",
            "description": words,
            "region": "52.01.07.2002",
            "anonymous": "on",
        },
    )
    report = Report.objects.get()
    assert (
        report.description
        == f"Ada pembagian amplop di rumah warga. Saksi bisa dihubungi di {MASK}."
    )
    assert not readable(stored_text(report.pk), "0812-3456-7890")
    client.force_login(world.users["operator"])
    assert client.get(f"/api/reports/{report.pk}/reporter").json()["original_text"] == words


def test_reports_stored_before_are_protected_by_the_migration(world):
    from importlib import import_module

    from django.apps import apps

    from sejuk.crypto import decrypt
    from tests.factories import file_report

    migration = import_module("sejuk.reports.migrations.0004_protect_source_text")
    text = forwarded(WRITTEN[0])
    old = file_report(description="Selebaran hasutan di pos ronda dekat lapangan.")
    Report.objects.filter(pk=old.pk).update(description=text, source_text=text)  # as before
    plain = file_report()
    migration.protect(apps, None)
    migration.protect(apps, None)  # twice changes nothing more
    old.refresh_from_db()
    assert not readable(stored_text(old.pk), WRITTEN[0])
    assert decrypt(old.source_text) == text
    assert Report.objects.get(pk=plain.pk).source_text == ""
