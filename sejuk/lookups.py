"""An integer no database column can hold matches nothing, in every lookup.

A client may send any integer as an id (``?unit_id=99999999999999999999``, a huge
``officer_ids`` entry). Django already answers "no match" for ``exact`` and the range
lookups on an integer column, but not for a foreign key's ``exact`` nor for ``in``:
SQLite then fails with OverflowError and PostgreSQL with "out of range", a 500. These
two lookups, registered in their place (``install``, from ``sejuk.web.apps``), drop
the values outside the column's range first.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


def _range(lookup: Any, connection: Any) -> tuple[int | None, int | None]:
    field = lookup.lhs.output_field
    field = getattr(field, "target_field", field)  # a foreign key: the column it holds
    kind = field.get_internal_type()
    if kind not in connection.ops.integer_field_ranges:
        return None, None  # not an integer column (a region's code)
    low, high = connection.ops.integer_field_range(kind)
    return low, high


def _fits(value: object, low: int | None, high: int | None) -> bool:
    if not isinstance(value, int) or isinstance(value, bool):
        return True
    return (low is None or value >= low) and (high is None or value <= high)


def _drop_out_of_range(lookup: Any, connection: Any) -> None:
    """Keep the values of ``lookup`` a column can hold; none left: it matches nothing."""
    if not lookup.rhs_is_direct_value():
        return
    low, high = _range(lookup, connection)
    many = isinstance(lookup.rhs, list | tuple | set)
    kept = [v for v in (lookup.rhs if many else [lookup.rhs]) if _fits(v, low, high)]
    if not kept:
        raise EmptyResultSet
    if many:
        lookup.rhs = kept


class ForeignKeyExact(RelatedExact):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        _drop_out_of_range(self, connection)
        return super().process_rhs(compiler, connection)


class ForeignKeyIn(RelatedIn):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        _drop_out_of_range(self, connection)
        return super().process_rhs(compiler, connection)


class IntegerIn(In):
    def process_rhs(self, compiler: Any, connection: Any) -> Any:
        _drop_out_of_range(self, connection)
        return super().process_rhs(compiler, connection)


def install() -> None:
    ForeignKey.register_lookup(ForeignKeyExact, "exact")
    ForeignKey.register_lookup(ForeignKeyIn, "in")
    IntegerField.register_lookup(IntegerIn, "in")
