"""The home page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.errors import Forbidden
from sejuk.regions.services import region_counts
from sejuk.units.services import unit_counts


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {"regions": region_counts(), "units": unit_counts()},
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    error = Forbidden(
        "Formulir kedaluwarsa atau tidak sah. Muat ulang halaman lalu kirim lagi; "
        "isian Anda belum tersimpan."
    )
    return render(request, "web/error.html", {"error": error}, status=403)
