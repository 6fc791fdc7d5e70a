"""Baseline vulnerability: the province's IKP ships with Sejuk, an administrator's CSV
of kabupaten, kecamatan or desa figures and TPS classes (each with a source) overrides
it, and a wrong file changes nothing."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from sejuk.errors import Invalid
from sejuk.tension import baseline, imports
from sejuk.tension.models import Baseline
from tests.factories import superuser
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

CSV = (
    "kode,skor,kelas_tps,sumber\n"
    "52.01,34.5,,IKP 2024 Kab. Lombok Barat\n"
    f"{SEKOTONG_BARAT},,sangat_rawan,Pemetaan TPS Polres Lombok Barat\n"
)


def test_the_province_ikp_ships_with_its_source_and_new_papua_provinces_take_their_mothers():
    ntb = baseline.province_figure(SEKOTONG_BARAT)
    assert (ntb.ikp == 11.09 and "suara.com" in ntb.source) or "tvonenews" in ntb.source
    papua_tengah = baseline.province_figure("94.01.01.2001")
    assert papua_tengah.ikp == baseline.province_figure("91").ikp
    assert "provinsi induk" in papua_tengah.source


def test_imported_figures_override_the_province_the_most_specific_first():
    imports.store(imports.parse(CSV))
    rows = baseline.imported("52.01.07")
    desa = baseline.figure_for(SEKOTONG_BARAT, rows)
    assert desa.ikp == 34.5 and desa.tps_class == "sangat_rawan"
    assert "Lombok Barat" in desa.source
    other = baseline.figure_for("52.01.07.2001", rows)
    assert other.ikp == 34.5 and other.tps_class == ""


def test_a_wrong_row_refuses_the_whole_file_and_names_the_row():
    bad = CSV + "52.99.99,50,,Sumber\n" + "52.02,,,Tanpa angka\n"
    with pytest.raises(Invalid) as refused:
        imports.parse(bad)
    assert "baris 4" in refused.value.fields and "baris 5" in refused.value.fields
    assert not Baseline.objects.exists()


def test_an_administrator_imports_a_csv_in_the_admin(client):
    client.force_login(superuser())
    upload = SimpleUploadedFile("ikp.csv", CSV.encode(), content_type="text/csv")
    answer = client.post("/admin/tension/baseline/impor/", {"file": upload})
    assert answer.status_code == 302
    assert Baseline.objects.count() == 2
    listing = client.get("/admin/tension/baseline/").content.decode()
    assert "Pemetaan TPS Polres Lombok Barat" in listing and "Impor CSV" in listing
