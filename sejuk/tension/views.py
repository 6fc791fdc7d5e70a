"""Pages: the ranking of the viewer's area (with CSV/XLSX) and the page of one desa.
The commander's home draws ``picture.area_picture`` too (sejuk.web)."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from sejuk.accounts.access import current_viewer
from sejuk.activities import exports
from sejuk.errors import Invalid
from sejuk.params import whole_number

from . import coverage, picture, ranking

PAGE_SIZE = 50


def _day(request: HttpRequest) -> date | None:
    value = request.GET.get("tanggal", "")
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise Invalid(
            f"Tanggal {value[:20]!r} tidak valid (pakai YYYY-MM-DD).", {"tanggal": "tidak valid"}
        ) from None


@login_required
def desa(request: HttpRequest, code: str) -> HttpResponse:
    page = picture.desa_page(current_viewer(request), code[:13], _day(request))
    return render(request, "tension/desa.html", {"page": page})


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    found = picture.ranked(
        viewer,
        "",
        request.GET.get("tingkat", "")[:14],
        _day(request),
        request.GET.get("halaman"),
        PAGE_SIZE,
    )
    return render(request, "tension/index.html", {"found": found})


@login_required
def export(request: HttpRequest, fmt: str) -> HttpResponse:
    viewer = current_viewer(request)
    header, rows = ranking.rows(viewer, _day(request), request.GET.get("tingkat", "")[:14])
    exports.audit_export(viewer, "tension", len(rows), request, format=fmt)
    return exports.file_response(header, rows, "kerawanan", fmt)


@login_required
def coverage_page(request: HttpRequest) -> HttpResponse:
    page = coverage.coverage_page(
        current_viewer(request),
        whole_number(request.GET.get("satuan")),
        whole_number(request.GET.get("hari")) or 30,
    )
    return render(request, "tension/coverage.html", {"page": page})
