"""Pages: region search and one region."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from . import services


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    matches = services.search_regions(query) if query.strip() else []
    return render(request, "regions/search.html", {"query": query, "matches": matches})


def detail(request: HttpRequest, code: str) -> HttpResponse:
    return render(request, "regions/detail.html", {"region": services.get_region(code)})
