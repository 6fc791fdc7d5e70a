import pytest

pytestmark = pytest.mark.django_db


def test_the_search_page_lists_matches_with_their_path(client):
    response = client.get("/wilayah/", {"q": "Sekotong Barat"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sekotong Barat" in html
    assert "52.01.07.2002" in html
    assert "Kabupaten Lombok Barat" in html


def test_the_search_page_says_when_nothing_matches(client):
    html = client.get("/wilayah/", {"q": "Qwxyzplumbus"}).content.decode()
    assert "Tidak ada wilayah yang cocok" in html


def test_a_region_page_shows_its_children_and_zone(client):
    html = client.get("/wilayah/52.01.07/").content.decode()
    assert "Sekotong Barat" in html and "WITA" in html


def test_an_unknown_region_page_is_a_friendly_404(client):
    response = client.get("/wilayah/99.99/")
    assert response.status_code == 404
    assert "tidak ditemukan" in response.content.decode()
