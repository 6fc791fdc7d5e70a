"""Personal data out of a text: names, phone numbers and NIK masked, the rest kept.

A field report kept as an evaluation case must not carry who wrote it, who was met or
how to reach them. What is masked:

- phone numbers ("0812-3456-7890", "+62 812 3456 7890") -> ``[TELEPON]``;
- NIK, the 16-digit population number -> ``[NIK]``; e-mail addresses -> ``[EMAIL]``;
- names the caller knows (officers, leaders, users of the area) -> ``[NAMA]``;
- a name after a title or a rank ("AKP Risa Hidayat", "Ustadz Ahmad", "Bapak Made",
  "bernama Joko") -> the title kept, the name ``[NAMA]``.

A name written with no title and unknown to the caller stays: no list of Indonesian
names is complete. Place and unit names stay, as they are what the reader must read.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .phrases import word_table

NAME, PHONE, NIK, EMAIL = "[NAMA]", "[TELEPON]", "[NIK]", "[EMAIL]"

_PHONE = re.compile(r"(?<![\w+])(?:\+62|62|0)[\s.-]?8\d{1,3}(?:[\s.-]?\d{2,4}){2,3}(?!\w)")
_NIK = re.compile(r"(?<!\d)\d{16}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Titles and ranks (``language/titles.txt``), and the leaders' titles that open a name.
_TITLES = frozenset(word_table("titles")) | frozenset(
    ("kapten", "letda", "lettu", "serda", "sertu", "serka", "serma", "pelda", "peltu", "kopda",
     "praka", "pratu", "mayor", "letkol", "kolonel", "amaq", "inaq", "tuan", "guru",
     "pendeta", "bernama", "inisial")
)  # fmt: skip
# Words that end a name after a title: region cue words, positions and units ("Pak Camat
# Woha", "Ibu Kota Bima" name no one).
_NOT_A_NAME = frozenset(word_table("region_cues")) | frozenset(
    ("kapolsek", "kapolres", "kapolresta", "kapolda", "kapolri", "wakapolres", "kasat",
     "kanit", "camat", "lurah", "bupati", "gubernur", "polsek", "polres", "polresta",
     "polda", "bhabinkamtibmas", "babinsa", "danramil", "dandim", "kades", "kadus", "kepala",
     "ketua", "sekretaris", "ketum", "pj", "plt")
)  # fmt: skip
_TOKEN = re.compile(r"[\w'’]+")


def mask(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with personal data masked; ``names``: names known to be people's."""
    out = _EMAIL.sub(EMAIL, text)
    out = _PHONE.sub(PHONE, out)
    out = _NIK.sub(NIK, out)
    known = sorted({n.strip() for n in names if len(n.strip()) >= 3}, key=len, reverse=True)
    for name in known:
        out = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", NAME, out, flags=re.IGNORECASE)
    return _after_titles(out)


def _after_titles(text: str) -> str:
    tokens = list(_TOKEN.finditer(text))
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(tokens):
        if tokens[k].group().lower() not in _TITLES or _doubled(text, tokens, k):
            k += 1
            continue
        j = k + 1
        while j < len(tokens) and tokens[j].group().lower() in _TITLES and _joined(text, tokens, j):
            j += 1  # a title that runs on: "Kombes Pol", "Kapten Inf"
        first = j
        while j < len(tokens) and j - first < 4 and _joined(text, tokens, j):
            word = tokens[j].group()
            if word.lower() in _NOT_A_NAME or not (word[0].isupper() or word in ("bin", "binti")):
                break
            if (
                2 <= len(word) <= 6
                and word.isupper()
                and text[tokens[j].end() : tokens[j].end() + 1] != "."
            ):
                break  # an acronym ("PKK", "KPU") names an organisation
            j += 1
        if j > first:
            spans.append((tokens[first].start(), tokens[j - 1].end()))
        k = max(j, k + 1)
    out, at = [], 0
    for start, end in spans:
        out += [text[at:start], NAME]
        at = end
    out.append(text[at:])
    return "".join(out)


def _doubled(text: str, tokens: list[re.Match[str]], k: int) -> bool:
    """ "ibu-ibu", "bapak-bapak": a title doubled is a group of people, not a title."""
    word = tokens[k].group().lower()
    before = k > 0 and tokens[k - 1].group().lower() == word
    after = k + 1 < len(tokens) and tokens[k + 1].group().lower() == word
    return (before and text[tokens[k - 1].end() : tokens[k].start()] == "-") or (
        after and text[tokens[k].end() : tokens[k + 1].start()] == "-"
    )


def _joined(text: str, tokens: list[re.Match[str]], j: int) -> bool:
    """Token ``j`` follows the one before with only spaces or a dot between (no comma,
    bracket or line break)."""
    gap = text[tokens[j - 1].end() : tokens[j].start()]
    return gap.strip(" .") == "" and "\n" not in gap and len(gap) <= 3
