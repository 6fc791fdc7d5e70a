"""The area rule, in one place.

Every user belongs to a unit and has roles. A role grants capabilities ("leader.read");
the unit gives the area: the regions of the unit and of every unit below it (a Polda sees
its Polres and Polsek). A Bhabinkamtibmas whose only role for a capability is
bhabinkamtibmas sees only the desa assigned to them, plus what is assigned to them.

Services call ``scoped`` (or ``scoped_units``) on every query of protected data and
``get_or_deny`` to fetch one object: the page, the JSON API, the exports and the CLI all
pass through them, so hiding a link is never the only thing that stops a user. An object
outside the area answers 404, exactly as one that does not exist, so IDs cannot be
probed; the attempt is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from django.db import connections, router
from django.db.models import Model, Q, QuerySet
from django.db.models.lookups import Exact
from django.http import HttpRequest

from sejuk.errors import Forbidden, Invalid, NotFound
from sejuk.regions.indexes import REGION_CODE_LENGTHS, region_prefix
from sejuk.regions.names import place_name
from sejuk.units.models import Unit, UnitLevel

from .models import Role, User

ADMIN, PIMPINAN, OPERATOR, HUMAS, BHABIN = (
    Role.ADMIN,
    Role.PIMPINAN,
    Role.OPERATOR,
    Role.HUMAS,
    Role.BHABINKAMTIBMAS,
)

# Which roles may do what. Pimpinan reads everything in the area; operators triage,
# assign and edit; humas reads activities and writes bulletins; a Bhabinkamtibmas works
# in their own desa and on what is assigned to them.
CAPABILITIES: dict[str, frozenset[str]] = {
    "leader.read": frozenset({ADMIN, PIMPINAN, OPERATOR, BHABIN}),
    "leader.write": frozenset({ADMIN, OPERATOR, BHABIN}),
    "officer.read": frozenset({ADMIN, PIMPINAN, OPERATOR}),
    "activity.read": frozenset({ADMIN, PIMPINAN, OPERATOR, HUMAS, BHABIN}),
    "activity.write": frozenset({ADMIN, OPERATOR, BHABIN}),
    "report.read": frozenset({ADMIN, PIMPINAN, OPERATOR, BHABIN}),
    "report.write": frozenset({ADMIN, OPERATOR, BHABIN}),
    "report.triage": frozenset({ADMIN, OPERATOR}),
    "report.identity": frozenset({ADMIN, PIMPINAN, OPERATOR}),
    # Incidents: read where reports are read; recorded by those who triage reports.
    "incident.read": frozenset({ADMIN, PIMPINAN, OPERATOR, BHABIN}),
    "incident.write": frozenset({ADMIN, OPERATOR}),
    # Media monitoring: read by those who read the area's picture (humas for the activities
    # the news reports); reviewed, pasted and imported by operators (the cyber patrol).
    "media.read": frozenset({ADMIN, PIMPINAN, OPERATOR, HUMAS}),
    "media.write": frozenset({ADMIN, OPERATOR}),
    "bulletin.read": frozenset({ADMIN, PIMPINAN, OPERATOR, HUMAS}),
    # The picture: tension per desa, its parts and the records behind them.
    "tension.read": frozenset({ADMIN, PIMPINAN, OPERATOR, BHABIN}),
    "bulletin.write": frozenset({ADMIN, HUMAS}),
    # Patrol plans: commanders and operators plan the teams of their area and publish the
    # routes as activity plans (the pimpinan too, who writes no activity).
    "patrol.plan": frozenset({ADMIN, PIMPINAN, OPERATOR}),
    "audit.read": frozenset({ADMIN, PIMPINAN}),
    "user.manage": frozenset({ADMIN}),
}


class OutsideArea(NotFound):
    """An object exists but lies outside the viewer's area: answered as not found."""

    audit_denial = True

    def __init__(self, object_type: str, object_id: object) -> None:
        super().__init__("Data tidak ditemukan.")
        self.object_type = object_type
        self.object_id = str(object_id)


class RoleDenied(Forbidden):
    audit_denial = True

    def __init__(self, capability: str) -> None:
        super().__init__("Peran Anda tidak mengizinkan tindakan ini.")
        self.object_type = capability
        self.object_id = ""


class OutsideAreaInput(Invalid):
    """A write that would put data outside the viewer's area."""

    audit_denial = True

    def __init__(self, field_name: str, code: str, name: str = "") -> None:
        super().__init__(
            f"{name or 'Wilayah ' + code} di luar wilayah Anda.",
            {field_name: "di luar wilayah Anda"},
        )
        self.object_type = field_name
        self.object_id = code


@dataclass(frozen=True)
class Viewer:
    """Who is asking, resolved once per request: roles, unit, area."""

    user_id: int | None = None
    username: str = ""
    roles: frozenset[str] = frozenset()
    unit_id: int | None = None
    unit_name: str = ""
    superuser: bool = False
    # Region codes of the unit's area and of every unit below; None: the whole country.
    area: tuple[str, ...] | None = ()
    # Ids of the unit and every unit below it; None: all units.
    unit_ids: frozenset[int] | None = frozenset()
    villages: tuple[str, ...] = ()
    officer_id: int | None = None
    # The region the unit is named after (its zone is where the viewer works); "": the
    # unit has none; None: not known here (asked of the database when needed).
    home_region: str | None = None

    @property
    def is_authenticated(self) -> bool:
        return self.user_id is not None

    def can(self, capability: str) -> bool:
        return self.superuser or bool(self.roles & CAPABILITIES[capability])

    def region_area(self, capability: str) -> tuple[str, ...] | None:
        """The region codes this viewer may reach for a capability (None: everywhere)."""
        if self.superuser:
            return None
        granted = self.roles & CAPABILITIES[capability]
        if granted - {BHABIN}:
            return self.area
        if granted:
            return self.villages
        return ()

    def only_own(self, capability: str) -> bool:
        """True when the capability comes from the bhabinkamtibmas role alone: the
        viewer works on their own desa and their own assignments, not the unit's."""
        granted = self.roles & CAPABILITIES[capability]
        return not self.superuser and granted == {BHABIN}

    def covers(self, capability: str, code: str) -> bool:
        area = self.region_area(capability)
        return area is None or any(_within(code, a) for a in area)


ANONYMOUS = Viewer()


def _within(code: str, area_code: str) -> bool:
    return code == area_code or code.startswith(area_code + ".")


def viewer_for(user: Any) -> Viewer:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return ANONYMOUS
    roles = user.role_set()
    unit = user.unit
    area: tuple[str, ...] | None
    unit_ids: frozenset[int] | None
    if user.is_superuser or (unit is not None and unit.level == UnitLevel.MABES):
        area, unit_ids = None, None
    elif unit is None:
        area, unit_ids = (), frozenset()
    else:
        unit_ids, area = _subtree(unit.pk)
    villages: tuple[str, ...] = ()
    if user.officer_id:
        villages = tuple(sorted(user.officer.villages.values_list("code", flat=True)))
    return Viewer(
        user_id=user.pk,
        username=user.get_username(),
        roles=roles,
        unit_id=unit.pk if unit else None,
        unit_name=unit.name if unit else "",
        superuser=user.is_superuser,
        area=area,
        unit_ids=unit_ids,
        villages=villages,
        officer_id=user.officer_id,
        home_region=(unit.home_region_id or "") if unit else None,
    )


def subtree_ids(unit_id: int) -> frozenset[int]:
    """A unit and every unit below it."""
    return _subtree(unit_id)[0]


def _subtree(unit_id: int) -> tuple[frozenset[int], tuple[str, ...]]:
    """A unit and every unit below it, and their area (``area_codes``), in one query: a
    Polda's hundreds of units walked level by level were four round trips, three of them
    naming every unit of the level above."""
    connection = connections[router.db_for_read(Unit)]  # a replica's too
    low, high = connection.ops.integer_field_range(Unit._meta.pk.get_internal_type())
    if not low <= unit_id <= high:  # an id no row can have (as ``sejuk.lookups`` says)
        return frozenset(), ()
    # The table names are the models' own, never input; UNION (not ALL) ends a loop.
    units, areas = Unit._meta.db_table, Unit.area.through._meta.db_table
    sql = (
        f"WITH RECURSIVE below(id) AS (SELECT id FROM {units} WHERE id = %s UNION "  # noqa: S608
        f"SELECT u.id FROM {units} u JOIN below b ON u.parent_id = b.id) "
        f"SELECT b.id, a.region_id FROM below b LEFT JOIN {areas} a ON a.unit_id = b.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [unit_id])
        rows = cursor.fetchall()
    return frozenset(pk for pk, _ in rows), _outermost({code for _, code in rows if code})


def area_codes(unit_ids: Iterable[int]) -> tuple[str, ...]:
    """The region codes of the units' areas, none inside another (fewer conditions)."""
    return _outermost(
        set(
            Unit.area.through.objects.filter(unit_id__in=list(unit_ids)).values_list(
                "region_id", flat=True
            )
        )
    )


def _outermost(codes: set[str]) -> tuple[str, ...]:
    """Drop codes already inside another code of the area: fewer conditions per query.
    A code lies inside another when one of its shorter prefixes is in the set."""

    def inside(code: str) -> bool:
        parts = code.split(".")
        return any(".".join(parts[:n]) in codes for n in range(1, len(parts)))

    return tuple(sorted(c for c in codes if not inside(c)))


def viewer_of_unit(unit: Unit) -> Viewer:
    """A unit as its commander sees it: the area of the unit and of every unit below, with
    the reading roles of a pimpinan. For work that no person asked for (the morning
    situation report), which must show the unit exactly what its own pages show."""
    if unit.level == UnitLevel.MABES:
        area, unit_ids = None, None
    else:
        unit_ids, area = _subtree(unit.pk)
    return Viewer(
        username=f"sejuk ({unit.name})",
        roles=frozenset({PIMPINAN}),
        unit_id=unit.pk,
        unit_name=unit.name,
        area=area,
        unit_ids=unit_ids,
        home_region=unit.home_region_id or "",
    )


def current_viewer(request: HttpRequest) -> Viewer:
    """The viewer of a request, by session or by API token, computed once."""
    cached: Viewer | None = getattr(request, "_sejuk_viewer", None)
    if cached is None:
        auth = getattr(request, "auth", None)
        cached = viewer_for(auth if isinstance(auth, User) else request.user)
        request._sejuk_viewer = cached  # type: ignore[attr-defined]
    return cached


def require(viewer: Viewer, capability: str) -> None:
    if not viewer.can(capability):
        raise RoleDenied(capability)


def region_in(code: str, field_name: str) -> Q:
    """Rows whose region is ``code`` or lies inside it, as an equality the area indexes
    answer (the code's prefix), not a LIKE that no index serves."""
    if len(code) in REGION_CODE_LENGTHS:
        return Q(Exact(region_prefix(field_name, len(code)), code))
    # Nothing lies inside a desa, nor inside a code of no region's length (a code typed
    # wrong: "000000000000" names no province, kabupaten or kecamatan).
    return Q(**{field_name: code})


def region_q(area: tuple[str, ...] | None, field_name: str) -> Q:
    if area is None:
        return Q()
    if not area:
        return Q(pk__in=[])
    q = Q()
    for code in area:
        q |= region_in(code, field_name)
    return q


M = TypeVar("M", bound=Model)


def scoped(
    qs: QuerySet[M],
    viewer: Viewer,
    capability: str,
    *,
    region_field: str,
    unit_field: str | None = None,
    own: Q | None = None,
) -> QuerySet[M]:
    """``qs`` narrowed to what ``viewer`` may reach for ``capability``: rows whose region
    lies in the area, or (``unit_field``) that belong to the viewer's unit or a unit
    below it. A Bhabinkamtibmas reaches their desa and the rows ``own`` selects for them
    (what is assigned to them, what they wrote), not the rest of the unit's."""
    require(viewer, capability)
    q = region_q(viewer.region_area(capability), region_field)
    if viewer.only_own(capability):
        if own is not None:
            q |= own
    elif unit_field and viewer.unit_ids is not None:
        q |= Q(**{f"{unit_field}__in": list(viewer.unit_ids)})
    return qs.filter(q)


@dataclass
class AreaParts(Generic[M]):
    """What ``scoped(qs, ...)`` is the union of, each part an index range in a list's
    order: ``parts`` (one per code of the area, and a Bhabinkamtibmas's own rows) and the
    rows of each of ``unit_ids`` in ``unit_field`` (a Polda's hundreds of units, read one
    by one along the unit's index). ``sejuk.paging.Listing`` reads a page from them
    without sorting the area's history."""

    parts: list[QuerySet[M]]
    base: QuerySet[M] | None = None  # the rows the units' parts are cut from
    unit_field: str = ""
    unit_ids: list[int] = field(default_factory=list)
    # How many of the first parts share no row (the area's codes, none inside another):
    # their counts add up.
    disjoint: int = 0

    @property
    def split(self) -> bool:
        """Whether a list reads these parts (two or more) rather than one query: then the
        parts alone say which rows the viewer reaches, and the rows they found are
        fetched by id (``sejuk.paging.Listing``), with no need of the area's condition,
        whose hundreds of unit ids cost more to build than to run."""
        return len(self.parts) + len(self.unit_ids) >= 2


def scoped_parts(
    qs: QuerySet[M],
    viewer: Viewer,
    capability: str,
    *,
    region_field: str,
    unit_field: str | None = None,
    own: Sequence[Q] = (),
) -> AreaParts[M]:
    """``scoped`` as its parts (``AreaParts``); ``own`` are the conditions of a
    Bhabinkamtibmas's own rows, each one an index answers (``pk__in`` subqueries). A
    viewer who reaches everything gets ``qs`` itself."""
    require(viewer, capability)
    area = viewer.region_area(capability)
    if area is None:
        return AreaParts([qs])
    parts = AreaParts([qs.filter(region_in(code, region_field)) for code in area], qs)
    parts.disjoint = len(parts.parts)
    if viewer.only_own(capability):
        parts.parts += [qs.filter(q) for q in own]
    elif unit_field and viewer.unit_ids is not None:
        parts.unit_field, parts.unit_ids = unit_field, sorted(viewer.unit_ids)
    return parts


def scoped_units(
    qs: QuerySet[M], viewer: Viewer, capability: str, *, unit_field: str
) -> QuerySet[M]:
    """``qs`` narrowed to rows of the viewer's unit and the units below it."""
    require(viewer, capability)
    if viewer.unit_ids is None:
        return qs
    return qs.filter(**{f"{unit_field}__in": list(viewer.unit_ids)})


def get_or_deny(scoped_qs: QuerySet[M], object_type: str, pk: object) -> M:
    """One object the viewer may reach, else 404: OutsideArea (audited) when it exists
    elsewhere, NotFound when it does not exist at all."""
    obj = scoped_qs.filter(pk=pk).first()
    if obj is not None:
        return obj
    if scoped_qs.model._default_manager.filter(pk=pk).exists():
        raise OutsideArea(object_type, pk)
    raise NotFound("Data tidak ditemukan.")


def require_region(viewer: Viewer, capability: str, code: str, field_name: str) -> None:
    """A write may only place data inside the viewer's area."""
    require(viewer, capability)
    if not viewer.covers(capability, code):
        # Named as people name places; the code stays in the audit record.
        raise OutsideAreaInput(field_name, code, place_name(code))
