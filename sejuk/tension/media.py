"""Signals from media monitoring, per desa and day: the one function the tension reads
for its *media* part. Media monitoring (``sejuk/media/``, a work sibling) does not exist
yet, so there is no signal anywhere and the part is 0, explained as such. When it lands,
this function reads its daily counts (articles, posts, weighted by reach and tone) and
returns points with a sentence for each desa that has some."""

from __future__ import annotations

from datetime import date


def signals(prefix: str | None, day: date) -> dict[str, tuple[float, str]]:
    """{desa code: (points before weighting, why)} for desa under ``prefix`` on ``day``."""
    return {}
