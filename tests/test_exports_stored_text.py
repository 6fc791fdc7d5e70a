"""Every export and document writer (CSV, XLSX, DOCX, PDF) makes its file from whatever
an older version stored: control characters that XML cannot hold are left out, and
a control character cannot hide a formula from the spreadsheet's neutralising."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.db import connection
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from sejuk.activities.models import Activity
from sejuk.leaders.models import Leader
from sejuk.units.models import Officer, Unit
from tests.factories import log_activity

pytestmark = pytest.mark.django_db
DAY = date.today() - timedelta(days=2)


def _bad(text: str) -> str:
    """``text`` with ESC, SOH, a vertical tab, and a NUL where the database can store one
    (SQLite did, before the input rule; PostgreSQL never can)."""
    nul = "\x00" if connection.vendor == "sqlite" else ""
    return f"{text}\x1b[31m\x01{nul}\x0b."


@pytest.fixture
def stored(world):
    """An activity, its Polsek, the Polres commander and a leader holding control
    characters, written straight to the database as an older version could have."""
    activity = log_activity(world.users["bhabin"], date=DAY, situation="kondusif")
    Activity.objects.filter(pk=activity.pk).update(
        summary=_bad("Patroli dialogis di Dusun Tawun"),
        findings='\x01=HYPERLINK("http://contoh.invalid")',
        dusun=_bad("Tawun"),
        landmark=_bad("Masjid Al-Ikhlas"),
        follow_up_note=_bad("Sambang lagi"),
    )
    polres = Unit.objects.get(name="Polres Lombok Barat")
    commander = Officer.objects.create(name="Budi\x1b Santoso", rank="AKBP", unit=polres)
    Unit.objects.filter(pk=polres.pk).update(commander=commander)
    Unit.objects.filter(name="Polsek Sekotong").update(name="Polsek Sekotong\x1b")
    Leader.objects.filter(pk=world.leaders["own"].pk).update(name=_bad("Ustaz Hamid"))
    return activity


def _xlsx_text(content: bytes) -> str:
    book = load_workbook(io.BytesIO(content))
    return "\n".join(
        str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row if c.value
    )


def _xlsx_cells(content: bytes) -> list[str]:
    book = load_workbook(io.BytesIO(content))
    return [str(c.value) for s in book.worksheets for row in s.iter_rows() for c in row]


def _ok(response, kind: str) -> bytes:
    assert response.status_code == 200, response.content[:300]
    assert kind in response["Content-Type"]
    return response.content


def test_the_activity_list_exports_as_xlsx_and_csv_from_page_and_api(client, world, stored):
    client.force_login(world.users["operator"])
    for url in ("/kegiatan/ekspor.xlsx", "/api/activities/export.xlsx"):
        content = _ok(client.get(url), "spreadsheet")
        text = _xlsx_text(content)
        assert "Patroli dialogis di Dusun Tawun[31m\n." in text and "\x1b" not in text
        assert '\'=HYPERLINK("http://contoh.invalid")' in _xlsx_cells(content)
    for url in ("/kegiatan/ekspor.csv", "/api/activities/export.csv"):
        rows = list(csv.reader(io.StringIO(_ok(client.get(url), "csv").decode("utf-8-sig"))))
        assert rows[1][-1] == '\'=HYPERLINK("http://contoh.invalid")'
        assert "\x1b" not in rows[1][-2] and "\x00" not in rows[1][-2]


def test_the_recaps_export_as_xlsx(client, world, stored):
    client.force_login(world.users["pimpinan"])
    period = {"dari": str(DAY), "sampai": str(DAY)}
    _xlsx_text(_ok(client.get("/kegiatan/rekap/ekspor.xlsx", period), "spreadsheet"))
    for url, query in (
        ("/buletin/rekap.xlsx", period),
        ("/api/bulletins/recap.xlsx", {"start": str(DAY), "end": str(DAY)}),
    ):
        text = _xlsx_text(_ok(client.get(url, query), "spreadsheet"))
        assert "Patroli dialogis di Dusun Tawun[31m" in text and "Polsek Sekotong" in text


def test_the_release_of_the_activity_downloads_as_docx_and_text(client, world, stored):
    client.force_login(world.users["humas"])
    draft = client.get(f"/api/bulletins/releases/{stored.pk}")
    assert draft.status_code == 200
    content = _ok(
        client.post(
            f"/api/bulletins/releases/{stored.pk}/file.docx", {}, content_type="application/json"
        ),
        "wordprocessingml",
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    assert "Budi Santoso" in text and "\x1b" not in text
    typed = client.post(
        f"/api/bulletins/releases/{stored.pk}/file.docx",
        {"title": "Judul\x1b dari Humas", "body": "Satu\x01.\n\nDua."},
        content_type="application/json",
    )
    paragraphs = [p.text for p in Document(io.BytesIO(_ok(typed, "word"))).paragraphs]
    assert "Judul dari Humas" in paragraphs and "Satu." in paragraphs
    page = client.post(f"/buletin/rilis/{stored.pk}/", {"title": "Judul\x1b", "body": "Isi\x02."})
    _ok(page, "word")
    _ok(
        client.post(
            f"/api/bulletins/releases/{stored.pk}/file.txt", {}, content_type="application/json"
        ),
        "text/plain",
    )


def test_the_daily_report_prints_as_pdf_and_docx(client, world, stored):
    polres = Unit.objects.get(name="Polres Lombok Barat")
    client.force_login(world.users["pimpinan"])
    query = {"unit_id": polres.pk, "date": str(DAY)}
    pdf = _ok(client.get("/api/bulletins/daily.pdf", query), "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Polsek Sekotong" in text
    docx = _ok(client.get("/api/bulletins/daily.docx", query), "word")
    assert Document(io.BytesIO(docx)).paragraphs


def test_the_leader_registry_exports_as_csv(client, world, stored):
    client.force_login(world.users["operator"])
    for url in ("/tokoh/ekspor.csv", "/api/leaders/export.csv"):
        text = _ok(client.get(url), "csv").decode("utf-8-sig")
        assert "Ustaz Hamid[31m" in text and "\x1b" not in text and "\x00" not in text
