"""The reader's language as data: the phrase tables in ``sejuk/nlp/language/*.txt``.

Each file is a table a linguist can edit without Python: one entry a line,

    label | phrase | example sentence

- ``label``: what the phrase signals (an activity type, a participant group, a
  situation, the words a shorthand stands for, ...; each file's header says which);
- ``phrase``: the words as they read after folding (lower case, no punctuation, one
  space, shorthand spelled out: "patroli dialogis", "tokoh masyarakat"). Plain words are
  the rule; a few regular-expression forms are allowed after the first word:
  ``(?:a|b)`` one of several words, ``(?:\\w+ )?`` any one word or none, ``(?! kerja)``
  not followed by "kerja". A phrase may also start with ``(?:a|b|c)``: one entry for
  several first words ("(?:menggelar|mengadakan) rapat"). Two shorthands for gaps:
  ``<0-6 kata>`` is up to six words of any kind, ``<0-6 kata bukan: tidak belum>`` up to
  six words none of which is "tidak" or "belum" ("situasi <0-6 kata bukan: tidak> aman"
  finds "situasi di desa itu aman" but not "situasi tidak aman");
- ``example``: a sentence in which the reader finds the phrase and gives the label.
  ``tests/nlp/test_language.py`` reads every example and checks it.

Lines starting with ``#`` and empty lines are comments. A wrong line stops the reader at
start with the file and line number, so a mistake cannot slip into use unseen.

The tables are read once, when the modules that use them are imported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

_PLAIN = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_HEAD = re.compile(r"[a-z0-9]")


@dataclass(frozen=True, slots=True)
class Entry:
    label: str
    phrase: str  # as written in the file
    example: str
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def phrases(self) -> tuple[str, ...]:
        """The phrase as regular expressions: gaps written out, a leading ``(?:a|b)``
        spelled out into one phrase per word."""
        return expand_head(expand_gaps(self.phrase))


class LanguageError(ValueError):
    pass


@cache
def entries(name: str) -> tuple[Entry, ...]:
    """The entries of ``language/<name>.txt``, in file order."""
    source = resources.files("sejuk.nlp").joinpath("language", f"{name}.txt")
    return parse(f"{name}.txt", source.read_text(encoding="utf-8"))


def parse(file: str, text: str) -> tuple[Entry, ...]:
    """The entries of a table's text; ``file`` names it in errors."""
    out = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split(" | ")]
        where = f"{file}:{number}"
        if len(parts) != 3 or not all(parts):
            raise LanguageError(f"{where}: expected 'label | phrase | example', got {raw!r}")
        label, phrase, example = parts
        entry = Entry(label, phrase, example, file, number)
        for p in entry.phrases():
            if not _HEAD.match(p):
                raise LanguageError(f"{where}: a phrase must start with a letter or digit")
            try:
                re.compile(p)
            except re.error as exc:
                raise LanguageError(f"{where}: {exc}") from None
        out.append(entry)
    return tuple(out)


def table(name: str, labels: object = None) -> dict[str, tuple[str, ...]]:
    """Label -> phrases, for a ``Lexicon``. ``labels``: the labels allowed (a label set
    of ``taxonomy``); an entry with another label is an error."""
    out: dict[str, list[str]] = {}
    for e in entries(name):
        if labels is not None and e.label not in labels:  # type: ignore[operator]
            raise LanguageError(f"{e.where}: unknown label {e.label!r}")
        out.setdefault(e.label, []).extend(e.phrases())
    return {label: tuple(phrases) for label, phrases in out.items()}


def word_table(name: str) -> dict[str, str]:
    """Phrase -> label, for tables of single words (shorthand, cue words, titles)."""
    out: dict[str, str] = {}
    for e in entries(name):
        for p in e.phrases():
            if " " in p or not _PLAIN.fullmatch(p):
                raise LanguageError(f"{e.where}: one plain word expected, got {p!r}")
            if p in out and out[p] != e.label:
                raise LanguageError(f"{e.where}: {p!r} is already {out[p]!r}")
            out[p] = e.label
    return out


_GAP = re.compile(r" <(\d+)-(\d+) kata(?: bukan: ([a-z0-9 ]+))?>")


def expand_gaps(phrase: str) -> str:
    """ "situasi <0-6 kata bukan: tidak> aman" -> "situasi(?: (?!tidak\\b)\\w+){0,6} aman"."""

    def gap(m: re.Match[str]) -> str:
        low, high, not_these = m.group(1), m.group(2), m.group(3)
        word = r"\w+"
        if not_these:
            word = "(?!" + "|".join(rf"{w}\b" for w in not_these.split()) + ")" + word
        return f"(?: {word}){{{low},{high}}}"

    return _GAP.sub(gap, phrase)


def expand_head(phrase: str) -> tuple[str, ...]:
    """ "(?:menggelar|mengadakan) rapat" -> ("menggelar rapat", "mengadakan rapat")."""
    if not phrase.startswith("(?:"):
        return (phrase,)
    depth, close = 0, -1
    for k, ch in enumerate(phrase):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                close = k
                break
    inner, rest = phrase[3:close], phrase[close + 1 :]
    heads = inner.split("|")
    if close < 0 or not all(_PLAIN.fullmatch(h) for h in heads):
        return (phrase,)  # not a list of plain words: left to the regular expression
    return tuple(h + rest for h in heads)
