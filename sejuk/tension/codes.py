"""Codes under a region code, as a query condition both databases serve from an index."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection
from django.db.models import Q


def area_q(area: tuple[str, ...] | None, name: str = "region_code") -> Q:
    """Rows of regions in ``area`` (codes; None: everywhere), by code prefix."""
    if area is None:
        return Q()
    if not area:
        return Q(pk__in=[])
    q = Q()
    for code in area:
        q |= Q(**{name: code}) | below(code, name)
    return q


def below(code: str, name: str = "region_code") -> Q:
    """Codes under ``code``. On SQLite as a range ("52.01." <= c < "52.01/", "/" coming
    right after "." in its binary order), which its index serves where LIKE cannot; on
    PostgreSQL a prefix LIKE, which a C-collated index serves and any collation gets
    right."""
    if connection.vendor == "sqlite":
        return Q(**{f"{name}__gte": code + ".", f"{name}__lt": code + "/"})
    return Q(**{f"{name}__startswith": code + "."})


CHUNK = 200  # codes per query: SQLite limits how deep an OR of conditions may go


def chunks(codes: Iterable[str]) -> Iterable[tuple[str, ...]]:
    """The codes in order, ``CHUNK`` at a time (one query each)."""
    ordered = sorted(codes)
    for at in range(0, len(ordered), CHUNK):
        yield tuple(ordered[at : at + CHUNK])
