"""Shorthand of field reports and chat messages, spelled out.

Officers type their reports in WhatsApp: "giat sambang dgn tomas dan toga di ds ...,
sit aman kondusif". Every other step matches on full words, so each folded token that is
a known shorthand is read as the words it stands for. Only the words change; offsets stay
those of the token written, so evidence still points at what the officer typed.

Region cue words ("ds", "kec", "kab", "dsn") are not here: the gazetteer reads them as
cues. The table is language knowledge, kept as data in ``language/shorthand.txt``
(see ``phrases``) so a reader can check and extend it without Python.
"""

from __future__ import annotations

import re
from typing import Final

from .phrases import word_table

# short form -> the words it stands for, from ``language/shorthand.txt``.
SHORTHAND: Final[dict[str, str]] = word_table("shorthand")


def expand(word: str) -> str:
    """The words a folded token stands for (the token itself when it is no shorthand)."""
    return SHORTHAND.get(word, word)


_DOUBLED = re.compile(r"([a-z]{3,})2")


def doubled_word(word: str) -> str | None:
    """ "pesan2", "isu2": a word doubled with a 2, as chats write "pesan-pesan"."""
    m = _DOUBLED.fullmatch(word)
    if m is None:
        return None
    base = SHORTHAND.get(m.group(1), m.group(1))
    return f"{base} {base}"
