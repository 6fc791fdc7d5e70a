"""Generated officers at national scale (``sejuk generate national``): the table writer
for officers, their desa and the units' commanders.

Real ratios: fewer Bhabinkamtibmas than desa. Polri aims at one per desa and does not
reach it (about 56,000 Binmas personnel for some 74,000 desa), so one officer here often
covers two or three desa and some desa have none. Each unit also has a commander and a
few staff who log the unit's own patrols and events. Names are invented from common
given and family names across the archipelago.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import connection

from sejuk.bulk import analyze, claim_ids, insert, reset_sequences

from .models import Officer, Unit, UnitLevel

GIVEN = (
    "Agus", "Ahmad", "Andi", "Arief", "Bambang", "Budi", "Dedi", "Dimas", "Eko", "Fajar",
    "Hendra", "Ilham", "Joko", "Ketut", "Made", "Nyoman", "Rizal", "Rudi", "Slamet", "Taufik",
    "Wahyu", "Yohanes", "Yusuf", "Zainal", "Irfan", "Teuku", "Lalu", "Anak Agung", "Frans",
    "Markus", "Hasan", "Sahrul", "Muhammad", "Asep", "Ujang", "Daeng", "Benny", "Rahmat",
)  # fmt: skip
FAMILY = (
    "Saputra", "Hidayat", "Pratama", "Wijaya", "Santoso", "Nugroho", "Setiawan", "Siregar",
    "Nasution", "Harahap", "Simanjuntak", "Lubis", "Sinaga", "Pangaribuan", "Wenda", "Kogoya",
    "Rumbiak", "Manuputty", "Pattinama", "Mandagi", "Lumban", "Tarigan", "Sembiring",
    "Mahendra", "Kurniawan", "Firmansyah", "Ramadhan", "Hakim", "Tanjung", "Syahputra",
)  # fmt: skip
BHABIN_RANKS = ("Bripka", "Bripka", "Aipda", "Aipda", "Aiptu", "Brigpol", "Briptu")
STAFF: dict[str, tuple[tuple[str, str], ...]] = {
    UnitLevel.POLDA: (("Irjen", "Kapolda"), ("Kombes", "Dirbinmas"), ("Kombes", "Kabid Humas")),
    UnitLevel.POLRES: (
        ("AKBP", "Kapolres"),
        ("AKP", "Kasat Binmas"),
        ("AKP", "Kasat Samapta"),
        ("Iptu", "Kasi Humas"),
    ),
    UnitLevel.POLSEK: (("Iptu", "Kapolsek"), ("Aiptu", "Kanit Binmas"), ("Aipda", "Kanit Samapta")),
}
OFFICER_FIELDS = (
    "id", "name", "rank", "nrp", "position", "unit_id", "is_bhabinkamtibmas", "phone", "active",
    "is_demo",
)  # fmt: skip
# How many desa one Bhabinkamtibmas covers, and how often.
BEAT_SIZES = (1, 2, 3)
BEAT_WEIGHTS = (0.55, 0.30, 0.15)


@dataclass(frozen=True)
class Beat:
    """A Bhabinkamtibmas and the desa they are assigned."""

    officer_id: int
    name: str
    unit_id: int
    villages: tuple[str, ...]


@dataclass
class Staff:
    beats: list[Beat] = field(default_factory=list)
    # unit id -> its other officers (id, name as releases write it), commander first
    by_unit: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

    @property
    def officers(self) -> int:
        return len(self.beats) + sum(len(v) for v in self.by_unit.values())


def person(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def write_officers(
    rng: random.Random,
    polseks: Sequence[tuple[int, Sequence[str]]],
    units: Sequence[tuple[int, str]],
) -> Staff:
    """Bhabinkamtibmas for most desa of each Polsek (``(unit id, desa codes)``), staff
    for every unit in ``units`` (``(unit id, level)``); commanders where a unit has none.
    One transaction: tens of thousands of rows, a few seconds."""
    staff = Staff()
    rows: list[tuple[object, ...]] = []
    villages: list[tuple[int, str]] = []
    planned: list[tuple[str, str, str, int, bool, tuple[str, ...]]] = []
    for unit_id, level in units:
        for rank, position in STAFF.get(level, ()):
            planned.append((person(rng), rank, position, unit_id, False, ()))
    for unit_id, desa in polseks:
        order = list(desa)
        rng.shuffle(order)
        covered = order[: max(1, round(len(order) * rng.uniform(0.7, 0.97)))] if order else []
        i = 0
        while i < len(covered):
            size = rng.choices(BEAT_SIZES, BEAT_WEIGHTS)[0]
            beat = tuple(sorted(covered[i : i + size]))
            i += size
            planned.append(
                (person(rng), rng.choice(BHABIN_RANKS), "Bhabinkamtibmas", unit_id, True, beat)
            )
    ids = claim_ids(Officer, len(planned))
    commanders: list[tuple[int, int]] = []
    for pk, (name, rank, position, unit_id, bhabin, beat) in zip(ids, planned, strict=True):
        rows.append((pk, name, rank, "", position, unit_id, bhabin, "", True, True))
        shown = f"{rank} {name}"
        if bhabin:
            staff.beats.append(Beat(pk, shown, unit_id, beat))
            villages.extend((pk, code) for code in beat)
        else:
            if unit_id not in staff.by_unit:
                commanders.append((pk, unit_id))
            staff.by_unit.setdefault(unit_id, []).append((pk, shown))
    insert(Officer, OFFICER_FIELDS, rows)
    insert(Officer.villages.through, ("officer_id", "region_id"), villages)
    reset_sequences(Officer)
    analyze(Officer, Officer.villages.through)
    table = connection.ops.quote_name(Unit._meta.db_table)
    with connection.cursor() as cursor:
        # A generated commander only where the unit has none of its own.
        cursor.executemany(
            f"UPDATE {table} SET commander_id = %s WHERE id = %s AND commander_id IS NULL",  # noqa: S608
            commanders,
        )
    return staff


def remove_officers() -> int:
    """The generated officers (every demo officer: the generator refuses to run beside the
    demo Polres); their units lose them as commanders."""
    return Officer.objects.filter(is_demo=True).delete()[1].get(Officer._meta.label, 0)
