import re
from datetime import datetime, timedelta
from html import unescape
from urllib.parse import unquote
from zoneinfo import ZoneInfo

import pytest

from sejuk.reports.models import Report

pytestmark = pytest.mark.django_db


def test_a_citizen_reports_without_an_account_and_gets_a_code(client):
    response = client.post(
        "/lapor/",
        {
            "category": "politik_uang",
            "description": "Ada pembagian amplop di rumah warga tadi malam.",
            "place_text": "Desa Sekotong Barat, Kec. Sekotong",
            "anonymous": "on",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/lapor/terkirim/"
    page = client.get("/lapor/terkirim/").content.decode()
    code = re.search(r'id="kode">([^<]+)<', page).group(1)
    assert Report.objects.get(code=code).anonymous
    assert client.get("/lapor/terkirim/")["Location"] == "/cek/"  # shown once
    check = client.post("/cek/", {"kode": code}).content.decode()
    assert "Status: <strong>Baru</strong>" in check


def test_a_refused_report_keeps_the_input_and_stores_nothing(client):
    response = client.post(
        "/lapor/", {"category": "provokasi", "description": "pendek", "place_text": ""}
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "minimal 10 huruf" in html and "sebutkan desa/kelurahan" in html
    assert not Report.objects.exists()


def test_an_unknown_code_says_so_kindly(client):
    response = client.post("/cek/", {"kode": "AAAA-BBBB-CCCC"})
    assert response.status_code == 404
    assert "Kode laporan tidak ditemukan" in response.content.decode()


def test_the_report_form_is_rate_limited_per_address(client, settings):
    settings.RATE_REPORT = "2/h"
    data = {
        "category": "hoaks",
        "description": "Kabar bohong tentang surat suara beredar.",
        "region": "52.01.07.2002",
        "anonymous": "on",
    }
    assert client.post("/lapor/", data).status_code == 302
    assert client.post("/lapor/", data).status_code == 302
    third = client.post("/lapor/", data)
    assert third.status_code == 429
    assert "Terlalu banyak permintaan" in third.content.decode()
    assert Report.objects.count() == 2
    other = client.post("/lapor/", data, REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302  # another address has its own allowance


def test_the_public_api_answers_and_limits(client, settings):
    settings.RATE_CHECK = "1/m"
    body = {
        "category": "hoaks",
        "description": "Kabar bohong tentang surat suara beredar.",
        "region": "52.01.07.2002",
    }
    created = client.post("/api/public/reports", body, content_type="application/json")
    assert created.status_code == 201
    code = created.json()["code"]
    status = client.post(
        "/api/public/reports/status", {"code": code}, content_type="application/json"
    )
    assert status.json()["state"] == "baru"
    limited = client.post(
        "/api/public/reports/status", {"code": code}, content_type="application/json"
    )
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "terlalu_sering"


def test_the_form_asks_no_political_question(client):
    html = client.get("/lapor/").content.decode().lower()
    assert "pilihan politik anda" in html  # it says it does not ask
    assert "paslon" not in html and "mendukung" not in html


def sent_page(client, **fields):
    data = {
        "category": "politik_uang",  # segera
        "description": "Ada pembagian amplop di rumah warga tadi malam.",
        "region": "52.01.07.2002",
        "anonymous": "on",
        **fields,
    }
    assert client.post("/lapor/", data).status_code == 302
    html = client.get("/lapor/terkirim/").content.decode()
    code = re.search(r'id="kode">([^<]+)<', html).group(1)
    return html, Report.objects.get(code=code)


def test_the_code_page_offers_copy_and_whatsapp_and_says_when_an_officer_answers(client, settings):
    settings.REPORT_RESPONSE_MINUTES = {**settings.REPORT_RESPONSE_MINUTES, "segera": 90}
    html, report = sent_page(client)
    due = report.due_at.astimezone(ZoneInfo("Asia/Makassar"))  # Lombok: WITA
    weekday = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")[due.weekday()]
    when = f"{weekday} ({due.day}/{due.month}/{due.year}) {due:%H.%M} WITA"
    assert f"paling lambat <strong>{when}</strong> (dalam 90 menit)" in html
    assert "hubungi <strong>110</strong>" not in html
    link = unescape(re.search(r'id="wa" href="([^"]+)"', html).group(1))
    assert link.startswith("https://wa.me/?text=")
    shared = unquote(link.removeprefix("https://wa.me/?text="))
    assert report.code in shared and "http://testserver/cek/" in shared
    # Without JavaScript the copy button stays hidden; the code itself is selectable.
    assert re.search(r'<button[^>]*id="salin"[^>]*hidden', html)


def test_a_report_of_something_happening_now_is_told_to_call_110_too(client):
    html, report = sent_page(client, happening_now="on")
    assert report.urgency == "darurat" and "(dalam 1 jam)" in html
    assert "hubungi <strong>110</strong>" in html


def test_the_public_api_says_by_when_an_officer_answers(client):
    body = {
        "category": "hoaks",
        "description": "Kabar bohong tentang surat suara beredar.",
        "region": "52.01.07.2002",
    }
    answer = client.post("/api/public/reports", body, content_type="application/json").json()
    report = Report.objects.get(code=answer["code"])
    given = datetime.fromisoformat(answer["first_response_by"])
    assert abs(given - report.due_at) < timedelta(milliseconds=1)  # JSON keeps milliseconds
    assert "Petugas akan menanggapi paling lambat" in answer["message"]
