"""The text reader in real use: its guesses against what officers saved.

Every activity logged from a pasted message keeps the reader's guess (``reader``) and,
field by field, where the person who saved it decided otherwise (``corrections``, kept
up to date by ``services``). From them:

- ``agreement``: per field, the share of readings the officer kept as read, over all
  readings, per unit and per channel (the activity's source), and the corrections made
  most often: the reader's accuracy in production, measured;
- ``evaluation_cases``: the corrected readings as evaluation cases in the shape of the
  shared evaluation set (the text, and what the officer saved as the gold reading), with
  names, phone numbers and NIK masked, so a maintainer can grow the evaluation set from
  real use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from sejuk.leaders.models import Leader
from sejuk.nlp.mask import mask
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS, SITUATIONS
from sejuk.units.models import Officer

from .models import Activity, Source

# The fields compared (``services.corrections``), with their Indonesian names.
FIELDS: dict[str, str] = {
    "place_code": "tempat",
    "unit_region_code": "satuan",
    "event_date": "tanggal",
    "activity_types": "jenis",
    "participants": "peserta",
    "situation": "situasi",
    "personnel_count": "personel",
    "online": "daring",
    "election": "pemilihan",
}
_LABELS = {
    "activity_types": ACTIVITY_TYPES,
    "participants": PARTICIPANTS,
    "situation": SITUATIONS,
    "election": ELECTIONS,
}
_LEVEL_NAMES = {2: "provinsi", 5: "kabupaten/kota", 8: "kecamatan", 13: "desa/kelurahan"}


@dataclass
class Tally:
    """Readings compared and, per field, how many the officer kept as read."""

    name: str
    readings: int = 0
    kept: Counter[str] = field(default_factory=Counter)

    def share(self, name: str) -> float | None:
        return self.kept[name] / self.readings if self.readings else None

    def add(self, corrected: Iterable[str]) -> None:
        self.readings += 1
        wrong = set(corrected)
        for name in FIELDS:
            if name not in wrong:
                self.kept[name] += 1


@dataclass
class Agreement:
    since: date | None
    overall: Tally
    by_unit: list[Tally]
    by_channel: list[Tally]
    corrections: list[tuple[str, int]]  # "jenis: dialog dihapus", how often


def readings(
    unit_ids: frozenset[int] | None = None, since: date | None = None
) -> QuerySet[Activity]:
    """Activities whose fields the reader guessed, in the given units (None: all)."""
    qs = Activity.objects.alive().filter(reader__isnull=False).select_related("unit", "region")
    if unit_ids is not None:
        qs = qs.filter(unit_id__in=list(unit_ids))
    if since is not None:
        qs = qs.filter(created_at__gte=timezone.make_aware(datetime.combine(since, time.min)))
    return qs.order_by("pk")


def agreement(
    unit_ids: frozenset[int] | None = None, since: date | None = None, top: int = 10
) -> Agreement:
    overall = Tally("semua")
    units: dict[str, Tally] = {}
    channels: dict[str, Tally] = {}
    changes: Counter[str] = Counter()
    sources = dict(Source.choices)
    for activity in readings(unit_ids, since).iterator():
        corrected = activity.corrections or {}
        overall.add(corrected)
        units.setdefault(activity.unit.name, Tally(activity.unit.name)).add(corrected)
        channel = sources.get(activity.source, activity.source)
        channels.setdefault(channel, Tally(channel)).add(corrected)
        for name, change in corrected.items():
            changes.update(describe(name, change.get("reader"), change.get("saved")))
    return Agreement(
        since,
        overall,
        sorted(units.values(), key=lambda t: (-t.readings, t.name)),
        sorted(channels.values(), key=lambda t: (-t.readings, t.name)),
        changes.most_common(top),
    )


def describe(name: str, read: Any, saved: Any) -> list[str]:
    """A correction in words an operator reads: "jenis: dialog dihapus", "tempat: dirinci
    (kabupaten/kota -> desa/kelurahan)", "situasi: - -> kondusif"."""
    what = FIELDS.get(name, name)
    labels = _LABELS.get(name, {})
    if isinstance(read, list) or isinstance(saved, list):
        read_set, saved_set = set(read or []), set(saved or [])
        return [f"{what}: {labels.get(c, c)} dihapus" for c in sorted(read_set - saved_set)] + [
            f"{what}: {labels.get(c, c)} ditambah" for c in sorted(saved_set - read_set)
        ]
    if name in ("place_code", "unit_region_code") and read and saved:
        r, s = str(read), str(saved)
        levels = f"({_LEVEL_NAMES.get(len(r), r)} -> {_LEVEL_NAMES.get(len(s), s)})"
        if s.startswith(r):
            return [f"{what}: dirinci {levels}"]
        if r.startswith(s):
            return [f"{what}: diperluas {levels}"]
        return [f"{what}: diganti"]
    if name in ("place_code", "unit_region_code", "event_date", "personnel_count"):
        if read in (None, ""):
            return [f"{what}: diisi"]
        if saved in (None, ""):
            return [f"{what}: dikosongkan"]
        return [f"{what}: diganti"]
    shown_read = labels.get(read, read) if read not in (None, "") else "-"
    shown_saved = labels.get(saved, saved) if saved not in (None, "") else "-"
    if isinstance(read, bool) or isinstance(saved, bool):
        shown_read, shown_saved = ("ya" if read else "tidak"), ("ya" if saved else "tidak")
    return [f"{what}: {shown_read} -> {shown_saved}"]


def evaluation_cases(
    unit_ids: frozenset[int] | None = None, since: date | None = None, everything: bool = False
) -> list[tuple[str, str, dict[str, Any]]]:
    """(id, masked text, gold row) per corrected reading (``everything``: every reading
    with its text), the gold row in the shape of the shared evaluation set."""
    out = []
    qs = readings(unit_ids, since).exclude(raw_text="").prefetch_related("types", "participants")
    for activity in qs:
        if not everything and not activity.corrections:
            continue
        case = f"sejuk-{activity.pk}"
        out.append((case, mask(activity.raw_text, _people(activity)), _gold(case, activity)))
    return out


def _people(activity: Activity) -> list[str]:
    """Names of people the text may name: the officers of the unit, the leaders of the
    desa, the activity's officers and leaders."""
    names = list(Officer.objects.filter(unit_id=activity.unit_id).values_list("name", flat=True))
    names += Leader.objects.filter(region_id=activity.region_id).values_list("name", flat=True)
    names += [o.name for o in activity.officers.all()]
    names += [le.name for le in activity.leaders.all()]
    return names


def _gold(case: str, activity: Activity) -> dict[str, Any]:
    types = sorted(t.code for t in activity.types.all())
    participants = sorted(p.category for p in activity.participants.all())
    return {
        "id": case,
        "kind": "activity",
        "unit_level": activity.unit.level,
        "unit_code": activity.unit.home_region_id,
        "event_date": activity.local_date.isoformat(),
        "place_code": activity.region_id,
        "place_name": activity.region.name,
        "activity_types_agreed": types,
        "activity_types_allowed": types,
        "participants_agreed": participants,
        "participants_allowed": participants,
        "incident_types_agreed": [],
        "incident_types_allowed": [],
        "online": activity.online,
        "situation": activity.situation or None,
        "personnel_count": activity.personnel_count,
        "election": activity.election or None,
    }
