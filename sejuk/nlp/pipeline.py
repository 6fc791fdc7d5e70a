"""The steps that read a text into a record, in order, as one registry.

``STEPS`` is the whole reader: each step is a small function that reads what the earlier
steps left on the ``Draft`` and adds its own part. To see what the reader does, read the
tuple; to add a step, write a function and put it in its place (a step may only use what
steps before it produced). ``extract.extract`` runs them and freezes the draft.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sejuk.reference.zones import zone_of

from . import classify, labels
from .document import Document, Match
from .event_date import event_date, published_date
from .gazetteer import Gazetteer
from .headcount import headcounts
from .landmark import landmark
from .mentions import Dusun, PlaceMention, find_dusun, read_mentions, votes
from .numbers import personnel_count
from .places import resolve_place
from .police_units import UnitMention, choose_unit, find_unit_mentions
from .record import EventDate, Evidence, Headcount, Place, Unit, Value


@dataclass
class Draft:
    """What the steps know so far. Every field after the inputs is set by one step."""

    doc: Document
    gaz: Gazetteer
    given_published: date | None
    area: tuple[str, ...]
    published: date | None = None
    unit_mentions: list[UnitMention] = field(default_factory=list)
    dusun: list[Dusun] = field(default_factory=list)
    mentions: list[PlaceMention] = field(default_factory=list)
    unit: Unit | None = None
    place: Place | None = None
    event_date: EventDate = field(default_factory=lambda: EventDate(None, None, None, ()))
    activity: list[labels.Found] = field(default_factory=list)
    incident: list[labels.Found] = field(default_factory=list)
    participant: list[labels.Found] = field(default_factory=list)
    kind: Value = field(default_factory=lambda: Value("other"))
    situation: Value = field(default_factory=lambda: Value(None))
    online: Value = field(default_factory=lambda: Value(False))
    personnel: Value = field(default_factory=lambda: Value(None))
    election: Value = field(default_factory=lambda: Value(None))
    election_kind: Value = field(default_factory=lambda: Value(None))
    landmark: Value = field(default_factory=lambda: Value(None))
    headcounts: tuple[Headcount, ...] = ()
    participant_total: Value = field(default_factory=lambda: Value(None))


Step = Callable[[Draft], None]


def read_published(d: Draft) -> None:
    d.published = published_date(d.doc, d.given_published)


def read_unit_names(d: Draft) -> None:
    d.unit_mentions = find_unit_mentions(d.doc, d.gaz)


def read_region_names(d: Draft) -> None:
    d.dusun = find_dusun(d.doc)
    toks = d.doc.tokens
    exclude = [(toks[u.first].start, toks[u.last - 1].end) for u in d.unit_mentions]
    exclude += [(h.start, h.end) for h in d.dusun]
    d.mentions = read_mentions(d.doc, d.gaz, exclude)


def choose_acting_unit(d: Draft) -> None:
    d.unit = choose_unit(d.doc, d.gaz, d.unit_mentions, votes(d.mentions), d.area)


def resolve_event_place(d: Draft) -> None:
    d.place = resolve_place(d.doc, d.gaz, d.mentions, d.dusun, d.unit, d.area)


def read_event_date(d: Draft) -> None:
    code = (d.place.code if d.place else None) or (d.unit.region_code if d.unit else None)
    # A publication date read from the article's address can be a day early.
    slack = 1 if d.given_published is None and d.published is not None else 0
    d.event_date = event_date(
        d.doc,
        d.published,
        zone_of(code) if code else None,
        slack,
        classify.election_years(d.doc),
    )


def read_activity_types(d: Draft) -> None:
    d.activity = labels.activity_types(d.doc)


def read_incident_types(d: Draft) -> None:
    d.incident = labels.incident_types(d.doc)


def decide_kind(d: Draft) -> None:
    d.activity = labels.without_goods_of_money_politics(d.doc, d.activity, d.incident)
    d.kind = classify.kind(d.doc, d.activity, d.incident)
    if d.kind.value == "incident":
        # the police response the text reports stays (securing, patrols, mediation)
        d.activity = [f for f in d.activity if f.code in labels.RESPONSE]
    else:
        d.incident = []


def read_participants(d: Draft) -> None:
    d.participant = labels.participants(d.doc, incident=d.kind.value == "incident")
    if d.kind.value == "activity":
        d.activity += labels.gathering(d.doc, d.activity, d.participant)


def read_situation(d: Draft) -> None:
    d.situation = classify.situation(d.doc)


def read_online(d: Draft) -> None:
    d.online = classify.online(d.doc)


def read_personnel(d: Draft) -> None:
    count = personnel_count(d.doc)
    if count is None:
        d.personnel = Value(None, (), "jumlah personel tidak disebut dengan angka")
        return
    toks = d.doc.tokens
    start, end = toks[count.first].start, toks[count.last - 1].end
    d.personnel = Value(
        count.value, (Evidence(start, end, d.doc.text[start:end], "jumlah personel"),)
    )


def read_election(d: Draft) -> None:
    d.election, d.election_kind = classify.election(d.doc, d.event_date.value or d.published)


def read_landmark(d: Draft) -> None:
    d.landmark = landmark(d.doc)


def read_headcounts(d: Draft) -> None:
    """Counts per group and in all; a group counted in an activity took part."""
    taken = None
    if d.personnel.evidence:
        e = d.personnel.evidence[0]
        taken = (d.doc.token_at(e.start), d.doc.token_at(e.end - 1) + 1)
    incident = d.kind.value == "incident"
    d.headcounts, d.participant_total = headcounts(d.doc, taken, incident)
    have = labels.codes(d.participant)
    for h in d.headcounts:
        if h.category not in have and not incident:
            e = h.evidence[0]
            first, last = d.doc.token_at(e.start), d.doc.token_at(e.end - 1) + 1
            match = Match(first, last, e.start, e.end, e.text, d.doc.norm_of(first, last))
            d.participant.append(labels.Found(h.category, match, "peserta yang dihitung"))
            have.add(h.category)


STEPS: tuple[tuple[str, Step], ...] = (
    ("tanggal_terbit", read_published),
    ("nama_satuan", read_unit_names),
    ("nama_wilayah", read_region_names),
    ("satuan", choose_acting_unit),
    ("lokasi", resolve_event_place),
    ("tanggal", read_event_date),
    ("jenis_kegiatan", read_activity_types),
    ("jenis_kejadian", read_incident_types),
    ("jenis_teks", decide_kind),
    ("peserta", read_participants),
    ("situasi", read_situation),
    ("daring", read_online),
    ("personel", read_personnel),
    ("jumlah_peserta", read_headcounts),
    ("tempat_kegiatan", read_landmark),
    ("pemilihan", read_election),
)
