"""Signals of media monitoring: the words in a post or an article that point to
provocation, hate speech, a hoax, intimidation, money politics, a call to mobilise or a
rejection of the results, each with the words that raised it.

The words are data (``language/signal.txt``); the rules over them are few and named here:

- a phrase said to warn against the thing ("jangan mudah terprovokasi hoaks", "hindari
  politik uang") raises nothing: a police appeal is no signal (``APPEAL``, up to eight
  words before it in its sentence). The list is narrower than the reader's warnings
  (``context.WARNING``): in a post, "mengajak" and "menolak" are the signal, not an
  appeal against it;
- "klarifikasi" words are no signal: they mark the text as a clarification, which sets a
  hoax right (``Reading.clarifies``);
- a signal's weight is that of its kind (``WEIGHTS``: a call to mobilise or an
  intimidation weighs more than a hoax), one more for each further sentence that raises
  it, at most twice the kind's weight.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from . import context, phrases
from .document import Document
from .lexicon import Lexicon
from .normalize import words
from .record import Evidence

SIGNALS: Final[dict[str, str]] = {
    "provokasi": "Provokasi",
    "ujaran_kebencian": "Ujaran kebencian",
    "hoaks": "Hoaks",
    "intimidasi": "Intimidasi",
    "politik_uang": "Politik uang",
    "pengerahan_massa": "Ajakan pengerahan massa",
    "penolakan_hasil": "Penolakan hasil",
}
CLARIFICATION: Final = "klarifikasi"

# How much one signal of a kind weighs on the picture of its desa.
WEIGHTS: Final[dict[str, int]] = {
    "provokasi": 2,
    "ujaran_kebencian": 2,
    "hoaks": 1,
    "intimidasi": 3,
    "politik_uang": 2,
    "pengerahan_massa": 3,
    "penolakan_hasil": 2,
}

APPEAL: Final = words("""
    jangan hindari menghindari hindarkan mencegah cegah pencegahan antisipasi
    mengantisipasi menangkal tangkal waspada waspadai terpancing terprovokasi terpengaruh
    termakan imbau mengimbau imbauan himbauan menghimbau mengingatkan larangan dilarang
    bahaya melawan memerangi anti tidak
    """)

_WHY: Final[dict[str, str]] = {
    code: f"kata yang menandai {label.lower()}" for code, label in SIGNALS.items()
}


@dataclass(frozen=True, slots=True)
class Found:
    kind: str  # a code of SIGNALS
    weight: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Reading:
    signals: tuple[Found, ...]
    clarifies: tuple[Evidence, ...]  # words that say a circulating claim was set right


@cache
def _lexicon() -> Lexicon:
    return Lexicon(phrases.table("signal", labels={*SIGNALS, CLARIFICATION}))


def read_signals(text: str) -> Reading:
    """The signals of a text with their evidence, strongest first."""
    doc = Document(text)
    found: dict[str, list[tuple[int, Evidence]]] = {}
    clarifies: list[Evidence] = []
    for code, m in _lexicon().find(doc):
        if code == CLARIFICATION:
            clarifies.append(Evidence(m.start, m.end, m.text, "kata klarifikasi"))
            continue
        if not APPEAL.isdisjoint(context.words_before(doc, m.first, 8)):
            continue
        sentence = doc.sent_of[m.first]
        found.setdefault(code, []).append((sentence, Evidence(m.start, m.end, m.text, _WHY[code])))
    out = []
    for code, hits in found.items():
        sentences = len({s for s, _ in hits})
        weight = min(WEIGHTS[code] + sentences - 1, 2 * WEIGHTS[code])
        out.append(Found(code, weight, tuple(e for _, e in hits)))
    out.sort(key=lambda f: (-f.weight, f.kind))
    return Reading(tuple(out), tuple(clarifies))
