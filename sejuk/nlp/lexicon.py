"""Word lists matched over ``Document.norm``, fast.

A lexicon maps a label code to the phrases that signal it, written as they read after
folding and shorthand expansion (lower case, single spaces: "patroli dialogis",
"tokoh masyarakat"). A phrase may use regular-expression syntax after its first letters
("pemuka (?:\\w+ )?agama"), but must start with a whole word, which indexes it; a first
word written as a pattern ("sambang\\w*") works too, at the cost of a look at every word.

One regular expression with hundreds of alternatives is slow in Python (each is tried at
every word); here each word of the text looks up only the phrases that start with it (or
with its first letters), so a lexicon costs a dictionary look-up per word.
``Lexicon.find`` yields (code, match) pairs in text order, without overlaps, the longest
phrase first, as a single alternation would. A phrase ends in the sentence where it
starts: "... di wilayah adat mereka. Kegiatan berjalan aman" is no "wilayah ... aman".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from .document import Document, Match, watch

_HEAD = re.compile(r"[a-z0-9]+")


class Lexicon:
    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self.table = table
        exact: dict[str, list[tuple[str, str]]] = {}
        prefix: dict[str, list[tuple[str, str]]] = {}
        for code, phrases in table.items():
            for phrase in phrases:
                head = _HEAD.match(phrase)
                if head is None:
                    raise ValueError(f"a phrase must start with letters: {phrase!r}")
                word = head.group()
                rest = phrase[head.end() :]
                whole = not rest or rest.startswith((" ", "(?: ", "(?! "))
                (exact if whole else prefix).setdefault(word, []).append((code, phrase))
        self._exact = {w: _compile(items) for w, items in exact.items()}
        self._prefix = {w: _compile(items) for w, items in prefix.items()}
        self._prefix_lengths = sorted({len(w) for w in prefix})
        self._heads = watch(frozenset(exact))
        # Heads whose only phrase is the word itself ("warga", "pilkada"): found without
        # trying a pattern, as a token is a whole word (unless a prefix phrase could
        # match a longer run there).
        self._alone: dict[str, str] = {}
        if not prefix:
            self._alone = {
                w: items[0][0] for w, items in exact.items() if len(items) == 1 and items[0][1] == w
            }

    def find(self, doc: Document) -> Iterator[tuple[str, Match]]:
        """The matches in ``doc`` (worked out once per text: several steps ask the same
        lexicon)."""
        found = doc.found.get(id(self))
        if found is None:
            found = doc.found[id(self)] = list(self._find(doc))
        return iter(found)

    def _find(self, doc: Document) -> Iterator[tuple[str, Match]]:
        norm, starts, tokens, skipped = doc.norm, doc._word_starts, doc.tokens, doc.skipped
        alone = self._alone
        taken_until = -1
        words = doc.first_words
        sentences, sent_of = doc.sentences, doc.sent_of
        # The words of the text that start some phrase: a set operation first.
        heads = doc.positions(self._heads)
        if self._prefix:
            lengths = self._prefix_lengths
            starts_some = {
                w
                for w in doc.vocabulary
                if any(w[:n] in self._prefix for n in lengths if len(w) >= n)
            }
            heads = sorted({*heads, *doc.positions(starts_some)})
        for i in heads:
            if starts[i] < taken_until or skipped[i]:
                continue
            first = words[i]
            code = alone.get(first)
            if code is not None:
                end, last = starts[i] + len(first), i + 1
            else:
                last_word = sentences[sent_of[i]].last - 1
                endpos = starts[last_word] + len(doc.words[last_word])
                found = self._longest_at(norm, starts[i], first, endpos)
                if found is None:
                    continue
                end, code = found
                last = _token_at(starts, end - 1, i) + 1
            start, stop = tokens[i].start, tokens[last - 1].end
            taken_until = end
            yield code, Match(i, last, start, stop, doc.text[start:stop], norm[starts[i] : end])

    def _longest_at(self, norm: str, at: int, first: str, endpos: int) -> tuple[int, str] | None:
        """The longest phrase that matches ``norm`` at offset ``at`` (where the word
        ``first`` starts) and ends by ``endpos`` (the end of its sentence): its end and
        its code."""
        found = self._exact.get(first)
        if not self._prefix_lengths:  # the usual lexicon: one pattern per first word
            if found is None:
                return None
            m = found[0].match(norm, at, endpos)
            return None if m is None else (m.end(), found[1][m.lastgroup or ""])
        tries = []
        if found is not None:
            tries.append(found)
        for n in self._prefix_lengths:
            if len(first) < n:
                break
            found = self._prefix.get(first[:n])
            if found is not None:
                tries.append(found)
        best: tuple[int, str] | None = None
        for pattern, codes in tries:
            m = pattern.match(norm, at, endpos)
            if m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), codes[m.lastgroup or ""])
        return best


def _compile(items: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the phrases that share a first word; the group says the code."""
    ordered = sorted(items, key=lambda item: len(item[1]), reverse=True)
    parts = [f"(?P<p{k}>{phrase})" for k, (_, phrase) in enumerate(ordered)]
    codes = {f"p{k}": code for k, (code, _) in enumerate(ordered)}
    return re.compile("(?:" + "|".join(parts) + r")\b"), codes


def _token_at(starts: list[int], offset: int, lo: int) -> int:
    k = lo
    while k + 1 < len(starts) and starts[k + 1] <= offset:
        k += 1
    return k


def each(first_words: str, rest: str) -> tuple[str, ...]:
    """Phrases that differ in their first word: ``each("berjalan berlangsung", " aman")``."""
    return tuple(f"{w}{rest}" for w in first_words.split())


def words_of(text: str) -> tuple[str, ...]:
    """Single-word phrases written as one string: ``words_of("sambang sambangi")``."""
    return tuple(text.split())
