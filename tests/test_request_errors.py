"""Requests refused before or around a view answer in Bahasa Indonesia: JSON in the one
error shape under /api/, a page for people elsewhere. Too large is 413, unreadable is
400, too often is 429 with Retry-After, and a decompression bomb is too large."""

import struct
import zlib

import pytest
from django.test import RequestFactory

from sejuk.errors import Invalid
from sejuk.reports.models import Report
from sejuk.uploads import clean_image
from sejuk.web.errors import server_error
from tests.factories import log_activity

pytestmark = pytest.mark.django_db
REPORT = {
    "category": "hoaks",
    "description": "Kabar bohong tentang surat suara beredar.",
    "region": "52.01.07.2002",
}


def _shape(response, status: int) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "fields"}
    return error


def test_a_body_over_the_limit_is_413_in_indonesian_json_on_the_api(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    body = {**REPORT, "description": "x" * 4000}
    error = _shape(client.post("/api/public/reports", body, content_type="application/json"), 413)
    assert error["code"] == "terlalu_besar" and "terlalu besar" in error["message"]
    assert not Report.objects.exists()


def test_a_body_over_the_limit_is_a_413_page_for_people(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = client.post("/lapor/", {**REPORT, "description": "x" * 4000})
    assert response.status_code == 413
    page = response.content.decode()
    assert "Kiriman terlalu besar" in page and "Bad Request" not in page
    assert not Report.objects.exists()


def test_a_body_that_is_not_utf8_is_refused_in_indonesian(client, world):
    client.force_login(world.users["operator"])
    raw = b'{"region": "52.01.07.2002", "summary": "Patroli \xff\xfe sore"}'
    error = _shape(client.post("/api/activities", raw, content_type="application/json"), 400)
    assert "UTF-8" in error["message"] and "Cannot parse" not in error["message"]


def test_a_body_that_is_not_json_is_refused_in_indonesian(client, world):
    client.force_login(world.users["operator"])
    error = _shape(
        client.post("/api/activities", "{bukan json", content_type="application/json"), 400
    )
    assert error["message"] == "Isi permintaan tidak dapat dibaca: kirim JSON yang sah."


def test_too_many_reports_get_429_with_retry_after_on_api_and_page(client, settings):
    settings.RATE_REPORT = "1/h"
    assert (
        client.post("/api/public/reports", REPORT, content_type="application/json").status_code
        == 201
    )
    limited = client.post("/api/public/reports", REPORT, content_type="application/json")
    assert _shape(limited, 429)["code"] == "terlalu_sering"
    assert 1 <= int(limited["Retry-After"]) <= 3600
    page = client.post("/lapor/", {**REPORT, "anonymous": "on"})
    assert page.status_code == 429 and 1 <= int(page["Retry-After"]) <= 3600
    assert "Coba lagi dalam" in page.content.decode()


def test_a_locked_out_sign_in_says_when_to_try_again(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _ in range(2):
        client.post("/masuk/", {"username": "operator_lobar", "password": "salah"})
    locked = client.post("/masuk/", {"username": "operator_lobar", "password": "salah"})
    assert locked.status_code == 429
    assert int(locked["Retry-After"]) == int(settings.AXES_COOLOFF_TIME.total_seconds())


def _png_header(width: int, height: int) -> bytes:
    """A few hundred bytes that claim a picture of width × height pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1000))
        + chunk(b"IEND", b"")
    )


@pytest.mark.parametrize("side", [30_000, 8_000])
def test_a_decompression_bomb_is_too_large_not_a_non_photo(side):
    with pytest.raises(Invalid) as caught:
        clean_image(_png_header(side, side))
    assert caught.value.fields == {"photo": "terlalu besar"}
    assert "juta piksel" in caught.value.message


def test_a_decompression_bomb_uploaded_through_the_api_is_too_large(
    client, world, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    activity = log_activity(world.users["bhabin"])
    client.force_login(world.users["bhabin"])
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("foto.png", _png_header(30_000, 30_000), "image/png")
    error = _shape(client.post(f"/api/activities/{activity.pk}/photos", {"photo": upload}), 422)
    assert error["fields"] == {"photo": "terlalu besar"}


def test_the_api_answers_unknown_addresses_and_server_errors_in_the_one_shape(client):
    assert _shape(client.get("/api/tidak-ada"), 404)["code"] == "tidak_ditemukan"
    failed = server_error(RequestFactory().get("/api/activities"))
    assert failed.status_code == 500 and failed["Content-Type"].startswith("application/json")
    page = server_error(RequestFactory().get("/kegiatan/"))
    assert page.status_code == 500 and b"Terjadi galat di server" in page.content
