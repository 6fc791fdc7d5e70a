"""The map page. It draws only what the map API answers; the page itself carries the
controls, the choices the viewer has (measures, kinds of points) and the day."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.accounts.access import current_viewer

from . import services

PERIODS = ((7, "7 hari"), (30, "30 hari"), (90, "90 hari"), (365, "1 tahun"))


@login_required
def index(request: HttpRequest) -> HttpResponse:
    frame = services.frame(current_viewer(request), features=False)
    return render(
        request,
        "maps/index.html",
        {
            "frame": frame,
            "levels": sorted(services.LEVEL_NAMES.items()),
            "periods": PERIODS,
        },
    )
