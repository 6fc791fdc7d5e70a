"""Unit services: the default units over the region map, finding a unit by the name a
release gives it, and the officers' villages."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Count

from sejuk.errors import Invalid, NotFound
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.normalize import fold
from sejuk.nlp.police_units import parse_unit_name
from sejuk.reference.police import (
    POLDA_OVERRIDES,
    SHARED_POLRES,
    polda_name,
    polres_name,
    polsek_name,
)
from sejuk.reference.wilayah import bare_name
from sejuk.regions.models import Level, Region

from .models import HOME_LEVEL, Officer, Unit, UnitLevel

MABES_NAME = "Mabes Polri"


@dataclass(frozen=True)
class UnitLoadResult:
    created: dict[str, int]
    kept: int

    def summary(self) -> str:
        made = ", ".join(f"{n} {level}" for level, n in self.created.items())
        return f"dibuat: {made}; {self.kept} satuan yang sudah ada tidak diubah"


def load_default_units() -> UnitLoadResult:
    """Create the units the region map implies and that do not exist yet.

    A unit that exists (matched by level and the region it is named after) is left as
    it is, so an administrator's edits survive every reload. Needs the region list.
    """
    if not Region.objects.filter(level=Level.KABKOTA).exists():
        raise Invalid("Daftar wilayah belum dimuat: jalankan `sejuk regions load` dulu.")
    regions = {r.code: r for r in Region.objects.filter(level__lte=Level.KECAMATAN)}
    by_name = {r.name: r for r in regions.values() if r.level == Level.KABKOTA}
    existing = {(u.level, u.home_region_id): u for u in Unit.objects.exclude(level=UnitLevel.MABES)}
    created = {"mabes": 0, "polda": 0, "polres": 0, "polsek": 0}
    kept = len(existing)

    mabes = Unit.objects.filter(level=UnitLevel.MABES).first()
    if mabes is None:
        mabes = Unit.objects.create(name=MABES_NAME, level=UnitLevel.MABES)
        mabes.area.set([r for r in regions.values() if r.level == Level.PROVINSI])
        created["mabes"] = 1
    else:
        kept += 1

    # Where a Polres answers to another province's Polda, both Poldas' areas are listed
    # by kabupaten/kota rather than by the province.
    moved = {by_name[name].code: prov for name, prov in POLDA_OVERRIDES.items()}
    shared = {by_name[kota].code: by_name[kab].code for kota, kab in SHARED_POLRES.items()}

    poldas = _ensure(
        existing,
        UnitLevel.POLDA,
        [r for r in regions.values() if r.level == Level.PROVINSI],
        name=lambda r: polda_name(r.code, r.name),
        parent=lambda r: mabes,
        area=lambda r: _polda_area(r, regions, moved),
        created=created,
    )
    kabkota = [r for r in regions.values() if r.level == Level.KABKOTA and r.code not in shared]
    names_by_province: dict[tuple[str, str], int] = {}
    for r in regions.values():
        if r.level == Level.KABKOTA:
            key = (r.code[:2], bare_name(r.name, 2))
            names_by_province[key] = names_by_province.get(key, 0) + 1
    polres = _ensure(
        existing,
        UnitLevel.POLRES,
        kabkota,
        name=lambda r: polres_name(
            r.name,
            bare_name(r.name, 2),
            r.kind == "kota" and names_by_province[(r.code[:2], bare_name(r.name, 2))] > 1,
        ),
        parent=lambda r: poldas[moved.get(r.code, r.code[:2])],
        area=lambda r: [r, *(regions[k] for k, v in shared.items() if v == r.code)],
        created=created,
    )
    _ensure(
        existing,
        UnitLevel.POLSEK,
        [r for r in regions.values() if r.level == Level.KECAMATAN],
        name=lambda r: polsek_name(r.name),
        parent=lambda r: polres[shared.get(r.code[:5], r.code[:5])],
        area=lambda r: [r],
        created=created,
    )
    return UnitLoadResult(created, kept)


def _polda_area(
    province: Region, regions: dict[str, Region], moved: dict[str, str]
) -> list[Region]:
    gained = [regions[code] for code, prov in moved.items() if prov == province.code]
    lost = [code for code in moved if code.startswith(province.code + ".")]
    if not lost:
        return [province, *gained]
    own = [
        r
        for r in regions.values()
        if r.level == Level.KABKOTA
        and r.code.startswith(province.code + ".")
        and r.code not in lost
    ]
    return own + gained


def _ensure(
    existing: dict[tuple[str, str | None], Unit],
    level: str,
    homes: list[Region],
    *,
    name: Callable[[Region], str],
    parent: Callable[[Region], Unit],
    area: Callable[[Region], list[Region]],
    created: dict[str, int],
) -> dict[str, Unit]:
    """Create the missing units of one level; return every unit of that level by the code
    of its home region."""
    out: dict[str, Unit] = {}
    new: list[tuple[Unit, list[Region]]] = []
    for region in homes:
        unit = existing.get((level, region.code))
        if unit is None:
            unit = Unit(name=name(region), level=level, parent=parent(region), home_region=region)
            new.append((unit, area(region)))
        out[region.code] = unit
    Unit.objects.bulk_create([u for u, _ in new], batch_size=1000)
    links = [
        Unit.area.through(unit_id=u.pk, region_id=r.code) for u, regions in new for r in regions
    ]
    Unit.area.through.objects.bulk_create(links, batch_size=2000)
    created[level] = created.get(level, 0) + len(new)
    return out


@dataclass(frozen=True)
class UnitMatch:
    unit: Unit
    score: float


def find_units(query: str, within: Iterable[str] = (), limit: int = 10) -> list[UnitMatch]:
    """Units for a name as releases write it: "Polres PPU", "Polda Kaltim", "Polresta
    Sidoarjo", "Polres Bima Kota", "Polsek Sekotong". Abbreviations of the place resolve
    through the region aliases; an exact unit name or an alias an administrator gave a
    unit wins. ``within``: region codes that make a unit likelier (for Polsek names that
    repeat across the country)."""
    folded = fold(query)
    if not folded:
        return []
    scores: dict[int, float] = {}
    units: dict[int, Unit] = {}

    def offer(unit: Unit, score: float) -> None:
        if score > scores.get(unit.pk, 0.0):
            scores[unit.pk], units[unit.pk] = score, unit

    units_qs = Unit.objects.select_related("parent")
    for unit in units_qs.filter(name__iexact=query.strip()):
        offer(unit, 1.0)
    for unit in units_qs.exclude(aliases=""):
        if folded in {fold(a) for a in unit.aliases.split(",")}:
            offer(unit, 1.0)
    parsed = parse_unit_name(query)
    if parsed is not None and parsed.level == UnitLevel.MABES:
        for unit in units_qs.filter(level=UnitLevel.MABES):
            offer(unit, 1.0)
    elif parsed is not None and parsed.place:
        hits = default_gazetteer().lookup(parsed.place, level=HOME_LEVEL[parsed.level])
        codes = {h.code: h.quality for h in hits}
        regions = {r.code: r for r in Region.objects.filter(code__in=codes)}
        for unit in units_qs.filter(level=parsed.level, home_region__in=codes):
            region = regions[str(unit.home_region_id)]
            score = 0.95 * codes[region.code]
            if parsed.level == UnitLevel.POLRES and region.kind != (
                "kota" if parsed.kota else "kabupaten"
            ):
                score *= 0.8
            offer(unit, score)
    if not scores:
        for unit in units_qs.filter(name__icontains=query.strip())[:limit]:
            offer(unit, 0.5)
    within = tuple(within)
    if within:
        for pk, unit in units.items():
            area = unit.area.values_list("code", flat=True)
            if not any(_overlaps(a, w) for a in area for w in within):
                scores[pk] *= 0.8
    ranked = sorted(units, key=lambda pk: (-scores[pk], units[pk].name))
    return [UnitMatch(units[pk], round(scores[pk], 4)) for pk in ranked[:limit]]


def _overlaps(a: str, b: str) -> bool:
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def unit_area_codes(unit: Unit) -> list[str]:
    return list(unit.area.values_list("code", flat=True))


def get_unit(unit_id: int) -> Unit:
    unit = Unit.objects.select_related("parent", "home_region").filter(pk=unit_id).first()
    if unit is None:
        raise NotFound(f"Satuan dengan nomor {unit_id} tidak ditemukan.")
    return unit


def check_villages(unit: Unit, villages: Iterable[Region]) -> None:
    """A Bhabinkamtibmas is assigned desa/kelurahan inside the unit's area."""
    area = unit_area_codes(unit)
    errors = []
    for village in villages:
        if village.level != Level.DESA:
            errors.append(f"{village.name} bukan desa/kelurahan")
        elif not any(_overlaps(village.code, a) for a in area):
            errors.append(f"{village.name} ({village.code}) di luar wilayah {unit.name}")
    if errors:
        raise Invalid(
            "Desa binaan tidak sah: " + "; ".join(errors) + ".", {"villages": "; ".join(errors)}
        )


def assign_villages(officer: Officer, codes: Iterable[str]) -> None:
    codes = list(codes)
    villages = list(Region.objects.filter(code__in=codes))
    missing = set(codes) - {v.code for v in villages}
    if missing:
        raise Invalid(f"Kode wilayah tidak dikenal: {', '.join(sorted(missing))}.")
    check_villages(officer.unit, villages)
    officer.villages.set(villages)
    if villages and not officer.is_bhabinkamtibmas:
        officer.is_bhabinkamtibmas = True
        officer.save(update_fields=["is_bhabinkamtibmas"])


def unit_counts() -> dict[str, int]:
    rows = Unit.objects.filter(active=True).values("level").annotate(n=Count("id"))
    counts = {row["level"]: row["n"] for row in rows}
    return {level: counts.get(level, 0) for level in UnitLevel.values}


def unit_page(unit_id: int) -> dict[str, object]:
    unit = get_unit(unit_id)
    return {
        "unit": unit,
        "area": list(unit.area.order_by("code")),
        "children": list(unit.children.filter(active=True).order_by("name")),
        "officer_count": unit.officers.filter(active=True).count(),
        "commander": unit.commander if unit.commander and unit.commander.active else None,
    }


def set_commander(unit: Unit, name: str, rank: str) -> Officer:
    """Make the named officer of the unit its commander (created when the unit has no
    officer of that name): releases then quote "Kapolres Lombok Barat AKBP ..."."""
    name, rank = " ".join(name.split()), " ".join(rank.split())
    if not name or len(name) > 120 or len(rank) > 40:
        raise Invalid("Isi nama (maksimal 120 huruf) dan pangkat pimpinan.", {"name": "wajib"})
    officer = Officer.objects.filter(unit=unit, name=name).first()
    if officer is None:
        officer = Officer.objects.create(
            unit=unit, name=name, rank=rank, position=unit.commander_title
        )
    elif rank and officer.rank != rank:
        officer.rank = rank
        officer.save(update_fields=["rank"])
    unit.commander = officer
    unit.save(update_fields=["commander"])
    return officer


def resolve_unit(name: str) -> Unit:
    """The one unit a name means ("Polres Lombok Barat", "Polres PPU"), or an error
    listing the candidates when the name is ambiguous."""
    matches = find_units(name, limit=5)
    best = [m for m in matches if m.score == matches[0].score] if matches else []
    if not best:
        raise Invalid(f"Satuan {name!r} tidak ditemukan.", {"unit": "tidak ditemukan"})
    if len(best) > 1:
        names = ", ".join(f"{m.unit.name} (nomor {m.unit.pk})" for m in best)
        raise Invalid(
            f"Nama satuan {name!r} tidak tunggal: {names}. Sebutkan lebih lengkap.",
            {"unit": "tidak tunggal"},
        )
    return best[0].unit
