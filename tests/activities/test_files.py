"""Exports, the import template, and imports: real CSV and XLSX files."""

import csv
import io

import pytest
from openpyxl import Workbook, load_workbook

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import AuditEvent
from sejuk.activities import exports, imports, services
from sejuk.activities.models import Activity
from sejuk.errors import Invalid
from tests.factories import log_activity

pytestmark = pytest.mark.django_db


def xlsx(rows):
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_list_exports_as_csv_and_xlsx_with_the_same_rows(world, client):
    log_activity(world.users["bhabin"], summary="=cmd|' /C calc'!A0", situation="kondusif")
    client.force_login(world.users["operator"])
    body = client.get("/kegiatan/ekspor.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == list(exports.LIST_COLUMNS)
    assert rows[1][5] == "52.01.07.2002" and rows[1][11] == "Kondusif"
    assert rows[1][14].startswith("'=")  # a formula is written as text
    book = load_workbook(io.BytesIO(client.get("/kegiatan/ekspor.xlsx").content))
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(exports.LIST_COLUMNS)
    assert sheet.max_row == 2
    assert AuditEvent.objects.filter(action="export", object_type="activity").count() == 2


def test_the_template_round_trips_through_the_import(world):
    book = load_workbook(io.BytesIO(imports.template()))
    assert [c.value for c in book["Kegiatan"][1]] == list(imports.COLUMNS)
    assert {r[1].value for r in book["Kode"].iter_rows(min_row=2)} >= {"patroli_dialogis", "warga"}
    rows = [list(r) for r in book["Kegiatan"].iter_rows(values_only=True)]
    result = imports.import_activities(viewer_for(world.users["bhabin"]), "isi.xlsx", xlsx(rows))
    assert result.imported == 1 and not result.failed
    a = Activity.objects.get(pk=result.rows[0].activity_id)
    assert a.source == "import" and a.dusun == "Tawun" and a.personnel_count == 3
    assert dict(a.participants.values_list("category", "count")) == {"tokoh_agama": 3, "warga": 20}


def test_a_file_with_a_bad_row_imports_nothing_and_says_which_row(world):
    rows = [
        list(imports.COLUMNS),
        imports.EXAMPLE,
        ["31/02/2024", "25.00", "", "52.01.01.1001", "", "terbang", "", "", "", "", "", "", ""],
    ]
    result = imports.import_activities(viewer_for(world.users["bhabin"]), "isi.xlsx", xlsx(rows))
    assert result.imported == 0 and Activity.objects.count() == 0
    (bad,) = result.failed
    assert bad.row == 3
    assert set(bad.errors) == {"tanggal", "jam_mulai", "jenis"}


def test_a_row_outside_the_area_is_refused(world):
    rows = [list(imports.COLUMNS), [*imports.EXAMPLE[:3], "52.01.01.1001", *imports.EXAMPLE[4:]]]
    result = imports.import_activities(viewer_for(world.users["bhabin"]), "isi.xlsx", xlsx(rows))
    assert result.failed[0].errors == {"region": "di luar wilayah Anda"}


def test_asked_for_it_the_good_rows_are_imported(world):
    rows = [
        list(imports.COLUMNS),
        imports.EXAMPLE,
        ["", "", "", "", "", "", "", "", "x", "", "", "", ""],
    ]
    result = imports.import_activities(
        viewer_for(world.users["bhabin"]), "isi.xlsx", xlsx(rows), partial=True
    )
    assert result.imported == 1 and len(result.failed) == 1


def test_csv_with_semicolons_and_labels_instead_of_codes(world):
    text = (
        "tanggal;jam_mulai;kode_wilayah;jenis;uraian;situasi\n"
        "08/12/2024;16.30;52.01.07.2002;Patroli dialogis;Patroli sore;Kondusif\n"
    )
    result = imports.import_activities(viewer_for(world.users["bhabin"]), "isi.csv", text.encode())
    assert result.imported == 1, result.failed
    a = Activity.objects.get()
    assert a.situation == "kondusif" and list(a.types.values_list("code", flat=True)) == [
        "patroli_dialogis"
    ]


def test_a_file_that_is_not_a_table_is_refused_clearly(world):
    v = viewer_for(world.users["bhabin"])
    with pytest.raises(Invalid, match="bukan XLSX"):
        imports.import_activities(v, "isi.xlsx", b"PK\x03\x04 rusak")
    with pytest.raises(Invalid, match="Kolom wajib tidak ada"):
        imports.import_activities(v, "isi.csv", b"nama,umur\nA,1\n")


def test_recap_exports_match_the_recap(world, client):
    log_activity(world.users["bhabin"], types=["patroli_dialogis", "sambang"])
    client.force_login(world.users["pimpinan"])
    body = client.get("/kegiatan/rekap/ekspor.csv").content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[0] == ["satuan", "Patroli dialogis", "Sambang / silaturahmi", "jumlah kegiatan"]
    assert ["Polsek Sekotong", "1", "1", "1"] in rows
    assert rows[-1] == ["Jumlah", "1", "1", "1"]
    assert client.get("/kegiatan/rekap/ekspor.pdf").status_code == 404


def test_exports_obey_the_area(world, client):
    log_activity(world.users["bhabin"])
    client.force_login(world.users["neighbour"])
    body = client.get("/kegiatan/ekspor.csv").content.decode("utf-8-sig")
    assert len(list(csv.reader(io.StringIO(body)))) == 1  # the header only
    assert services.list_activities(viewer_for(world.users["neighbour"])).count() == 0
