import pytest

from sejuk.leaders.models import Leader
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def test_list_is_paged_and_scoped(client, world):
    client.force_login(world.users["operator"])
    body = client.get("/api/leaders", {"size": 1}).json()
    assert body["total"] == 2 and body["pages"] == 2 and len(body["items"]) == 1


def test_create_answers_201_with_the_record(client, world):
    client.force_login(world.users["bhabin"])
    response = client.post(
        "/api/leaders",
        {"region": SEKOTONG_BARAT, "name": "Amaq Sahnan", "category": "tokoh_masyarakat"},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["region_name"] == "Sekotong Barat"


def test_create_outside_the_area_is_refused_and_writes_nothing(client, world):
    client.force_login(world.users["bhabin"])
    before = Leader.objects.count()
    response = client.post(
        "/api/leaders",
        {"region": GERUNG_UTARA, "name": "X", "category": "tokoh_adat"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == {"region": "di luar wilayah Anda"}
    assert Leader.objects.count() == before


def test_a_missing_field_is_named_in_indonesian(client, world):
    client.force_login(world.users["operator"])
    response = client.post("/api/leaders", {"name": "X"}, content_type="application/json")
    assert response.status_code == 422
    fields = response.json()["error"]["fields"]
    assert fields == {"region": "wajib diisi", "category": "wajib diisi"}


def test_patch_changes_only_what_is_sent(client, world):
    client.force_login(world.users["operator"])
    own = world.leaders["own"]
    body = client.patch(
        f"/api/leaders/{own.pk}", {"role": "Imam masjid"}, content_type="application/json"
    ).json()
    assert body["role"] == "Imam masjid" and body["name"] == "Ustaz Hamid"


def test_export_as_csv(client, world):
    client.force_login(world.users["operator"])
    response = client.get("/api/leaders/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert "Ustaz Hamid" in response.content.decode()
