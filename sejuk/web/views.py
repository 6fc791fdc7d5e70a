"""The home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.regions.services import region_counts
from sejuk.units.services import unit_counts


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"regions": region_counts(), "units": unit_counts()},
    )
