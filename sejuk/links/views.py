"""Pages: a report's case page with what it is linked to, the reporter's identity shown
on it, and the two steps that link a case to the other work."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer
from sejuk.incidents.services import IncidentInput
from sejuk.params import whole_number
from sejuk.reports import services as reports
from sejuk.reports.models import CATEGORIES, Report
from sejuk.reports.views import case_page, take_step

from . import outcomes, report_media, services


def _page(request: HttpRequest, report: Report, **extra: object) -> HttpResponse:
    links = services.case_links(report).context()
    media = report_media.report_links(report, current_viewer(request))
    return case_page(
        request,
        report,
        {**links, "incident_types": CATEGORIES, "media_links": media},
        **extra,
    )


@login_required
def detail(request: HttpRequest, report_id: int) -> HttpResponse:
    return _page(request, reports.get_report(current_viewer(request), report_id))


@login_required
@require_POST
def reveal(request: HttpRequest, report_id: int) -> HttpResponse:
    """Shows the reporter's identity on this one page view; it is never kept on the page
    afterwards, and the look is in the audit log."""
    viewer = current_viewer(request)
    identity = reports.reveal_reporter(viewer, report_id, request)
    return _page(request, reports.get_report(viewer, report_id), identity=identity)


@login_required
@require_POST
def incident(request: HttpRequest, report_id: int) -> HttpResponse:
    def number(name: str) -> int:
        found = whole_number(request.POST.get(name) or "0")
        return -1 if found is None else found  # refused by the service, in its words

    data = IncidentInput(
        types=request.POST.getlist("types"),
        description=request.POST.get("description", ""),
        dead=number("dead"),
        injured=number("injured"),
        damaged_buildings=number("damaged_buildings"),
        damaged_vehicles=number("damaged_vehicles"),
    )
    viewer = current_viewer(request)

    def record() -> str:
        report, recorded = services.record_incident(viewer, report_id, data)
        return outcomes.incident_recorded(report, recorded)

    return take_step(request, report_id, record)


@login_required
@require_POST
def link_activity(request: HttpRequest, report_id: int) -> HttpResponse:
    activity_id = whole_number(request.POST.get("activity_id")) or 0
    viewer = current_viewer(request)
    return take_step(
        request,
        report_id,
        lambda: outcomes.activity_linked(*services.link_activity(viewer, report_id, activity_id)),
    )
