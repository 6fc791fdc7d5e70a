"""Incidents on their own: recorded with a clear refusal for what is wrong, read under
the area rule, and the incidents of a day for the situation report."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from sejuk.accounts.access import OutsideArea, OutsideAreaInput, RoleDenied, viewer_for
from sejuk.errors import Invalid
from sejuk.incidents import services
from sejuk.incidents.services import IncidentFilter, IncidentInput
from tests.personas import GERUNG_UTARA, LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
MORNING = datetime(2024, 12, 8, 1, 0, tzinfo=UTC)  # 09.00 WITA


def v(world, persona):
    return viewer_for(world.users[persona])


def record(world, persona="operator", region=SEKOTONG_BARAT, at=MORNING, **fields):
    data = IncidentInput(**{"types": ["provokasi"], **fields})
    return services.record_incident(v(world, persona), data, region_id=region, occurred_at=at)


def test_an_operator_records_an_incident_with_its_parties_and_toll(world):
    incident = record(
        world, types=["bentrokan", "perusakan"], actors={"warga": 20}, injured=2, description=" x "
    )
    assert incident.kinds() == "Bentrokan, Perusakan / pembakaran"
    assert (incident.injured, incident.actors, incident.description) == (2, {"warga": 20}, "x")
    assert str(incident) == "Bentrokan, Perusakan / pembakaran di Sekotong Barat"


def test_a_wrong_incident_is_refused_field_by_field_and_nothing_is_kept(world):
    with pytest.raises(Invalid) as refused:
        record(world, types=["perang"], actors={"penonton": 3}, dead=-1)
    assert set(refused.value.fields) == {"types", "actors", "dead"}
    assert not services.visible(v(world, "admin")).exists()


def test_an_incident_outside_the_area_or_without_the_role_is_refused(world):
    with pytest.raises(OutsideAreaInput):
        record(world, region=LOTENG_DESA)
    with pytest.raises(RoleDenied):
        record(world, persona="bhabin")


def test_each_sees_the_incidents_of_their_area(world):
    own = record(world)
    other = record(world, region=GERUNG_UTARA)
    neighbour = record(world, persona="neighbour", region=LOTENG_DESA)
    assert set(services.visible(v(world, "pimpinan"))) == {own, other}
    assert set(services.visible(v(world, "bhabin"))) == {own}  # their desa
    assert set(services.visible(v(world, "neighbour"))) == {neighbour}
    with pytest.raises(OutsideArea):
        services.get_incident(v(world, "operator"), neighbour.pk)
    with pytest.raises(RoleDenied):
        services.visible(v(world, "humas"))


def test_the_list_is_filtered_by_type_region_and_words(world):
    clash = record(world, types=["bentrokan"], description="Dua kelompok pemuda bentrok")
    hoax = record(world, types=["hoaks"], region=GERUNG_UTARA)
    viewer = v(world, "operator")
    assert list(services.list_incidents(viewer, IncidentFilter(type="hoaks"))) == [hoax]
    assert list(services.list_incidents(viewer, IncidentFilter(region="52.01.07"))) == [clash]
    assert list(services.list_incidents(viewer, IncidentFilter(q="pemuda"))) == [clash]
    with pytest.raises(Invalid):
        services.list_incidents(viewer, IncidentFilter(type="perang"))


def test_the_incidents_of_a_span_are_those_that_happened_in_it(world):
    inside = record(world)
    record(world, at=MORNING - timedelta(days=1))
    span = (MORNING - timedelta(hours=9), MORNING + timedelta(hours=15))
    assert list(services.happened(v(world, "pimpinan"), span)) == [inside]
