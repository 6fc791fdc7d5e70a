"""A case linked to the rest of the work: the incident behind a report, recorded where and
when the report places it, and the activities done in response."""

from __future__ import annotations

import pytest

from sejuk.accounts.access import OutsideArea, RoleDenied, viewer_for
from sejuk.errors import Conflict, Invalid
from sejuk.incidents.services import IncidentInput
from sejuk.links import services
from sejuk.reports.services import response_activity_ids
from tests.factories import file_report, log_activity
from tests.personas import LOTENG_DESA

pytestmark = pytest.mark.django_db


def v(world, persona):
    return viewer_for(world.users[persona])


def test_an_incident_and_a_response_activity_are_linked(world):
    report = file_report(category="bentrokan")
    _, incident = services.record_incident(
        v(world, "operator"),
        report.pk,
        IncidentInput(
            types=["bentrokan"],
            actors={"warga": 20, "paslon_timses": 10},
            injured=2,
            damaged_vehicles=1,
        ),
    )
    activity = log_activity(world.users["bhabin"], types=["mediasi"])
    services.link_activity(v(world, "operator"), report.pk, activity.pk)
    report.refresh_from_db()
    assert report.incident_id == incident.pk and incident.injured == 2
    assert (incident.region_id, incident.occurred_at) == (report.region_id, report.created_at)
    assert response_activity_ids(report) == [activity.pk]
    links = services.case_links(report)
    assert (links.incident, links.response_activities) == (incident, [activity])
    assert [e.action for e in report.events.all()][-2:] == ["incident", "activity"]


def test_a_wrong_or_second_incident_is_refused_and_nothing_is_kept(world):
    report = file_report()
    operator = v(world, "operator")
    with pytest.raises(Invalid):
        services.record_incident(operator, report.pk, IncidentInput(types=["perang"]))
    services.record_incident(operator, report.pk, IncidentInput(types=["provokasi"]))
    with pytest.raises(Conflict):
        services.record_incident(operator, report.pk, IncidentInput(types=["hoaks"]))
    report.refresh_from_db()
    assert report.incident.types == ["provokasi"]


def test_only_those_who_triage_record_the_incident_of_a_case(world):
    report = file_report()
    with pytest.raises(RoleDenied):
        services.record_incident(v(world, "bhabin"), report.pk, IncidentInput(types=["hoaks"]))


def test_an_activity_the_viewer_may_not_see_is_not_linked(world):
    report = file_report()
    elsewhere = log_activity(world.users["neighbour"], region=LOTENG_DESA)
    with pytest.raises(OutsideArea):
        services.link_activity(v(world, "operator"), report.pk, elsewhere.pk)
    assert response_activity_ids(report) == []
