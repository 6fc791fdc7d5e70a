"""Linking a report to the rest of the work, each step in the caller's transaction: the
report's row is locked first (as every step on a case is), then the other side is read
or written through its own app's services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sejuk.accounts.access import Viewer
from sejuk.activities import services as activities
from sejuk.activities.models import Activity
from sejuk.incidents import services as incidents
from sejuk.incidents.models import Incident
from sejuk.reports import services as reports
from sejuk.reports.models import Report


def record_incident(
    viewer: Viewer, report_id: int, data: incidents.IncidentInput
) -> tuple[Report, Incident]:
    """The verified incident behind a report, where and when the report places it."""
    report = reports.lock_for_incident(viewer, report_id)
    incidents.check(data)
    reports.refuse_second_incident(report)
    # The report's area rule admitted the viewer (a case assigned to their unit may lie
    # outside their area): the incident is recorded where the report is.
    incident = incidents.record_incident(
        viewer,
        data,
        region_id=report.region_id,
        occurred_at=report.occurred_at or report.created_at,
        check_area=False,
    )
    return reports.link_incident(viewer, report, incident.pk), incident


def link_activity(viewer: Viewer, report_id: int, activity_id: int) -> tuple[Report, Activity]:
    """An activity the viewer may see, done in response to the report."""
    report = reports.lock_for_response(viewer, report_id)
    activity = activities.get_activity(viewer, activity_id)
    return reports.link_activity(viewer, report, activity.pk), activity


@dataclass(frozen=True)
class CaseLinks:
    incident: Incident | None
    response_activities: list[Activity]

    def context(self) -> dict[str, Any]:
        return {"incident": self.incident, "response_activities": self.response_activities}


def case_links(report: Report) -> CaseLinks:
    """What a report the viewer may see is linked to: shown with it, as the case has
    always shown them (its visibility admits them)."""
    incident = (
        Incident.objects.select_related("region").filter(pk=report.incident_id).first()
        if report.incident_id
        else None
    )
    ids = reports.response_activity_ids(report)
    return CaseLinks(incident, list(Activity.objects.filter(pk__in=ids)))
