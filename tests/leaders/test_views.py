import pytest

from sejuk.leaders.models import Leader
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def test_the_list_page_shows_the_area_only(client, world):
    client.force_login(world.users["bhabin"])
    html = client.get("/tokoh/").content.decode()
    assert "Ustaz Hamid" in html and "Pak Lalu Made" not in html


def test_adding_a_leader_by_form(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/tokoh/baru/",
        {"region": SEKOTONG_BARAT, "name": "Amaq Sahnan", "category": "tokoh_masyarakat"},
    )
    assert response.status_code == 302
    assert Leader.objects.filter(name="Amaq Sahnan").exists()


def test_a_refused_form_keeps_the_input_and_says_why(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/tokoh/baru/",
        {"region": GERUNG_UTARA, "name": "Amaq Sahnan", "category": "tokoh_masyarakat"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "di luar wilayah Anda" in html
    assert 'value="Amaq Sahnan"' in html
    assert not Leader.objects.filter(name="Amaq Sahnan").exists()


def test_a_commander_reads_a_leader_without_an_edit_form(client, world):
    client.force_login(world.users["pimpinan"])
    html = client.get(f"/tokoh/{world.leaders['own'].pk}/").content.decode()
    assert "Ustaz Hamid" in html and '<form method="post" class="stack' not in html
