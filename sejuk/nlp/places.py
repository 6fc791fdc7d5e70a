"""Where the activity or incident happened: the most specific Kemendagri code the text
makes consistent.

Each candidate region is scored by how much of its path the text names: its own name
and the names of its kecamatan, kabupaten/kota and province, each name used once, each
weighed by ``mentions`` (a cue word, a capital where a capital means a name). The acting
unit's area adds a little (the unit's home town is not where every activity happens),
the user's ``area`` more (a Polsek Sekotong officer's "Desa Pelangan" is the one in
Lombok Barat). The best path wins; a deepest level the text only hints at is dropped.

Two cases are decided on purpose:
- one address that contradicts itself ("Desa X, Kecamatan Y" where X lies in another
  kecamatan): the more specific name wins and the record says so;
- several separate addresses in one kabupaten (a patrol through four villages): the place
  is what they share, their lowest common region.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, reduce

from rapidfuzz import fuzz, process

from sejuk.reference.wilayah import DESA, KABKOTA, KECAMATAN, LEVEL_NAMES, PROVINSI, RegionRecord

from .document import Document, watch
from .gazetteer import CUES, Gazetteer, Hit
from .mentions import CUE_WEIGHT, Dusun, PlaceMention
from .normalize import compact
from .record import Evidence, Place, Unit

_LOW_CUES = watch(frozenset(w for w, (level, _) in CUES.items() if level in (KECAMATAN, DESA)))
_PREFIX_LEN = {PROVINSI: 2, KABKOTA: 5, KECAMATAN: 8, DESA: 13}
# For a code of each length: its levels, most specific first, with the length of the
# code of each (a desa's "52.01.07.2002" is at level 4, its kecamatan's at 3, ...).
_LEVELS_OF = {
    n: tuple((level, cut) for level, cut in reversed(_PREFIX_LEN.items()) if cut <= n)
    for n in _PREFIX_LEN.values()
}
# The least a level's own name must weigh to be kept as the most specific level.
_KEEP = {PROVINSI: 0.5, KABKOTA: 0.5, KECAMATAN: 0.9, DESA: 1.0}
UNIT_SUPPORT = 1.0
# Support from a unit above the acting one, by the length of its region code.
_CHAIN_SUPPORT = {2: 0.4, 5: 0.8, 8: 0.9}
AREA_SUPPORT = 1.5
_WHY_LEVEL = {
    PROVINSI: "nama provinsi",
    KABKOTA: "nama kabupaten/kota",
    KECAMATAN: "nama kecamatan",
    DESA: "nama desa/kelurahan",
}


def _level(code: str) -> int:
    return code.count(".") + 1


def _ancestor(code: str, level: int) -> str:
    return code[: _PREFIX_LEN[level]]


def _within(code: str, parent: str) -> bool:
    """``code`` is ``parent`` or lies inside it ("52.01.07" in "52.01", not in "52.0")."""
    return code.startswith(parent) and (len(code) == len(parent) or code[len(parent)] == ".")


@dataclass
class _Chain:
    code: str
    score: float
    used: dict[int, tuple[int, float]]  # level -> (mention index, weight)
    first: int  # the first token of the names it uses (the earlier wins a tie)


class PlaceResolver:
    def __init__(
        self,
        gaz: Gazetteer,
        mentions: Sequence[PlaceMention],
        unit: Unit | None,
        area: Sequence[str],
    ) -> None:
        self.gaz = gaz
        self.mentions = list(mentions)
        self.unit = unit
        self.area = tuple(area)
        self.ambiguous: list[str] = []
        self._support: dict[str, float] = {}
        self._index()

    def _index(self) -> None:
        index: dict[str, list[tuple[int, float]]] = {}
        for k, m in enumerate(self.mentions):
            for hit, weight in zip(m.hits, m.weights, strict=True):
                index.setdefault(hit.code, []).append((k, weight))
        self.index = index

    def chain(self, code: str) -> _Chain:
        used: dict[int, tuple[int, float]] = {}
        taken: set[int] = set()
        score = 0.0
        first = 1 << 30
        groups: list[int] = []
        for level, cut in _LEVELS_OF[len(code)]:
            best: tuple[int, float] | None = None
            for k, w in self.index.get(code[:cut], ()):
                if k not in taken and (best is None or w > best[1]):
                    best = (k, w)
            if best is not None:
                taken.add(best[0])
                used[level] = best
                score += best[1]
                mention = self.mentions[best[0]]
                first = min(first, mention.first)
                groups.append(mention.group)
        score += self.support(code)
        # Names given together as one address back each other up.
        if len(groups) > len(set(groups)):
            score += 0.5 * (len(groups) - len(set(groups)))
        return _Chain(code, score, used, first)

    def support(self, code: str) -> float:
        """What the acting unit (and the units above it in its chain) and the user's area
        say for a region: the region lies in them, or they in it. (Remembered per code:
        the chains of one text ask for the same regions again.)"""
        known = self._support.get(code)
        if known is None:
            known = self._support[code] = self._support_of(code)
        return known

    def _support_of(self, code: str) -> float:
        out = 0.0
        if self.unit is not None:
            chain = [c for c in self.unit.chain_codes if _related(code, c)]
            if self.unit.region_code and _related(code, self.unit.region_code):
                out += UNIT_SUPPORT
            elif chain:
                # The deepest unit of the chain that vouches for it: a Polres's kabupaten
                # says more than a Polda's province (a village name the country repeats
                # may be unique in the kabupaten).
                out += UNIT_SUPPORT * _CHAIN_SUPPORT.get(max(map(len, chain)), 0.8)
            elif (
                self.unit.level == "polsek"
                and self.unit.region_code
                and _related(code, self.unit.region_code[:5])
            ):
                # A Polsek works in its Polres's kabupaten, mostly in its own kecamatan.
                out += UNIT_SUPPORT * 0.5
        if self.area and any(_related(code, a) for a in self.area):
            out += AREA_SUPPORT
        return out

    def _keep(self, code: str) -> float:
        """The least a level's own name must weigh; half for a desa or kelurahan inside the
        acting Polsek's kecamatan ("Bhabinkamtibmas Paseban" of Polsek Senen)."""
        level = _level(code)
        unit = self.unit
        if (
            level == DESA
            and unit is not None
            and unit.level == "polsek"
            and unit.region_code
            and code.startswith(unit.region_code + ".")
        ):
            return _KEEP[level] * 0.5
        return _KEEP[level]

    def own(self, chain: _Chain, level: int) -> float:
        if level not in chain.used:
            # A level no name gives is still kept when the unit or the area vouch for it.
            return _KEEP[level] if self.support(_ancestor(chain.code, level)) else 0.0
        k, w = chain.used[level]
        group = self.mentions[k].group
        coherent = any(
            self.mentions[j].group == group for lv, (j, _) in chain.used.items() if lv < level
        )
        return w * (2.0 if coherent else 1.0)

    def _more_specific(self, top: _Chain, chains: list[_Chain]) -> _Chain:
        """ "Desa X, Kecamatan Y" where X lies in another kecamatan of the kabupaten: the
        more specific name wins, also when the acting Polsek's kecamatan backs Y (the
        unit's support is all that puts Y ahead). Only for a name with a cue word that
        one region of the kabupaten bears."""
        level = _level(top.code)
        if level not in top.used or level >= DESA:
            return top
        group = self.mentions[top.used[level][0]].group
        deeper = []
        for c in chains:
            lv = _level(c.code)
            if lv <= level or c.code[:5] != top.code[:5] or lv not in c.used:
                continue
            m = self.mentions[c.used[lv][0]]
            if m.group == group and m.cued and c.score >= top.score - UNIT_SUPPORT - 1e-6:
                deeper.append(c)
        return deeper[0] if len({c.code for c in deeper}) == 1 else top

    def _places_apart(self, ties: list[str]) -> bool:
        """Tied places with names of their own, each named with a cue word, that share a
        kecamatan or a deeper region."""
        names = {self.gaz.regions[c].name for c in ties}
        common = reduce(_common, ties)
        if len(names) < len(ties) or not common or _level(common) < KECAMATAN:
            return False
        for c in ties:
            used = self.chain(c).used.get(_level(c))
            if used is None or not self.mentions[used[0]].cued:
                return False
        return True

    def best(self) -> _Chain | None:
        if not self.index:
            return None
        chains = [self.chain(code) for code in self.index]
        top = max(chains, key=lambda c: (round(c.score, 6), len(c.code), -c.first))
        top = self._more_specific(top, chains)
        ties = [
            c.code
            for c in chains
            if abs(c.score - top.score) < 1e-6 and _level(c.code) == _level(top.code)
        ]
        self.ambiguous = ties if len(ties) > 1 else []
        code = top.code
        if self.ambiguous:
            # Same-named places that nothing else in the text tells apart: keep what they
            # share, if anything.
            code = reduce(_common, ties)
            if not code:
                return None
            top = self.chain(code)
            if self._places_apart(ties):
                # "menyusuri Desa A dan Desa B": two places named, the region holding
                # both is where it happened, as deep as it goes.
                return top
        while _level(code) > PROVINSI and self.own(top, _level(code)) < self._keep(code):
            code = code[: code.rfind(".")]
        if code != top.code:
            top = self.chain(code)
        if self.own(top, _level(code)) < _KEEP[_level(code)] and not top.used:
            return None
        return top


def resolve_place(
    doc: Document,
    gaz: Gazetteer,
    mentions: Sequence[PlaceMention],
    dusun: Sequence[Dusun],
    unit: Unit | None,
    area: Sequence[str] = (),
) -> Place | None:
    resolver = PlaceResolver(gaz, mentions, unit, area)
    best = resolver.best()
    if best is not None:
        extra = _fuzzy_cued(doc, gaz, resolver.mentions, best.code[:5])
        if extra:
            resolver = PlaceResolver(gaz, [*mentions, *extra], unit, area)
            best = resolver.best() or best
    if best is None:
        return _from_unit(gaz, unit, resolver.ambiguous)
    notes: list[str] = []
    if resolver.ambiguous:
        notes.append(_ambiguity(gaz, resolver.ambiguous))
    code, members = _spread(resolver, best, notes)
    village = _dusun_that_is_a_desa(gaz, dusun, code)
    if village is not None:
        code, hamlet_as_desa = village
    else:
        hamlet_as_desa = None
    region = gaz.regions[code]
    evidence = [
        Evidence(m.start, m.end, m.surface, _why(resolver.mentions[k], lvl))
        for lvl, (k, _) in sorted(best.used.items())
        if (m := resolver.mentions[k]) is not None and lvl <= _level(code)
    ]
    for k in members:
        m = resolver.mentions[k]
        evidence.append(Evidence(m.start, m.end, m.surface, "tempat lain dalam kegiatan yang sama"))
    if hamlet_as_desa is not None:
        evidence.append(
            Evidence(hamlet_as_desa.start, hamlet_as_desa.end, hamlet_as_desa.name, _DUSUN_DESA)
        )
    hamlet = _dusun_for(doc, dusun, best, resolver) if region.level == DESA else None
    if hamlet is not None and hamlet is not hamlet_as_desa:
        evidence.append(Evidence(hamlet.start, hamlet.end, hamlet.name, "nama dusun (tanpa kode)"))
    return Place(
        code,
        region.name,
        region.kind,
        gaz.path(code),
        hamlet.name if hamlet else None,
        tuple(sorted(evidence, key=lambda e: e.start)),
        tuple(notes),
    )


_DUSUN_DESA = "nama desa yang di daerah itu disebut dusun"


def _dusun_that_is_a_desa(
    gaz: Gazetteer, dusun: Sequence[Dusun], code: str
) -> tuple[str, Dusun] | None:
    """Where villages are called "dusun" (Tebo and Bungo in Jambi), "Dusun Teluk Kuali,
    Kecamatan Tebo Ulu" names a desa: a place resolved to a kecamatan goes down to the
    desa of that name inside it, when there is exactly one."""
    if _level(code) != KECAMATAN:
        return None
    for d in dusun:
        inside = {h.code for h in gaz.lookup(d.name, level=DESA, within=code)}
        if len(inside) == 1:
            return inside.pop(), d
    return None


def _spread(resolver: PlaceResolver, best: _Chain, notes: list[str]) -> tuple[str, list[int]]:
    """Note a name of the same address that contradicts the place (the more specific name
    wins); widen to the common region when separate addresses name different places in
    one kabupaten."""
    code = best.code
    own_groups = {resolver.mentions[k].group for k, _ in best.used.values()}
    used = {k for k, _ in best.used.values()}
    members: list[int] = []
    for k, m in enumerate(resolver.mentions):
        if k in used or not m.cued or m.weight < CUE_WEIGHT * 0.9:
            continue
        if any(_related(code, h.code) for h in m.hits):
            continue
        if m.group in own_groups:
            region = resolver.gaz.regions[code]
            notes.append(
                f"{m.surface} tidak membawahi {region.name}; dipakai nama yang lebih rinci"
            )
            continue
        if _level(code) < KECAMATAN:
            continue
        kab = code[:5]
        inside = [h.code for h in m.hits if _within(h.code, kab) and _level(h.code) >= KECAMATAN]
        if inside:
            code = _common(code, max(inside, key=lambda c: resolver.chain(c).score))
            members.append(k)
    return code, members


def _related(a: str, b: str) -> bool:
    return _within(a, b) or _within(b, a)


def _common(a: str, b: str) -> str:
    parts_a, parts_b = a.split("."), b.split(".")
    same = []
    for x, y in zip(parts_a, parts_b, strict=False):
        if x != y:
            break
        same.append(x)
    return ".".join(same)


def _fuzzy_cued(
    doc: Document, gaz: Gazetteer, mentions: Sequence[PlaceMention], kab: str
) -> list[PlaceMention]:
    """A name after a cue word that matches nothing exactly ("Desa Sekotong Barrat"):
    the closest name of that level inside the kabupaten the rest of the text points to."""
    covered = {m.first for m in mentions}
    out: list[PlaceMention] = []
    toks = doc.tokens
    for i in doc.positions(_LOW_CUES):
        tok = toks[i]
        cue = CUES.get(tok.text)
        if cue is None or i + 1 >= len(toks) or i + 1 in covered:
            continue
        if doc.is_skipped(i) or not doc.is_capitalized(i + 1):
            continue
        end = i + 1
        while (
            end < len(toks)
            and end - i <= 3
            and doc.is_capitalized(end)
            and toks[end].text not in CUES
            and (end == i + 1 or not doc.gaps[end].strip())
        ):
            end += 1
        phrase = compact(doc.span_text(i + 1, end))
        if len(phrase) < 5:
            continue
        names, codes = _names_in(gaz, kab, cue[0])
        found = process.extractOne(phrase, names, scorer=fuzz.ratio, score_cutoff=85)
        if found is None:
            continue
        hit = Hit(codes[found[0]], "fuzzy", round(found[1] / 100, 3))
        start, stop = toks[i + 1].start, toks[end - 1].end
        out.append(
            PlaceMention(
                i + 1,
                end,
                start,
                stop,
                doc.text[start:stop],
                (hit,),
                (CUE_WEIGHT * 0.8 * hit.quality,),
                True,
                -i,
            )
        )
    return out


@lru_cache(maxsize=4096)
def _names_in(gaz: Gazetteer, kab: str, level: int) -> tuple[tuple[str, ...], dict[str, str]]:
    """The compact names of the kecamatan or desa of a kabupaten, and name -> code
    (remembered: reports from one area keep naming the same kabupaten)."""
    codes = {compact(r.name): r.code for r in _regions_in(gaz, kab, level)}
    return tuple(codes), codes


def _regions_in(gaz: Gazetteer, kab: str, level: int) -> list[RegionRecord]:
    out = []
    for kec in gaz.children(kab):
        if level == KECAMATAN:
            out.append(kec)
        else:
            out.extend(gaz.children(kec.code))
    return out


def _dusun_for(
    doc: Document, dusun: Sequence[Dusun], best: _Chain, resolver: PlaceResolver
) -> Dusun | None:
    if not dusun:
        return None
    if DESA in best.used:
        desa = resolver.mentions[best.used[DESA][0]]
        before = [d for d in dusun if d.end <= desa.start and desa.start - d.end <= 40]
        if before:
            return before[-1]
    return dusun[0]


def _why(m: PlaceMention, level: int) -> str:
    what = _WHY_LEVEL[level]
    if m.cued:
        return f"{what} dengan kata penanda"
    return what


def _ambiguity(gaz: Gazetteer, codes: Sequence[str]) -> str:
    names = sorted({gaz.regions[c].name for c in codes})
    if len(names) > 1 and len(names) == len(codes):
        return f"beberapa tempat disebut ({', '.join(names)}): dipakai wilayah yang mencakupnya"
    return (
        f"{', '.join(names)}: nama ini ada di {len(codes)} wilayah yang tidak dapat "
        "dibedakan dari teks"
    )


def _from_unit(gaz: Gazetteer, unit: Unit | None, ambiguous: Sequence[str] = ()) -> Place | None:
    if unit is None or not unit.region_code:
        return None
    region = gaz.regions[unit.region_code]
    extra = (_ambiguity(gaz, ambiguous),) if ambiguous else ()
    return Place(
        region.code,
        region.name,
        region.kind,
        gaz.path(region.code),
        None,
        unit.evidence[:1],
        (
            *extra,
            f"tempat tidak disebut; dipakai wilayah {unit.name} ({LEVEL_NAMES[region.level]})",
        ),
    )
