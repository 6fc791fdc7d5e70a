"""Leader registry services. Every query goes through the area rule."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, fields

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from lokal.phone import parse_phone

from sejuk.accounts import audit
from sejuk.accounts.access import Viewer, get_or_deny, require_region, scoped
from sejuk.accounts.models import AuditAction
from sejuk.accounts.services import acting_user
from sejuk.errors import Invalid
from sejuk.reference.codes import DESA
from sejuk.regions.models import Level, Region
from sejuk.text import printable

from .models import CATEGORIES, Leader

_CATEGORY_CODES = {code for code, _ in CATEGORIES}


@dataclass(frozen=True)
class LeaderFilter:
    region: str = ""  # a region code: the desa or any region above it
    category: str = ""
    q: str = ""
    include_inactive: bool = False


def leaders(viewer: Viewer, flt: LeaderFilter = LeaderFilter()) -> QuerySet[Leader]:
    qs = scoped(
        Leader.objects.select_related("region"), viewer, "leader.read", region_field="region__code"
    )
    if not flt.include_inactive:
        qs = qs.filter(active=True)
    if len(flt.region) >= DESA:  # a desa: one index lookup, nothing below it
        qs = qs.filter(region_id=flt.region)
    elif flt.region:
        qs = qs.filter(Q(region_id=flt.region) | Q(region__code__startswith=flt.region + "."))
    if flt.category:
        if flt.category not in _CATEGORY_CODES:
            raise Invalid(
                f"Kategori {flt.category!r} tidak dikenal.", {"category": "tidak dikenal"}
            )
        qs = qs.filter(category=flt.category)
    if flt.q:
        qs = qs.filter(Q(name__icontains=flt.q) | Q(role__icontains=flt.q))
    return qs


def get_leader(viewer: Viewer, leader_id: int) -> Leader:
    return get_or_deny(leaders(viewer, LeaderFilter(include_inactive=True)), "leader", leader_id)


@dataclass(frozen=True)
class LeaderInput:
    region: str | None = None
    name: str | None = None
    category: str | None = None
    role: str | None = None
    phone: str | None = None
    notes: str | None = None


def _clean(viewer: Viewer, data: LeaderInput, *, creating: bool) -> dict[str, object]:
    errors: dict[str, str] = {}
    values: dict[str, object] = {}
    if creating or data.region is not None:
        region = Region.objects.filter(code=(data.region or "").strip()).first()
        if region is None:
            errors["region"] = (
                "wajib diisi: kode desa/kelurahan"
                if not data.region
                else "kode wilayah tidak dikenal"
            )
        elif region.level != Level.DESA:
            errors["region"] = "harus desa/kelurahan"
        else:
            values["region"] = region
    if creating or data.name is not None:
        name = (data.name or "").strip()
        if not name:
            errors["name"] = "wajib diisi"
        elif len(name) > 120:
            errors["name"] = "maksimal 120 karakter"
        values["name"] = name
    if creating or data.category is not None:
        if data.category not in _CATEGORY_CODES:
            errors["category"] = "pilih salah satu kategori"
        values["category"] = data.category
    if data.role is not None:
        values["role"] = data.role.strip()[:120]
    if data.phone is not None:
        phone = data.phone.strip()
        if phone:
            parsed = parse_phone(phone)
            if not parsed.valid:
                errors["phone"] = parsed.errors[0].message if parsed.errors else "nomor tidak sah"
            values["phone"] = parsed.e164 or phone
        else:
            values["phone"] = ""
    if data.notes is not None:
        values["notes"] = data.notes.strip()[:2000]
    if errors:
        raise Invalid("Data tokoh belum benar: periksa isian yang ditandai.", errors)
    chosen = values.get("region")
    if isinstance(chosen, Region):
        require_region(viewer, "leader.write", chosen.code, "region")
    return values


def create_leader(viewer: Viewer, data: LeaderInput) -> Leader:
    values = _clean(viewer, data, creating=True)
    return Leader.objects.create(created_by_id=viewer.user_id, **values)


def update_leader(viewer: Viewer, leader_id: int, data: LeaderInput) -> Leader:
    leader = get_leader(viewer, leader_id)
    require_region(viewer, "leader.write", leader.region_id, "region")
    for name, value in _clean(viewer, data, creating=False).items():
        setattr(leader, name, value)
    leader.save()
    return leader


def deactivate_leader(viewer: Viewer, leader_id: int) -> Leader:
    """Leaders are deactivated, never erased: activities may name them."""
    leader = get_leader(viewer, leader_id)
    require_region(viewer, "leader.write", leader.region_id, "region")
    leader.active = False
    leader.save(update_fields=["active", "updated_at"])
    return leader


EXPORT_COLUMNS = ("kode_desa", "desa", "nama", "kategori", "kedudukan", "telepon", "catatan")


def export_csv(viewer: Viewer, flt: LeaderFilter, *, request: HttpRequest | None = None) -> str:
    """The leaders the viewer may see, as CSV; the export is written to the audit log."""
    rows = list(leaders(viewer, flt))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    labels = dict(CATEGORIES)
    for leader in rows:
        cells = [
            leader.region_id,
            leader.region.name,
            leader.name,
            labels.get(leader.category, leader.category),
            leader.role,
            leader.phone,
            leader.notes,
        ]
        writer.writerow([_safe_cell(str(c)) for c in cells])
    audit.record(
        AuditAction.EXPORT,
        request=request,
        user=acting_user(viewer) if request is None else None,
        object_type="leader",
        detail={"rows": len(rows), **{f.name: getattr(flt, f.name) for f in fields(flt)}},
    )
    return out.getvalue()


def _safe_cell(value: str) -> str:
    """A cell a spreadsheet can hold (``printable``) and will not run as a formula (CSV
    injection); printable first, so a control character cannot hide an "="."""
    value = printable(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value
