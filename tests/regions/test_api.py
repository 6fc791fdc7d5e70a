import pytest

pytestmark = pytest.mark.django_db


def test_search_answers_ranked_regions_with_their_path(client):
    response = client.get("/api/regions", {"q": "Desa Sekotong Barat, Kec. Sekotong"})
    assert response.status_code == 200
    body = response.json()
    assert body["query"] == "Desa Sekotong Barat, Kec. Sekotong"
    top = body["items"][0]
    assert top["code"] == "52.01.07.2002"
    assert top["path"] == "Sekotong Barat, Sekotong, Kabupaten Lombok Barat, Nusa Tenggara Barat"
    assert top["level"] == 4 and top["kind"] == "desa"


def test_search_prefers_the_area_given(client):
    body = client.get("/api/regions", {"q": "Paseban", "within": "33.10"}).json()
    assert body["items"][0]["code"].startswith("33.10.")


def test_a_bad_limit_is_refused_in_indonesian(client):
    response = client.get("/api/regions", {"q": "Bima", "limit": "banyak"})
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "data_tidak_valid"
    assert error["fields"]["limit"] == "harus bilangan bulat"


def test_one_region(client):
    body = client.get("/api/regions/52.01.07").json()
    assert body["name"] == "Sekotong"
    assert body["zone"] == "WITA"
    assert [p["code"] for p in body["parents"]] == ["52.01", "52"]
    assert any(c["code"] == "52.01.07.2002" for c in body["children"])


def test_an_unknown_region_is_a_404_in_the_one_error_shape(client):
    response = client.get("/api/regions/99.99")
    assert response.status_code == 404
    assert response.json() == {
        "error": {
            "code": "tidak_ditemukan",
            "message": "Wilayah dengan kode 99.99 tidak ditemukan.",
            "fields": {},
        }
    }
