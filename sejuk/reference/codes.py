"""Region codes as Kemendagri writes them ("52.01.07.2002": province, kabupaten/kota,
kecamatan, desa/kelurahan): the length of a code at each level, and which codes of an
area lie inside another. Pure Python."""

from __future__ import annotations

from collections.abc import Iterable

PROVINSI = 2  # "52"
KABUPATEN = 5  # "52.01"
KECAMATAN = 8  # "52.01.07"
DESA = 13  # "52.01.07.2002"


def enclosing(code: str) -> list[str]:
    """The codes of the regions that contain ``code``, largest first."""
    parts = code.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def normalised(area: Iterable[str]) -> tuple[str, ...]:
    """The area's codes without those inside another of its codes (each region counted
    once): one look per level of a code, not one per pair of codes."""
    codes = tuple(area)
    present = set(codes)
    return tuple(c for c in codes if not any(e in present for e in enclosing(c)))
