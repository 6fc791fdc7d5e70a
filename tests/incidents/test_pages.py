"""The incidents' pages and API: the list of the viewer's area and one incident, and the
case page that links to the incident recorded from it."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sejuk.incidents.models import Incident
from tests.factories import file_report
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
AT = datetime(2024, 12, 8, 1, 0, tzinfo=UTC)  # 09.00 WITA


@pytest.fixture
def incidents(world):
    own = Incident.objects.create(
        types=["bentrokan"], region_id=SEKOTONG_BARAT, occurred_at=AT, injured=2,
        actors={"warga": 20}, description="Dua kelompok pemuda bentrok di lapangan.",
    )  # fmt: skip
    neighbour = Incident.objects.create(types=["hoaks"], region_id=LOTENG_DESA, occurred_at=AT)
    return own, neighbour


def test_an_operator_lists_the_incidents_of_the_area_and_opens_one(client, world, incidents):
    own, _ = incidents
    client.force_login(world.users["operator"])
    rows = client.get("/kejadian/").content.decode().split("<tbody>")[1]
    assert f'href="/kejadian/{own.pk}/">Bentrokan<' in rows and "Hoaks" not in rows
    detail = client.get(f"/kejadian/{own.pk}/").content.decode()
    assert "Sekotong Barat" in detail and "08/12/2024 09.00 WITA" in detail
    assert "Warga: 20" in detail and "Dua kelompok pemuda bentrok" in detail
    # where it happened, on a small map of its desa (no GPS point: the desa's centre)
    assert 'class="small-map"' in detail and f'data-code="{SEKOTONG_BARAT}"' in detail
    assert "data-lat=" not in detail


def test_the_api_gives_the_area_s_incidents(client, world, incidents):
    own, neighbour = incidents
    client.force_login(world.users["operator"])
    listed = client.get("/api/incidents?type=bentrokan").json()
    assert [i["id"] for i in listed["items"]] == [own.pk]
    one = client.get(f"/api/incidents/{own.pk}").json()
    assert (one["region"], one["injured"], one["types"]) == (SEKOTONG_BARAT, 2, ["bentrokan"])
    assert client.get(f"/api/incidents/{neighbour.pk}").status_code == 404


def test_the_case_page_names_its_incident_and_links_to_it(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    response = client.post(
        f"/laporan/{report.pk}/kejadian/", {"types": ["provokasi"], "injured": "1"}, follow=True
    )
    incident = Incident.objects.get()
    page = response.content.decode()
    assert "Kejadian (provokasi) dicatat untuk laporan" in page
    assert f'href="/kejadian/{incident.pk}/"' in page and "Provokasi di Sekotong Barat" in page


def test_odd_numbers_on_the_case_page_forms_are_refused_in_words_not_a_500(client, world):
    report = file_report()
    client.force_login(world.users["operator"])
    response = client.post(
        f"/laporan/{report.pk}/kejadian/", {"types": ["provokasi"], "injured": "²"}, follow=True
    )
    assert response.status_code == 200 and "angka tidak masuk akal" in response.content.decode()
    linked = client.post(f"/laporan/{report.pk}/kegiatan/", {"activity_id": "²"})
    assert linked.status_code == 404  # no such activity, as for any number that is none
    assert not Incident.objects.exists()
