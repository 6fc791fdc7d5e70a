import pytest

pytestmark = pytest.mark.django_db


def test_search_resolves_an_abbreviation(client):
    body = client.get("/api/units", {"q": "Polres PPU"}).json()
    top = body["items"][0]["unit"]
    assert top["name"] == "Polres Penajam Paser Utara"
    assert top["level"] == "polres"
    assert top["home_region"] == "64.09"
    assert top["area"] == ["64.09"]


def test_search_needs_a_query(client):
    response = client.get("/api/units")
    assert response.status_code == 422
    assert response.json()["error"]["fields"]["q"] == "wajib diisi"


def test_one_unit_and_a_missing_one(client):
    unit_id = client.get("/api/units", {"q": "Polsek Sekotong"}).json()["items"][0]["unit"]["id"]
    body = client.get(f"/api/units/{unit_id}").json()
    assert body["name"] == "Polsek Sekotong" and body["area"] == ["52.01.07"]
    missing = client.get("/api/units/999999")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == "tidak_ditemukan"
