"""Word lists compiled into one regular expression each, matched over ``Document.norm``.

A lexicon maps a label code to the phrases that signal it, written as they read after
folding and shorthand expansion (lower case, single spaces: "patroli dialogis",
"tokoh masyarakat"). A phrase may use regular-expression syntax for inflection
("menyambang\\w*"). ``Lexicon.find`` yields (code, match) pairs in text order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from .document import Document, Match


class Lexicon:
    def __init__(self, table: Mapping[str, Sequence[str]]) -> None:
        self.table = table
        parts = []
        self._codes: list[str] = []
        for index, (code, phrases) in enumerate(table.items()):
            self._codes.append(code)
            alternatives = "|".join(sorted(phrases, key=len, reverse=True))
            parts.append(f"(?P<g{index}>{alternatives})")
        self.pattern = re.compile(r"\b(?:" + "|".join(parts) + r")\b")

    def find(self, doc: Document) -> Iterator[tuple[str, Match]]:
        for m in doc.find(self.pattern):
            if m.group is not None:
                yield self._codes[int(m.group[1:])], m
