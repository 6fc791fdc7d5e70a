"""Who is told of what turned in a desa: its Bhabinkamtibmas, the operators and the
commanders (pimpinan) of the Polsek and the Polres whose area holds it, and no one else.

Candidates are found from the units whose area names the desa or a region above it
(and the units above those); each is then checked by the area rule itself
(``viewer_for(...).covers``), so an alert never reaches someone whose pages would not
show the desa."""

from __future__ import annotations

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import Role, User
from sejuk.units.models import Unit, UnitLevel

# Alerts are the work of the units nearest the desa: a Polda or Mabes would receive
# every alert of a province or the nation, a storm no one reads.
UNIT_LEVELS = (UnitLevel.POLSEK, UnitLevel.POLRES)


def ancestors(code: str) -> list[str]:
    """ "52.01.07.2002" -> ["52", "52.01", "52.01.07", "52.01.07.2002"]."""
    parts = code.split(".")
    return [".".join(parts[: i + 1]) for i in range(len(parts))]


def units_holding(code: str) -> set[int]:
    """The Polsek and Polres whose area holds the desa (also through a unit below)."""
    found = set(
        Unit.area.through.objects.filter(region_id__in=ancestors(code)).values_list(
            "unit_id", flat=True
        )
    )
    frontier = set(found)
    while frontier:
        frontier = (
            set(
                Unit.objects.filter(pk__in=frontier, parent__isnull=False).values_list(
                    "parent_id", flat=True
                )
            )
            - found
        )
        found |= frontier
    return set(
        Unit.objects.filter(pk__in=found, level__in=UNIT_LEVELS, active=True).values_list(
            "pk", flat=True
        )
    )


def recipients(code: str) -> list[User]:
    """The people an alert about desa ``code`` goes to, in a stable order."""
    officers = User.objects.filter(
        is_active=True, roles__role=Role.BHABINKAMTIBMAS, officer__villages=code
    )
    staff = User.objects.filter(
        is_active=True,
        unit_id__in=units_holding(code),
        roles__role__in=(Role.OPERATOR, Role.PIMPINAN),
    )
    found = (officers | staff).distinct().select_related("unit", "officer").order_by("pk")
    return [u for u in found if viewer_for(u).covers("tension.read", code)]
