"""Folding text for matching: case, accents, punctuation and spacing.

``fold`` gives the comparison form of a phrase ("Kab. Lombok-Barat" -> "kab lombok barat");
``compact`` drops the spaces too, so spelling variants that differ only in word breaks meet
("Way Layap" / "Waylayap", "Sei Rampah" / "Seirampah").
"""

from __future__ import annotations

import re
import unicodedata
from itertools import accumulate, repeat
from typing import NamedTuple

# Letters or digits, with in-word apostrophes kept inside the token ("Ma'u", "Jum'at").
_TOKEN = re.compile(r"[^\W_]+(?:['’`][^\W_]+)*")
_APOSTROPHES = str.maketrans("", "", "'’`")


def strip_accents(text: str) -> str:
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_token(token: str) -> str:
    return strip_accents(token).lower().translate(_APOSTROPHES)


def fold(text: str) -> str:
    """Lower case, without accents or punctuation, single spaces."""
    return " ".join(fold_token(m.group()) for m in _TOKEN.finditer(text))


_NOT_ALNUM = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """``fold`` without spaces: the key under which names are indexed."""
    return _NOT_ALNUM.sub("", strip_accents(text).lower())


class Token(NamedTuple):
    # A named tuple: a 3,000-character text has 500 of them, and a tuple is built several
    # times faster than a frozen dataclass.
    text: str  # folded
    start: int  # offsets in the original text
    end: int


class _AccentFold(dict[int, str]):
    """``str.translate`` table that folds one accented character to one base character,
    filled as characters are met, so offsets stay those of the original text."""

    def __missing__(self, code: int) -> str:
        base = strip_accents(chr(code))
        folded = base if len(base) == 1 else chr(code)
        self[code] = folded
        return folded


_ACCENT_FOLD = _AccentFold()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_ASCII_LETTER = re.compile(r"(?![\x00-\x7f])[^\W_]")


def _fold_char(m: re.Match[str]) -> str:
    return _ACCENT_FOLD[ord(m.group())]


def tokenize(text: str) -> list[Token]:
    """Folded tokens with their place in the original text, for highlighting."""
    return split_text(text).tokens


def tokenize_with_gaps(text: str) -> tuple[list[Token], list[str]]:
    """Tokens, and the text between them: ``gaps[i]`` stands before token ``i`` and the
    last gap after the last token."""
    split = split_text(text)
    return split.tokens, split.gaps


class Split(NamedTuple):
    tokens: list[Token]
    gaps: list[str]  # gaps[i] stands before token i; the last, after the last token
    words: list[str]  # the tokens' folded texts (``Token.text``), as a list of its own
    starts: list[int]  # the tokens' starts (``Token.start``)


def split_text(text: str) -> Split:
    """``tokenize_with_gaps``, with the tokens' texts and starts as lists of their own
    (worked out on the way, and wanted by the text reader).

    The whole text is folded at once (one ``lower`` and one ``translate``) when that
    keeps every character in place, which is the case for Indonesian text; only a text
    whose lower case changes length falls back to folding token by token.
    """
    low = text.lower()
    foreign = set() if low.isascii() else set(_NON_ASCII.findall(low))
    odd = any(len(strip_accents(c)) != 1 for c in foreign)
    if odd or len(low) != len(text):
        # A character that folds to several ("ﬁ"): fold word by word, offsets as written.
        tokens = [Token(fold_token(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
        bounds = [0] + [x for t in tokens for x in (t.start, t.end)] + [len(text)]
        gaps = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]
        return Split(tokens, gaps, [t.text for t in tokens], [t.start for t in tokens])
    if any(c.isalnum() for c in foreign):
        # Only the few non-ASCII letters are folded (most non-ASCII are quotes, dashes).
        low = _NON_ASCII_LETTER.sub(_fold_char, low)
    # Split in C into [gap, word, gap, word, ..., gap]; offsets are running sums of the
    # lengths, and the tuples are built without a Python call per word.
    if "'" in low or "’" in low or "`" in low:
        splitter = _SPLIT
    else:
        splitter = _SPLIT_PLAIN if "_" in low else _SPLIT_WORDS
    parts = splitter.split(low)
    ends = list(accumulate(map(len, parts)))
    words = parts[1::2]
    if "'" in low or "’" in low or "`" in low:
        # Only the few words with an apostrophe inside ("jum'at") are not alphanumeric.
        words = [w if w.isalnum() else w.translate(_APOSTROPHES) for w in words]
    starts = ends[0 : 2 * len(words) : 2]
    tokens = list(map(_new_tuple, repeat(Token), zip(words, starts, ends[1::2], strict=True)))
    # The gaps hold no letters, and only letters were folded: they are as written.
    return Split(tokens, parts[0::2], words, starts)


_SPLIT = re.compile(f"({_TOKEN.pattern})")
_SPLIT_PLAIN = re.compile(r"([^\W_]+)")  # the same without apostrophes inside words
_SPLIT_WORDS = re.compile(r"(\w+)")  # the same again, for a text without "_" (faster)
_new_tuple = tuple.__new__


def words(text: str) -> frozenset[str]:
    """A word list written as one string: ``words("akan rencana dijadwalkan")``."""
    return frozenset(text.split())
