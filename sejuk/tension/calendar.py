"""Which election stages apply to a region, from the calendar in
``sejuk.reference.elections``: every region shares the national stages, and a region
that held a court-ordered re-vote (PSU 2025) has that day too; plus the stages an
administrator added (``ElectionStage``: the nation's, or a province's or
kabupaten/kota's)."""

from __future__ import annotations

from datetime import date
from functools import cache

from sejuk.reference.elections import REVOTES_2025, national_stages
from sejuk.regions.models import Level, Region

from .models import ElectionStage


@cache
def revotes() -> tuple[tuple[str, date], ...]:
    names = {n for n, _ in REVOTES_2025}
    codes = dict(
        Region.objects.filter(
            level__in=(Level.PROVINSI, Level.KABKOTA), name__in=names
        ).values_list("name", "code")
    )
    return tuple((codes[n], day) for n, day in REVOTES_2025 if n in codes)


Added = tuple[tuple[str, str, date], ...]  # (region code or "", stage, day)


def added() -> Added:
    """The stages administrators added (read once per recompute: a few rows)."""
    return tuple(ElectionStage.objects.values_list("region_code", "name", "day"))


def stages(code: str, day: date, extra: Added = ()) -> tuple[tuple[str, int], ...]:
    """(stage, days from ``day`` to it) of every stage for the region ``code``, with
    the ``extra`` stages (``added()``) whose region holds it."""
    found = [(name, (on - day).days) for name, on in national_stages()]
    for prefix, on in revotes():
        if code == prefix or code.startswith(prefix + "."):
            found.append(("Pemungutan suara ulang (PSU) 2025", (on - day).days))
    for prefix, name, on in extra:
        if not prefix or code == prefix or code.startswith(prefix + "."):
            found.append((name, (on - day).days))
    return tuple(found)
