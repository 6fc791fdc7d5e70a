"""The history of an activity: what is kept on every change, and how a person reads it.

A change is kept as the fields that differ between two snapshots, each as [before,
after] in plain values (codes, names, moments in UTC), so the record is exact and
independent of the language of the page. Reading it, the codes become their Indonesian
labels, places their names, moments the place's own clock: "Situasi: Kondusif → Waspada",
"Mulai: Minggu (8/12/2024) 09.30 WITA → Minggu (8/12/2024) 08.15 WITA".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sejuk import dates
from sejuk.accounts.access import Viewer
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS, PHASES, SITUATIONS
from sejuk.reference.zones import zone_of
from sejuk.regions.names import place_names

from .models import Activity, Change


def _moment(value: datetime | None) -> str | None:
    # One spelling per moment, whatever zone the value was built in: an unchanged start
    # time must compare equal to itself.
    return value.astimezone(UTC).isoformat() if value else None


def snapshot(activity: Activity) -> dict[str, Any]:
    """The activity as simple values, to compare before and after a change."""
    return {
        "unit": activity.unit.name,
        "region": activity.region_id,
        "dusun": activity.dusun,
        "landmark": activity.landmark,
        "lat": activity.lat,
        "lng": activity.lng,
        "online": activity.online,
        "starts_at": _moment(activity.starts_at),
        "ends_at": _moment(activity.ends_at),
        "types": sorted(activity.types.values_list("code", flat=True)),
        "participants": {p.category: p.count for p in activity.participants.order_by("category")},
        "personnel_count": activity.personnel_count,
        "officers": sorted(activity.officers.values_list("name", flat=True)),
        "leaders": sorted(activity.leaders.values_list("name", flat=True)),
        "summary": activity.summary,
        "findings": activity.findings,
        "situation": activity.situation,
        "follow_up": activity.follow_up,
        "follow_up_note": activity.follow_up_note,
        "election": activity.election,
        "phase": activity.phase,
    }


def record_change(
    activity: Activity,
    viewer: Viewer,
    action: str,
    before: dict[str, Any] | None,
    reason: str = "",
) -> Change:
    after = snapshot(activity)
    changed = (
        {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
        if before is not None
        else {}
    )
    return Change.objects.create(
        activity=activity,
        by_id=viewer.user_id,
        by_name=viewer.username,
        action=action,
        fields=changed,
        reason=reason,
        version=activity.version,
    )


# -- reading -------------------------------------------------------------------------------

# Each recorded field as the form names it.
FIELD_LABELS = {
    "unit": "Satuan",
    "region": "Desa/kelurahan",
    "dusun": "Dusun",
    "landmark": "Lokasi",
    "lat": "Lintang",
    "lng": "Bujur",
    "online": "Daring",
    "starts_at": "Mulai",
    "ends_at": "Selesai",
    "types": "Jenis kegiatan",
    "participants": "Peserta",
    "personnel_count": "Jumlah personel",
    "officers": "Personel",
    "leaders": "Tokoh yang ditemui",
    "summary": "Uraian kegiatan",
    "findings": "Hasil/temuan",
    "situation": "Situasi",
    "follow_up": "Perlu tindak lanjut",
    "follow_up_note": "Catatan tindak lanjut",
    "election": "Pemilihan",
    "phase": "Tahapan",
}
_CHOICES = {"situation": SITUATIONS, "election": ELECTIONS, "phase": PHASES}
EMPTY = "(kosong)"


@dataclass(frozen=True)
class Line:
    """One field of one change: "Situasi: Kondusif → Waspada"."""

    field: str
    label: str
    before: str
    after: str
    # The exact values behind the words (codes), for a title attribute.
    detail: str = ""


@dataclass(frozen=True)
class Entry:
    change: Change
    at: str  # "Minggu (8/12/2024) 09.30 WITA"
    by: str
    action: str  # "Diubah"
    reason: str
    lines: list[Line]


def _in_order(codes: Any, labels: dict[str, str]) -> list[str]:
    """Codes in the order of their taxonomy (PostgreSQL keeps a JSON object's keys in an
    order of its own), unknown ones last."""
    known = list(labels)
    return sorted((str(c) for c in codes), key=lambda c: (known.index(c) if c in known else 99, c))


class _Reader:
    def __init__(self, zone: str, places: dict[str, str]) -> None:
        self.zone = zone
        self.places = places

    def value(self, name: str, value: Any) -> str:
        if value in (None, "", [], {}):
            return EMPTY
        if name in ("online", "follow_up"):
            return "ya" if value else "tidak"
        if name == "region":
            return self.places.get(str(value), str(value))
        if name in ("starts_at", "ends_at"):
            return self._moment(str(value))
        if name == "types":
            return ", ".join(ACTIVITY_TYPES.get(c, c) for c in _in_order(value, ACTIVITY_TYPES))
        if name == "participants":
            counts = {str(c): n for c, n in dict(value).items()}
            return ", ".join(
                f"{PARTICIPANTS.get(c, c)} ({counts[c]})"
                if counts[c] is not None
                else PARTICIPANTS.get(c, c)
                for c in _in_order(counts, PARTICIPANTS)
            )
        if name in _CHOICES:
            return _CHOICES[name].get(str(value), str(value))
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        return str(value)

    def _moment(self, value: str) -> str:
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            return value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return dates.moment_in_zone(moment, self.zone)

    def line(self, name: str, change: list[Any]) -> Line:
        before, after = [*change, None, None][:2]
        codes = [str(v) for v in (before, after) if name in ("region", *_CHOICES) and v]
        return Line(
            field=name,
            label=FIELD_LABELS.get(name, name),
            before=self.value(name, before),
            after=self.value(name, after),
            detail=" → ".join(codes),
        )


def readable(activity: Activity, changes: list[Change] | None = None) -> list[Entry]:
    """An activity's history as a person reads it, oldest first, times in the zone of
    the place."""
    changes = list(activity.changes.all()) if changes is None else changes
    zone = zone_of(activity.region_id)
    codes = {
        str(v)
        for c in changes
        for v in (c.fields or {}).get("region", [])
        if isinstance(v, str) and v
    }
    reader = _Reader(zone, place_names(codes))
    return [
        Entry(
            change=c,
            at=dates.moment_in_zone(c.at, zone),
            by=c.by_name or "sistem",
            action=c.get_action_display(),
            reason=c.reason,
            lines=_lines(reader, c),
        )
        for c in changes
    ]


def _lines(reader: _Reader, change: Change) -> list[Line]:
    lines = [reader.line(name, value) for name, value in (change.fields or {}).items()]
    # Histories written before moments were compared as moments hold "changes" from a
    # time to the same time spelt in another zone: nothing a person would call a change.
    return [line for line in lines if line.before != line.after]
