"""The officers' report API: a step the case no longer allows answers 409 in the one
error shape, with the state the case is in now."""

import pytest

from tests.factories import file_report

pytestmark = pytest.mark.django_db


def post(client, url, body):
    return client.post(url, body, content_type="application/json")


def test_a_second_verification_answers_409_with_the_current_state(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    url = f"/api/reports/{report.pk}/move"
    assert post(client, url, {"to": "diverifikasi"}).status_code == 200
    again = post(client, url, {"to": "diverifikasi"})
    assert again.status_code == 409
    error = again.json()["error"]
    assert error["code"] == "konflik" and error["fields"] == {"state": "diverifikasi"}
    assert "kini berstatus Diverifikasi (diubah oleh operator_lobar pukul" in error["message"]


def test_merging_a_report_that_was_refused_meanwhile_answers_409(client, world):
    report, other = file_report(), file_report()
    client.force_login(world.users["operator"])
    refusal = {"to": "ditolak", "reason": "Bukan gangguan kamtibmas."}
    assert post(client, f"/api/reports/{report.pk}/move", refusal).status_code == 200
    merged = post(client, f"/api/reports/{report.pk}/merge", {"into": other.pk})
    assert merged.status_code == 409
    assert merged.json()["error"]["fields"] == {"state": "ditolak"}


def test_a_second_incident_for_one_report_answers_409(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    url = f"/api/reports/{report.pk}/incident"
    assert post(client, url, {"types": ["provokasi"]}).status_code == 201
    again = post(client, url, {"types": ["provokasi"]})
    assert again.status_code == 409
    assert "sudah dicatat" in again.json()["error"]["message"]


def test_an_unknown_target_state_is_bad_input_not_a_conflict(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    answer = post(client, f"/api/reports/{report.pk}/move", {"to": "lenyap"})
    assert answer.status_code == 422 and "to" in answer.json()["error"]["fields"]
