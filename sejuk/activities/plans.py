"""Recurring plans and the due list: what was planned and is not logged yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet

from sejuk.accounts.access import Viewer, get_or_deny, require_region, scoped
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid
from sejuk.reference.taxonomy import ACTIVITY_TYPES
from sejuk.regions.models import Region
from sejuk.units.models import Officer, Unit

from .models import Plan
from .services import ActivityInput, visible


def plans(viewer: Viewer) -> QuerySet[Plan]:
    return scoped(
        Plan.objects.select_related("unit", "region", "officer").filter(active=True),
        viewer,
        "activity.read",
        region_field="region__code",
        unit_field="unit_id",
    )


@dataclass(frozen=True)
class PlanInput:
    unit_id: int
    region: str
    title: str
    type_code: str
    weekday: int | None = None
    every_days: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    officer_id: int | None = None


def create_plan(viewer: Viewer, data: PlanInput, capability: str = "activity.write") -> Plan:
    """A plan in the viewer's area. ``capability`` is what the writer must hold: writing
    activities, or planning patrols (a published patrol plan is made of these plans)."""
    errors: dict[str, str] = {}
    unit = Unit.objects.filter(pk=data.unit_id).first()
    if unit is None or (viewer.unit_ids is not None and unit.pk not in viewer.unit_ids):
        errors["unit_id"] = "satuan tidak dikenal atau di luar satuan Anda"
    region = Region.objects.filter(code=data.region).first()
    if region is None:
        errors["region"] = "kode wilayah tidak dikenal"
    if not data.title.strip():
        errors["title"] = "wajib diisi"
    if data.type_code not in ACTIVITY_TYPES:
        errors["type_code"] = "jenis tidak dikenal"
    if (data.weekday is None) == (data.every_days is None):
        errors["weekday"] = "pilih hari dalam seminggu atau setiap N hari (salah satu)"
    if data.weekday is not None and not 0 <= data.weekday <= 6:
        errors["weekday"] = "hari 0 (Senin) sampai 6 (Minggu)"
    if data.every_days is not None and not 1 <= data.every_days <= 90:
        errors["every_days"] = "antara 1 dan 90 hari"
    starts_on = data.starts_on or today_for(viewer)
    if data.ends_on and data.ends_on < starts_on:
        errors["ends_on"] = "sebelum tanggal mulai"
    officer = None
    if data.officer_id is not None:
        officer = Officer.objects.filter(pk=data.officer_id, unit_id=data.unit_id).first()
        if officer is None:
            errors["officer_id"] = "personel tidak dikenal di satuan ini"
    if errors:
        raise Invalid("Rencana belum dapat disimpan.", errors)
    assert region is not None and unit is not None
    require_region(viewer, capability, region.code, "region")
    return Plan.objects.create(
        unit=unit,
        region=region,
        title=data.title.strip(),
        type_code=data.type_code,
        weekday=data.weekday,
        every_days=data.every_days,
        starts_on=starts_on,
        ends_on=data.ends_on,
        officer=officer,
        created_by_id=viewer.user_id,
    )


def plan_values(viewer: Viewer, plan_id: int, day: date) -> tuple[Plan, ActivityInput]:
    """What a plan already says about the activity that carries it out on ``day``: the
    unit, the desa, the type and the officer, for the form *Catat kegiatan* opens."""
    plan = get_or_deny(plans(viewer), "plan", plan_id)
    return plan, ActivityInput(
        unit_id=plan.unit_id,
        region=plan.region_id,
        types=[plan.type_code],
        officer_ids=[plan.officer_id] if plan.officer_id else [],
        date=day,
    )


def deactivate_plan(viewer: Viewer, plan_id: int) -> Plan:
    plan = get_or_deny(plans(viewer), "plan", plan_id)
    require_region(viewer, "activity.write", plan.region_id, "region")
    plan.active = False
    plan.save(update_fields=["active"])
    return plan


def occurrences(plan: Plan, start: date, end: date) -> list[date]:
    """The days a plan falls on between start and end (inclusive)."""
    first = max(start, plan.starts_on)
    last = min(end, plan.ends_on) if plan.ends_on else end
    days: list[date] = []
    if plan.weekday is not None:
        day = first + timedelta(days=(plan.weekday - first.weekday()) % 7)
        step = 7
    else:
        step = plan.every_days or 1
        offset = (first - plan.starts_on).days % step
        day = first + timedelta(days=(step - offset) % step)
    while day <= last:
        days.append(day)
        day += timedelta(days=step)
    return days


@dataclass(frozen=True)
class DueItem:
    plan: Plan
    day: date
    overdue: bool  # the day has passed and nothing was logged


def due(viewer: Viewer, today: date | None = None, back: int = 14, ahead: int = 7) -> list[DueItem]:
    """Planned occurrences from ``back`` days ago to ``ahead`` days on with no matching
    activity logged (same unit or below, same place or inside it, same type, same day)."""
    today = today or today_for(viewer)
    start, end = today - timedelta(days=back), today + timedelta(days=ahead)
    items: list[DueItem] = []
    all_plans = list(plans(viewer))
    if not all_plans:
        return items
    logged: dict[tuple[date, str], set[str]] = {}
    rows = visible(viewer).filter(local_date__range=(start, end))
    for code, day, type_code in rows.values_list("region_id", "local_date", "types__code"):
        logged.setdefault((day, type_code), set()).add(code)
    for plan in all_plans:
        for day in occurrences(plan, start, end):
            places = logged.get((day, plan.type_code), set())
            prefix = plan.region_id + "."
            if not any(c == plan.region_id or c.startswith(prefix) for c in places):
                items.append(DueItem(plan, day, day < today))
    items.sort(key=lambda i: (i.day, i.plan.title))
    return items
