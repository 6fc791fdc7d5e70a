"""Pages: the incidents in the viewer's area, and one incident."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.accounts.access import current_viewer
from sejuk.paging import get_page
from sejuk.reference.taxonomy import INCIDENT_TYPES, PARTICIPANTS

from . import services


@login_required
def index(request: HttpRequest) -> HttpResponse:
    flt = services.IncidentFilter(
        type=request.GET.get("jenis", "")[:30],
        region=request.GET.get("wilayah", "")[:13],
        q=request.GET.get("q", "")[:100],
    )
    incidents = services.list_incidents(current_viewer(request), flt)
    page = get_page(incidents, request.GET.get("halaman"), 50)
    return render(
        request,
        "incidents/index.html",
        {"page": page, "filter": flt, "types": list(INCIDENT_TYPES.items())},
    )


@login_required
def detail(request: HttpRequest, incident_id: int) -> HttpResponse:
    incident = services.get_incident(current_viewer(request), incident_id)
    actors = [(PARTICIPANTS.get(a, a), n) for a, n in sorted(incident.actors.items())]
    return render(request, "incidents/detail.html", {"incident": incident, "actors": actors})
