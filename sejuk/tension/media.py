"""Signals from media monitoring, per desa and day: the one function the tension reads
for its *media* part. Media monitoring (``sejuk/media/``, a work sibling below) gives
the confirmed signals of stories placed in a desa (``signals_for``); here each counts
its weight, fading with the same half-life as incidents (``SEJUK_TENSION_HALF_LIFE_DAYS``)
over the last ``WINDOW_DAYS``, and the sentence names the kinds and the stories behind
them. Only signals an analyst confirmed count: a rule's guess alone moves nothing."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta

from django.conf import settings

from sejuk.media.services import signals_for
from sejuk.nlp.signals import SIGNALS

WINDOW_DAYS = 30


def signals(prefix: str | None, day: date) -> dict[str, tuple[float, str]]:
    """{desa code: (points before weighting, why)} for desa under ``prefix`` on ``day``."""
    half_life = float(settings.TENSION.get("incident_half_life", 14.0))
    points: dict[str, float] = defaultdict(float)
    kinds: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    stories: dict[str, set[int]] = defaultdict(set)
    for s in signals_for(prefix or "", day - timedelta(days=WINDOW_DAYS - 1), day):
        points[s.desa] += s.weight * 0.5 ** ((day - s.day).days / half_life)
        kinds[s.desa][s.kind] += 1
        stories[s.desa].add(s.story_id)
    out: dict[str, tuple[float, str]] = {}
    for code, value in points.items():
        named = ", ".join(
            f"{SIGNALS.get(kind, kind).lower()} ({n})" for kind, n in sorted(kinds[code].items())
        )
        ids = ", ".join(f"#{i}" for i in sorted(stories[code]))
        why = (
            f"Sinyal media terkonfirmasi dalam {WINDOW_DAYS} hari: {named}; berita {ids}; "
            f"bobot memudar separuh tiap {half_life:g} hari"
        )
        out[code] = (round(value, 2), why)
    return out
