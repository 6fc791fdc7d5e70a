"""Activity services: record, change, delete with reason, list, read one, with the
history of every change. Every query goes through the area rule."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone

from sejuk import dates
from sejuk.accounts.access import (
    OutsideAreaInput,
    Viewer,
    get_or_deny,
    region_q,
    require,
    require_region,
    scoped,
    scoped_parts,
    subtree_ids,
)
from sejuk.bulk import insert, new_ids
from sejuk.errors import Conflict, Invalid
from sejuk.leaders.models import Leader
from sejuk.leaders.services import LeaderFilter, leaders
from sejuk.paging import Listing
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS, PHASES, SITUATIONS
from sejuk.reference.zones import ZONE_TZ, zone_of
from sejuk.regions.models import Region
from sejuk.rules import rule, rules
from sejuk.units.models import Officer, Unit

from .history import Entry, readable, record_change, snapshot
from .models import Activity, ActivityType, Change, ChangeAction, Participation, Source
from .signals import written_in_bulk


class _Unset:
    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()  # a field a change does not touch


@dataclass
class ActivityInput:
    """What a person (or the text reader, or an import row) says about an activity.
    Fields left UNSET keep their value on a change; on creation some are required
    (``REQUIRED``). Each field's rule (``sejuk.rules``) is what ``_check`` checks and
    what the API's schemas state."""

    unit_id: int | None = UNSET
    region: str = rule(UNSET, max_length=13, description="kode wilayah Kemendagri")
    dusun: str = rule(UNSET, max_length=120)
    landmark: str = rule(UNSET, max_length=200)
    lat: float | None = rule(UNSET, minimum=-11.5, maximum=6.5)
    lng: float | None = rule(UNSET, minimum=94.5, maximum=141.5)
    online: bool = UNSET
    date: date = UNSET
    start_time: time = UNSET
    end_time: time | None = UNSET
    types: list[str] = rule(UNSET, choices=ACTIVITY_TYPES, max_items=12)
    # category -> how many were there (None: not counted)
    participants: dict[str, int | None] = rule(
        UNSET, choices=PARTICIPANTS, minimum=0, maximum=100_000
    )
    personnel_count: int | None = rule(UNSET, minimum=1, maximum=10_000)
    officer_ids: list[int] = rule(UNSET, max_items=100)
    leader_ids: list[int] = rule(UNSET, max_items=100)
    summary: str = rule(UNSET, max_length=5000)
    findings: str = rule(UNSET, max_length=5000)
    situation: str = rule(UNSET, choices=SITUATIONS, blank=True)
    follow_up: bool = UNSET
    follow_up_note: str = rule(UNSET, max_length=2000)
    election: str = rule(UNSET, choices=ELECTIONS, blank=True)
    phase: str = rule(UNSET, choices=PHASES, blank=True)

    def given(self) -> dict[str, Any]:
        values = self.__dict__
        return {name: values[name] for name in _INPUT_NAMES if values[name] is not UNSET}


RULES = rules(ActivityInput)
_INPUT_NAMES = tuple(f.name for f in fields(ActivityInput))


@dataclass
class _Checked:
    """Input that passed every check, ready to be written."""

    values: dict[str, Any] = field(default_factory=dict)
    types: list[str] | None = None
    participants: dict[str, int | None] | None = None
    officers: list[Officer] | None = None
    leaders: list[Leader] | None = None


EARLIEST_DAY = date(2000, 1, 1)  # no activity of the programme is older
REQUIRED = ("region", "date", "start_time", "types", "summary")
_LABELS = {
    "unit_id": "satuan",
    "region": "wilayah",
    "date": "tanggal",
    "start_time": "jam mulai",
    "types": "jenis kegiatan",
    "summary": "uraian kegiatan",
}


@dataclass
class Known:
    """Regions and units resolved once for many new activities (an imported file), so
    checking a row asks the database nothing."""

    regions: dict[str, Region]
    units: dict[int, Unit]


def known_for(viewer: Viewer, inputs: list[ActivityInput], into: Known | None = None) -> Known:
    """The regions and units ``inputs`` name, looked up in one query each; with ``into``
    (a file read part by part), only those not known yet, added to it."""
    known = into or Known({}, {})
    codes: set[str] = set()
    unit_ids = {viewer.unit_id or 0}
    for data in inputs:
        if data.region is not UNSET and data.region:
            codes.add(str(data.region).strip())
        if data.unit_id is not UNSET and data.unit_id:
            unit_ids.add(data.unit_id)
    codes -= known.regions.keys()
    unit_ids -= known.units.keys()
    if codes:
        known.regions.update(Region.objects.in_bulk(list(codes)))
    if unit_ids:
        known.units.update(Unit.objects.filter(active=True).in_bulk(list(unit_ids)))
    return known


def _check(
    viewer: Viewer, data: ActivityInput, current: Activity | None, known: Known | None = None
) -> _Checked:
    given = data.given()
    errors: dict[str, str] = {}
    out = _Checked()
    if current is None:
        for name in REQUIRED:
            if given.get(name) in (None, "", []):
                errors[name] = "wajib diisi"
        given.setdefault("unit_id", viewer.unit_id)
    _check_unit(viewer, given, out, errors, known)
    region = _check_region(given, out, errors, known)
    _check_texts(given, out, errors)
    _check_choices(given, out, errors)
    _check_numbers(given, out, errors)
    _check_people(viewer, given, out, errors)
    if not errors:
        _check_times(given, out, errors, region or (current.region if current else None), current)
    if errors:
        names = ", ".join(_LABELS.get(n, n) for n in errors)
        raise Invalid(f"Kegiatan belum dapat disimpan: periksa {names}.", errors)
    if region is not None:
        require_region(viewer, "activity.write", region.code, "region")
    return out


def _check_unit(
    viewer: Viewer,
    given: dict[str, Any],
    out: _Checked,
    errors: dict[str, str],
    known: Known | None = None,
) -> None:
    if "unit_id" not in given:
        return
    if not given["unit_id"]:
        unit = None
    elif known is not None:
        unit = known.units.get(given["unit_id"])
    else:
        unit = Unit.objects.filter(pk=given["unit_id"], active=True).first()
    if unit is None:
        errors["unit_id"] = "satuan tidak dikenal"
    elif viewer.unit_ids is not None and unit.pk not in viewer.unit_ids:
        raise OutsideAreaInput("unit_id", unit.name)
    else:
        out.values["unit"] = unit


def _check_region(
    given: dict[str, Any], out: _Checked, errors: dict[str, str], known: Known | None = None
) -> Region | None:
    if not given.get("region"):
        return None
    code = str(given["region"]).strip()
    if known is not None:
        region = known.regions.get(code)
    else:
        region = Region.objects.filter(code=code).first()
    if region is None:
        errors["region"] = "kode wilayah tidak dikenal"
        return None
    out.values["region"] = region
    return region


def _check_texts(given: dict[str, Any], out: _Checked, errors: dict[str, str]) -> None:
    for name in ("dusun", "landmark", "summary", "findings", "follow_up_note"):
        if name in given:
            limit = RULES[name].max_length or 0
            # Browsers send a textarea's lines with CRLF: the same text must stay the same.
            value = (given[name] or "").replace("\r\n", "\n").replace("\r", "\n").strip()
            if len(value) > limit:
                errors[name] = f"maksimal {limit} karakter"
            out.values[name] = value
    if "summary" in given and not out.values.get("summary"):
        errors["summary"] = "wajib diisi"
    for name in ("online", "follow_up"):
        if name in given:
            out.values[name] = bool(given[name])


def _check_choices(given: dict[str, Any], out: _Checked, errors: dict[str, str]) -> None:
    for name in ("situation", "election", "phase"):
        if name in given:
            value = given[name] or ""
            if value and value not in (RULES[name].choices or {}):
                errors[name] = "pilihan tidak dikenal"
            out.values[name] = value
    if "types" in given:
        types = list(dict.fromkeys(given["types"] or []))
        unknown = [t for t in types if t not in (RULES["types"].choices or {})]
        if unknown:
            errors["types"] = f"jenis tidak dikenal: {', '.join(unknown)}"
        elif not types:
            errors["types"] = "pilih minimal satu jenis"
        out.types = types
    if "participants" in given:
        rule_ = RULES["participants"]
        participants = dict(given["participants"] or {})
        unknown = [p for p in participants if p not in (rule_.choices or {})]
        bad = [p for p, n in participants.items() if n is not None and not rule_.within(n)]
        if unknown:
            errors["participants"] = f"peserta tidak dikenal: {', '.join(unknown)}"
        elif bad:
            errors["participants"] = "jumlah peserta tidak masuk akal"
        out.participants = participants


def _check_numbers(given: dict[str, Any], out: _Checked, errors: dict[str, str]) -> None:
    if "personnel_count" in given:
        n = given["personnel_count"]
        if n is not None and not RULES["personnel_count"].within(int(n)):
            errors["personnel_count"] = "antara 1 dan 10.000"
        out.values["personnel_count"] = n
    for name in ("lat", "lng"):
        if name in given:
            value = given[name]
            if value is not None and not RULES[name].within(float(value)):
                errors[name] = "di luar wilayah Indonesia"
            out.values[name] = value


def _check_people(
    viewer: Viewer, given: dict[str, Any], out: _Checked, errors: dict[str, str]
) -> None:
    if "officer_ids" in given:
        ids = set(given["officer_ids"] or [])
        officers = Officer.objects.filter(pk__in=ids)
        if viewer.unit_ids is not None:
            officers = officers.filter(unit_id__in=list(viewer.unit_ids))
        found = list(officers)
        if len(found) != len(ids):
            errors["officer_ids"] = "personel tidak dikenal atau di luar satuan Anda"
        out.officers = found
    if "leader_ids" in given:
        ids = set(given["leader_ids"] or [])
        found_leaders = list(
            leaders(viewer, LeaderFilter(include_inactive=True)).filter(pk__in=ids)
        )
        if len(found_leaders) != len(ids):
            errors["leader_ids"] = "tokoh tidak dikenal atau di luar wilayah Anda"
        out.leaders = found_leaders


def _check_times(
    given: dict[str, Any],
    out: _Checked,
    errors: dict[str, str],
    region: Region | None,
    current: Activity | None,
) -> None:
    touched = {"date", "start_time", "end_time", "region"} & given.keys()
    if not touched or region is None:
        return
    tz = ZoneInfo(ZONE_TZ[zone_of(region.code)])
    local_start = current.starts_at.astimezone(tz) if current else None
    day = given.get("date") or (local_start.date() if local_start else None)
    start = given.get("start_time") or (
        local_start.timetz().replace(tzinfo=None) if local_start else None
    )
    if day is None or start is None:
        return
    if "end_time" in given:
        end = given["end_time"]
    elif current and current.ends_at:
        end = current.ends_at.astimezone(tz).time()
    else:
        end = None
    starts_at = datetime.combine(day, start, tzinfo=tz)
    today_there = timezone.now().astimezone(tz).date()
    if day > today_there + timedelta(days=1):
        errors["date"] = "tanggal di masa depan: catat sebagai rencana kegiatan"
        return
    if day < EARLIEST_DAY:  # a mistyped year; the zones before 1970 had other offsets too
        errors["date"] = f"sebelum tahun {EARLIEST_DAY.year}: periksa tahunnya"
        return
    ends_at = None
    if end is not None:
        ends_at = datetime.combine(day, end, tzinfo=tz)
        if ends_at <= starts_at:  # a patrol that runs past midnight ends the next day
            ends_at += timedelta(days=1)
    out.values.update(starts_at=starts_at, ends_at=ends_at, local_date=day)


# -- writing -----------------------------------------------------------------------------


def _apply(activity: Activity, checked: _Checked) -> None:
    if checked.types is not None:
        activity.types.all().delete()
        ActivityType.objects.bulk_create(
            ActivityType(activity=activity, code=t) for t in checked.types
        )
    if checked.participants is not None:
        activity.participants.all().delete()
        Participation.objects.bulk_create(
            Participation(activity=activity, category=c, count=n)
            for c, n in checked.participants.items()
        )
    if checked.officers is not None:
        activity.officers.set(checked.officers)
    if checked.leaders is not None:
        activity.leaders.set(checked.leaders)


def dry_check(viewer: Viewer, data: ActivityInput) -> None:
    """Check a new activity as create_activity would, without writing anything."""
    require(viewer, "activity.write")
    _check(viewer, data, None)


Checked = _Checked


def check_new(viewer: Viewer, data: ActivityInput, known: Known) -> Checked:
    """Check a new activity with its places and units already resolved (``known_for``):
    what ``create_many`` writes. Raises as ``create_activity`` would."""
    require(viewer, "activity.write")
    return _check(viewer, data, None, known)


@dataclass(frozen=True, slots=True)
class Prepared:
    """A checked new activity as the rows it becomes, small enough to hold a whole file
    of them: the activity's column values (``_COLUMNS``: no id and no write times, both
    given when it is written), its types, participants, officers and leaders."""

    values: tuple[Any, ...]
    types: tuple[str, ...]
    participants: tuple[tuple[str, int | None], ...]
    officers: tuple[int, ...] = ()
    leaders: tuple[int, ...] = ()


_STAMPS = ("created_at", "updated_at")
_FIELDS = [f for f in Activity._meta.concrete_fields if not f.primary_key and f.name not in _STAMPS]
_COLUMNS = [str(f.attname) for f in _FIELDS]
_ATTNAMES = {f.name: str(f.attname) for f in _FIELDS}
_VERSION = _COLUMNS.index("version")
_REGION, _DAY = _COLUMNS.index("region_id"), _COLUMNS.index("local_date")
# What the model gives a field not set, once (never changed in place: a row's own values
# replace them).
_DEFAULTS = {str(f.attname): f.get_default() for f in _FIELDS}


def prepare(
    viewer: Viewer, checked: Checked, *, source: str, shared: dict[Any, Any] | None = None
) -> Prepared:
    """A checked new activity (``check_new``) as the plain values ``write_prepared``
    sends: no model instance, the defaults the model would give, foreign keys by id.
    ``shared``: the types and participants many rows repeat, held once (a file's rows)."""
    values = dict(_DEFAULTS)
    values.update(source=source, created_by_id=viewer.user_id)
    for name, value in checked.values.items():
        values[_ATTNAMES.get(name, name)] = value.pk if hasattr(value, "_meta") else value
    types = tuple(checked.types or ())
    participants = tuple((checked.participants or {}).items())
    if shared is not None and len(shared) < 10_000:
        types = shared.setdefault(types, types)
        participants = shared.setdefault(participants, participants)
    return Prepared(
        tuple(values[name] for name in _COLUMNS),
        types,
        participants,
        tuple(o.pk for o in checked.officers or ()),
        tuple(leader.pk for leader in checked.leaders or ()),
    )


def write_prepared(viewer: Viewer, rows: list[Prepared]) -> list[int]:
    """Many prepared new activities (an import's chunk) as plain rows, one statement per
    table through ``sejuk.bulk``: the activities with ids drawn for them, their types,
    participants, officers and leaders, and each one's history entry. Returns the ids in
    order. The caller holds the transaction."""
    require(viewer, "activity.write")
    ids = new_ids(Activity, len(rows))
    now = timezone.now()
    pairs = list(zip(ids, rows, strict=True))
    insert(
        Activity,
        ["id", *_COLUMNS, *_STAMPS],
        ((pk, *p.values, now, now) for pk, p in pairs),
    )
    insert(ActivityType, ["activity_id", "code"], ((pk, t) for pk, p in pairs for t in p.types))
    insert(
        Participation,
        ["activity_id", "category", "count"],
        ((pk, k, n) for pk, p in pairs for k, n in p.participants),
    )
    insert(
        Activity.officers.through,
        ["activity_id", "officer_id"],
        ((pk, o) for pk, p in pairs for o in p.officers),
    )
    insert(
        Activity.leaders.through,
        ["activity_id", "leader_id"],
        ((pk, leader) for pk, p in pairs for leader in p.leaders),
    )
    insert(
        Change,
        ["activity_id", "at", "by_id", "by_name", "action", "fields", "reason", "version"],
        (
            (
                pk,
                now,
                viewer.user_id,
                viewer.username,
                ChangeAction.CREATED,
                {},
                "",
                p.values[_VERSION],
            )
            for pk, p in pairs
        ),
    )
    written_in_bulk.send(
        sender=Activity, keys={(p.values[_REGION], _day(p.values[_DAY])) for p in rows}
    )
    return ids


def _day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def create_many(viewer: Viewer, checked: list[Checked], *, source: str) -> list[int]:
    """Many checked new activities written as plain rows (``prepare``, then
    ``write_prepared``); their ids in order. The caller holds the transaction."""
    return write_prepared(viewer, [prepare(viewer, c, source=source) for c in checked])


def create_activity(
    viewer: Viewer,
    data: ActivityInput,
    *,
    source: str = Source.FORM,
    raw_text: str = "",
    reader: dict[str, Any] | None = None,
    is_demo: bool = False,
    client_id: UUID | None = None,
    needs_check: bool = False,
) -> Activity:
    """``client_id``: the id the phone gave the record; one (person, id) makes one
    activity (a unique constraint), so a caller first asks ``sent_before``."""
    require(viewer, "activity.write")
    checked = _check(viewer, data, None)
    activity = Activity(
        source=source,
        raw_text=raw_text,
        reader=reader,
        is_demo=is_demo,
        created_by_id=viewer.user_id,
        client_id=client_id,
        needs_check=needs_check,
        **checked.values,
    )
    activity.save()
    _apply(activity, checked)
    if reader is not None:
        activity.corrections = corrections(reader, activity)
        activity.save(update_fields=["corrections"])
    record_change(activity, viewer, ChangeAction.CREATED, None)
    return activity


def sent_before(viewer: Viewer, client_id: UUID | None) -> Activity | None:
    """The activity this person already sent under this phone-made id, if any: a send
    retried after a timeout gets the same record, never a second one."""
    if client_id is None or viewer.user_id is None:
        return None
    return (
        Activity.objects.select_related("unit", "region")
        .filter(created_by_id=viewer.user_id, client_id=client_id)
        .first()
    )


def confirm_reading(viewer: Viewer, activity_id: int) -> Activity:
    """The officer has checked what the server read from a message pasted offline."""
    activity = _locked(viewer, activity_id)
    require_region(viewer, "activity.write", activity.region_id, "region")
    if activity.needs_check:
        activity.needs_check = False
        activity.save(update_fields=["needs_check", "updated_at"])
    return activity


class StaleEdit(Conflict):
    """An edit made on a version of the activity that another change has replaced."""

    def __init__(self, activity: Activity, version: int | None) -> None:
        latest = activity.changes.order_by("-id").first()
        who = ""
        if latest is not None:
            when = dates.moment_in_zone(latest.at, zone_of(activity.region_id))
            who = f" oleh {latest.by_name or 'sistem'} pada {when}"
        super().__init__(
            f"Kegiatan ini sudah diubah{who} setelah Anda membukanya. Perubahan Anda belum "
            "disimpan: periksa isian terbaru, lalu simpan lagi bila masih perlu.",
            {"version": f"versi Anda {version}, versi sekarang {activity.version}"},
        )
        self.activity_id = activity.pk
        self.version = version
        self.current_version = activity.version


def update_activity(
    viewer: Viewer,
    activity_id: int,
    data: ActivityInput,
    reason: str = "",
    version: int | None = None,
) -> Activity:
    """Change the fields ``data`` gives. ``version`` is the version the person saw: an
    edit on an older one is refused (409) instead of silently undoing what another saved
    in between. Without it, the change applies on top of whatever was saved before."""
    # The row is locked from this read on (PostgreSQL; SQLite's immediate transactions
    # already take the write lock at BEGIN): two edits of one activity run one after the
    # other, each reading what the other saved.
    activity = _locked(viewer, activity_id)
    require_region(viewer, "activity.write", activity.region_id, "region")
    if version is not None and version != activity.version:
        raise StaleEdit(activity, version)
    before = snapshot(activity)
    checked = _check(viewer, data, activity)
    # The claim, conditional on the version read above: should anything write the row
    # without the lock, this edit is refused rather than laid over it.
    claimed = Activity.objects.filter(pk=activity.pk, version=activity.version).update(
        version=F("version") + 1
    )
    if not claimed:
        raise StaleEdit(get_activity(viewer, activity_id), version or activity.version)
    activity.version += 1
    for name, value in checked.values.items():
        setattr(activity, name, value)
    activity.save()
    _apply(activity, checked)
    if activity.reader is not None:
        activity.corrections = corrections(activity.reader, activity)
        activity.save(update_fields=["corrections"])
    record_change(activity, viewer, ChangeAction.UPDATED, before, reason.strip())
    return activity


def _locked(viewer: Viewer, activity_id: int) -> Activity:
    return get_or_deny(visible(viewer).select_for_update(of=("self",)), "activity", activity_id)


def changes_since(viewer: Viewer, activity_id: int, version: int) -> list[Change]:
    """The changes saved after ``version``: what a person whose edit was refused missed."""
    activity = get_activity(viewer, activity_id)
    return list(activity.changes.filter(version__gt=version).order_by("at", "id"))


def delete_activity(viewer: Viewer, activity_id: int, reason: str) -> Activity:
    """Deleted activities leave every list but are kept, with who, when and why."""
    reason = (reason or "").strip()
    if len(reason) < 5:
        raise Invalid(
            "Sebutkan alasan menghapus kegiatan (minimal 5 karakter).", {"reason": "wajib diisi"}
        )
    activity = _locked(viewer, activity_id)
    require_region(viewer, "activity.write", activity.region_id, "region")
    activity.deleted_at = timezone.now()
    activity.deleted_reason = reason
    activity.version += 1
    activity.save(update_fields=["deleted_at", "deleted_reason", "updated_at", "version"])
    Change.objects.create(
        activity=activity,
        by_id=viewer.user_id,
        by_name=viewer.username,
        action=ChangeAction.DELETED,
        reason=reason,
        version=activity.version,
    )
    return activity


def corrections(reader: dict[str, Any], activity: Activity) -> dict[str, Any]:
    """Where the saved activity says otherwise than the text reader did, field by field."""
    guess = reader.get("contract", reader)
    saved = {
        "place_code": activity.region_id,
        "unit_region_code": activity.unit.home_region_id,
        "event_date": activity.local_date.isoformat(),
        "activity_types": sorted(activity.types.values_list("code", flat=True)),
        "participants": sorted(activity.participants.values_list("category", flat=True)),
        "situation": activity.situation or None,
        "personnel_count": activity.personnel_count,
        "online": activity.online,
        "election": activity.election or None,
    }
    read = {
        "place_code": (guess.get("place") or {}).get("code"),
        "unit_region_code": (guess.get("unit") or {}).get("region_code"),
        "event_date": guess.get("event_date"),
        "activity_types": sorted(guess.get("activity_types") or []),
        "participants": sorted(guess.get("participants") or []),
        "situation": guess.get("situation"),
        "personnel_count": guess.get("personnel_count"),
        "online": guess.get("online"),
        "election": guess.get("election"),
    }
    return {k: {"reader": read[k], "saved": v} for k, v in saved.items() if read[k] != v}


# -- reading -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ActivityFilter:
    start: date | None = None
    end: date | None = None
    unit_id: int | None = None
    region: str = ""
    type: str = ""
    situation: str = ""
    source: str = ""
    q: str = ""


def _own(viewer: Viewer) -> list[Q]:
    """A Bhabinkamtibmas's own activities beside their desa: those they took part in,
    those they wrote (each a condition an index answers)."""
    took_part = Activity.officers.through.objects.filter(officer_id=viewer.officer_id or 0)
    return [
        Q(pk__in=took_part.values("activity_id")),
        Q(created_by_id=viewer.user_id or 0),
    ]


def visible(viewer: Viewer, capability: str = "activity.read") -> QuerySet[Activity]:
    """The activities a viewer may see: in their area or of their units; for a
    Bhabinkamtibmas, of their desa or those they took part in or wrote."""
    own = Q()
    for q in _own(viewer):
        own |= q
    return scoped(
        Activity.objects.alive().select_related("unit", "region"),
        viewer,
        capability,
        region_field="region_id",
        unit_field="unit_id",
        own=own,
    )


def list_activities(viewer: Viewer, flt: ActivityFilter = ActivityFilter()) -> QuerySet[Activity]:
    return _filtered(visible(viewer), flt)


def activity_listing(viewer: Viewer, flt: ActivityFilter = ActivityFilter()) -> Listing[Activity]:
    """The list as pages read it: the same rows as ``list_activities``, with the parts of
    the viewer's area, so a page is read along the indexes (``sejuk.paging``)."""
    area = scoped_parts(
        _filtered(Activity.objects.alive(), flt),
        viewer,
        "activity.read",
        region_field="region_id",
        unit_field="unit_id",
        own=_own(viewer),
    )
    if area.split:  # the parts say which rows; the rows are fetched by their ids
        whole = _filtered(Activity.objects.alive().select_related("unit", "region"), flt)
    else:
        whole = list_activities(viewer, flt)
    return Listing(
        whole,
        area.parts,
        area.base,
        area.unit_field,
        area.unit_ids,
        disjoint=area.disjoint,
    )


def _filtered(qs: QuerySet[Activity], flt: ActivityFilter) -> QuerySet[Activity]:
    errors: dict[str, str] = {}
    if flt.start:
        qs = qs.filter(local_date__gte=flt.start)
    if flt.end:
        qs = qs.filter(local_date__lte=flt.end)
    if flt.start and flt.end and flt.end < flt.start:
        errors["end"] = "sebelum tanggal awal"
    if flt.unit_id:
        qs = qs.filter(unit_id__in=list(subtree_ids(flt.unit_id)))
    if flt.region:
        qs = qs.filter(region_q((flt.region,), "region_id"))
    if flt.type:
        if flt.type not in ACTIVITY_TYPES:
            errors["type"] = "jenis tidak dikenal"
        qs = qs.filter(
            Exists(ActivityType.objects.filter(activity_id=OuterRef("pk"), code=flt.type))
        )
    if flt.situation:
        if flt.situation not in SITUATIONS:
            errors["situation"] = "situasi tidak dikenal"
        qs = qs.filter(situation=flt.situation)
    if flt.source:
        if flt.source not in Source.values:
            errors["source"] = "sumber tidak dikenal"
        qs = qs.filter(source=flt.source)
    if flt.q:
        qs = qs.filter(
            Q(summary__icontains=flt.q) | Q(findings__icontains=flt.q) | Q(dusun__icontains=flt.q)
        )
    if errors:
        raise Invalid("Saringan tidak valid.", errors)
    return qs


def get_activity(viewer: Viewer, activity_id: int) -> Activity:
    return get_or_deny(visible(viewer), "activity", activity_id)


def history(viewer: Viewer, activity_id: int) -> list[Entry]:
    """The activity's changes as a person reads them (the page and the API alike)."""
    return readable(get_activity(viewer, activity_id))


def activity_values(activity: Activity) -> ActivityInput:
    """An activity in the terms of its input: what an edit form starts from, so that
    saving it untouched gives back the same activity."""
    local = activity.local_times()
    return ActivityInput(
        unit_id=activity.unit_id,
        region=activity.region_id,
        dusun=activity.dusun,
        landmark=activity.landmark,
        lat=activity.lat,
        lng=activity.lng,
        online=activity.online,
        date=local.day,
        start_time=local.start,
        end_time=local.end,
        types=list(activity.types.values_list("code", flat=True)),
        participants={p.category: p.count for p in activity.participants.order_by("category")},
        personnel_count=activity.personnel_count,
        officer_ids=list(activity.officers.values_list("pk", flat=True)),
        leader_ids=list(activity.leaders.values_list("pk", flat=True)),
        summary=activity.summary,
        findings=activity.findings,
        situation=activity.situation,
        follow_up=activity.follow_up,
        follow_up_note=activity.follow_up_note,
        election=activity.election,
        phase=activity.phase,
    )
