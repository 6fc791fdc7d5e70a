"""The one entry point of the text reader: ``extract(text)`` -> ``Record``.

    >>> from sejuk.nlp.extract import extract
    >>> record = extract("Bhabinkamtibmas Polsek Gerung menyambangi warga Kelurahan "
    ...                  "Gerung Utara, Sabtu (14/12/2024).")
    >>> record.unit.name, record.place.code, str(record.event_date.value)
    ('Polsek Gerung', '52.01.01.1001', '2024-12-14')

``published``: the publication date, for relative dates ("kemarin", "Senin"); ``area``:
the region codes of the user's unit, to narrow names that several regions share.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from .document import Document
from .gazetteer import Gazetteer, default_gazetteer
from .labels import LABEL_NAMES, to_labels
from .pipeline import STEPS, Draft
from .record import Record

_STEP_NAMES = tuple(name for name, _ in STEPS)


def extract(
    text: str,
    published: date | None = None,
    area: Iterable[str] = (),
    gazetteer: Gazetteer | None = None,
) -> Record:
    draft = Draft(Document(text), gazetteer or default_gazetteer(), published, tuple(area))
    for _, step in STEPS:
        step(draft)
    return Record(
        kind=draft.kind,
        unit=draft.unit,
        event_date=draft.event_date,
        place=draft.place,
        activity_types=to_labels(draft.activity, LABEL_NAMES["activity_types"]),
        participants=to_labels(draft.participant, LABEL_NAMES["participants"]),
        incident_types=to_labels(draft.incident, LABEL_NAMES["incident_types"]),
        online=draft.online,
        situation=draft.situation,
        personnel_count=draft.personnel,
        election=draft.election,
        published=draft.published,
        steps=_STEP_NAMES,
        headcounts=draft.headcounts,
        participant_total=draft.participant_total,
        landmark=draft.landmark,
        election_kind=draft.election_kind,
    )
