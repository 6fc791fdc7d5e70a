"""A desa as a line of the ranking: its place, score, level and parts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sejuk.regions.models import Region

from . import score, services


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    kecamatan: str


@dataclass(frozen=True)
class Line:
    place: Place
    score: float
    level: str
    parts: list[tuple[str, str, float, str]]  # name, label, points, why
    rise: float | None = None

    @property
    def level_label(self) -> str:
        return score.LEVELS.get(self.level, self.level)

    @property
    def counted(self) -> list[tuple[str, str, float, str]]:
        """The parts that add points (the line's one-line summary names only those)."""
        return [part for part in self.parts if part[2]]


def parts_list(parts: dict[str, Any]) -> list[tuple[str, str, float, str]]:
    out = []
    for name, label in score.PART_LABELS.items():
        if name in parts:
            points, why = parts[name]
            out.append((name, label, points, why))
    return out


def places(codes: list[str]) -> dict[str, Place]:
    """Each desa's name and its kecamatan's, in one query."""
    kec = {c: c.rsplit(".", 1)[0] for c in codes}
    names = dict(
        Region.objects.filter(code__in={*codes, *kec.values()}).values_list("code", "name")
    )
    return {c: Place(c, names.get(c, c), names.get(kec[c], "")) for c in codes}


def lines(rows: list[services.Ranked]) -> list[Line]:
    found = places([r.code for r in rows])
    return [Line(found[r.code], r.score, r.level, parts_list(r.parts), r.rise) for r in rows]
