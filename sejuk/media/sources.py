"""The starter list of news sources shipped as data (``starter_sources.csv``: Indonesian
national and regional outlets' public feeds). Loaded switched off and marked as not yet
checked: an administrator checks each address and switches it on in the admin."""

from __future__ import annotations

import csv
from importlib import resources

from .models import Source


def starter() -> list[dict[str, str]]:
    text = resources.files("sejuk.media").joinpath("starter_sources.csv").read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


def load_starter() -> int:
    """The sources of the starter list not yet in the registry; returns how many."""
    have = set(Source.objects.values_list("feed_url", flat=True))
    new = [
        Source(
            name=row["name"],
            feed_url=row["feed_url"],
            region_id=row["region"] or None,
            language=row["language"] or "id",
            active=False,
            checked=False,
        )
        for row in starter()
        if row["feed_url"] not in have
    ]
    Source.objects.bulk_create(new)
    return len(new)
