import pytest

from tests.factories import superuser, unit

pytestmark = pytest.mark.django_db


def test_the_unit_search_page_finds_by_abbreviation(client):
    html = client.get("/satuan/", {"q": "Polda Kaltim"}).content.decode()
    assert "Polda Kalimantan Timur" in html


def test_a_unit_page_shows_area_and_units_below(client):
    html = client.get(f"/satuan/{unit('Polres Lombok Barat').pk}/").content.decode()
    assert "Polsek Sekotong" in html
    assert "Kabupaten Lombok Barat" in html
    assert "Polda Nusa Tenggara Barat" in html


def test_the_admin_speaks_indonesian_and_lists_units_regions_and_officers(client):
    client.force_login(superuser())
    index = client.get("/admin/").content.decode()
    assert "Administrasi Sejuk" in index
    assert "Satuan" in index and "Personel" in index and "Wilayah" in index
    for url in ("/admin/units/unit/", "/admin/units/officer/", "/admin/regions/region/"):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get("/admin/units/unit/?q=Sekotong").content.decode()
    assert "Polsek Sekotong" in page
    assert "Cari" in page  # the admin's own Indonesian translation


def test_the_admin_refuses_a_village_outside_the_officers_unit(client):
    client.force_login(superuser())
    response = client.post(
        "/admin/units/officer/add/",
        {
            "name": "Andi",
            "unit": unit("Polsek Sekotong").pk,
            "villages": ["52.01.01.1001"],
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "di luar wilayah Polsek Sekotong" in response.content.decode()
