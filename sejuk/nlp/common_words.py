"""Ordinary Indonesian words, to tell a place called "Pasar" from the word "pasar".

Sixteen thousand desa and kelurahan carry names made only of ordinary words ("Baru",
"Pasar Lama", "Simpang Tiga", "Aman"), so a region name in running text counts only with
a cue word ("Desa Pasar Lama") or context. The word list is the root-word dictionary
shipped by PySastrawi (about 30,000 words, MIT licence), read from the installed package
once; a light strip of the commonest affixes covers derived forms ("puluhan", "bersama").
"""

from __future__ import annotations

from functools import cache
from importlib import resources

_SUFFIXES = ("nya", "kan", "an", "i", "lah")
# Longer prefixes only: "se-", "ke-", "di-" in front of a short root make too many names
# look like words ("Sekotong" is no "se-kotong").
_PREFIXES = ("ber", "ter", "mem", "men", "meng", "meny", "pem", "pen", "peng", "peny", "per")
# A nasal prefix swallows the root's first consonant: "memantau" is mem- + "pantau",
# "menanam" men- + "tanam", "mengirim" meng- + "kirim", "menyapa" meny- + "sapa".
_SWALLOWED = {"mem": "p", "men": "t", "meng": "k", "meny": "s", "pem": "p", "pen": "t",
              "peng": "k", "peny": "s"}  # fmt: skip


@cache
def root_words() -> frozenset[str]:
    data = resources.files("Sastrawi").joinpath("Stemmer", "data", "kata-dasar.txt")
    return frozenset(data.read_text(encoding="utf-8").split())


@cache
def is_common_word(word: str) -> bool:
    """True for a folded word of ordinary Indonesian ("aman", "puluhan", "baru")."""
    roots = root_words()
    if word in roots:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and word[: -len(suffix)] in roots:
            return True
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            rest = word[len(prefix) :]
            if rest in roots or any(
                rest.endswith(s) and rest[: -len(s)] in roots for s in _SUFFIXES
            ):
                return True
    return False


def all_common(words: list[str]) -> bool:
    return all(is_common_word(w) or w.isdigit() for w in words)


@cache
def is_word_form(word: str) -> bool:
    """``is_common_word``, or a word whose nasal prefix swallowed its root's first letter
    ("memantau", "menyapa"). Not used for place names: names such as "Penajam" would
    read as words ("pen-" + "tajam")."""
    if is_common_word(word):
        return True
    roots = root_words()
    for prefix, letter in _SWALLOWED.items():
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            root = letter + word[len(prefix) :]
            if root in roots or any(
                root.endswith(s) and root[: -len(s)] in roots for s in _SUFFIXES
            ):
                return True
    return False
