"""The region names a text gives, each weighed by how surely it names a region.

The gazetteer finds every run of words that is the name of some region; in a press
release that is hundreds of runs, most of them ordinary words ("baru", "tengah") or
people ("AKP Wayan"). This step keeps the runs a reader would take for places:

- after a cue word ("Desa", "Kec.", "Kab.", "Kota", "Pekon", "Distrik") the name counts,
  at the level the cue announces (and a name that fits no region at that level barely);
- without a cue, a name must be written with a capital where a capital means a name
  (not the first word of a sentence, not a Title Case headline); a name made only of
  ordinary words needs a place word before it ("di", "ke", "wilayah"); a name right
  after a rank ("AKBP", "Ipda") is a person;
- a dusun (hamlet) is free text: its name and the words of it are kept apart.

Mentions next to each other ("Desa Batu Kumbung, Kecamatan Lingsar, Kabupaten Lombok
Barat")
form one address; ``group`` numbers them so the place step can read an address as one.
"""

from __future__ import annotations

from functools import cache
from itertools import compress
from typing import NamedTuple

from sejuk.reference.wilayah import DESA, KABKOTA, KECAMATAN, PROVINSI

from .common_words import all_common
from .document import Document, watch
from .gazetteer import CUES, HAMLET, Gazetteer, Hit, Mention
from .normalize import words
from .phrases import word_table

CUE_WEIGHT = 4.0
# Weight of a name without a cue, by level: a kabupaten written with a capital is
# nearly always meant; a desa name alone is often a person, a shop or a word.
NAME_WEIGHT = {PROVINSI: 1.5, KABKOTA: 2.0, KECAMATAN: 1.0, DESA: 0.6}
LOCATIVE = words(
    "di ke dari wilayah daerah kawasan sekitar seputaran kecamatan desa warga masyarakat"
)
# Titles before a person's name (ranks, forms of address, religious and academic
# titles): data in ``language/titles.txt`` (see ``phrases``).
RANKS = frozenset(word_table("titles"))
_CUE_WORDS = watch(frozenset(CUES))
_HAMLET_CUES = watch(frozenset(w for w, (level, _) in CUES.items() if level == HAMLET))
# Cue words that end a dusun name. Not "kampung" or "lingkungan": many hamlets are
# called "Kampung ..." and the word belongs to the dusun's own name.
_DUSUN_STOP = frozenset(
    w for w, (level, _) in CUES.items() if level in (PROVINSI, KABKOTA, KECAMATAN, DESA)
) - {"kampung", "kp", "lingkungan"}


class PlaceMention(NamedTuple):
    first: int  # tokens [first, last)
    last: int
    start: int  # characters [start, end)
    end: int
    surface: str
    hits: tuple[Hit, ...]
    weights: tuple[float, ...]  # how surely this run names each hit
    cued: bool
    group: int  # mentions with the same group form one address

    @property
    def weight(self) -> float:
        return max(self.weights, default=0.0)


class Dusun(NamedTuple):
    name: str
    start: int
    end: int


def find_dusun(doc: Document) -> list[Dusun]:
    """Hamlets named after "Dusun", "Dsn", "Lingkungan", "Banjar": free text."""
    out = []
    toks = doc.tokens
    for i in doc.positions(_HAMLET_CUES):
        tok = toks[i]
        cue = CUES.get(tok.text)
        if cue is None or cue[0] != HAMLET or i + 1 >= len(toks) or doc.is_skipped(i):
            continue
        if not doc.is_capitalized(i) and tok.text not in ("dsn", "dusun"):
            continue  # "banjar" or "lingkungan" in running text is no cue
        j = i + 1
        while j < len(toks) and j - i <= 4 and toks[j].text not in _DUSUN_STOP:
            if j > i + 1 and any(ch in doc.gaps[j] for ch in ",.;:()\n"):
                break
            j += 1
        if j > i + 1:
            start, end = toks[i + 1].start, toks[j - 1].end
            out.append(Dusun(doc.text[start:end], start, end))
    return out


def read_mentions(
    doc: Document,
    gaz: Gazetteer,
    exclude: list[tuple[int, int]],
) -> list[PlaceMention]:
    """Region mentions worth weighing. ``exclude``: character spans that are not places
    (unit names, dusun names)."""
    raw = gaz.scan(doc.text, doc.tokens, starts=_name_starts(doc), words=doc.folded)
    kept: list[PlaceMention] = []
    excluded = {k for s, e in exclude for k in range(doc.token_at(s), doc.token_at(e - 1) + 1)}
    group = 0
    for m in _longest(raw, doc):  # in text order
        if doc.skipped[m.start] or not excluded.isdisjoint(range(m.start, m.end)):
            continue
        if m.cue_level == HAMLET:
            continue
        weighed = _weigh(doc, m)
        if weighed is None:
            continue
        hits, weights = weighed
        # Mentions next to each other form one address (``group``).
        if not kept or not _adjacent(doc, kept[-1], m.start):
            group += 1
        kept.append(
            PlaceMention(
                m.start,
                m.end,
                m.char_start,
                m.char_end,
                m.surface,
                hits,
                weights,
                m.cue_level is not None,
                group,
            )
        )
    return kept


def _name_starts(doc: Document) -> list[int]:
    """Tokens where a name may start: written with a capital, or right after a cue word."""
    text = doc.text
    capital = list(map(str.isupper, map(text.__getitem__, doc.token_starts)))
    after_cue = [i + 1 for i in doc.positions(_CUE_WORDS) if i + 1 < len(capital)]
    for i in after_cue:
        capital[i] = True
    return list(compress(range(len(capital)), capital))


def _longest(mentions: list[Mention], doc: Document) -> list[Mention]:
    """Drop a run inside a longer run, and a run that starts with its own cue word
    ("Kabupaten Lombok Barat": the inner "Lombok Barat" carries the cue)."""
    toks = doc.tokens
    # A run that is only a cue word ("Kota", "Kampung") names nothing by itself; but after
    # another cue the word is part of the name: "Kecamatan Kota Tengah", "Desa Kampung Baru".
    plain = [m for m in mentions if toks[m.start].text not in CUES or _cue_starts_name(m)]
    plain.sort(key=lambda m: (m.start, -m.end))
    out = []
    reach = -1  # furthest end of the runs seen so far (all start at or before this one)
    for m in plain:
        if m.end > reach:
            out.append(m)
            reach = m.end
    return out


def _cue_starts_name(m: Mention) -> bool:
    level = m.cue_level
    return level is not None and level != HAMLET and any(_level(h.code) == level for h in m.hits)


def _weigh(doc: Document, m: Mention) -> tuple[tuple[Hit, ...], tuple[float, ...]] | None:
    if m.cue_level is not None:
        cue = doc.token_at(m.cue_start) if m.cue_start is not None else m.start - 1
        scale = _cue_scale(doc, cue, m)
        if scale is None:
            return None
        same = [
            h
            for h in m.hits
            if _level(h.code) == m.cue_level
            and (m.cue_kind is None or m.cue_level != KABKOTA or _kind_fits(h.code, m.cue_kind, m))
        ]
        if same:
            return tuple(same), tuple([CUE_WEIGHT * scale * h.quality for h in same])
        return m.hits, (0.3,) * len(m.hits)
    first = m.start
    if not doc.is_capitalized(first):
        return None
    before = (
        doc.words[first - 1] if first > 0 and doc.sent_of[first - 1] == doc.sent_of[first] else ""
    )
    if before in RANKS:
        return None
    reliable = doc.capital_means_name(first)
    words = doc.folded[m.start : m.end]
    common = all_common(words)
    locative = before in LOCATIVE or _listed_after_a_place(doc, first)
    scale = 0.8 if doc.role(first) == "caption" else 1.0
    if _continues_name(doc, m.end, first):
        # "Balai Kota", "Pasar Baru Mall": the start of a longer name, a building's.
        scale *= 0.3
    by_length = _weights_by_code_length(reliable, common, locative, scale)
    hits = [h for h in m.hits if len(h.code) in by_length]
    if not hits:
        return None
    # A kabupaten and the kecamatan of its capital often share a name: without a cue the
    # name means the larger one; a region inside another region of the same run goes.
    if len(hits) > 1:
        codes = {h.code for h in hits}
        hits = [h for h in hits if not _inside_one_of(h.code, codes)]
        # A province's name without a cue is the province ("..., Papua"), not one of the
        # villages named after it.
        if any(len(h.code) == 2 and h.how == "name" for h in hits):
            hits = [h for h in hits if len(h.code) <= 5]
    return tuple(hits), tuple([by_length[len(h.code)] * h.quality for h in hits])


# Cue words that are people's titles: the name after them is a place only when written
# with a capital ("Bhabinkamtibmas Paseban", not "Bhabinkamtibmas yang ...").
_TITLE_CUES = frozenset(("bhabinkamtibmas", "bhabin", "camat", "lurah"))
# Words that join a sentence and name no place when written small after a cue word,
# although a village or two carries them as its name ("Yang", "Dan").
_FUNCTION = words("""
    yang dan di ke dari untuk dengan itu ini tersebut setempat serta atau pada dalam
    sekitar masing lain
    """)
# Before "Camat X": the office, a place ("Kantor Camat Dayun"), not the official.
_OFFICE = words("kantor halaman balai lapangan aula gedung rumah dinas pendopo")


def _listed_after_a_place(doc: Document, first: int) -> bool:
    """The next item of an address a locative opened: "di kawasan Pangkalan Ojek Pomela,
    Simpang Pematang" (a comma, and "di"/"kawasan" a few words before in the
    sentence)."""
    if first == 0 or doc.gaps[first].strip() != ",":
        return False
    s = doc.sentence(first)
    before = doc.words[max(s.first, first - 6) : first]
    return any(w in LOCATIVE for w in before[:-1])


def _cue_scale(doc: Document, cue: int, m: Mention) -> float | None:
    """How far a cue word vouches for the name after it. An official's title followed by
    the official's name ("turut dihadiri Camat Siak Wahyudi") names where the official
    serves, not where it happened: a quarter of a cue's weight."""
    word = doc.folded[cue] if 0 <= cue < len(doc.folded) else ""
    if not doc.is_capitalized(m.start) and _FUNCTION.issuperset(doc.folded[m.start : m.end]):
        return None  # "kepala desa yang tidak netral": a word of the sentence, no village
    if word not in _TITLE_CUES:
        return 1.0
    if not doc.is_capitalized(m.start):
        return None
    if word in ("camat", "lurah") and (cue == 0 or doc.folded[cue - 1] not in _OFFICE):
        after = m.end
        same_sentence = after < len(doc.tokens) and doc.sent_of[after] == doc.sent_of[m.start]
        if same_sentence and not doc.gaps[after].strip() and doc.is_capitalized(after):
            return 0.25
    return 1.0


_CODE_LENGTH = {PROVINSI: 2, KABKOTA: 5, KECAMATAN: 8, DESA: 13}


@cache
def _weights_by_code_length(
    reliable: bool, common: bool, locative: bool, scale: float
) -> dict[int, float]:
    """The weight of a name without a cue at each level, keyed by the length of the code
    (2, 5, 8, 13 characters: province to desa). A kecamatan or desa that weighs this
    little could never be kept as the place, so its many same-named namesakes ("Baru",
    "Jaya") are dropped here, not weighed later. (A handful of combinations: remembered.)"""
    out = {}
    for level, base in NAME_WEIGHT.items():
        weight = base * _name_factor(level, reliable, common, locative) * scale
        if weight > (0.25 if level >= KECAMATAN else 0.0):
            out[_CODE_LENGTH[level]] = weight
    return out


def _inside_one_of(code: str, codes: set[str]) -> bool:
    """Whether a region lies inside one of ``codes``: one of its parents' codes ("52",
    "52.01", "52.01.07" for a desa) is among them."""
    # Written out: this runs for every namesake of every name, and a loop over the
    # three cuts costs several times as much.
    n = len(code)
    return (
        (n > 2 and code[:2] in codes)
        or (n > 5 and code[:5] in codes)
        or (n > 8 and code[:8] in codes)
    )


def _continues_name(doc: Document, k: int, first: int) -> bool:
    """The run goes on into a longer name ("Balai Kota", "Pasar Baru Mall"): the next word
    is capitalised and is not a cue word that starts the next region's name."""
    if k >= len(doc.tokens) or doc.gaps[k].strip() or doc.sent_of[k] != doc.sent_of[first]:
        return False
    if not doc.is_capitalized(k):
        return False
    if doc.tokens[k].text in CUES:
        nxt = k + 1
        return not (
            nxt < len(doc.tokens) and doc.is_capitalized(nxt) and doc.sent_of[nxt] == doc.sent_of[k]
        )
    return True


def _name_factor(level: int, reliable: bool, common: bool, locative: bool) -> float:
    """How far a name without a cue is believed, by what surrounds it."""
    if level <= KABKOTA:
        if reliable or locative:
            return 1.0
        return 0.3 if common else 0.6
    if reliable and not common:
        return 2.0 if locative else 1.0
    if reliable:
        return 1.0 if locative else 0.3
    if not common:
        return 1.0 if locative else 0.5
    return 0.5 if locative else 0.0


def _kind_fits(code: str, cue_kind: str, m: Mention) -> bool:
    # "Kota Bima" is the kota, "Kab. Bima" the kabupaten; the gazetteer's hit carries no
    # kind, so the code says it: kota codes are 71-99.
    kota = int(code[3:5]) >= 71
    return kota == (cue_kind == "kota")


def _level(code: str) -> int:
    return code.count(".") + 1


def _adjacent(doc: Document, a: PlaceMention, first: int) -> bool:
    """Whether a mention that starts at token ``first`` continues the address of ``a``:
    only punctuation or a cue word between them."""
    if first < a.last:
        return True
    if doc.sent_of[a.first] != doc.sent_of[first]:
        return False
    between = doc.tokens[a.last : first]
    return len(between) <= 2 and all(t.text in CUES or t.text in ("administrasi",) for t in between)


def votes(mentions: list[PlaceMention]) -> dict[str, float]:
    """How much the text speaks of each province and kabupaten/kota (keys "52",
    "52.01"), for choosing among same-named units."""
    out: dict[str, float] = {}
    for m in mentions:
        # One vote per region a mention may name: "Kuripan" names two villages of
        # Kalimantan Selatan, which makes the province no likelier than one village.
        mine: dict[str, float] = {}
        for hit, weight in zip(m.hits, m.weights, strict=True):
            for key in {hit.code[:2], hit.code[:5]}:
                mine[key] = max(mine.get(key, 0.0), weight)
        for key, weight in mine.items():
            out[key] = out.get(key, 0.0) + weight
    return out
