"""The URLs of the map benchmark only: Sejuk's own, and the floor to compare with, a bare
Django view answering a static JSON body (set by the benchmark to the size of the largest
map layer). Used through ``override_settings`` in the benchmark's own process; never part
of Sejuk's URL configuration."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

BODY: list[bytes] = [b"{}"]


def baseline(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY[0], content_type="application/json")


urlpatterns = [
    path("bench/baseline.json", baseline),
    path("", include("sejuk.urls")),
]
