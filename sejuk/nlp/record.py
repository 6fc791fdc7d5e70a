"""The structured record a text is read into, with the evidence for every field.

Every finding carries ``evidence``: the spans of the original text it came from, each
with a short reason in Indonesian, so a page can highlight the words and a person can see
why the reader decided what it did (and correct it). ``Record.to_contract`` gives exactly
the JSON shape of the extraction contract (``shared/eval/README.md``), without ``id``,
which belongs to the caller (the command line adds the file name).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int  # character offsets into the text that was read
    end: int
    text: str  # the words as written
    why: str  # Indonesian: what these words told the reader


Evidences = tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Label:
    code: str  # a code of a label set in ``taxonomy``
    label: str  # its Indonesian label
    evidence: Evidences


@dataclass(frozen=True, slots=True)
class Value:
    """A single value with its evidence: kind, situation, online, election, personnel."""

    value: Any
    evidence: Evidences = ()
    note: str | None = None  # Indonesian: a doubt or a choice the reader made


@dataclass(frozen=True, slots=True)
class Unit:
    name: str  # "Polsek Sekotong", as the unit is called
    level: str  # mabes, polda, polres, polsek
    region_code: str | None  # Kemendagri code of the unit's area
    region_name: str | None
    evidence: Evidences
    chain: tuple[str, ...] = ()  # units above it named with it: ("Polres Lombok Barat", ...)
    note: str | None = None
    chain_codes: tuple[str, ...] = ()  # region codes of those units


@dataclass(frozen=True, slots=True)
class Place:
    code: str | None  # the most specific Kemendagri code, "52.01.07.2002"
    name: str | None  # "Sekotong Barat"
    level: str | None  # provinsi, kabupaten, kota, kecamatan, desa, kelurahan
    path: str | None  # "Sekotong Barat, Sekotong, Kabupaten Lombok Barat, NTB"
    dusun: str | None  # a hamlet below the desa, as written (no code exists for it)
    evidence: Evidences
    notes: tuple[str, ...] = ()  # contradictions resolved, fallbacks taken


@dataclass(frozen=True, slots=True)
class EventDate:
    value: date | None
    time: str | None  # "16:30"
    zone: str | None  # WIB, WITA, WIT: written, or the zone of the place
    evidence: Evidences
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Headcount:
    """How many of a participant group took part, as the text counts them."""

    category: str  # a code of the participant label set
    count: int
    evidence: Evidences


@dataclass(frozen=True, slots=True)
class Record:
    kind: Value
    unit: Unit | None
    event_date: EventDate
    place: Place | None
    activity_types: tuple[Label, ...]
    participants: tuple[Label, ...]
    incident_types: tuple[Label, ...]
    online: Value
    situation: Value
    personnel_count: Value
    election: Value
    published: date | None = None  # the publication date used for relative dates
    steps: tuple[str, ...] = field(default=())  # names of the steps that ran, in order
    # Beyond the extraction contract (the activity form uses them):
    headcounts: tuple[Headcount, ...] = ()  # per participant group, as counted
    participant_total: Value = Value(None)  # everyone who took part, said or summed
    landmark: Value = Value(None)  # the building or spot, as written: "Masjid Nurul Huda"
    # The kind of election the text names (``taxonomy.ELECTION_KINDS``), also when the
    # calendar knows no election of that kind at the text's date (``election`` is null).
    election_kind: Value = Value(None)

    def to_contract(self) -> dict[str, Any]:
        """The record in the exact shape of the extraction contract (without ``id``)."""
        unit = None
        if self.unit is not None:
            unit = {
                "name": self.unit.name,
                "level": self.unit.level,
                "region_code": self.unit.region_code,
            }
        place = None
        if self.place is not None:
            place = {
                "code": self.place.code,
                "name": self.place.name,
                "level": self.place.level,
                "dusun": self.place.dusun,
            }
        return {
            "kind": self.kind.value,
            "unit": unit,
            "event_date": self.event_date.value.isoformat() if self.event_date.value else None,
            "place": place,
            "activity_types": [lab.code for lab in self.activity_types],
            "participants": [lab.code for lab in self.participants],
            "incident_types": [lab.code for lab in self.incident_types],
            "online": self.online.value,
            "situation": self.situation.value,
            "personnel_count": self.personnel_count.value,
            "election": self.election.value,
        }
