"""The home page."""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.accounts.access import current_viewer
from sejuk.accounts.workplace import today_for
from sejuk.errors import Forbidden
from sejuk.regions.services import region_counts
from sejuk.reports.services import counts as report_counts
from sejuk.tension import services as tension
from sejuk.tension.picture import area_picture
from sejuk.units.services import unit_counts


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"regions": region_counts(), "units": unit_counts(), "dashboard": dashboard(request)},
    )


def dashboard(request: HttpRequest) -> dict[str, object] | None:
    """What a signed-in user should see first: the picture of their area (desa ranked
    by tension, rises, coverage, trend), reports waiting and overdue, and this week's
    activities, within their area."""
    viewer = current_viewer(request)
    if not viewer.is_authenticated:
        return None
    board: dict[str, object] = {}
    if viewer.can("report.read"):
        board["reports"] = report_counts(viewer)
    if viewer.can("tension.read"):
        board["picture"] = area_picture(viewer)
    if viewer.can("activity.read"):
        # From the daily figures of the area (the picture's engine), not by counting
        # the activities themselves: a Polda's week is thousands of rows.
        today = today_for(viewer)
        area = viewer.region_area("activity.read")
        if "picture" not in board:  # the picture caught up a moment ago
            tension.catch_up()
        board["activities_week"] = int(
            tension.totals(area, today - timedelta(days=6), today)["activities"]
        )
    return board


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    error = Forbidden(
        "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi; "
        "isian Anda belum tersimpan."
    )
    return render(request, "web/error.html", {"error": error}, status=403)
