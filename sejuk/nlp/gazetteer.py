"""The gazetteer: every Kemendagri region under every name it goes by.

Names are indexed by their compact form (folded, without spaces), so "Sei Rampah",
"Seirampah" and "SEI RAMPAH" are one key. Scanning a text looks up every run of up to
``max_tokens`` words in that index: a hash lookup per word run. We use this instead of an
Aho-Corasick automaton because the compact keys must ignore word breaks on both sides
(a name written as one word, or one word written as two), which a character automaton
over the raw text does not give without building the same joins; measured, the scan of a
3,000-character release takes well under a millisecond.

Cue words before a name ("Desa", "Kec.", "Kab.", "Kota", "Dusun") say what level the
writer meant; ``scan`` reports them with each mention and ``search`` uses them to rank.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Literal, NamedTuple

from rapidfuzz import fuzz, process

from sejuk.reference.aliases import KABKOTA_ALIASES, PROVINCE_ALIASES
from sejuk.reference.wilayah import (
    DESA,
    KABKOTA,
    KECAMATAN,
    PROVINSI,
    RegionRecord,
    bare_name,
    load_regions,
)

from .normalize import Token, compact, tokenize
from .phrases import LanguageError, word_table

How = Literal["name", "alias", "acronym", "part", "fuzzy"]

# A cue word and the level it announces; "dusun" and its kin name a hamlet below the desa,
# which has no code, so a name after them is not a region. The words are data
# (``language/region_cues.txt``, see ``phrases``); their labels mean:
HAMLET = 5
_CUE_LABELS: dict[str, tuple[int, str | None]] = {
    "provinsi": (PROVINSI, None),
    "kabupaten": (KABKOTA, "kabupaten"),
    "kota": (KABKOTA, "kota"),
    "kecamatan": (KECAMATAN, None),
    "desa": (DESA, "desa"),
    "kelurahan": (DESA, "kelurahan"),
    "desa_kelurahan": (DESA, None),
    "dusun": (HAMLET, None),
}
CUES: dict[str, tuple[int, str | None]] = {}
for _word, _label in word_table("region_cues").items():
    if _label not in _CUE_LABELS:
        raise LanguageError(f"region_cues.txt: unknown level {_label!r} for {_word!r}")
    CUES[_word] = _CUE_LABELS[_label]
# Words that may sit between a cue and a name ("Kota Administrasi Jakarta Pusat").
_CUE_FILLERS = frozenset({"administrasi", "adm"})


class Hit(NamedTuple):
    code: str
    how: How
    quality: float = 1.0


class Mention(NamedTuple):
    """A run of words in a text that names one or more regions."""

    start: int  # token index, inclusive
    end: int  # token index, exclusive
    char_start: int
    char_end: int
    surface: str  # the words as written
    hits: tuple[Hit, ...]
    cue_level: int | None = None  # level announced by a cue word just before, if any
    cue_kind: str | None = None
    cue_start: int | None = None  # char offset of the cue word

    def codes(self) -> list[str]:
        return [h.code for h in self.hits]


@dataclass(frozen=True, slots=True)
class Candidate:
    region: RegionRecord
    score: float
    path: str
    matched: tuple[str, ...] = field(default=())  # surfaces that support this candidate


def _is_acronym(alias: str) -> bool:
    first = alias.split()[0]
    return first.isupper() and len(first) <= 4


class Gazetteer:
    def __init__(
        self,
        regions: Iterable[RegionRecord],
        province_aliases: Mapping[str, Iterable[str]] = PROVINCE_ALIASES,
        kabkota_aliases: Mapping[str, Iterable[str]] = KABKOTA_ALIASES,
    ) -> None:
        self.regions: dict[str, RegionRecord] = {r.code: r for r in regions}
        index: dict[str, list[Hit]] = {}
        seen: set[tuple[str, str]] = set()
        self._acronyms: set[str] = set()

        def add(name: str, code: str, how: How, quality: float = 1.0) -> None:
            key = compact(name)
            if key and (key, code) not in seen:
                seen.add((key, code))
                index.setdefault(key, []).append(Hit(code, how, quality))

        for region in self.regions.values():
            add(region.name, region.code, "name")
            bare = bare_name(region.name, region.level)
            if bare != region.name:
                add(bare, region.code, "name")
            for part in _name_parts(bare):
                add(part, region.code, "part", 0.9)
            if region.level <= KABKOTA and "Kepulauan" in bare.split():
                # "Kep. Selayar", "Kab. Kep. Meranti": Kepulauan is written short.
                add(bare.replace("Kepulauan", "Kep"), region.code, "alias", 0.95)
        by_name = {r.name: r.code for r in self.regions.values() if r.level == KABKOTA}
        for code, aliases in province_aliases.items():
            self._add_aliases(add, code, aliases)
        for name, aliases in kabkota_aliases.items():
            if name in by_name:
                self._add_aliases(add, by_name[name], aliases)
        self._index: dict[str, tuple[Hit, ...]] = {k: tuple(v) for k, v in index.items()}
        # Sorted keys: a name that starts with the words read so far sorts right after them.
        self._sorted_keys: list[str] = sorted(self._index)
        self._longer: dict[str, bool] = {}
        self.max_tokens = max((len(r.name.split()) for r in self.regions.values()), default=1) + 1
        self._children: dict[str, list[str]] | None = None
        self._keys_by_level: dict[int, dict[str, list[str]]] = {}

    def _add_aliases(self, add: object, code: str, aliases: Iterable[str]) -> None:
        for alias in aliases:
            how: How = "acronym" if _is_acronym(alias) else "alias"
            if how == "acronym":
                self._acronyms.add(compact(alias))
            add(alias, code, how, 0.95)  # type: ignore[operator]

    # -- lookups by code ---------------------------------------------------------------

    def get(self, code: str) -> RegionRecord | None:
        return self.regions.get(code)

    def ancestors(self, code: str) -> list[RegionRecord]:
        """Parents of a region, nearest first."""
        out = []
        cut = code.rfind(".")
        while cut > 0:
            code = code[:cut]
            region = self.regions.get(code)
            if region is not None:
                out.append(region)
            cut = code.rfind(".")
        return out

    def path(self, code: str) -> str:
        """ "Sekotong Barat, Sekotong, Kabupaten Lombok Barat, Nusa Tenggara Barat"."""
        region = self.regions[code]
        return ", ".join([region.name, *(a.name for a in self.ancestors(code))])

    def children(self, code: str | None) -> list[RegionRecord]:
        if self._children is None:
            children: dict[str, list[str]] = {}
            for region in self.regions.values():
                children.setdefault(region.parent_code or "", []).append(region.code)
            self._children = children
        return [self.regions[c] for c in self._children.get(code or "", [])]

    # -- lookups by name ---------------------------------------------------------------

    def lookup(self, phrase: str, level: int | None = None, within: str | None = None) -> list[Hit]:
        """Regions named exactly ``phrase`` (any spelling that folds to the same key)."""
        hits = self._index.get(compact(phrase), ())
        return [h for h in hits if _fits(h.code, level, within)]

    def lookup_key(self, key: str, level: int | None = None) -> Sequence[Hit]:
        """``lookup`` for a key already in compact form (folded words joined)."""
        hits = self._index.get(key, ())
        if not level:
            return hits
        return [h for h in hits if _level(h.code) == level]

    def is_acronym(self, key: str) -> bool:
        return key in self._acronyms

    def fuzzy(
        self,
        phrase: str,
        level: int | None = None,
        within: str | None = None,
        limit: int = 5,
        cutoff: float = 84.0,
    ) -> list[Hit]:
        """Regions whose name is close to ``phrase`` (misspellings), best first."""
        key = compact(phrase)
        if len(key) < 4:
            return []
        keys = self._keys(level)
        if within:
            prefix = within + "."
            choices = [k for k, codes in keys.items() if any(c.startswith(prefix) for c in codes)]
        else:
            choices = list(keys)
        found = process.extract(key, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff)
        out: list[Hit] = []
        for choice, score, _ in found:
            for code in keys[choice]:
                if _fits(code, level, within):
                    out.append(Hit(code, "fuzzy", round(score / 100.0, 3)))
        return out[:limit]

    def _keys(self, level: int | None) -> dict[str, list[str]]:
        lvl = level or 0
        if lvl not in self._keys_by_level:
            keys: dict[str, list[str]] = {}
            for key, hits in self._index.items():
                for h in hits:
                    if h.how in ("name", "part") and (not level or _level(h.code) == level):
                        keys.setdefault(key, []).append(h.code)
            self._keys_by_level[lvl] = keys
        return self._keys_by_level[lvl]

    # -- scanning a text ---------------------------------------------------------------

    def scan(
        self,
        text: str,
        tokens: list[Token] | None = None,
        names_only: bool = False,
        starts: Iterable[int] | None = None,
        words: list[str] | None = None,
    ) -> list[Mention]:
        """Every run of words that names a region, with the cue word before it if any.

        Overlapping runs are all returned ("Sekotong" inside "Sekotong Barat"); the
        caller chooses. Acronym aliases ("PPU", "NTB") count only when written in
        capitals, so the word "oi" or "tuba" in running text is not a place.
        ``names_only``: only runs that start with a capital or follow a cue word (the
        text reader's case: it reads a lower-case name without a cue as a word).
        ``starts``: the token indexes where runs may start, when the caller knows them.
        ``words``: the tokens' folded texts, when the caller has them.
        """
        toks = tokens if tokens is not None else tokenize(text)
        index = self._index
        longer = self._longer
        acronyms = self._acronyms
        texts = words if words is not None else [t.text for t in toks]
        n = len(toks)
        width = self.max_tokens
        out: list[Mention] = []
        if starts is None and names_only:
            starts = [
                i
                for i, t in enumerate(toks)
                if text[t.start].isupper() or (i and texts[i - 1] in CUES)
            ]
        for i in range(n) if starts is None else starts:
            key = texts[i]
            # Most words start no name: one look-up each tells (a remembered answer).
            more = longer.get(key)
            if more is None:
                more = self._starts_longer(key)
            hits = index.get(key)
            j = i
            while True:
                if hits is not None:
                    surface = text[toks[i].start : toks[j].end]
                    if key in acronyms and not _written_upper(surface):
                        hits = tuple(h for h in hits if h.how != "acronym") or None
                    if hits is not None:
                        cue = _cue_before(toks, i)
                        out.append(
                            Mention(
                                i,
                                j + 1,
                                toks[i].start,
                                toks[j].end,
                                surface,
                                hits,
                                cue[0] if cue else None,
                                cue[1] if cue else None,
                                toks[cue[2]].start if cue else None,
                            )
                        )
                j += 1
                if not more or j >= n or j - i >= width:
                    break
                key += texts[j]
                more = longer.get(key)
                if more is None:
                    more = self._starts_longer(key)
                hits = index.get(key)
        return out

    def continues(self, key: str) -> bool:
        """Whether some name is longer than the compact ``key`` and starts with it."""
        more = self._longer.get(key)
        return self._starts_longer(key) if more is None else more

    def _starts_longer(self, key: str) -> bool:
        """Whether some name is longer than ``key`` and starts with it (remembered: the
        words of news texts repeat, and a dictionary look-up beats a search)."""
        keys = self._sorted_keys
        at = bisect_right(keys, key)
        more = at < len(keys) and keys[at].startswith(key)
        if len(self._longer) > 500_000:
            self._longer.clear()
        self._longer[key] = more
        return more

    # -- searching by a typed query ----------------------------------------------------

    def search(self, query: str, within: Iterable[str] = (), limit: int = 10) -> list[Candidate]:
        """Ranked regions for a typed query such as
        "Desa Sekotong Barat, Kecamatan Sekotong, Lombok Barat".

        Each candidate is scored by how much of the query it explains: its own name plus
        the names of its parents that the query also gives. Cue words must agree with the
        level; misspelt parts are matched by similarity, within the parents the rest of
        the query names. ``within`` (region codes, e.g. a unit's area) ranks regions there
        first.
        """
        return _Search(self, query, tuple(within)).run(limit)


def _name_parts(name: str) -> list[str]:
    """Other names a region carries in its official name: "Kurau (Timur)" is also
    "Kurau"; "Pulo Lon / Pulo Dayah" is two names."""
    parts: list[str] = []
    if "(" in name:
        head = name.split("(", 1)[0].strip()
        if len(head) >= 3:
            parts.append(head)
    if "/" in name:
        pieces = [p.strip() for p in name.split("/")]
        if all(sum(ch.isalpha() for ch in p) >= 4 for p in pieces):
            parts.extend(pieces)
    return parts


def _level(code: str) -> int:
    return code.count(".") + 1


def _fits(code: str, level: int | None, within: str | None) -> bool:
    if level and _level(code) != level:
        return False
    return not within or code == within or code.startswith(within + ".")


def _written_upper(surface: str) -> bool:
    letters = [ch for ch in surface.split()[0] if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _cue_before(toks: list[Token], i: int) -> tuple[int, str | None, int] | None:
    j = i - 1
    while j >= 0 and toks[j].text in _CUE_FILLERS:
        j -= 1
    if j < 0:
        return None
    cue = CUES.get(toks[j].text)
    if cue is None:
        return None
    return cue[0], cue[1], j


class _Search:
    """One run of ``Gazetteer.search``: kept as a class so each step stays small."""

    def __init__(self, gaz: Gazetteer, query: str, within: tuple[str, ...]) -> None:
        self.gaz = gaz
        self.query = query
        self.within = within
        self.tokens = tokenize(query)
        self.cue_tokens = {
            i for i, t in enumerate(self.tokens) if t.text in CUES or t.text in _CUE_FILLERS
        }
        self.content = [i for i in range(len(self.tokens)) if i not in self.cue_tokens]
        self.mentions = [
            m for m in self._scan() if not (m.end - m.start == 1 and m.start in self.cue_tokens)
        ]

    def _scan(self) -> list[Mention]:
        # A typed query is lower case more often than not: accept acronyms in any case.
        mentions = self.gaz.scan(self.query, self.tokens)
        return mentions + self._lowercase_acronyms(mentions)

    def _lowercase_acronyms(self, found: list[Mention]) -> list[Mention]:
        seen = {(m.start, m.end) for m in found}
        extra = []
        for i, tok in enumerate(self.tokens):
            if (i, i + 1) in seen or not self.gaz.is_acronym(tok.text):
                continue
            hits = tuple(h for h in self.gaz._index[tok.text] if h.how == "acronym")
            cue = _cue_before(self.tokens, i)
            extra.append(
                Mention(
                    i,
                    i + 1,
                    tok.start,
                    tok.end,
                    self.query[tok.start : tok.end],
                    hits,
                    cue[0] if cue else None,
                    cue[1] if cue else None,
                    self.tokens[cue[2]].start if cue else None,
                )
            )
        return extra

    def run(self, limit: int) -> list[Candidate]:
        if not self.content:
            return []
        mentions = self.mentions + self._fuzzy_mentions()
        scored: dict[str, tuple[float, tuple[str, ...]]] = {}
        for m in mentions:
            for hit in m.hits:
                if m.cue_level == HAMLET:
                    continue
                score, matched = self._score(hit, m, mentions)
                if score > scored.get(hit.code, (0.0, ()))[0]:
                    scored[hit.code] = (score, matched)
        ranked = sorted(
            scored.items(),
            key=lambda item: (-item[1][0], _level(item[0]), item[0]),
        )
        return [
            Candidate(self.gaz.regions[code], round(score, 4), self.gaz.path(code), matched)
            for code, (score, matched) in ranked[:limit]
        ]

    def _score(
        self, hit: Hit, own: Mention, mentions: list[Mention]
    ) -> tuple[float, tuple[str, ...]]:
        region = self.gaz.regions[hit.code]
        covered = set(range(own.start, own.end))
        matched = [own.surface]
        quality = hit.quality * _cue_agreement(own, region)
        for other in mentions:
            if other is own or other.cue_level == HAMLET:
                continue
            for h in other.hits:
                if (
                    region.code.startswith(h.code + ".")
                    and _cue_agreement(other, self.gaz.regions[h.code]) == 1.0
                ):
                    new = set(range(other.start, other.end)) - covered
                    if new:
                        covered |= new
                        matched.append(other.surface)
                    break
        explained = len(covered & set(self.content)) / len(self.content)
        score = explained * quality
        if self.within and not any(
            region.code == w or region.code.startswith(w + ".") or w.startswith(region.code + ".")
            for w in self.within
        ):
            score *= 0.8
        return score, tuple(matched)

    def _segments(self) -> list[tuple[int, int, int | None]]:
        """Runs of content words between cue words and commas, with their cue level."""
        segments: list[tuple[int, int, int | None]] = []
        start: int | None = None
        level: int | None = None
        for i, tok in enumerate(self.tokens):
            boundary = i in self.cue_tokens or (
                i > 0 and "," in self.query[self.tokens[i - 1].end : tok.start]
            )
            if boundary and start is not None:
                segments.append((start, i, level))
                start, level = None, None
            if i in self.cue_tokens:
                cue = CUES.get(tok.text)
                if cue is not None:
                    level = cue[0]
                continue
            if start is None:
                start = i
        if start is not None:
            segments.append((start, len(self.tokens), level))
        return segments

    def _fuzzy_mentions(self) -> list[Mention]:
        """For a run of words that no exact name covers, the closest names, within the
        region the other exact names of the query point to."""
        whole = {(m.start, m.end) for m in self.mentions}
        out = []
        for start, end, level in self._segments():
            if (start, end) in whole or level == HAMLET:
                continue
            phrase = " ".join(t.text for t in self.tokens[start:end])
            within = self._narrowest_anchor(start, end)
            hits = self.gaz.fuzzy(phrase, level=level, within=within)
            if not hits:
                continue
            tok_s, tok_e = self.tokens[start], self.tokens[end - 1]
            out.append(
                Mention(
                    start,
                    end,
                    tok_s.start,
                    tok_e.end,
                    self.query[tok_s.start : tok_e.end],
                    tuple(Hit(h.code, "fuzzy", h.quality * 0.9) for h in hits),
                    level,
                    None,
                )
            )
        return out

    def _narrowest_anchor(self, start: int, end: int) -> str | None:
        """The most specific region named exactly outside the run, if those names agree."""
        outside = [
            h.code
            for m in self.mentions
            if m.end <= start or m.start >= end
            for h in m.hits
            if m.cue_level != HAMLET and _level(h.code) <= KECAMATAN
        ]
        best: str | None = None
        for code in sorted(set(outside), key=_level):
            if best is None or code.startswith(best + "."):
                best = code
        return best


def _cue_agreement(mention: Mention, region: RegionRecord) -> float:
    if mention.cue_level is None:
        return 1.0
    if mention.cue_level != region.level:
        return 0.5
    if mention.cue_kind and mention.cue_kind != region.kind:
        return 0.7
    return 1.0


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the installed region list with the built-in aliases, built once."""
    return Gazetteer(load_regions())
