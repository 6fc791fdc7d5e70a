"""What `make fuzz` found, each pinned on both databases: an id no column can hold, a
year typed wrong, a tracking code that is no case, a multipart body without boundary."""

from datetime import date

import pytest

from sejuk.activities.models import Activity
from sejuk.units.models import Officer, Unit
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
HUGE = 2**70


def test_an_id_no_column_can_hold_matches_nothing_in_every_lookup(world):
    own = world.officers["sekotong"]
    assert not Officer.objects.filter(pk=own.pk, unit_id=HUGE).exists()
    assert not Officer.objects.filter(pk__in=[HUGE, -HUGE]).exists()
    assert list(Officer.objects.filter(pk__in=[HUGE, own.pk])) == [own]
    assert not Activity.objects.filter(officers__in=[HUGE]).exists()
    assert not Activity.objects.filter(unit__in=[HUGE]).exists()
    assert Officer.objects.filter(unit_id=own.unit_id).exists()


def test_a_plan_or_activity_naming_huge_ids_is_refused_not_a_server_error(client, world):
    client.force_login(world.users["operator"])
    unit = Unit.objects.get(name="Polsek Sekotong")
    plan = {
        "unit_id": HUGE,
        "region": SEKOTONG_BARAT,
        "title": "Sambang",
        "type_code": "sambang",
        "weekday": 1,
        "officer_id": HUGE,
    }
    response = client.post("/api/activities/plans", plan, content_type="application/json")
    assert response.status_code == 422 and "unit_id" in response.json()["error"]["fields"]
    activity = {
        "unit_id": unit.pk,
        "region": SEKOTONG_BARAT,
        "date": str(date.today()),
        "start_time": "09:00",
        "types": ["sambang"],
        "summary": "Sambang warga.",
        "officer_ids": [HUGE],
        "leader_ids": [HUGE],
    }
    response = client.post("/api/activities", activity, content_type="application/json")
    assert response.status_code == 422
    assert {"officer_ids", "leader_ids"} <= set(response.json()["error"]["fields"])
    listed = client.get("/api/activities", {"unit_id": HUGE})
    assert listed.status_code in (200, 404)


def test_an_activity_dated_centuries_ago_is_refused(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/api/activities",
        {
            "region": SEKOTONG_BARAT,
            "date": "0711-04-06",
            "start_time": "00:09",
            "types": ["sambang"],
            "summary": "Sambang warga.",
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"date": "sebelum tahun 2000: periksa tahunnya"}


def test_a_code_that_is_no_case_is_a_documented_404(client):
    response = client.post(
        "/api/public/reports/status", {"code": "0000000000000"}, content_type="application/json"
    )
    assert response.status_code == 404
    schema = client.get("/api/openapi.json").json()
    assert "404" in schema["paths"]["/api/public/reports/status"]["post"]["responses"]


def test_a_multipart_body_without_boundary_is_refused_in_the_one_shape(client, world):
    client.force_login(world.users["operator"])
    response = client.generic("POST", "/api/activities/import", b"--x--", "multipart/form-data")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "permintaan_tidak_terbaca"
