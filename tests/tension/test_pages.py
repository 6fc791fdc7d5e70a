"""The commander's picture on the home page, the ranking with its files, and a desa
page, for the pimpinan of Polres Lombok Barat."""

from __future__ import annotations

import csv
import io

import pytest

from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_commanders_home_ranks_the_tensest_desa_first_with_its_parts(client, world, tense):
    page = signed_in(client, world.users["pimpinan"]).get("/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Gambaran kerawanan" in html
    first = html.index("Desa paling rawan")
    assert html.index("Sekotong Barat", first) < html.index("</table>", first)
    assert "Kejadian" in html and "Situasi terakhir Rawan" in html
    assert f"/desa/{SEKOTONG_BARAT}/" in html


def test_a_desa_page_shows_its_tension_parts_and_the_records_behind_them(client, world, tense):
    page = signed_in(client, world.users["pimpinan"]).get(f"/desa/{SEKOTONG_BARAT}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Sekotong Barat" in html and "Kerawanan dasar" in html and "IKP 11.09" in html
    assert f"/kejadian/{tense.pk}/" in html
    assert "Ustaz Hamid" in html  # the desa's leader
    assert "Kunjungan terakhir" in html


def test_a_desa_with_no_data_says_it_has_its_baseline_only(client, world):
    page = signed_in(client, world.users["pimpinan"]).get("/desa/52.01.01.1001/")
    assert "hanya kerawanan dasar" in page.content.decode()


def test_a_desa_outside_the_area_is_not_found(client, world, tense):
    page = signed_in(client, world.users["pimpinan"]).get(f"/desa/{LOTENG_DESA}/")
    assert page.status_code == 404


def test_a_wrong_date_is_refused_in_indonesian(client, world, tense):
    page = signed_in(client, world.users["pimpinan"]).get(f"/desa/{SEKOTONG_BARAT}/?tanggal=x")
    assert page.status_code == 422 and "tidak valid" in page.content.decode()


def test_the_ranking_pages_and_exports_the_area(client, world, tense):
    c = signed_in(client, world.users["pimpinan"])
    listing = c.get("/kerawanan/?halaman=2")
    assert listing.status_code == 200 and "Halaman 2 dari" in listing.content.decode()
    rows = list(csv.reader(io.StringIO(c.get("/kerawanan/ekspor.csv").content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["peringkat", "kode_desa", "desa"]
    assert rows[1][1] == SEKOTONG_BARAT
    assert all(r[1].startswith("52.01.") for r in rows[1:])
    assert c.get("/kerawanan/ekspor.xlsx").status_code == 200


def test_coverage_is_summarised_per_unit_with_a_drill_down(client, world, tense):
    from sejuk.units.models import Unit

    c = signed_in(client, world.users["pimpinan"])
    html = c.get("/kerawanan/cakupan/").content.decode()
    assert "Cakupan Polres Lombok Barat" in html and "Polsek Sekotong" in html
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    assert f"?satuan={sekotong.pk}" in html
    down = c.get(f"/kerawanan/cakupan/?satuan={sekotong.pk}").content.decode()
    assert (
        "Desa belum dijangkau" in down and "Sekotong Barat" not in down.split("belum dijangkau")[1]
    )
    outside = Unit.objects.get(name="Polres Lombok Tengah")
    assert c.get(f"/kerawanan/cakupan/?satuan={outside.pk}").status_code == 404


def test_mabes_sees_the_nation_per_polda_without_listing_its_desa(client, world, tense):
    from tests.personas import make_user

    c = signed_in(client, make_user("kapolri", "Mabes Polri", "pimpinan"))
    html = c.get("/kerawanan/cakupan/").content.decode()
    assert "Polda Nusa Tenggara Barat" in html and "Desa belum dijangkau" not in html
    assert html.count("<tr>") < 60
