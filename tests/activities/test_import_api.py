"""A large file sent to the JSON API is imported in the background, as from the page: the
API answers 202 with the run and where to watch it, the uploader follows its progress
there until it is done and then reads the refused rows; a small file is still imported
while the client waits. Through the real HTTP stack, the real job runner and database."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sejuk.activities import import_runs, imports
from sejuk.activities.models import Activity, ImportRun
from sejuk.jobs.models import Job
from sejuk.jobs.runner import run_due
from tests.activities.test_background_import import REGISTRY, _csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _data_dir(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.DATA_DIR = tmp_path
    settings.IMPORT_BACKGROUND_ROWS = 5


def _send(client, content: bytes, name: str = "kegiatan.csv", partial: bool = False):  # type: ignore[no-untyped-def]
    data: dict[str, Any] = {"file": SimpleUploadedFile(name, content, content_type="text/csv")}
    if partial:
        data["partial"] = "true"
    return client.post("/api/activities/import", data)


def test_a_large_file_sent_to_the_api_is_queued_and_followed_to_its_end(client, world):
    client.force_login(world.users["operator"])
    before = Activity.objects.count()
    answer = _send(client, _csv(12))
    assert answer.status_code == 202, answer.content[:400]
    run = ImportRun.objects.get()
    body = answer.json()
    assert body == {
        "id": run.pk,
        "state": "menunggu",
        "total": 12,
        "status_url": f"/api/activities/imports/{run.pk}",
    }
    assert answer["Location"] == body["status_url"]
    assert Activity.objects.count() == before  # nothing written while the client waited
    assert Job.objects.filter(name=import_runs.JOB).count() == 1

    waiting = client.get(body["status_url"]).json()
    assert (waiting["state"], waiting["written"], waiting["total"]) == ("menunggu", 0, 12)
    assert not waiting["finished"] and waiting["refused_rows"] is None

    outcomes = run_due(REGISTRY, "uji")
    assert [o.ok for o in outcomes if o.job.name == import_runs.JOB] == [True]
    done = client.get(body["status_url"]).json()
    assert done["state"] == "selesai" and done["state_label"] == "Selesai" and done["finished"]
    assert (done["total"], done["written"], done["refused"]) == (12, 12, 0)
    assert done["refused_rows"] == [] and done["error"] == ""
    assert Activity.objects.count() == before + 12


def test_the_api_status_shows_progress_and_then_the_refused_rows(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    answer = _send(client, _csv(12, bad=frozenset({2, 7})), partial=True)
    assert answer.status_code == 202, answer.content[:400]
    url = answer.json()["status_url"]
    seen: list[dict[str, Any]] = []
    heartbeat = import_runs.heartbeat

    def looking() -> None:
        # What the client reads at each beat of the job (another request, meanwhile).
        seen.append(client.get(url).json())
        heartbeat()

    monkeypatch.setattr(import_runs, "heartbeat", looking)
    run_due(REGISTRY, "uji")
    progress = [(s["state"], s["written"], s["refused"]) for s in seen]
    # Checked a chunk at a time (the refused rows counted as they are found), then written.
    assert progress == [
        ("memeriksa", 0, 1),  # rows 2-5: row 4 refused
        ("memeriksa", 0, 2),  # rows 6-9: row 9 refused
        ("memeriksa", 0, 2),
        ("menulis", 4, 2),
        ("menulis", 8, 2),
        ("menulis", 10, 2),
    ]
    assert all(s["total"] == 12 and not s["finished"] for s in seen)

    done = client.get(url).json()
    assert (done["state"], done["written"], done["refused"]) == ("selesai", 10, 2)
    assert [r["row"] for r in done["refused_rows"]] == [4, 9]  # the header is row 1
    assert all(
        "tidak dikenal" in r["reason"] or "wilayah" in r["reason"].lower()
        for r in done["refused_rows"]
    )
    csv_answer = client.get(done["refused_csv"])
    assert csv_answer.status_code == 200 and csv_answer["Content-Type"].startswith("text/csv")
    lines = csv_answer.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "baris,alasan" and [line.split(",")[0] for line in lines[1:]] == ["4", "9"]


def test_another_persons_import_is_not_found_at_the_api(client, world):
    client.force_login(world.users["operator"])
    url = _send(client, _csv(10)).json()["status_url"]
    assert client.get(url).status_code == 200
    for persona in ("neighbour", "admin"):  # another writer, even the Polres's admin
        client.force_login(world.users[persona])
        assert client.get(url).status_code == 404
        assert client.get(f"{url}/refused.csv").status_code == 404


def test_a_bad_large_file_sent_to_the_api_is_refused_in_words_and_nothing_is_queued(
    client, world, monkeypatch
):
    monkeypatch.setattr(imports, "MAX_ROWS", 20)
    client.force_login(world.users["operator"])
    no_columns = b"tanggal,uraian\n" + b"08/12/2024,Sambang\n" * 10
    cases = {
        "foto.csv": (b"\x89PNG\r\n\x1a\n\x00\x00" * 50, "bukan CSV atau XLSX"),
        "kolom.csv": (no_columns, "Kolom wajib tidak ada"),
        "banyak.csv": (_csv(21), "Paling banyak 20 baris per berkas"),
    }
    for name, (content, words) in cases.items():
        answer = _send(client, content, name)
        assert answer.status_code == 422, (name, answer.content[:300])
        assert words in answer.json()["error"]["message"], name
    assert not ImportRun.objects.exists() and not Job.objects.exists()
    assert not Activity.objects.filter(source="import").exists()


def test_a_small_file_sent_to_the_api_is_still_imported_at_once(client, world, settings):
    settings.IMPORT_BACKGROUND_ROWS = 2000
    client.force_login(world.users["operator"])
    answer = _send(client, _csv(30))
    assert answer.status_code == 200, answer.content[:300]
    assert answer.json() == {"imported": 30, "errors": []}
    assert not ImportRun.objects.exists()


def test_the_api_docs_say_a_large_file_answers_202(client):
    schema = client.get("/api/openapi.json").json()
    post = schema["paths"]["/api/activities/import"]["post"]
    assert "202" in post["responses"] and "200" in post["responses"]
    assert "status_url" in str(schema["components"]["schemas"]["ImportQueuedOut"])
    status = schema["paths"]["/api/activities/imports/{run_id}"]["get"]
    assert "404" in status["responses"]
