"""Places as people name them: "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"
for 52.01.07.2002. The Kemendagri code stays beside the name for whoever needs it (a title
attribute, small grey text), never instead of it."""

from __future__ import annotations

from collections.abc import Iterable

from .models import Kind, Region

_PREFIX = {
    Kind.DESA: "Desa",
    Kind.KELURAHAN: "Kel.",
    Kind.KECAMATAN: "Kec.",
    Kind.KABUPATEN: "Kab.",
    Kind.KOTA: "Kota",
    Kind.PROVINSI: "Provinsi",
}
# The long words the region list may already carry in a name ("Kabupaten Lombok Barat").
_LONG = ("Kabupaten ", "Kota ", "Kecamatan ", "Desa ", "Kelurahan ", "Provinsi ")


def _named(region: Region) -> str:
    name = region.name
    for word in _LONG:
        if name.startswith(word):
            name = name[len(word) :]
            break
    prefix = _PREFIX.get(Kind(region.kind)) if region.kind in Kind.values else None
    return f"{prefix} {name}" if prefix else name


def _up_to_kabupaten(code: str) -> list[str]:
    """52.01.07.2002 -> [52.01.07.2002, 52.01.07, 52.01]: a place, its kecamatan and its
    kabupaten (a province alone is named alone)."""
    parts = code.split(".")
    return [".".join(parts[:n]) for n in range(len(parts), min(len(parts), 2) - 1, -1)]


def place_names(codes: Iterable[str]) -> dict[str, str]:
    """Each code's name with its kecamatan and kabupaten, in one query; a code that is not
    in the region list keeps itself."""
    wanted = {c for c in codes if c}
    chains = {code: _up_to_kabupaten(code) for code in wanted}
    every = {c for chain in chains.values() for c in chain}
    regions = {
        r.code: r for r in Region.objects.filter(code__in=every).only("code", "name", "kind")
    }
    names: dict[str, str] = {}
    for code, chain in chains.items():
        if code not in regions:
            names[code] = code
            continue
        names[code] = ", ".join(_named(regions[c]) for c in chain if c in regions)
    return names


def with_places_above(code: str) -> tuple[dict[str, Region], str]:
    """The region of ``code``, its kecamatan and its kabupaten by code, and the places
    above it as people name them ("Kec. Sekotong, Kab. Lombok Barat"), in one query."""
    chain = _up_to_kabupaten(code)
    regions = {r.code: r for r in Region.objects.filter(code__in=chain).defer("boundary")}
    return regions, ", ".join(_named(regions[c]) for c in chain[1:] if c in regions)


def place_name(code: str) -> str:
    return place_names([code]).get(code, code)
