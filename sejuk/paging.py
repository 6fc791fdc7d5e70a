"""One way to cut a list into pages for the JSON API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)


def page_of(qs: QuerySet[M], number: int, size: int, out: Callable[[M], Any]) -> dict[str, Any]:
    """``{"items", "total", "page", "pages"}``: page ``number`` (from 1) of ``size`` items,
    each through ``out``. A page past the end is empty and its offset never reaches the
    database: a client may send any integer, SQLite and PostgreSQL take 64-bit offsets."""
    total = qs.count()
    start = (number - 1) * size
    items = [out(x) for x in qs[start : start + size]] if start < total else []
    return {"items": items, "total": total, "page": number, "pages": -(-total // size)}
