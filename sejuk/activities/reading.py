"""From a pasted message to a filled-in form: the text reader's record, mapped to the
activity's fields, with the words each field came from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time
from typing import Any

from sejuk.accounts.access import Viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid
from sejuk.nlp.extract import extract
from sejuk.nlp.record import Evidence, Record
from sejuk.units.models import Unit

from .services import UNSET, ActivityInput

MAX_TEXT = 20_000
FIELD_LABELS = {
    "unit_id": "Satuan",
    "region": "Desa/kelurahan",
    "date": "Tanggal",
    "types": "Jenis kegiatan",
    "participants": "Peserta",
    "situation": "Situasi",
    "personnel_count": "Jumlah personel",
    "online": "Daring",
    "election": "Pemilihan",
}


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    field: str  # the form field it filled
    why: str

    @property
    def label(self) -> str:
        """The field as the form names it."""
        return FIELD_LABELS.get(self.field, self.field)


@dataclass
class Prefill:
    values: dict[str, Any]  # field name -> value, in the shape of ActivityInput
    highlights: list[Highlight] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    reader: dict[str, Any] = field(default_factory=dict)  # kept with the activity


def read_message(viewer: Viewer, text: str, published: date | None = None) -> Prefill:
    require(viewer, "activity.write")
    text = (text or "").strip()
    if not text:
        raise Invalid("Tempel pesan kegiatan dulu.", {"text": "kosong"})
    if len(text) > MAX_TEXT:
        raise Invalid(
            "Pesan terlalu panjang (maksimal 20.000 karakter).", {"text": "terlalu panjang"}
        )
    area = viewer.region_area("activity.write") or ()
    # A pasted message is written the day it is pasted, more or less: "kemarin" and
    # "Senin" are read against today unless told otherwise.
    record = extract(text, published=published or today_for(viewer), area=area)
    prefill = Prefill(values={}, reader=reader_dict(record))
    _unit(viewer, record, prefill)
    _place(viewer, record, prefill)
    _when(record, prefill)
    _labels(record, prefill)
    _counts_and_landmark(record, prefill)
    prefill.values["summary"] = text[:5000]
    return prefill


def _mark(prefill: Prefill, name: str, evidence: tuple[Evidence, ...]) -> None:
    prefill.highlights.extend(Highlight(e.start, e.end, name, e.why) for e in evidence)


def _unit(viewer: Viewer, record: Record, prefill: Prefill) -> None:
    read = record.unit
    unit = None
    if read is not None and read.region_code:
        unit = Unit.objects.filter(level=read.level, home_region_id=read.region_code).first()
    if unit is not None and (viewer.unit_ids is None or unit.pk in viewer.unit_ids):
        prefill.values["unit_id"] = unit.pk
        _mark(prefill, "unit_id", read.evidence if read else ())
        return
    prefill.values["unit_id"] = viewer.unit_id
    if read is not None:
        prefill.notes.append(
            f"{read.name} tidak ada di satuan Anda atau di bawahnya; diisi satuan Anda."
        )


def _place(viewer: Viewer, record: Record, prefill: Prefill) -> None:
    place = record.place
    if place is not None and place.code:
        prefill.values["region"] = place.code
        _mark(prefill, "region", place.evidence)
        prefill.notes.extend(place.notes)
    elif len(viewer.villages) == 1:
        prefill.values["region"] = viewer.villages[0]
        prefill.notes.append("Tempat tidak terbaca; diisi desa binaan Anda.")
    if place is not None and place.dusun:
        prefill.values["dusun"] = place.dusun


def _when(record: Record, prefill: Prefill) -> None:
    when = record.event_date
    if when.value is not None:
        prefill.values["date"] = when.value
        _mark(prefill, "date", when.evidence)
        if when.note:
            prefill.notes.append(when.note)
    else:
        prefill.notes.append("Pesan tidak menyebut tanggal dengan pasti: diisi hari ini, periksa.")
    if when.time:
        hours, minutes = when.time.split(":")
        prefill.values["start_time"] = time(int(hours), int(minutes))


def _labels(record: Record, prefill: Prefill) -> None:
    values = prefill.values
    values["types"] = [lab.code for lab in record.activity_types]
    values["participants"] = {lab.code: None for lab in record.participants}
    for name, labels in (("types", record.activity_types), ("participants", record.participants)):
        for lab in labels:
            _mark(prefill, name, lab.evidence)
    for name, found in (
        ("situation", record.situation),
        ("personnel_count", record.personnel_count),
        ("online", record.online),
        ("election", record.election),
    ):
        if found.value is not None:
            values[name] = found.value
            _mark(prefill, name, found.evidence)


def _counts_and_landmark(record: Record, prefill: Prefill) -> None:
    """Counts per group go beside the groups ticked; a total with no group counted goes
    to the one group read, and is said in a note."""
    counts = {h.category: h.count for h in record.headcounts}
    groups = prefill.values["participants"]
    for code in groups:
        groups[code] = counts.get(code)
    for h in record.headcounts:
        _mark(prefill, "participants", h.evidence)
    total = record.participant_total
    if total.value is not None:
        if not counts and len(groups) == 1:
            groups[next(iter(groups))] = total.value
        _mark(prefill, "participants", total.evidence)
        prefill.notes.append(f"Jumlah peserta seluruhnya: {total.value} orang.")
    if record.landmark.value:
        prefill.values["landmark"] = record.landmark.value[:200]
        _mark(prefill, "landmark", record.landmark.evidence)


def reader_dict(record: Record) -> dict[str, Any]:
    """The reading as stored with the activity: the contract, and the evidence by field."""
    evidence: dict[str, list[list[Any]]] = {}

    def add(name: str, items: tuple[Evidence, ...]) -> None:
        if items:
            evidence.setdefault(name, []).extend([e.start, e.end, e.why] for e in items)

    add("unit", record.unit.evidence if record.unit else ())
    add("place", record.place.evidence if record.place else ())
    add("event_date", record.event_date.evidence)
    for lab in record.activity_types:
        add("activity_types", lab.evidence)
    for lab in record.participants:
        add("participants", lab.evidence)
    for name in ("situation", "personnel_count", "online", "election", "kind"):
        add(name, getattr(record, name).evidence)
    return {"contract": record.to_contract(), "evidence": evidence}


def highlighted(text: str, highlights: list[Highlight]) -> list[tuple[str, Highlight | None]]:
    """The text cut into pieces, each with the highlight that covers it (or None), for a
    template to wrap in <mark> without marking up HTML itself."""
    spans = sorted(
        (h for h in highlights if 0 <= h.start < h.end <= len(text)),
        key=lambda h: (h.start, -h.end),
    )
    pieces: list[tuple[str, Highlight | None]] = []
    at = 0
    for h in spans:
        if h.start < at:
            continue  # overlapping: the first, longest one is shown
        if h.start > at:
            pieces.append((text[at : h.start], None))
        pieces.append((text[h.start : h.end], h))
        at = h.end
    if at < len(text):
        pieces.append((text[at:], None))
    return pieces


def _empty(value: Any) -> bool:
    return value is UNSET or value in (None, "", [], {})


def fill_on_arrival(
    viewer: Viewer, data: ActivityInput, text: str, written: date | None = None
) -> tuple[ActivityInput, Prefill]:
    """A message pasted on a phone with no signal, read when it reaches the server: what
    the reader finds fills the fields the officer left empty (never one they filled),
    read against the day it was written on the phone. The activity is then saved as
    "perlu dicek" for the officer to confirm."""
    prefill = read_message(viewer, text, written)
    filled = {
        name: value
        for name, value in prefill.values.items()
        if _empty(getattr(data, name, UNSET)) and not _empty(value)
    }
    return replace(data, **filled), prefill
