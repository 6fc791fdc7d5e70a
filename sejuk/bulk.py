"""Writing many rows fast: plain tuples straight to the table, no model instances.

For generated data at national scale (millions of rows), where building a Django object
per row costs more than the database does. The caller owns the transaction and keeps
each one short (a chunk of rows). Columns are named by model field, so a model that moves
to another app or table needs no change here. SQLite gets ``executemany``, PostgreSQL
``COPY``; values are adapted the way Django would adapt them for that database.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

Adapt = Callable[[Any], Any]
_sqlite_tuned: dict[int, bool] = {}


def _adapter(field: models.Field[Any, Any]) -> Adapt | None:
    kind = field.get_internal_type()
    if kind == "JSONField":
        return _json
    if connection.vendor != "sqlite":
        return None  # psycopg's COPY takes dates, datetimes and booleans as they are
    if kind == "DateTimeField":
        return _sqlite_datetime
    if kind == "DateField":
        return date.isoformat
    return None


class Encoded(str):
    """A JSON value already encoded: rows that share one value (most desa's explained
    tension on a day) encode it once instead of once per row."""


def encoded(value: Any) -> Encoded:
    return Encoded(json.dumps(value, ensure_ascii=False))


def _json(value: Any) -> str:
    if isinstance(value, Encoded):
        return value
    return "{}" if value == {} else json.dumps(value, ensure_ascii=False)


def _sqlite_datetime(value: datetime) -> str:
    """What Django's SQLite backend stores for an aware datetime (naive UTC as text),
    without its per-value checks: millions of values."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC).replace(tzinfo=None)
    return str(value)


def sqlite_cache(mebibytes: int) -> None:
    """This connection's SQLite page cache, at most ``mebibytes`` (``insert`` asks for 256
    MiB unless told otherwise first: a job that runs beside the server asks for less, as
    the cache grows with every page written and stays until the connection closes).
    Nothing on PostgreSQL, whose cache is the server's."""
    if connection.vendor != "sqlite":
        return
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    raw.execute(f"PRAGMA cache_size = -{int(mebibytes) * 1024}")
    _sqlite_tuned[id(raw)] = True


def insert(model: type[models.Model], fields: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """Insert ``rows`` (tuples in the order of ``fields``, model field names; a foreign
    key by its ``<name>_id``) into ``model``'s table; return how many."""
    rows = iter(rows)
    first = next(rows, None)
    if first is None:
        return 0  # nothing to send: no statement
    rows = itertools.chain([first], rows)
    meta = model._meta
    # A foreign key is found by its column's name ("unit_id"), as is a plain field that
    # ends in _id ("client_id").
    resolved = [meta.get_field(name) for name in fields]
    concrete = [f for f in resolved if isinstance(f, models.Field)]
    assert len(concrete) == len(resolved), "only a model's own columns"
    columns = [str(f.column) for f in concrete]
    adapters = [(i, a) for i, f in enumerate(concrete) if (a := _adapter(f)) is not None]
    quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
    table = connection.ops.quote_name(str(meta.db_table))
    count = 0
    connection.ensure_connection()
    raw = connection.connection
    assert raw is not None
    if connection.vendor == "postgresql":
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(_adapted(row, adapters))
                count += 1
        return count
    marks = ", ".join("?" for _ in columns)
    # Names from the model's own metadata, quoted; values always as parameters.
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({marks})"  # noqa: S608
    if not _sqlite_tuned.get(id(raw)):
        # A larger page cache for this connection: indexes of millions of rows are
        # updated without reading their pages back from the file again and again.
        sqlite_cache(256)
    batch: list[Sequence[Any]] = []
    cursor = raw.cursor()
    try:
        for row in rows:
            batch.append(_adapted(row, adapters))
            if len(batch) >= 5000:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    finally:
        cursor.close()
    return count


UPSERT_BATCH = 500  # rows per statement: 500 x a few columns, within both databases' limits


def upsert(
    model: type[models.Model],
    fields: Sequence[str],
    unique: Sequence[str],
    rows: Iterable[Sequence[Any]],
) -> int:
    """Insert ``rows`` like ``insert``, a row whose ``unique`` fields are taken already
    updating that row instead (``INSERT ... ON CONFLICT ... DO UPDATE``, the same words on
    SQLite and PostgreSQL): a writer that stores the same keys as another at the same
    moment waits for it and then writes over it, instead of failing on the unique key.
    The rows of one call have distinct keys. Returns how many."""
    meta = model._meta
    concrete = [meta.get_field(name) for name in fields]
    assert all(isinstance(f, models.Field) for f in concrete), "only a model's own columns"
    columns = [str(f.column) for f in concrete]  # type: ignore[union-attr]
    keys = [str(meta.get_field(name).column) for name in unique]  # type: ignore[union-attr]
    adapters = [
        (i, a)
        for i, f in enumerate(concrete)
        if (a := _adapter(f)) is not None  # type: ignore[arg-type]
    ]
    q = connection.ops.quote_name
    table = q(str(meta.db_table))
    # Names from the model's own metadata, quoted; values always as parameters.
    head = f"INSERT INTO {table} ({', '.join(q(c) for c in columns)}) VALUES "  # noqa: S608
    changed = ", ".join(f"{q(c)} = EXCLUDED.{q(c)}" for c in columns if c not in keys)
    tail = f" ON CONFLICT ({', '.join(q(k) for k in keys)}) DO UPDATE SET {changed}"
    one = "(" + ", ".join("%s" for _ in columns) + ")"
    count = 0
    rows = iter(rows)
    with connection.cursor() as cursor:
        while batch := list(itertools.islice(rows, UPSERT_BATCH)):
            params = [v for row in batch for v in _adapted(row, adapters)]
            cursor.execute(head + ", ".join(one for _ in batch) + tail, params)
            count += len(batch)
    return count


def _adapted(row: Sequence[Any], adapters: list[tuple[int, Adapt]]) -> Sequence[Any]:
    if not adapters:
        return row
    out = list(row)
    for i, adapt in adapters:
        if out[i] is not None:
            out[i] = adapt(out[i])
    return out


def claim_ids(model: type[models.Model], count: int) -> range:
    """``count`` new primary keys for rows the caller inserts with explicit ids, in the
    caller's transaction. The table is locked for writers until it commits (SQLite's
    immediate transactions do that already), so no other writer takes the same ids;
    ``reset_sequences`` afterwards moves PostgreSQL's sequence past them."""
    table = connection.ops.quote_name(model._meta.db_table)
    pk = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {table} IN SHARE ROW EXCLUSIVE MODE")
        cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")  # noqa: S608
        start = int(cursor.fetchone()[0]) + 1
    return range(start, start + count)


def new_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` new primary keys for rows the caller inserts with explicit ids, in the
    caller's transaction, without holding other writers back: PostgreSQL draws them from
    the table's own sequence (no table lock, nothing to reset afterwards); SQLite's
    immediate transaction already holds the one write lock, so the highest id is safe."""
    if count <= 0:
        return []
    table = str(model._meta.db_table)
    pk = str(model._meta.pk.column)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, pk, count],
            )
            return [int(row[0]) for row in cursor.fetchall()]
    return list(claim_ids(model, count))


def reset_sequences(*tables: type[models.Model]) -> None:
    """After explicit ids: PostgreSQL's next id past the highest (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(tables))
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze(*tables: type[models.Model]) -> None:
    """After many rows: fresh planner statistics on PostgreSQL, as its autovacuum would
    gather them a little later. They also make this connection plan again the queries it
    keeps (the foreign-key checks among them), which it may have planned when the table
    was nearly empty: a scan of the whole table per row checked. SQLite's planner keeps
    no statistics unless asked (Sejuk never asks), so nothing is done there."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in tables:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(str(model._meta.db_table))}")


def commit_without_waiting() -> None:
    """This transaction's commit does not wait for PostgreSQL's disk flush (SQLite in
    WAL mode with ``synchronous=NORMAL`` already does not). Only for work that can be
    done again after a crash, because what it did and the mark of how far it got commit
    together (an import's chunk and its resume mark): a crash of the server may undo
    the last of such commits, never one before a commit that waited."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
