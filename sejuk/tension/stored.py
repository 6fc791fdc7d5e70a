"""Replacing the stored tension of the desa under a code prefix on a day with rows just
computed, in the caller's transaction.

The plain way deletes the day's rows and inserts the new ones (``sejuk.bulk``). On
PostgreSQL a large area (the nation's 83,762 desa, recomputed every hour) goes another
way: most desa's tension has not changed since the last run of the day, and every row
deleted and inserted again costs six index entries and a heap row. The new rows go to a
temporary table (each distinct explanation once), and only the rows that differ are
deleted and inserted; a day with nothing stored yet gets every row from it in one
``INSERT ... SELECT``. The rows stored are the same either way (a test compares them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from django.db import connection, transaction
from django.db.models import Q

from sejuk import bulk

from .codes import below
from .models import Tension

FIELDS = ("region_code", "day", "score", "level", "parts", "rise")
UNIQUE = ("region_code", "day")
WORK_MEM = "16MB"  # the nation's new rows hash in about 7 MB
STAGED_FROM = 2000  # desa: below, the temporary tables cost more than they save

Row = tuple[str, float, str, bulk.Encoded, float | None]  # code, score, level, parts, rise


WRITER_LOCK = 7_309_481  # PostgreSQL's advisory lock key of the writers of stored tension


def one_writer() -> None:
    """Hold the writers of stored tension and its area summary back until this
    transaction ends. The upkeep of a kecamatan and a recompute of an area around it
    both write the summary's kabupaten, province and nation rows, each summed from the
    rows below as its writer reads them: two at once on PostgreSQL, one would sum what
    it read before the other committed and write a stale total over the right one.
    SQLite's immediate transactions hold its one write lock already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITER_LOCK])


def replace(day: date, prefix: str | None, rows: Sequence[Row]) -> None:
    """The day's stored tension of the desa under ``prefix`` (None: the nation; a code
    itself included) becomes ``rows``, every desa under it."""
    if connection.vendor == "postgresql" and len(rows) >= STAGED_FROM:
        with transaction.atomic():
            _staged(day, prefix, rows)
        return
    old = Tension.objects.filter(day=day)
    if prefix:
        old = old.filter(below(prefix) | Q(region_code=prefix))
    old.delete()
    # An upsert: the upkeep of a kecamatan and a recompute of an area around it may
    # store the same desa at the same moment (on PostgreSQL; SQLite's write lock runs
    # them one after the other), and the later then writes over the earlier.
    bulk.upsert(Tension, FIELDS, UNIQUE, ((c, day, s, lv, p, r) for c, s, lv, p, r in rows))


TABLE = "tension_tension"
NEW = "pg_temp.tension_new"  # never a table of the schema, whatever its name
NEW_PARTS = "pg_temp.tension_new_parts"


def _staged(day: date, prefix: str | None, rows: Iterable[Row]) -> None:
    assert Tension._meta.db_table == TABLE
    ids: dict[bulk.Encoded, int] = {}
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('work_mem')")
        work_mem = cursor.fetchone()[0]
        cursor.execute("SELECT current_setting('enable_nestloop')")
        nestloop = cursor.fetchone()[0]
        cursor.execute(f"DROP TABLE IF EXISTS {NEW}, {NEW_PARTS}")
        cursor.execute(
            f"CREATE TEMPORARY TABLE {NEW} (region_code varchar(13) NOT NULL, "
            "score double precision NOT NULL, level varchar(14) NOT NULL, "
            "part integer NOT NULL, rise double precision) ON COMMIT DROP"
        )
        cursor.execute(
            f"CREATE TEMPORARY TABLE {NEW_PARTS} (id integer NOT NULL, parts jsonb NOT NULL) "
            "ON COMMIT DROP"
        )
        raw: Any = cursor.cursor  # psycopg's own cursor: COPY
        with raw.copy(f"COPY {NEW} (region_code, score, level, part, rise) FROM STDIN") as copy:
            for code, value, level, parts, rise in rows:
                part = ids.setdefault(parts, len(ids))
                copy.write_row((code, value, level, part, rise))
        with raw.copy(f"COPY {NEW_PARTS} (id, parts) FROM STDIN") as copy:
            for parts, part in ids.items():
                copy.write_row((part, parts))
        cursor.execute(f"ANALYZE {NEW}, {NEW_PARTS}")  # the planner hashes the narrow side
        # The statements below hash a day's new rows: in memory, not in batches on disk.
        cursor.execute("SELECT set_config('work_mem', %s, true)", [WORK_MEM])
        # And hash them always: where the stored table's statistics say it is empty (just
        # filled, not analysed yet) the planner would loop over every new row for each
        # stored one, 83,762 squared, minutes instead of a second.
        cursor.execute("SELECT set_config('enable_nestloop', 'off', true)")
        # Codes are digits and dots: nothing in them is special to LIKE.
        area = ""
        params: list[date | str] = [day]
        if prefix:
            area = " AND (t.region_code = %s OR t.region_code LIKE %s)"
            params += [prefix, f"{prefix}.%"]
        # Changed rows, and desa no longer under the prefix, go; unchanged rows stay.
        # The rows that stay are found first: the explanations are compared through the
        # small table of distinct ones, not carried along with each new row, and as a
        # plain comparison ("IS TRUE": the planner would otherwise hash every one).
        cursor.execute(
            "WITH same AS MATERIALIZED ("  # noqa: S608
            f"SELECT s.id FROM {TABLE} s JOIN {NEW} n ON n.region_code = s.region_code "
            f"JOIN {NEW_PARTS} p ON p.id = n.part WHERE s.day = %s AND n.score = s.score "
            "AND n.level = s.level AND n.rise IS NOT DISTINCT FROM s.rise "
            "AND (p.parts = s.parts) IS TRUE) "
            f"DELETE FROM {TABLE} t WHERE t.day = %s{area} "
            "AND NOT EXISTS (SELECT 1 FROM same WHERE same.id = t.id)",
            [day, *params],
        )
        cursor.execute(
            f"INSERT INTO {TABLE} (region_code, day, score, level, parts, rise) "  # noqa: S608
            f"SELECT n.region_code, %s, n.score, n.level, p.parts, n.rise "
            f"FROM {NEW} n JOIN {NEW_PARTS} p ON p.id = n.part "
            f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} t "
            "WHERE t.day = %s AND t.region_code = n.region_code) "
            # A row another writer committed since (the upkeep of a kecamatan): ours.
            "ON CONFLICT (region_code, day) DO UPDATE SET score = EXCLUDED.score, "
            "level = EXCLUDED.level, parts = EXCLUDED.parts, rise = EXCLUDED.rise",
            [day, day],
        )
        cursor.execute(f"DROP TABLE {NEW}, {NEW_PARTS}")
        cursor.execute("SELECT set_config('work_mem', %s, true)", [work_mem])
        cursor.execute("SELECT set_config('enable_nestloop', %s, true)", [nestloop])
