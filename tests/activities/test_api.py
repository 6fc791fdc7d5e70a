from datetime import date, timedelta

import pytest

from sejuk.activities.models import Activity
from tests.factories import log_activity
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
YESTERDAY = str(date.today() - timedelta(days=1))


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_create_read_change_and_delete_through_the_api(client, world):
    client.force_login(world.users["bhabin"])
    created = post(
        client,
        "/api/activities",
        {
            "region": SEKOTONG_BARAT,
            "date": YESTERDAY,
            "start_time": "16:30",
            "end_time": "18:00",
            "types": ["patroli_dialogis", "sambang"],
            "participants": {"tokoh_agama": 3, "warga": None},
            "summary": "Patroli sore",
            "situation": "kondusif",
            "personnel_count": 3,
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["zone"], body["start"], body["end"]) == ("WITA", "16:30", "18:00")
    assert body["source"] == "api" and body["unit_name"] == "Polsek Sekotong"
    aid = body["id"]
    patched = client.patch(
        f"/api/activities/{aid}",
        {"situation": "waspada", "reason": "kabar baru"},
        content_type="application/json",
    ).json()
    assert patched["situation"] == "waspada" and patched["types"] == ["patroli_dialogis", "sambang"]
    history = client.get(f"/api/activities/{aid}/history").json()
    assert [h["action"] for h in history] == ["created", "updated"]
    assert history[1]["fields"] == {"situation": ["kondusif", "waspada"]}
    deleted = client.delete(
        f"/api/activities/{aid}", {"reason": "salah input"}, content_type="application/json"
    )
    assert deleted.status_code == 204
    assert client.get(f"/api/activities/{aid}").status_code == 404
    assert Activity.objects.get(pk=aid).deleted_reason == "salah input"


def test_bad_input_answers_in_indonesian_in_the_one_shape(client, world):
    client.force_login(world.users["bhabin"])
    response = post(
        client,
        "/api/activities",
        {
            "region": SEKOTONG_BARAT,
            "date": "kemarin",
            "start_time": "16:30",
            "types": [],
            "summary": "x",
        },
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"date": "harus tanggal (YYYY-MM-DD)"}
    response = post(
        client,
        "/api/activities",
        {
            "region": SEKOTONG_BARAT,
            "date": YESTERDAY,
            "start_time": "16:30",
            "types": [],
            "summary": "x",
        },
    )
    assert response.json()["error"]["fields"] == {"types": "pilih minimal satu jenis"}
    assert not Activity.objects.exists()


def test_the_reader_endpoint_returns_values_and_the_words_they_came_from(client, world):
    client.force_login(world.users["bhabin"])
    text = "Patroli dialogis di Ds. Sekotong Barat bersama tokoh agama, situasi kondusif."
    body = post(client, "/api/activities/read", {"text": text}).json()
    assert body["values"]["region"] == SEKOTONG_BARAT
    assert body["values"]["situation"] == "kondusif"
    spans = {h["field"]: text[h["start"] : h["end"]] for h in body["highlights"]}
    assert spans["region"] == "Sekotong Barat"


def test_list_is_paged_and_filtered(client, world):
    for _ in range(3):
        log_activity(world.users["bhabin"])
    log_activity(world.users["bhabin"], situation="waspada")
    client.force_login(world.users["operator"])
    body = client.get("/api/activities", {"size": 2, "page": 2}).json()
    assert (body["total"], body["pages"], len(body["items"])) == (4, 2, 2)
    assert client.get("/api/activities", {"situation": "waspada"}).json()["total"] == 1


def test_the_recap_api_and_page_show_the_same_numbers(client, world):
    log_activity(world.users["bhabin"], types=["patroli_dialogis", "sambang"])
    log_activity(world.users["bhabin"], types=["sambang"])
    client.force_login(world.users["pimpinan"])
    start, end = date.today() - timedelta(days=29), date.today()
    api = client.get("/api/activities/recap", {"start": start, "end": end}).json()
    page = client.get("/kegiatan/rekap/", {"dari": start, "sampai": end}).content.decode()
    assert api["total"] == 2 and api["totals"] == {"patroli_dialogis": 1, "sambang": 2}
    assert "2 kegiatan" in page
    row = next(r for r in api["rows"] if r["unit"] == "Polsek Sekotong")
    assert row == {
        "unit_id": row["unit_id"],
        "unit": "Polsek Sekotong",
        "counts": {"patroli_dialogis": 1, "sambang": 2},
        "total": 2,
    }
    coverage = client.get("/api/activities/coverage").json()
    assert coverage["reached"] == 1 and coverage["total"] == 122
