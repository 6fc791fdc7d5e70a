"""Importing a file that is not the CSV or XLSX template (a photo, another zip, random
bytes, a workbook with broken XML) is refused in Indonesian at the page and the API,
and imports nothing."""

import io
import random
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from sejuk.activities import imports
from sejuk.activities.models import Activity

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(out, "PNG")
    return out.getvalue()


def _zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("catatan.txt", "bukan buku kerja")
    return out.getvalue()


def _broken_xlsx() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(imports.template()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet1"):
                data = data[: len(data) // 2]  # the sheet's XML cut in the middle
            archive.writestr(info, data)
    return out.getvalue()


def _zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<" + b" " * (120 * 1024 * 1024))
    return out.getvalue()


FILES = {
    "foto.png": _png,
    "foto.csv": _png,
    "arsip.zip": _zip,
    "acak.csv": lambda: random.Random(7).randbytes(3000) + b"\x00",
    "rusak.xlsx": _broken_xlsx,
    "bom.xlsx": _zip_bomb,
}


@pytest.mark.parametrize("name", FILES)
def test_a_file_that_is_no_template_is_refused_at_the_api(client, world, name):
    client.force_login(world.users["operator"])
    before = Activity.objects.count()
    upload = SimpleUploadedFile(name, FILES[name]())
    response = client.post("/api/activities/import", {"file": upload})
    assert response.status_code == 422, response.content[:300]
    error = response.json()["error"]
    assert error["fields"]["file"] in {"bukan CSV/XLSX", "bukan XLSX", "terlalu besar"}
    assert "bukan" in error["message"] or "terlalu besar" in error["message"]
    assert Activity.objects.count() == before


@pytest.mark.parametrize("name", ["foto.png", "arsip.zip", "rusak.xlsx"])
def test_a_file_that_is_no_template_is_refused_on_the_import_page(client, world, name):
    client.force_login(world.users["operator"])
    upload = SimpleUploadedFile(name, FILES[name]())
    response = client.post("/kegiatan/impor/", {"file": upload})
    assert response.status_code == 422
    page = response.content.decode()
    assert "bukan" in page and ("CSV atau XLSX" in page or "XLSX yang sah" in page)
