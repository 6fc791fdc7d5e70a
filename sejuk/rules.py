"""The fields of a record's input, declared once.

A service's input is a dataclass whose fields carry their rule: the longest text, the
bounds of a number, the codes of a vocabulary, how many items a list may hold::

    dusun: str = rule("", max_length=120)
    situation: str = rule("", choices=SITUATIONS, blank=True)

The service checks its input by these rules, in its own Indonesian words; the API's
request schemas are generated from the same dataclass (``sejuk.openapi.input_schema``),
and forms take their limits from it, so a limit is changed in one place. Pure Python: no
Django, no pydantic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, dataclass, field, fields
from typing import Any

_KEY = "sejuk.rule"


@dataclass(frozen=True)
class Rule:
    max_length: int | None = None  # a text's longest
    minimum: float | None = None  # a number's bounds (a mapping's values)
    maximum: float | None = None
    # The codes a text takes (a list's items, a mapping's keys).
    choices: Mapping[str, str] | None = None
    blank: bool = False  # "" too, besides the choices
    max_items: int | None = None  # a list's longest
    description: str = ""  # said in the API's schema

    def within(self, value: float) -> bool:
        low = self.minimum if self.minimum is not None else value
        high = self.maximum if self.maximum is not None else value
        return low <= value <= high


def rule(default: Any = MISSING, *, factory: Callable[[], Any] | None = None, **given: Any) -> Any:
    """A dataclass field with its rule (see ``Rule``): a ``default``, a ``factory`` of
    its default (an empty dict), or neither (the field must be given)."""
    if factory is not None:
        return field(default_factory=factory, metadata={_KEY: Rule(**given)})
    return field(default=default, metadata={_KEY: Rule(**given)})


def rule_of(f: Field[Any]) -> Rule:
    found: Rule = f.metadata.get(_KEY, Rule())
    return found


def rules(cls: type) -> dict[str, Rule]:
    """Every field of a dataclass with its rule (an empty rule where none is given)."""
    return {f.name: rule_of(f) for f in fields(cls)}
