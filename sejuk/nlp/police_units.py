"""The police unit that ran the activity (or handled the incident), from the text; and a
unit's name read back into its level and place (``parse_unit_name``, for unit search).

Releases name units in many ways: "Polsek Sekotong", "Polres OKU Selatan", "Polresta
Sidoarjo", "Kepolisian Daerah (Polda) Jawa Timur", "Kapolres Bima", "Sat Binmas Polres
Padang Lawas", "Mapolres Lombok Barat", "Kapolri", and chains that give the hierarchy:
"Polsek Gerung, Polres Lombok Barat, Polda NTB". Each mention gets a role from the words
around it, and the role a weight:

- an actor: a sub-unit or officers of it ("Sat Samapta Polres ...", "personel Polsek
  ...", "jajaran Polsek ..."), or the unit as the subject of a verb;
- its chief ("Kapolres X"), less when the chief only speaks "melalui" a spokesman;
- its headquarters ("Mapolres X"), its press office ("Kasi Humas Polres X"), a
  dateline: little;
- a former chief ("mantan Kapolres X"): nothing.

In a chain only the lowest unit acts; the others place it (of the kecamatan that share a
Polsek's name, it is the one in the Polres the chain names). The unit with the most
weight is the one that acted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from sejuk.reference.police import POLDA_NAMES, POLRES_NAMES
from sejuk.reference.wilayah import KABKOTA, KECAMATAN, PROVINSI

from .document import Document, watch
from .gazetteer import Gazetteer
from .normalize import fold, words
from .phrases import word_table
from .record import Evidence, Unit

LEVEL_RANK = {"mabes": 0, "polda": 1, "polres": 2, "polsek": 3}
# Folded unit words: (level, how the name is written, role of the word itself).
UNIT_WORDS: dict[str, tuple[str, str, str]] = {}
for _word, _level, _prefix in (
    ("polda", "polda", "Polda"),
    ("polres", "polres", "Polres"),
    ("polresta", "polres", "Polresta"),
    ("polrestabes", "polres", "Polrestabes"),
    ("polsek", "polsek", "Polsek"),
    ("polsubsektor", "polsek", "Polsubsektor"),
):
    UNIT_WORDS[_word] = (_level, _prefix, "unit")
    UNIT_WORDS["ka" + _word] = (_level, _prefix, "chief")
    UNIT_WORDS["waka" + _word] = (_level, _prefix, "chief")
    UNIT_WORDS["ma" + _word] = (_level, _prefix, "hq")
MABES_WORDS = words("""
    mabes kapolri wakapolri kabaharkam baharkam bareskrim kabareskrim korbinmas
    kakorbinmas divhumas kadivhumas
    """)
# "Kepolisian Resor (Polres) Dompu": the spelled-out names.
SPELLED = {"daerah": ("polda", "Polda"), "resor": ("polres", "Polres"),
           "resort": ("polres", "Polres"), "sektor": ("polsek", "Polsek")}  # fmt: skip
_STARTS = watch(frozenset(UNIT_WORDS) | MABES_WORDS | {"kepolisian", "kepala"})
HOME_LEVEL = {"polda": PROVINSI, "polres": KABKOTA, "polsek": KECAMATAN}

# Words just before a unit that make it the one acting: its sub-units and officers.
ACTOR_BEFORE = words("""
    sat satuan unit tim personel personil anggota jajaran bhabinkamtibmas piket direktorat
    ditbinmas ditsamapta ditintelkam satgas subsatgas regu kanit kasat satbinmas
    satsamapta satintelkam satreskrim satlantas samapta sabhara binmas intelkam reskrim
    lantas polairud dari oleh polwan babinkamtibmas brimob kbo panit dir satpolairud
    """)
PRESS_BEFORE = words("humas kasihumas kasubsihumas bidhumas kabidhumas hms")
VERB_AFTER = words("""
    gelar terus hadir sambangi laksanakan lakukan intensifkan tingkatkan perkuat melalui
    bersama siap rutin kembali juga pun bersinergi
    """)

# Verbs that follow a unit in a Title Case headline: a capitalised name stops before them
# ("Polsek Kawasan Bandara Laksanakan Sambang").
_HEADLINE_VERBS = VERB_AFTER | words("""
    ajak imbau himbau hadiri amankan kawal beri berikan jaga pantau cek sosialisasikan
    edukasi silaturahmi bagikan dukung cegah pastikan perketat mediasi fasilitasi terima
    ungkap tangkap gencarkan sampaikan dengarkan datangi kunjungi sapa patroli giat
    """)


class UnitMention(NamedTuple):
    first: int  # tokens [first, last) of the whole name
    last: int
    level: str
    prefix: str  # "Polres", "Polresta", ...
    place: str  # the place words as written ("" for Mabes)
    kota: bool
    candidates: tuple[str, ...]  # region codes the place words may name
    role: str  # actor, chief, speaker, hq, press, dateline, unit
    weight: float


@cache
def _polres_by_name() -> dict[str, str]:
    """Folded special Polres names ("polresta barelang") -> official kab/kota name. A
    name joined by "dan" also goes by its first part: "Polresta Pulau Ambon" (the
    capitalised place words of a mention stop at the lower-case "dan")."""
    out = {}
    for region, name in POLRES_NAMES.items():
        out[fold(name)] = region
        if " dan " in name:
            out[fold(name.split(" dan ")[0])] = region
    return out


def find_unit_mentions(doc: Document, gaz: Gazetteer) -> list[UnitMention]:
    out: list[UnitMention] = []
    after = -1
    for i in doc.positions(_STARTS):
        if i < after or doc.skipped[i]:
            continue
        found = _mention_at(doc, gaz, i)
        if found is None:
            continue
        if found.weight > 0:
            out.append(found)
        after = found.last
    return out


def _mention_at(doc: Document, gaz: Gazetteer, i: int) -> UnitMention | None:
    toks = doc.tokens
    word = toks[i].text
    if word in MABES_WORDS:
        last = i + 1
        if last < len(toks) and toks[last].text == "polri":
            last += 1
        return _finish(
            doc,
            UnitMention(
                i,
                last,
                "mabes",
                "Mabes Polri",
                "",
                False,
                (),
                "chief" if word.startswith(("ka", "waka")) else "unit",
                0,
            ),
        )
    role_word = "unit"
    if word in UNIT_WORDS:
        level, prefix, role_word = UNIT_WORDS[word]
        j = i + 1
    elif word == "kepolisian" and i + 1 < len(toks) and toks[i + 1].text in SPELLED:
        level, prefix = SPELLED[toks[i + 1].text]
        j = i + 2
        if i > 0 and toks[i - 1].text == "kepala":
            role_word = "chief"
    elif word == "kepala" and i + 1 < len(toks) and toks[i + 1].text in UNIT_WORDS:
        level, prefix, _ = UNIT_WORDS[toks[i + 1].text]
        role_word, j = "chief", i + 2
    else:
        return None
    # "Kepolisian Daerah (Polda) Jatim", "Kepala Polres (Kapolres) Sumbawa Barat".
    while j < len(toks) and toks[j].text in UNIT_WORDS and UNIT_WORDS[toks[j].text][0] == level:
        j += 1
    if level == "polres" and j < len(toks) and toks[j].text in ("kota", "metro"):
        if toks[j].text == "kota" and j + 1 < len(toks) and toks[j + 1].text == "besar":
            prefix, j = "Polrestabes", j + 2
        elif toks[j].text == "kota":
            prefix, j = "Polresta", j + 1
        elif _place_at(doc, gaz, j + 1, level):
            prefix, j = "Polres Metro", j + 1
    if level == "polda" and [t.text for t in toks[j : j + 2]] == ["metro", "jaya"]:
        # Polda Metro Jaya: the Jakarta area, named after no region.
        codes = tuple(c for c, n in POLDA_NAMES.items() if "Metro" in n)
        return _finish(
            doc,
            UnitMention(
                i, j + 2, level, prefix, doc.span_text(j, j + 2), False, codes, role_word, 0
            ),
        )
    place = _place_at(doc, gaz, j, level)
    if place is None:
        return None
    end, codes = place
    kota = False
    if (
        level == "polres"
        and end < len(toks)
        and toks[end].text == "kota"
        and not doc.gaps[end].strip()
    ):
        kota, end = True, end + 1
    name = doc.span_text(j, end - (1 if kota else 0))
    if prefix == "Polrestabes":
        kota = True
    full = " ".join([prefix.lower(), *doc.folded[j:end]])
    special = _polres_by_name().get(full)
    if level == "polres" and special is None and not codes and not kota:
        # Capitalised words run on in a Title Case headline ("Polresta Pulau Ambon Gelar
        # Doa Bersama"): the longest special name they start with.
        for cut in range(end - 1, j, -1):
            special = _polres_by_name().get(" ".join([prefix.lower(), *doc.folded[j:cut]]))
            if special is not None:
                end, name = cut, doc.span_text(j, cut)
                break
    if level == "polres" and special is not None:
        codes = tuple(
            h.code
            for h in gaz.lookup(special, level=KABKOTA)
            if gaz.regions[h.code].name == special
        )
    else:
        codes = _narrow_kind(codes, kota, prefix)
    return _finish(doc, UnitMention(i, end, level, prefix, name, kota, codes, role_word, 0))


def _place_at(
    doc: Document, gaz: Gazetteer, j: int, level: str
) -> tuple[int, tuple[str, ...]] | None:
    """The place words after a unit word: the longest run naming a region at the unit's
    level (aliases included), or else the words written with a capital."""
    toks = doc.tokens
    if j >= len(toks) or doc.sent_of[j] != doc.sent_of[j - 1]:
        return None
    want = HOME_LEVEL[level]
    levels = (want,) if level != "polsek" else (KECAMATAN, 4, KABKOTA)
    limit = min(len(toks), j + 5)
    # A name does not run across punctuation: the longest run ends at the first mark,
    # but for the full stop of "Kep." (Kepulauan) inside it.
    reach = next(
        (
            k
            for k in range(j + 1, limit)
            if doc.punctuated[k]
            and not (doc.folded[k - 1] == "kep" and doc.gaps[k] == ". ")
            and doc.gaps[k] != "-"  # "Tojo Una-Una", "Toli-Toli"
        ),
        limit,
    )
    # The runs from j that name some region, found word by word while a longer name
    # could still follow; then tried from the longest.
    # Place words shortened inside the name are read spelled out: "Polsek Tnh Abang".
    texts = [
        w if w in _PLACE_WORDS else f
        for f, w in zip(doc.folded[j:reach], doc.words[j:reach], strict=True)
    ]
    runs: list[tuple[int, str]] = []
    key = ""
    for end in range(j + 1, reach + 1):
        key += texts[end - 1 - j]
        if gaz.lookup_key(key):
            runs.append((end, key))
        if not gaz.continues(key):
            break
    if level == "polsek" and texts[:1] == ["kota"] and [e for e, _ in runs] == [j + 1]:
        town = _town_after_kota(doc, gaz, j, level)
        if town is not None:
            return town
    for end, key in reversed(runs):
        last = texts[end - 1 - j]
        # "Bima Kota" is Polres Bima of the kota; but "Limapuluh Kota" is one name.
        shorter = any(
            e == end - 1 and any(gaz.lookup_key(k, level=lvl) for lvl in levels) for e, k in runs
        )
        if last in UNIT_WORDS or (last == "kota" and end - 1 > j and shorter):
            continue
        for lvl in levels:
            hits = gaz.lookup_key(key, level=lvl)
            if hits:
                codes = tuple(h.code for h in hits)
                if lvl == 4:
                    codes = tuple(sorted({c[:8] for c in codes}))
                return end, codes
    # "Polres Pulau Buru": the island of the kabupaten Buru.
    if doc.folded[j] == "pulau":
        island = _place_at(doc, gaz, j + 1, level)
        if island is not None and island[1]:
            return island
    # Not in the list: the capitalised words (a Polsek named after a town, not a kecamatan).
    end = j
    while (
        end < limit
        and doc.is_capitalized(end)
        and toks[end].text not in UNIT_WORDS
        and toks[end].text not in _TITLES
        and (end == j or not _breaks(doc, end))
        and doc.folded[end] not in _HEADLINE_VERBS  # "Kapolres Cek Kesiapan TPS": no name
        and toks[end].text.isalpha()
    ):
        end += 1
    if end == j or level == "polda":
        return None
    return end, ()


# Words of place names that field reports shorten ("tnh", "tjg", "kbn"; the shorthand
# table spells them out).
_PLACE_WORDS = frozenset({"tanah", "tanjung", "kebon", "kampung", "bukit", "sungai"})

# Titles and ranks end a unit's name: "Polres Pulau Buru AKBP ...".
_TITLES = frozenset(word_table("titles"))


def _town_after_kota(
    doc: Document, gaz: Gazetteer, j: int, level: str
) -> tuple[int, tuple[str, ...]] | None:
    """ "Polsek Kota Selong", "Polsek Kota Bangkinang": the Polsek of a kabupaten's
    main town, the kecamatan "Selong" or "Bangkinang Kota", not a kecamatan "Kota"
    elsewhere. "Polsek Kota Kediri" stays in Kota Kediri."""
    inner = _place_at(doc, gaz, j + 1, level)
    if inner is None or not inner[1]:
        return None
    end, codes = inner
    key = "".join(doc.folded[j + 1 : end])
    if gaz.lookup_key("kota" + key, level=KABKOTA):
        return None
    with_kota = gaz.lookup_key(key + "kota", level=KECAMATAN)
    return end, tuple(h.code for h in with_kota) if with_kota else codes


def _breaks(doc: Document, k: int) -> bool:
    """Punctuation between token ``k`` and the one before: a name does not run across."""
    return doc.punctuated[k]


def _narrow_kind(codes: tuple[str, ...], kota: bool, prefix: str) -> tuple[str, ...]:
    """ "Polres Bima" is the kabupaten, "Polres Bima Kota" and Polrestabes the kota."""
    if len(codes) < 2:
        return codes
    want_kota = kota or prefix == "Polrestabes"
    fit = tuple(c for c in codes if c.count(".") == 1 and (int(c[3:5]) >= 71) == want_kota)
    return fit or codes


def _finish(doc: Document, m: UnitMention) -> UnitMention:
    """Give a mention its role and weight from the words around it."""
    s = doc.sentence(m.first)
    before = doc.first_words[max(s.first, m.first - 3) : m.first]
    if "mantan" in before or "eks" in before:
        return _with(m, "former", 0.0)
    role, weight = "unit", 0.8
    last_before = before[-1] if before else ""
    if m.role == "hq":
        role, weight = "hq", 0.5
    elif last_before in PRESS_BEFORE or last_before.startswith("humas"):
        role, weight = "press", 0.3
    elif m.role == "chief":
        after = doc.first_words[m.last : m.last + 10]
        role, weight = ("speaker", 0.4) if "melalui" in after else ("chief", 0.7)
    elif not _COMPANY.isdisjoint(before) and m.first > s.first + 3:
        # "Kapolsek Cibeber bersama personel Brimob Polda Jabar": the force that came
        # along with the one in charge
        role, weight = "company", 0.3
    elif last_before in ACTOR_BEFORE or _subject(doc, m):
        role, weight = "actor", 1.2
    if s.role == "headline" or s.number <= min(doc.lead, default=0) + 1:
        weight *= 1.5
    starts_line = m.first == 0 or "\n" in doc.gaps[m.first]
    if starts_line and not _DASHES.isdisjoint(doc.gaps[m.last]):
        role, weight = "dateline", 0.3
    return _with(m, role, weight)


_DASHES = frozenset("-–—")
_COMPANY = frozenset({"bersama", "beserta", "dibantu", "didukung", "dibackup", "bantuan"})


def _subject(doc: Document, m: UnitMention) -> bool:
    if doc.clause_start(m.first) != m.first or m.last >= len(doc.words):
        return False
    nxt = doc.first_words[m.last]
    return nxt in VERB_AFTER or nxt.startswith(("me", "ber", "di", "ter"))


def _with(m: UnitMention, role: str, weight: float) -> UnitMention:
    return UnitMention(
        m.first, m.last, m.level, m.prefix, m.place, m.kota, m.candidates, role, weight
    )


# -- choosing the acting unit -------------------------------------------------------


def chains(doc: Document, mentions: Sequence[UnitMention]) -> list[list[UnitMention]]:
    """Runs of units named one after another ("Polsek A, Polres B, Polda C")."""
    out: list[list[UnitMention]] = []
    for m in mentions:
        if out:
            prev = out[-1][-1]
            close = m.first - prev.last <= 1 and doc.sent_of[m.first] == doc.sent_of[prev.first]
            between = doc.words[prev.last] if m.first - prev.last == 1 else ""
            if close and m.level != prev.level and between in ("", "jajaran", "dan"):
                out[-1].append(m)
                continue
        out.append([m])
    return out


def choose_unit(
    doc: Document,
    gaz: Gazetteer,
    mentions: Sequence[UnitMention],
    votes: dict[str, float],
    area: Sequence[str] = (),
) -> Unit | None:
    """The unit that acted: the most weight over all its mentions, lowest level first
    among equals."""
    scores: dict[tuple[str, str], float] = {}
    evidence: dict[tuple[str, str], list[Evidence]] = {}
    first_seen: dict[tuple[str, str], int] = {}
    resolved: dict[
        tuple[str, str], tuple[UnitMention, str | None, tuple[str, ...], tuple[str, ...]]
    ] = {}
    # Units above named anywhere in the text place a Polsek of a common name ("Kapolres
    # Lampung Timur" in the header, "Polsek Sukadana" below).
    above = tuple(
        c for u in mentions if u.level in ("polda", "polres") and len(u.candidates) == 1
        for c in u.candidates
    )  # fmt: skip
    for chain in chains(doc, mentions):
        acting = max(chain, key=lambda u: LEVEL_RANK[u.level])
        parents = [u for u in chain if u is not acting]
        code = _region(gaz, acting, parents, votes, area, above)
        key = (acting.level, code or fold(acting.place))
        weight = max(u.weight for u in chain)
        scores[key] = scores.get(key, 0.0) + weight
        first_seen.setdefault(key, acting.first)
        start, end = doc.tokens[chain[0].first].start, doc.tokens[chain[-1].last - 1].end
        evidence.setdefault(key, []).append(
            Evidence(
                start, end, doc.text[start:end], _WHY[acting.role if len(chain) == 1 else "chain"]
            )
        )
        ordered = sorted(parents, key=lambda u: -LEVEL_RANK[u.level])
        names = tuple(_name(p) for p in ordered)
        codes = tuple(c for p in ordered if len(p.candidates) == 1 for c in p.candidates)
        if key not in resolved or (names and not resolved[key][2]):
            resolved[key] = (acting, code, names, codes)
    if not scores:
        return None
    best = max(scores, key=lambda k: (scores[k], LEVEL_RANK[k[0]], -first_seen[k]))
    acting, code, names, parent_codes = resolved[best]
    region = gaz.get(code) if code else None
    note = None
    if code is None and acting.level != "mabes":
        note = "wilayah satuan tidak dapat dipastikan dari namanya"
    return Unit(
        _name(acting),
        acting.level,
        code,
        region.name if region else None,
        tuple(evidence[best]),
        names,
        note,
        parent_codes,
    )


_WHY = {
    "actor": "satuan yang melaksanakan",
    "unit": "satuan disebut",
    "company": "satuan yang ikut membantu",
    "chief": "pimpinan satuan",
    "speaker": "pimpinan satuan (melalui juru bicara)",
    "hq": "markas satuan",
    "press": "humas satuan",
    "dateline": "sumber berita",
    "chain": "rangkaian satuan: yang terendah yang bertindak",
}


def _region(
    gaz: Gazetteer,
    m: UnitMention,
    parents: Sequence[UnitMention],
    votes: dict[str, float],
    area: Sequence[str],
    above: Sequence[str] = (),
) -> str | None:
    if m.level == "mabes":
        return None
    codes = list(m.candidates)
    parent_codes = [c for p in parents for c in p.candidates]
    if len(codes) > 1 and parent_codes:
        inside = [c for c in codes if any(c.startswith(p + ".") or c == p for p in parent_codes)]
        codes = inside or codes
    if len(codes) > 1 and above:
        inside = [c for c in codes if any(c.startswith(a + ".") for a in above)]
        codes = inside or codes
    if len(codes) > 1 and area:
        inside = [c for c in codes if any(c.startswith(a) or a.startswith(c) for a in area)]
        codes = inside or codes
    if len(codes) > 1:
        ranked = sorted(codes, key=lambda c: -(votes.get(c[:5], 0.0) + votes.get(c[:2], 0.0)))
        top = votes.get(ranked[0][:5], 0.0) + votes.get(ranked[0][:2], 0.0)
        second = votes.get(ranked[1][:5], 0.0) + votes.get(ranked[1][:2], 0.0)
        codes = [ranked[0]] if top > second else codes
    if len(codes) == 1:
        return codes[0]
    if not codes and parent_codes:
        # A Polsek whose name is not a kecamatan: its Polres places it.
        return max(parent_codes, key=lambda c: c.count("."))
    if len(codes) > 1:
        # Same-named kecamatan in one kabupaten are rare; same kabupaten is what counts.
        kab = {c[:5] for c in codes}
        if len(kab) == 1:
            return kab.pop()
    return None


def _name(m: UnitMention) -> str:
    if m.level == "mabes":
        return "Mabes Polri"
    place = m.place
    if place.islower() or (place.isupper() and len(place) > 4):
        place = " ".join(
            w if len(w) <= 3 and w.isupper() else w.capitalize() for w in place.split()
        )
    return f"{m.prefix} {place}{' Kota' if m.kota and m.prefix != 'Polrestabes' else ''}"


# -- a unit's name, read back into level and place (``sejuk units find``) ---------------

# Unit words as written, longest first, with the level each names.
_PREFIXES: tuple[tuple[str, str], ...] = (
    ("mabes polri", "mabes"),
    ("mabes", "mabes"),
    ("polda", "polda"),
    ("polrestabes", "polres"),
    ("polresta", "polres"),
    ("polres metro", "polres"),
    ("polres", "polres"),
    ("polsubsektor", "polsek"),
    ("polsek", "polsek"),
)
_PREFIX_RE = re.compile(r"^(?:" + "|".join(re.escape(p) for p, _ in _PREFIXES) + r")\b")


@dataclass(frozen=True, slots=True)
class UnitName:
    level: str  # mabes, polda, polres, polsek
    prefix: str  # "polresta", "polres metro", ... folded
    place: str  # the place part, folded: "ppu", "bima", "sekotong"
    kota: bool  # the name ends in "Kota" (Polres Bima Kota) or is a Polrestabes


def parse_unit_name(name: str) -> UnitName | None:
    """Split "Polres Bima Kota" into level, prefix and place; None if not a unit name."""
    folded = fold(name)
    match = _PREFIX_RE.match(folded)
    if match is None:
        return None
    prefix = match.group()
    level = dict(_PREFIXES)[prefix]
    place = folded[match.end() :].strip()
    kota = prefix == "polrestabes"
    if place.endswith(" kota"):
        place, kota = place[: -len(" kota")], True
    return UnitName(level, prefix, place, kota)
