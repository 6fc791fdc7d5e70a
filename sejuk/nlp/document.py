"""A text prepared once for every step: tokens, sentences, lines and a searchable form.

Each step of the reader asks the same questions of a text: which sentence is this word
in, is this line a headline, a photo caption or a "Baca juga" link, what punctuation
stands between two words. ``Document`` answers them from one pass over the text.

``norm`` is the text as folded words with shorthand spelled out ("giat dgn tomas" ->
"kegiatan dengan tokoh masyarakat"), one space between words, so a lexicon is a regular
expression over ``norm``; ``find`` maps each match back to tokens and to character
offsets in the original text, which is what the evidence of a record points at.

Sentence splitting is written here rather than taken from a library: Indonesian news
abbreviates constantly ("Kec.", "Ds.", "S.I.K.", "AKBP", "Ipda"), dates and times use
dots ("16.30", "3.000"), and titles end without punctuation; the rules below are the few
that these texts need, and they run in well under a millisecond.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from functools import cached_property
from itertools import accumulate, chain, compress, pairwise
from operator import add
from typing import Literal, NamedTuple

from .normalize import Token, split_text, words
from .shorthand import SHORTHAND, doubled_word

LineRole = Literal["body", "headline", "caption", "skip", "url"]

# Words after which a full stop does not end a sentence: titles, degrees, ranks, cue
# words of addresses, and a few other abbreviations.
_ABBREVIATIONS = words("""
    kec kab kep ds dsn kel prov kp jl jln no rt rw lk lok desa
    dr drs ir h hj prof tgh kh st sh mh si sik ik sos pd ag pdt md mm kom sag se sth mi
    akbp kompol akp iptu ipda aiptu aipda bripka brigpol brigadir bripda briptu kombes
    irjen brigjen jend jenderal pol kol letkol mayor kapt lettu letda serma serka sertu
    pkl tgl hr ybs an a n sdr bpk ny nn tn
    """)
_BOUNDARY_CHARS = re.compile(r"[.!?\n]")
_SPACE = re.compile(r"\s")
# A line of a field report that opens with its label: "Sit : aman", "Jml pers: 4 org".
_FIELD_LABEL = re.compile(r"[A-Za-z][A-Za-z.]*(?: [A-Za-z][A-Za-z.]*){0,2} ?:(?!\d)")
_PUNCTUATION = re.compile(r"[,.;:!?()\"“”\n–—-]")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”–—]|\s-\s")
_SKIP_STARTS = (
    "baca juga", "baca:", "lihat juga", "simak juga", "artikel terkait", "berita terkait",
    "sebarkan artikel", "tinggalkan balasan", "alamat email", "editor:", "editor :",
    "penulis:", "penulis :",
)  # fmt: skip
# A photo caption: "(ANTARA/HO-Humas ...)", "(Foto: ...)", "Ilustrasi - ...".
_CAPTION_LINE = re.compile(r"\((?:antara|foto|dok)[^)]*\)|/ho[-\s]|^(?:foto|ilustrasi)\b")
_LONG_WORD_START = re.compile(r"\b([^\W\d_])[^\W_]{3,}")


# Words the steps look for (lexicon heads, cue and unit words): their places in a text
# are found in one pass. Modules add to it with ``watch`` when they are imported.
WATCHED: set[str] = set()


def watch(words: frozenset[str] | set[str]) -> frozenset[str]:
    WATCHED.update(words)
    return frozenset(words)


def _marks(gaps: list[str], marked: set[str], pattern: re.Pattern[str]) -> list[bool]:
    """For each gap, whether ``pattern`` is found in it; only the ``marked`` gaps (those
    with punctuation) can match, and each is searched once."""
    found = {g for g in marked if pattern.search(g)}
    return list(map(found.__contains__, gaps))


class Sentence(NamedTuple):
    number: int  # its place among the sentences of the text
    first: int  # token index, inclusive
    last: int  # token index, exclusive
    start: int  # character offsets in the text
    end: int
    line: int
    role: LineRole


class Match(NamedTuple):
    """A lexicon match: tokens [first, last) and the characters [start, end) they cover."""

    first: int
    last: int
    start: int
    end: int
    text: str  # as written in the original text
    words: str  # as matched in ``norm``
    group: str | None = None  # name of the pattern group that matched, if any


class Document:
    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token]
        self.gaps: list[str]  # gaps[i]: the text before token i; the last, after the end
        self.token_starts: list[int]
        # The folded tokens as written (before shorthand is spelled out).
        self.folded: list[str]
        self.tokens, self.gaps, self.folded, self.token_starts = split_text(text)
        self._folded_set = frozenset(self.folded)
        # Shorthand spelled out ("giat" -> "kegiatan"); most news texts have none, and
        # then the words are the tokens.
        # ... and a word doubled with a 2 ("pesan2") read as doubled.
        doubled: dict[str, str] = {}
        for w in self._folded_set:
            if w[-1] == "2" and w[0] > "9" and (x := doubled_word(w)) is not None:
                doubled[w] = x
        if self._folded_set.isdisjoint(SHORTHAND) and not doubled:
            self.words: list[str] = self.folded
        else:
            table: dict[str, str] = {**SHORTHAND, **doubled} if doubled else SHORTHAND
            self.words = list(map(table.get, self.folded, self.folded))
        # Where each word starts in ``norm`` (words joined by single spaces).
        # (the running length of the words before, plus one space after each: all in C)
        self._word_starts: list[int] = list(
            map(add, accumulate(map(len, self.words), initial=0), range(len(self.words)))
        )
        self.norm = " ".join(self.words)
        # True when no shorthand spelled out into several words: word lists are slices.
        # (``norm`` then has exactly one space between words: a count in C.)
        self.simple = self.words is self.folded or self.norm.count(" ") == len(self.words) - 1
        self.lines: list[tuple[int, int, LineRole]] = self._lines()
        # Punctuation between a token and the one before it. A text has only a score of
        # distinct gaps (" ", ", ", ". ", ...): each is looked at once, and the marks are
        # then read per token by a set look-up mapped in C.
        gaps = self.gaps
        marked = {g for g in set(gaps) if _PUNCTUATION.search(g)}
        self.punctuated: list[bool] = list(map(marked.__contains__, gaps))
        self.clause_break: list[bool] = _marks(gaps, marked, _CLAUSE_BREAK)
        self.sentences: list[Sentence] = self._sentences(_marks(gaps, marked, _BOUNDARY_CHARS))
        sent_of: list[int] = []
        for s in self.sentences:
            sent_of.extend([s.number] * (s.last - s.first))
        self.sent_of = sent_of
        self._title_case: dict[int, bool] = {}
        # Lexicon matches, by lexicon, worked out once per text (``Lexicon.find``).
        self.found: dict[int, list[tuple[str, Match]]] = {}
        self._capitals: dict[int, bool] = {}
        self.skipped: list[bool] = [False] * len(self.tokens)
        for sentence in self.sentences:
            if sentence.role in ("skip", "url"):
                self.skipped[sentence.first : sentence.last] = [True] * (
                    sentence.last - sentence.first
                )

    # -- structure -----------------------------------------------------------------

    def _lines(self) -> list[tuple[int, int, LineRole]]:
        out: list[tuple[int, int, LineRole]] = []
        start = 0
        seen_body = False
        for raw in self.text.split("\n"):
            end = start + len(raw)
            # Half the lines of a web page are empty: no need to look closer.
            role = self._line_role(raw, seen_body) if raw else "body"
            if role == "body":
                seen_body = True
            out.append((start, end, role))
            start = end + 1
        return out

    @staticmethod
    def _line_role(line: str, seen_body: bool) -> LineRole:
        stripped = line.strip()
        low = stripped.lower()
        if low.startswith("url:"):
            return "url"
        if low.startswith(_SKIP_STARTS):
            return "skip"
        if (
            "(" in low or "/ho" in low or low.startswith(("foto", "ilustrasi"))
        ) and _CAPTION_LINE.search(low):
            # An illustration shows another event: nothing in it describes this one.
            return "skip" if "ilustrasi" in low else "caption"
        if seen_body or not stripped or stripped.endswith((".", "”", '"', ":")):
            return "body"
        return "headline" if len(stripped.split()) <= 24 else "body"

    def _sentences(self, ends: list[bool]) -> list[Sentence]:
        """Sentences; ``ends[k]``: a full stop, "!", "?" or a line break before token k."""
        toks = self.tokens
        line_starts = [s for s, _, _ in self.lines]
        out: list[Sentence] = []
        first = 0
        n = len(toks)
        # Only tokens followed by ".", "!", "?" or a line break can end a sentence.
        candidates = [k - 1 for k in compress(range(n + 1), ends) if 0 < k < n]
        for i in [*candidates, n - 1] if n else []:
            if i + 1 < n and not self._ends_sentence(i):
                continue
            line = bisect_right(line_starts, toks[first].start) - 1
            out.append(
                Sentence(
                    len(out),
                    first,
                    i + 1,
                    toks[first].start,
                    toks[i].end,
                    line,
                    self.lines[line][2],
                )
            )
            first = i + 1
        return out

    def _ends_sentence(self, i: int) -> bool:
        gap = self.gaps[i + 1]
        if "\n" in gap:
            return not self._wrapped(i, gap)
        if _SPACE.search(gap) is None:
            return False
        tok = self.tokens[i]
        word = tok.text
        if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
            # "Kec. Sekotong", "S.H.", "I Ketut": a full stop that belongs to the word.
            return False
        nxt = self.text[self.tokens[i + 1].start]
        return nxt.isupper() or nxt.isdigit() or not nxt.isalpha()

    def _wrapped(self, i: int, gap: str) -> bool:
        """A line broken inside a sentence, as text copied from a page or a PDF is: one
        line break, no punctuation before it, and the next line goes on in lower case,
        with a bracket or a number ("Selasa siang / (22/04/2025) pukul 13.00"), or after a
        full-width line ("... persiapan / PSU yang direncanakan")."""
        if gap.count("\n") != 1 or gap.strip(" \t\r\n(") != "":
            return False
        starts = [start for start, _, _ in self.lines]
        number = bisect_right(starts, self.tokens[i].start) - 1
        start, end, role = self.lines[number]
        line = self.text[start:end]
        if len(line.strip()) < 20 or role != "body":
            return False
        nxt_start = self.tokens[i + 1].start
        if _FIELD_LABEL.match(self.text, nxt_start):
            return False  # "Sit : aman": a labelled line of a field report opens a field
        nxt = self.text[nxt_start]
        if "(" in gap or nxt.islower() or nxt.isdigit():
            return True
        return len(line) >= 55

    # -- questions -----------------------------------------------------------------

    @cached_property
    def lead(self) -> frozenset[int]:
        """The first two sentences of the body: where a release says what happened."""
        return frozenset([s.number for s in self.sentences if s.role == "body"][:2])

    @cached_property
    def first_words(self) -> list[str]:
        """The first word of each token's words ("tomas" -> "tokoh"): one word a token."""
        if self.simple:
            return self.words
        return [w.split(" ", 1)[0] if " " in w else w for w in self.words]

    @cached_property
    def vocabulary(self) -> frozenset[str]:
        """The distinct (first) words of the text: a step first asks whether its words
        occur at all, a set operation, before it looks for where."""
        if self.first_words is self.folded:
            return self._folded_set
        return frozenset(self.first_words)

    @cached_property
    def _where(self) -> dict[str, list[int]]:
        """Where each word that some step looks for stands (``watch``), found in one pass."""
        present = self.vocabulary & WATCHED
        out: dict[str, list[int]] = {w: [] for w in present}
        words = self.first_words
        # A quarter of the tokens are watched: picked out in C, then filed by word.
        for i in compress(range(len(words)), map(present.__contains__, words)):
            out[words[i]].append(i)
        return out

    def positions(self, words: frozenset[str] | set[str]) -> list[int]:
        """The tokens whose (first) word is one of ``words``, in text order."""
        present = self.vocabulary & words
        if not present:
            return []
        where = self._where
        if present <= where.keys():
            if len(present) == 1:
                return where[next(iter(present))]
            return sorted(chain.from_iterable(map(where.__getitem__, present)))
        return [i for i, w in enumerate(self.first_words) if w in present]

    def token_at(self, offset: int) -> int:
        """The token at or before a character offset."""
        return max(0, bisect_right(self.token_starts, offset) - 1)

    def sentence(self, token: int) -> Sentence:
        return self.sentences[self.sent_of[token]]

    def role(self, token: int) -> LineRole:
        return self.sentences[self.sent_of[token]].role

    def is_skipped(self, token: int) -> bool:
        return self.skipped[token]

    def clause_start(self, token: int) -> int:
        """First token of the clause holding ``token`` (commas, brackets, quotes and
        dashes end a clause; so does the sentence)."""
        return self._clause_starts[token]

    @cached_property
    def _clause_starts(self) -> list[int]:
        # Each token's clause starts at the last mark or sentence start at or before it:
        # each start repeated up to the next one (a few dozen list extensions rather than
        # a step per token).
        n = len(self.tokens)
        marks = compress(range(n), self.clause_break)
        starts = sorted({0, *marks, *(s.first for s in self.sentences)})
        out: list[int] = []
        for start, end in pairwise([*starts, n]):
            out += [start] * (end - start)
        return out

    def clause_end(self, token: int) -> int:
        last = self.sentences[self.sent_of[token]].last
        marks = self.clause_break
        i = token + 1
        while i < last and not marks[i]:
            i += 1
        return i

    def is_capitalized(self, token: int) -> bool:
        ch = self.text[self.tokens[token].start]
        return ch.isupper() or ch.isdigit()

    def title_case(self, line: int) -> bool:
        """A line where most words start with a capital: there a capital says nothing.
        (Worked out for the lines that are asked about, and remembered.)"""
        known = self._title_case.get(line)
        if known is None:
            start, end, _ = self.lines[line]
            initials = _LONG_WORD_START.findall(self.text, start, end)
            known = len(initials) >= 3 and sum(map(str.isupper, initials)) >= 0.7 * len(initials)
            self._title_case[line] = known
        return known

    def capital_means_name(self, token: int) -> bool:
        """A capital letter that marks a name: not the first word of a sentence, not in a
        line written in Title Case or in capitals."""
        s = self.sentence(token)
        if not self.is_capitalized(token):
            return False
        if token == s.first or self.title_case(s.line):
            return False
        word = self.text[self.tokens[token].start : self.tokens[token].end]
        return not (len(word) > 3 and word.isupper() and self.in_capitals(s.line))

    def in_capitals(self, line: int) -> bool:
        """A line written mostly in capitals (remembered per line)."""
        known = self._capitals.get(line)
        if known is None:
            start, end, _ = self.lines[line]
            text = self.text[start:end]
            letters = sum(map(str.isalpha, text))
            known = bool(letters) and sum(map(str.isupper, text)) > 0.6 * letters
            self._capitals[line] = known
        return known

    def find(self, pattern: re.Pattern[str], skip_lines: bool = True) -> Iterator[Match]:
        """Matches of ``pattern`` in ``norm``, as tokens and original offsets. A match
        must start and end on word boundaries (patterns should use ``\\b``)."""
        starts = self._word_starts
        for m in pattern.finditer(self.norm):
            first = bisect_right(starts, m.start()) - 1
            last = bisect_right(starts, max(m.end() - 1, m.start()))
            if skip_lines and self.is_skipped(first):
                continue
            start, end = self.tokens[first].start, self.tokens[last - 1].end
            yield Match(first, last, start, end, self.text[start:end], m.group(), m.lastgroup)

    def norm_of(self, first: int, last: int) -> str:
        """The normalised words of tokens [first, last)."""
        return " ".join(self.words[first:last])

    def span_text(self, first: int, last: int) -> str:
        return self.text[self.tokens[first].start : self.tokens[last - 1].end]

    @cached_property
    def url(self) -> str | None:
        for start, end, role in self.lines:
            if role == "url":
                return self.text[start:end].split(":", 1)[1].strip()
        return None
