"""Reads to a PostgreSQL replica, writes to the primary (``SEJUK_DATABASE_REPLICA_URL``).

A request that only reads (GET, HEAD: the lists, dashboards, exports, case pages) reads
from the replica; every other request, and everything outside a request (commands,
background jobs), uses the primary for reads and writes alike. A replica lags the primary
by a moment, so whoever has just written is pinned to the primary for
``SEJUK_REPLICA_PIN_SECONDS`` by a cookie: their next page shows what they saved, on any
app server behind the proxy. Writes always go to the primary, whatever read them.
"""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse

REPLICA = "replica"
PIN_COOKIE = "sejuk_primer"
_reads_from_replica: ContextVar[bool] = ContextVar("sejuk_reads_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model: Any, **hints: Any) -> str:
        return REPLICA if _reads_from_replica.get() else "default"

    def db_for_write(self, model: Any, **hints: Any) -> str:
        return "default"

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        return True  # one database and its copy

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == "default"


class ReplicaMiddleware:
    """Chooses where a request reads (see the module's note) and pins a writer."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reading = request.method in ("GET", "HEAD") and PIN_COOKIE not in request.COOKIES
        token = _reads_from_replica.set(reading)
        try:
            response = self.get_response(request)
        finally:
            _reads_from_replica.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400:
            response.set_cookie(
                PIN_COOKIE,
                "1",
                max_age=settings.REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
