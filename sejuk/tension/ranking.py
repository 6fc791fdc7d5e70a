"""The ranking of an area's desa by tension, a page at a time, and as a file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sejuk.accounts.access import Viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid
from sejuk.params import whole_number

from . import score, services
from .lines import lines
from .models import Tension

EXPORT_LIMIT = 100_000
COLUMNS = [
    "peringkat",
    "kode_desa",
    "desa",
    "kecamatan",
    "tanggal",
    "skor",
    "tingkat",
    *score.PART_LABELS,
]


@dataclass(frozen=True)
class RankingPage:
    day: date | None
    level: str
    lines: list[Any]  # picture.Line
    number: int
    pages: int
    total: int
    first_rank: int
    levels: dict[str, str]


def _level(level: str) -> str:
    if level and level not in score.LEVELS:
        raise Invalid("Tingkat kerawanan tidak dikenal.", {"tingkat": "tidak dikenal"})
    return level


def page_of(
    area: tuple[str, ...] | None, on: date, level: str, number: object, size: int
) -> RankingPage:
    level = _level(level)
    day = services.latest_day(area, on)
    if day is None:
        return RankingPage(None, level, [], 1, 1, 0, 1, dict(score.LEVELS))
    qs = Tension.objects.filter(services.area_q(area), day=day)
    if level:
        qs = qs.filter(level=level)
    total = qs.count()
    pages = max(1, -(-total // size))
    current = min(max(whole_number(number) or 1, 1), pages)
    rows = services.ranking(area, day, size, (current - 1) * size, level)
    return RankingPage(
        day,
        level,
        lines(rows),
        current,
        pages,
        total,
        (current - 1) * size + 1,
        dict(score.LEVELS),
    )


def rows(viewer: Viewer, on: date | None, level: str) -> tuple[list[str], list[list[Any]]]:
    require(viewer, "tension.read")
    level = _level(level)
    area = viewer.region_area("tension.read")
    day = services.latest_day(area, on or today_for(viewer))
    if day is None:
        return COLUMNS, []
    found = lines(services.ranking(area, day, EXPORT_LIMIT, 0, level))
    out: list[list[Any]] = []
    for rank, line in enumerate(found, start=1):
        points = {name: p for name, _, p, _ in line.parts}
        out.append(
            [
                rank,
                line.place.code,
                line.place.name,
                line.place.kecamatan,
                day.strftime("%d/%m/%Y"),
                line.score,
                line.level_label,
                *(points.get(n, 0) for n in score.PART_LABELS),
            ]
        )
    return COLUMNS, out
