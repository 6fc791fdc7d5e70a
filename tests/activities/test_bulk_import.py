"""A large import: the places and units the file names are looked up once for the whole
file, the rows are written a chunk at a time, each chunk in a few statements and its own
short transaction, so citizen reports keep flowing while it runs. Counted on the real
database through the real import page."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.activities import imports
from sejuk.activities.models import Activity, Change

pytestmark = pytest.mark.django_db
DESA = ("52.01.07.2002", "52.01.07.2004", "52.01.01.1001")


def _csv(rows: int) -> bytes:
    day = (date.today() - timedelta(days=2)).strftime("%d/%m/%Y")
    lines = ["tanggal,jam_mulai,kode_wilayah,jenis,peserta,uraian"]
    for n in range(rows):
        lines.append(
            f"{day},{8 + n % 9:02d}.{n % 60:02d},{DESA[n % 3]},sambang;penyuluhan,"
            f"warga:12,Sambang warga ke-{n} di pos kamling."
        )
    return ("\n".join(lines) + "\n").encode()


def _import(client, rows):  # type: ignore[no-untyped-def]
    upload = SimpleUploadedFile("kegiatan.csv", _csv(rows), content_type="text/csv")
    with CaptureQueriesContext(connection) as captured:
        answer = client.post("/kegiatan/impor/", {"file": upload})
    assert answer.status_code == 200, answer.content.decode()[:500]
    return [q["sql"] for q in captured.captured_queries]


def test_the_statements_of_an_import_do_not_grow_with_its_rows(client, world):
    client.force_login(world.users["operator"])
    few = _import(client, 6)
    many = _import(client, 60)
    assert Activity.objects.count() == 66
    assert Change.objects.count() == 66
    assert set(Activity.objects.values_list("source", flat=True)) == {"import"}
    first = Activity.objects.order_by("id").first()
    assert sorted(first.types.values_list("code", flat=True)) == ["penyuluhan", "sambang"]
    assert first.participants.get().count == 12
    assert len(many) <= len(few) + 2, (len(few), len(many))  # 10 times the rows


def test_each_chunk_is_its_own_transaction(client, world, monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 4)
    client.force_login(world.users["operator"])
    sql = _import(client, 10)
    # Each chunk claims the ids of its rows, then writes them in one statement per table.
    # (SQLite: the highest id under its one write lock; PostgreSQL: the table's sequence.)
    claims = [
        s
        for s in sql
        if ("MAX(" in s and '"activities_activity"' in s) or "nextval(pg_get_serial" in s
    ]
    assert len(claims) == 3  # 4 + 4 + 2 rows
    # Each chunk's writes between its own savepoint and release (the test's own
    # transaction stands for the commit).
    opened = [i for i, s in enumerate(sql) if s.startswith("SAVEPOINT")]
    assert len(opened) >= 3
    assert Activity.objects.count() == 10


def test_a_value_repeated_down_a_column_is_read_once(world, monkeypatch):
    # Days, hours, places, type and participant lists repeat from row to row: each
    # distinct cell is parsed once, not once per row (a free text still once per row).
    from sejuk.accounts.access import viewer_for
    from tests.activities.test_background_import import _csv

    calls = []
    text = imports._text

    def counted(value):  # type: ignore[no-untyped-def]
        calls.append(value)
        return text(value)

    monkeypatch.setattr(imports, "_text", counted)
    rows = 600
    checked = imports.check_rows(viewer_for(world.users["operator"]), "k.csv", _csv(rows))
    assert len(checked.results) == rows and not any(r.errors for r in checked.results)
    # The summary once per row, and each of the few hundred distinct other cells once.
    assert len(calls) < 2 * rows, f"{len(calls)} cells read for {rows} rows"
    first, second = (p for _, p in checked.inputs[:2])
    assert first is not None and second is not None
    assert first.types == second.types == ("sambang", "penyuluhan")
