"""Short writes: the slow work of a request (the text reader, fuzzy place matching, photo
checking and resizing, storing files, reading an uploaded table) runs before the write
transaction opens, never inside it, on every page and API endpoint that does such work.

The database is real; only the observation is added: the slow functions are wrapped to
record how many atomic blocks were open when they were called, and every one must have
been called at the depth the test itself runs at (pytest-django's own transaction), none
inside a block the code under test opened. (`sejuk demo` reads its seeded messages inside
its one seeding transaction: a command run once on an empty installation, not a request.)
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.storage import FileSystemStorage
from django.db import connection
from PIL import Image

import sejuk.urls  # noqa: F401  (every view and service loaded before the wrapping)
from sejuk.activities import imports
from sejuk.nlp import extract as extract_module
from sejuk.nlp.gazetteer import Gazetteer
from sejuk.uploads import clean_image
from tests.factories import log_activity
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
MESSAGE = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat, 3 pers, "
    "situasi aman kondusif"
)
PLACE = "Sekotong Barat, Sekotong"


class Watch:
    """Which slow function ran, and how deep in atomic blocks."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []
        self.baseline = len(connection.atomic_blocks)

    def wrap(self, label: str, original: Callable[..., Any]) -> Callable[..., Any]:
        def watched(*args: Any, **kwargs: Any) -> Any:
            self.calls.append((label, len(connection.atomic_blocks)))
            return original(*args, **kwargs)

        return watched

    def inside(self) -> list[str]:
        return sorted({label for label, depth in self.calls if depth > self.baseline})

    def ran(self) -> set[str]:
        return {label for label, _ in self.calls}


def _everywhere(monkeypatch: pytest.MonkeyPatch, original: object, wrapped: object) -> None:
    """Replace a function in every Sejuk module that imported it by name."""
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "sejuk" or name.startswith(("sejuk.", "tests."))):
            continue
        for attr, value in list(vars(module).items()):
            if value is original:
                monkeypatch.setattr(module, attr, wrapped)


@pytest.fixture
def watch(monkeypatch: pytest.MonkeyPatch, settings: Any, tmp_path: Any) -> Watch:
    settings.MEDIA_ROOT = tmp_path / "media"
    w = Watch()
    reader = extract_module.extract
    _everywhere(monkeypatch, reader, w.wrap("pembaca teks", reader))
    _everywhere(monkeypatch, clean_image, w.wrap("olah foto", clean_image))
    # The file is read as it is checked (a stream): the whole of it, before any write.
    _everywhere(monkeypatch, imports.check_table, w.wrap("baca berkas impor", imports.check_table))
    for method in ("search", "lookup"):
        original = getattr(Gazetteer, method)
        monkeypatch.setattr(Gazetteer, method, w.wrap("cocokkan tempat", original))
    monkeypatch.setattr(
        FileSystemStorage, "_save", w.wrap("simpan berkas", FileSystemStorage._save)
    )
    return w


def jpeg(name: str = "foto.jpg") -> io.BytesIO:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (30, 120, 60)).save(out, "JPEG")
    out.seek(0)
    out.name = name
    return out


def csv_upload() -> io.BytesIO:
    day = date.today() - timedelta(days=1)
    upload = io.BytesIO(
        "tanggal,jam_mulai,kode_wilayah,jenis,uraian\n"
        f"{day:%d/%m/%Y},16.30,{SEKOTONG_BARAT},patroli_dialogis,Patroli sore\n".encode()
    )
    upload.name = "kegiatan.csv"
    return upload


def activity_form(**extra: Any) -> dict[str, Any]:
    return {
        "action": "simpan",
        "region": SEKOTONG_BARAT,
        "date": (date.today() - timedelta(days=1)).isoformat(),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": "Patroli dialogis keliling dusun.",
        **extra,
    }


def test_the_activity_pages_read_and_resize_before_they_write(client, world, watch):
    client.force_login(world.users["bhabin"])
    assert client.post("/kegiatan/baru/", {"action": "baca", "text": MESSAGE}).status_code == 200
    saved = client.post("/kegiatan/baru/", activity_form(text=MESSAGE, photo=jpeg()))
    assert saved.status_code == 302
    activity = log_activity(world.users["bhabin"])
    assert client.post(f"/kegiatan/{activity.pk}/foto/", {"photo": jpeg()}).status_code == 302
    assert client.post("/kegiatan/impor/", {"file": csv_upload()}).status_code == 200
    assert watch.ran() >= {"pembaca teks", "olah foto", "simpan berkas", "baca berkas impor"}
    assert watch.inside() == []


def test_the_activity_api_reads_and_resizes_before_it_writes(client, world, watch):
    client.force_login(world.users["bhabin"])
    body = {
        "region": SEKOTONG_BARAT,
        "date": str(date.today() - timedelta(days=1)),
        "start_time": "16:30",
        "types": ["patroli_dialogis"],
        "summary": "Patroli sore",
        "raw_text": MESSAGE,
    }
    assert client.post("/api/activities", body, content_type="application/json").status_code == 201
    assert (
        client.post(
            "/api/activities/read", {"text": MESSAGE}, content_type="application/json"
        ).status_code
        == 200
    )
    activity = log_activity(world.users["bhabin"])
    photo = client.post(f"/api/activities/{activity.pk}/photos", {"photo": jpeg()})
    assert photo.status_code == 201
    assert client.post("/api/activities/import", {"file": csv_upload()}).status_code == 200
    assert watch.ran() >= {"pembaca teks", "olah foto", "simpan berkas", "baca berkas impor"}
    assert watch.inside() == []


def test_the_report_pages_match_places_and_resize_before_they_write(client, world, watch):
    report = {
        "category": "provokasi",
        "description": "Ada selebaran berisi hasutan ditempel di pos ronda.",
        "place_text": PLACE,
        "anonymous": "on",
    }
    assert client.post("/lapor/", {**report, "photo": jpeg()}).status_code == 302
    client.force_login(world.users["operator"])
    text = f"Ada provokasi di Ds. Sekotong Barat tadi pagi. {MESSAGE}"
    read = {"action": "baca", "text": text, "channel": "whatsapp"}
    assert client.post("/laporan/baru/", read).status_code == 200
    officer = {"text": text, "category": "provokasi", "description": text, "place_text": PLACE}
    assert client.post("/laporan/baru/", {**officer, "channel": "whatsapp"}).status_code == 302
    assert watch.ran() >= {"pembaca teks", "cocokkan tempat", "olah foto", "simpan berkas"}
    assert watch.inside() == []


def test_the_report_api_matches_places_before_it_writes(client, world, watch):
    body = {
        "category": "hoaks",
        "description": "Kabar bohong tentang surat suara beredar.",
        "place_text": PLACE,
    }
    public = client.post("/api/public/reports", body, content_type="application/json")
    assert public.status_code == 201
    client.force_login(world.users["operator"])
    officer = client.post("/api/reports", body, content_type="application/json")
    assert officer.status_code == 201
    read = client.post(
        "/api/reports/read", {"text": f"Ada provokasi. {MESSAGE}"}, content_type="application/json"
    )
    assert read.status_code == 200
    assert watch.ran() >= {"pembaca teks", "cocokkan tempat"}
    assert watch.inside() == []


def test_the_media_pages_read_a_post_and_an_export_before_they_write(client, world, watch):
    client.force_login(world.users["operator"])
    post = "Ayo geruduk kantor camat, tulis akun itu kepada warga Ds. Sekotong Barat."
    assert client.post("/media/tambah/", {"text": post}).status_code == 302
    export = io.BytesIO(f'text,url\n"{post} Kedua.",https://contoh.id/1\n'.encode())
    export.name = "ekspor.csv"
    assert client.post("/media/tambah/", {"file": export}).status_code == 302
    assert watch.ran() >= {"pembaca teks"}
    assert watch.inside() == []
