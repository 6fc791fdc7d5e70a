"""Numbers read from a query string.

``str.isdigit`` is true for superscripts and other digit-like characters that ``int``
refuses ("²"), so ``int(v) if v.isdigit() else None`` answered a 500 to
``?satuan=²``. ``str.isdecimal`` is true exactly for what ``int`` reads (Arabic-Indic
digits included); a number too long for any id is no id either.
"""

from __future__ import annotations

MAX_DIGITS = 18  # a 64-bit id has at most 19 digits; anything longer names nothing


def whole_number(value: object) -> int | None:
    """The non-negative whole number a query value holds, or None."""
    text = str(value or "").strip()
    if not text or not text.isdecimal() or len(text) > MAX_DIGITS:
        return None
    return int(text)
