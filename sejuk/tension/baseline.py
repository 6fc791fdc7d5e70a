"""Baseline election vulnerability of a desa: the most specific figure an administrator
imported (desa, then kecamatan, then kabupaten), else the province's IKP 2024 that ships
with Sejuk (``ikp_2024_provinsi.csv``: Bawaslu's Indeks Kerawanan Pemilu 2024 per
province, 0-100, published December 2022, each row with its source). The four Papua
provinces formed in 2022 had no published score: they take their mother province's,
and say so."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .models import Baseline

# Provinces formed in 2022 from Papua (91) and Papua Barat (92).
MOTHER = {"93": "91", "94": "91", "95": "91", "96": "92"}


@dataclass(frozen=True)
class Figure:
    ikp: float | None
    source: str
    tps_class: str = ""


@cache
def provinces() -> dict[str, Figure]:
    text = resources.files("sejuk.tension").joinpath("ikp_2024_provinsi.csv").read_text("utf-8")
    return {
        row["kode"]: Figure(float(row["ikp_2024_skor"]), f"IKP 2024 Bawaslu, {row['sumber']}")
        for row in csv.DictReader(text.splitlines())
    }


def province_figure(code: str) -> Figure:
    shipped = provinces()
    prov = code[:2]
    if prov in shipped:
        return shipped[prov]
    mother = MOTHER.get(prov)
    if mother in shipped:
        found = shipped[mother]
        return Figure(found.ikp, f"IKP 2024 provinsi induk ({mother}), {found.source}")
    return Figure(None, "")


def imported(prefix: str | None) -> dict[str, Baseline]:
    """The imported figures that may apply under ``prefix`` (its own and its parents')."""
    qs = Baseline.objects.all()
    if prefix:
        parents = [prefix[:i] for i in (2, 5, 8, 13) if len(prefix) >= i]
        qs = qs.filter(region_code__in=parents) | qs.filter(region_code__startswith=prefix)
    return {b.region_code: b for b in qs}


def figure_for(code: str, rows: dict[str, Baseline]) -> Figure:
    """The desa's figure: the most specific imported score and TPS class, each with its
    source, over the province's shipped IKP."""
    province = province_figure(code)
    ikp, source, tps = province.ikp, province.source, ""
    for length in (5, 8, 13):  # kabupaten, kecamatan, desa: the later wins
        row = rows.get(code[:length])
        if row is None:
            continue
        if row.score is not None:
            ikp, source = row.score, row.source
        if row.tps_class:
            tps = row.tps_class
            if row.score is None:
                source = f"{source}; kelas TPS: {row.source}"
    return Figure(ikp, source, tps)


def figures(codes: list[str], rows: dict[str, Baseline]) -> dict[str, Figure]:
    """``figure_for`` of each desa code. A desa whose kecamatan and itself have no
    imported row has the figure of every such desa of its kabupaten: worked out once."""
    out: dict[str, Figure] = {}
    by_kab: dict[str, Figure] = {}
    for code in codes:
        if code[:8] in rows or code in rows:
            out[code] = figure_for(code, rows)
            continue
        kab = code[:5]
        if kab not in by_kab:
            by_kab[kab] = figure_for(code, rows)
        out[code] = by_kab[kab]
    return out
