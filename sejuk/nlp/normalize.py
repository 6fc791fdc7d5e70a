"""Folding text for matching: case, accents, punctuation and spacing.

``fold`` gives the comparison form of a phrase ("Kab. Lombok-Barat" -> "kab lombok barat");
``compact`` drops the spaces too, so spelling variants that differ only in word breaks meet
("Way Layap" / "Waylayap", "Sei Rampah" / "Seirampah").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Token:
    text: str  # folded
    start: int  # offsets in the original text
    end: int


def tokenize(text: str) -> list[Token]:
    """Folded tokens with their place in the original text, for highlighting."""
    return [Token(fold_token(m.group()), m.start(), m.end()) for m in _TOKEN.finditer(text)]
