"""A new row written by a statement made once per model and database, for the intake's
hot path: what ``Model.save()`` does for a new row (each field's value as it saves it:
defaults, ``auto_now_add``, the value adapted for the database; the generated columns
and the id read back; the ``pre_save`` and ``post_save`` signals, so every listener
hears of it), without building the query again for each report.

``insert(obj, conflict="code")`` stores nothing when another row already holds the same
value in that unique column (``ON CONFLICT (code) DO NOTHING``, which SQLite 3.35+ and
PostgreSQL both speak) and says so, where the ORM would need a savepoint around the
INSERT to go on after the clash."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import connections, models, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.signals import post_save, pre_save


@dataclass(frozen=True)
class _Statement:
    sql: str
    fields: list[models.Field[Any, Any]]  # written, in the statement's order
    returned: list[models.Field[Any, Any]]  # read back: the id, generated columns


_made: dict[tuple[type[models.Model], str, str], _Statement] = {}


def insert(obj: models.Model, *, conflict: str = "") -> bool:
    """Write ``obj`` as a new row in the caller's transaction; False (nothing written,
    no ``post_save`` sent) when ``conflict`` names a unique field another row already
    holds the value of."""
    model = type(obj)
    alias = router.db_for_write(model, instance=obj)
    connection = connections[alias]
    pre_save.send(sender=model, instance=obj, raw=False, using=alias, update_fields=None)
    statement = _statement(model, connection, conflict)
    values = [f.get_db_prep_save(f.pre_save(obj, True), connection) for f in statement.fields]
    with connection.cursor() as cursor:
        cursor.execute(statement.sql, values)
        row = cursor.fetchone()
    if row is None:
        return False
    for field, value in zip(statement.returned, row, strict=True):
        if hasattr(field, "from_db_value"):
            value = field.from_db_value(value, None, connection)
        setattr(obj, field.attname, value)
    obj._state.adding = False
    obj._state.db = alias
    post_save.send(
        sender=model, instance=obj, created=True, update_fields=None, raw=False, using=alias
    )
    return True


def _statement(
    model: type[models.Model], connection: BaseDatabaseWrapper, conflict: str
) -> _Statement:
    key = (model, connection.alias, conflict)
    made = _made.get(key)
    if made is None:
        meta = model._meta
        quote = connection.ops.quote_name
        fields = [
            f
            for f in meta.local_concrete_fields
            if f is not meta.auto_field and not getattr(f, "generated", False)
        ]
        returned = list(meta.db_returning_fields)
        columns = ", ".join(quote(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        column = {f.name: f.column for f in meta.concrete_fields}
        clash = f" ON CONFLICT ({quote(column[conflict])}) DO NOTHING" if conflict else ""
        back = ", ".join(quote(f.column) for f in returned)
        # Names from the model, values as parameters.
        sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks}){clash} RETURNING {back}"  # noqa: S608, E501
        made = _made[key] = _Statement(sql, fields, returned)
    return made
