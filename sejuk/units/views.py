"""Pages: unit search and one unit."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import services


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    matches = services.find_units(query) if query.strip() else []
    return render(request, "units/search.html", {"query": query, "matches": matches})


def detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    return render(request, "units/detail.html", services.unit_page(unit_id))
