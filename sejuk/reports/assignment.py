"""Whom an operator may give a case to, found by the server as they type.

A Polda or Mabes operator may assign to thousands of officers and units, so the case
page never lists them all: it offers the desa's Bhabinkamtibmas, the officers of the
units whose area holds the place, and those units; a search reaches anyone else in the
operator's area (the area rule of ``sejuk.accounts.access``)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Case, Exists, IntegerField, OuterRef, Q, QuerySet, Value, When

from sejuk.accounts.access import Viewer, require, scoped_units
from sejuk.units.models import Officer, Unit, UnitLevel

from .models import Report

OFFICERS_SHOWN = 12
UNITS_SHOWN = 6
LEVEL_ORDER = (UnitLevel.POLSEK, UnitLevel.POLRES, UnitLevel.POLDA)


@dataclass(frozen=True)
class Assignee:
    value: str  # "o:<officer id>" or "u:<unit id>", as the assign form posts it
    label: str
    officer: bool


def covering_units(region_code: str) -> list[int]:
    """The units whose area holds the place: its Polsek, Polres and Polda."""
    parts = region_code.split(".")
    prefixes = [".".join(parts[:i]) for i in range(len(parts), 0, -1)]
    return list(
        Unit.area.through.objects.filter(region_id__in=prefixes).values_list("unit_id", flat=True)
    )


def officers(viewer: Viewer) -> QuerySet[Officer]:
    """Active officers the viewer may give a case to."""
    return scoped_units(
        Officer.objects.filter(active=True), viewer, "report.triage", unit_field="unit_id"
    )


def _matching(words: list[str], *fields: str) -> Q:
    q = Q()
    for word in words:
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        q &= any_field
    return q


def assignees(viewer: Viewer, report: Report, query: str = "") -> list[Assignee]:
    """The choices for assigning ``report``: officers first (the desa's Bhabinkamtibmas
    on top, then those of the units covering the place, then the rest of the area),
    then units (those covering the place first). Without a query only the first two
    kinds of officer and the covering units are offered; with one, whoever's name,
    rank, NRP or unit name holds every word."""
    require(viewer, "report.triage")
    words = query.split()[:4]
    covering = covering_units(report.region_id)
    in_desa = Officer.villages.through.objects.filter(
        officer_id=OuterRef("pk"), region_id=report.region_id
    )
    people = officers(viewer).annotate(
        in_desa=Exists(in_desa),
        nearness=Case(
            When(Exists(in_desa), then=Value(0)),
            When(unit_id__in=covering, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
    )
    if words:
        people = people.filter(_matching(words, "name", "rank", "nrp", "unit__name"))
    else:
        people = people.filter(nearness__lt=2)
    people = people.select_related("unit").order_by("nearness", "unit__name", "name")
    units = scoped_units(
        Unit.objects.filter(active=True).exclude(level=UnitLevel.MABES),
        viewer,
        "report.triage",
        unit_field="pk",
    )
    units = units.filter(_matching(words, "name")) if words else units.filter(pk__in=covering)
    units = units.annotate(
        nearness=Case(
            When(pk__in=covering, then=Value(0)), default=Value(1), output_field=IntegerField()
        ),
        tier=Case(
            *(When(level=level, then=Value(i)) for i, level in enumerate(LEVEL_ORDER)),
            default=Value(len(LEVEL_ORDER)),
            output_field=IntegerField(),
        ),
    ).order_by("nearness", "tier", "name")
    return [
        Assignee(
            f"o:{o.pk}",
            f"{o} — {o.unit.name}" + (" · Bhabinkamtibmas desa ini" if o.in_desa else ""),
            officer=True,
        )
        for o in people[:OFFICERS_SHOWN]
    ] + [Assignee(f"u:{u.pk}", u.name, officer=False) for u in units[:UNITS_SHOWN]]
