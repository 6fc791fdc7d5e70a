"""Region codes as index ranges. A Kemendagri code holds its parents' codes as prefixes
(52, 52.01, 52.01.07, 52.01.07.2002), so "in NTB" is "the code's first two characters are
52": an equality on an expression index, in the order a list shows, instead of a LIKE
that no index serves (``sejuk.accounts.access.region_in`` writes the condition)."""

from __future__ import annotations

from typing import Any

from django.db.models import CharField, F, Func, Index

# Lengths of a code per level above the desa: provinsi, kabupaten/kota, kecamatan.
REGION_CODE_LENGTHS = (2, 5, 8)


class CodePrefix(Func):
    """``SUBSTR(code, 1, n)`` with ``n`` written into the SQL, not sent as a parameter:
    SQLite matches a query's expression to an index's only when both are literally the
    same (``Substr`` would send 1 and n as parameters, and no index would serve it)."""

    function = "SUBSTR"
    template = "%(function)s(%(expressions)s, 1, %(length)d)"
    output_field = CharField()

    def __init__(self, expression: Any, length: int, **extra: Any) -> None:
        super().__init__(expression, length=int(length), **extra)


def region_prefix(field_name: str, length: int) -> CodePrefix:
    """The first ``length`` characters of a region code column."""
    return CodePrefix(field_name, length)


def area_indexes(prefix: str, region_field: str, *order: str) -> list[Index]:
    """One index per level on the code's prefix, and one on the code itself (a desa),
    each followed by the list's order (``"-starts_at", "-id"``)."""
    ordered = [F(name[1:]).desc() if name.startswith("-") else F(name) for name in order]
    return [
        Index(region_prefix(region_field, n), *ordered, name=f"{prefix}_area{n}")
        for n in REGION_CODE_LENGTHS
    ] + [Index(F(region_field), *ordered, name=f"{prefix}_area_desa")]
