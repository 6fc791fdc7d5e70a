"""Field-report shorthand and unit names the reader had not seen.

Every report is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Giat pam rapat pleno di PPK Woha, jml pers 4 org. Sit aman.", 4),
        ("Lapor, Bhabinkamtibmas hadiri rapat pleno PPS Desa Risa. Pers pam 8 org.", 8),
    ],
)
def test_personnel_counts_in_shorthand(text, count):
    assert extract(text).personnel_count.value == count


def test_a_short_report_of_attending_with_a_security_detail_is_an_activity():
    text = "Lapor, Kapolsek Woha bsm Danramil hadiri rapat pleno PPK Woha. Pers pam 8 org."
    record = extract(text)
    assert record.kind.value == "activity"
    assert "pengamanan" in {lab.code for lab in record.activity_types}
    assert "tni" in {lab.code for lab in record.participants}


def test_a_polres_named_after_its_island():
    record = extract(
        "Kapolres Pulau Buru AKBP Budi Santoso memimpin patroli dialogis di Namlea, Senin "
        "(9/12/2024)."
    )
    assert record.unit.name == "Polres Pulau Buru"
    assert record.unit.region_code == "81.04"  # Kabupaten Buru


# -- a second round of composed field reports ----------------------------------------


def test_a_labelled_line_after_a_long_line_is_a_field_of_its_own():
    # The "Hsl :" line is long enough to look hard-wrapped; "Sit :" still opens a field.
    text = (
        "Lap giat Bhabinkamtibmas Desa Sukamaju Polsek Cibeber\n"
        "Hsl : warga dikunjungi dan diberi pesan agar tdk mudah percaya kabar di grup WA "
        "menjelang pemungutan suara, tdk golput dan jaga kerukunan antar tetangga\n"
        "Sit : aman terkendali"
    )
    assert extract(text).situation.value == "kondusif"


def test_a_labelled_total_outweighs_a_count_of_companions():
    text = (
        "Kanit Binmas Polsek Cibeber Aiptu Sujono bsm 2 anggota laks patroli malam di Desa "
        "Sukamaju, Kec. Cibeber. Jml pers 3 org. Sit aman."
    )
    assert extract(text).personnel_count.value == 3


def test_a_count_in_brackets_after_the_unit_is_the_personnel_count():
    text = (
        "Senin 11/11/24 personil Polsek Cibeber (5 org) laks patroli cipkon di Desa "
        "Sukamaju. Sit kondusif."
    )
    assert extract(text).personnel_count.value == 5


def test_a_place_word_in_shorthand_inside_a_unit_name():
    record = extract("Lap giat Polsek Tnh Abang: patroli dialogis di Kel. Kebon Melati, aman.")
    assert record.unit.level == "polsek"
    assert record.unit.region_code == "31.71.07"  # Tanah Abang, Jakarta Pusat


def test_escorting_ballot_boxes_in_shorthand_is_securing():
    text = (
        "Ijin lapor, Selasa 26/11/2024 Polsek Cibeber kawal pergeseran kotak suara dr PPS "
        "Desa Sukamaju ke kantor PPK. Kotak suara diterima ketua PPK dlm keadaan tersegel."
    )
    record = extract(text)
    assert record.kind.value == "activity"
    assert "pengamanan" in {lab.code for lab in record.activity_types}
    assert "penyelenggara_pemilu" in {lab.code for lab in record.participants}


def test_the_unit_in_charge_not_the_force_that_came_along():
    text = (
        "Ratusan orang mendatangi TPS 04 Desa Sukamaju, Kecamatan Cibeber, Rabu (27/11/2024). "
        "Kapolsek Cibeber AKP Dedi Supriatna bersama personel Brimob Polda Jabar meminta "
        "mereka kembali ke rumah masing-masing."
    )
    unit = extract(text).unit
    assert unit.level == "polsek"
    assert unit.region_code == "32.03.03"


def test_a_count_per_boat_is_no_total_of_personnel():
    text = (
        "Kapolsek Labuhan Badas dan PPK sepakat kotak suara dikawal dua personel per kapal, "
        "Senin (18/11/2024)."
    )
    assert extract(text).personnel_count.value is None


def test_leaders_in_the_shorthand_of_a_field_report():
    text = (
        "Lap giat Bhabin Desa Labuhan Badas, Kamis 21/11/24, sambang ke tokmas dan tokpem "
        "dlm rangka cooling system."
    )
    found = {lab.code for lab in extract(text).participants}
    assert {"tokoh_masyarakat", "tokoh_pemuda"} <= found


def test_a_result_line_of_a_field_report_reports_the_situation():
    text = "Lap: Sen 18/11/24 patroli Polsek Labuhan Badas ke TPS 03. Hasil: aman."
    assert extract(text).situation.value == "kondusif"
