"""The slow part of taking in a publication, done before any write: the MinHash
signature and its bands, the text reader's record (kind, incident types, place, date,
unit) and the signals with their words. Nothing here touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any

import numpy as np

from sejuk.nlp.extract import extract
from sejuk.nlp.record import Evidence, Record
from sejuk.nlp.signals import read_signals

from . import dedupe

MAX_TEXT = 50_000


@dataclass
class Incoming:
    """A publication as it came: from a feed, pasted by an officer, or imported."""

    text: str
    channel: str
    url: str = ""
    title: str = ""
    outlet: str = ""
    published_at: datetime | None = None
    seen_where: str = ""
    source_id: int | None = None
    source_region: str | None = None  # the region the source mostly covers
    added_by_id: int | None = None
    fetch_note: str = ""  # why the page itself was not read (its robots.txt)


@dataclass
class Prepared:
    incoming: Incoming
    published_at: datetime
    signature: np.ndarray
    bands: list[tuple[int, int]]
    kind: str
    incident_types: list[str]
    place_code: str | None
    event_date: Any
    unit_name: str
    reading: dict[str, Any]
    signals: list[dict[str, Any]] = field(default_factory=list)
    clarifies: list[str] = field(default_factory=list)


def _words(evidence: tuple[Evidence, ...]) -> list[str]:
    return list(dict.fromkeys(e.text for e in evidence))[:5]


def _shown(record: Record) -> dict[str, Any]:
    """The reader's record as the story page shows it: each field with its words."""
    out: dict[str, Any] = {
        "kind": {"value": record.kind.value, "words": _words(record.kind.evidence)},
        "incident_types": [
            {"value": lab.label, "words": _words(lab.evidence)} for lab in record.incident_types
        ],
    }
    if record.place is not None and record.place.code:
        out["place"] = {"value": record.place.path, "words": _words(record.place.evidence)}
    if record.event_date.value is not None:
        out["date"] = {
            "value": record.event_date.value.isoformat(),
            "words": _words(record.event_date.evidence),
        }
    if record.unit is not None:
        out["unit"] = {"value": record.unit.name, "words": _words(record.unit.evidence)}
    return out


def prepare(incoming: Incoming, now: datetime) -> Prepared:
    text = incoming.text[:MAX_TEXT]
    incoming.text = text
    published = incoming.published_at or now
    whole = f"{incoming.title}\n\n{text}" if incoming.title and incoming.title not in text else text
    sig = dedupe.signature(text)
    record = extract(whole, published=published.astimezone(UTC).date())
    signals = read_signals(whole)
    place = record.place.code if record.place is not None else None
    return Prepared(
        incoming=incoming,
        published_at=published,
        signature=sig,
        bands=dedupe.bands(sig),
        kind=str(record.kind.value or ""),
        incident_types=[lab.code for lab in record.incident_types],
        place_code=place,
        event_date=record.event_date.value,
        unit_name=record.unit.name if record.unit is not None else "",
        reading=_shown(record),
        signals=[
            {
                "kind": f.kind,
                "weight": f.weight,
                "evidence": [{"text": e.text, "why": e.why} for e in f.evidence],
            }
            for f in signals.signals
        ],
        clarifies=_words(signals.clarifies),
    )


def midday(day: Any) -> datetime:
    """A date without time, as a moment (noon UTC keeps the day in every Indonesian zone)."""
    return datetime.combine(day, time(12), tzinfo=UTC)
