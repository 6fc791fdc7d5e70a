import pytest

from sejuk.nlp.document import Document
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.mentions import CUE_WEIGHT, find_dusun, read_mentions, votes


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def mentions(gaz, text):
    return {m.surface: m for m in read_mentions(Document(text), gaz, [])}


def test_a_name_after_a_cue_counts_at_the_level_of_the_cue(gaz):
    found = mentions(gaz, "Patroli di Desa Sekotong Barat, Kecamatan Sekotong.")
    assert found["Sekotong Barat"].cued and found["Sekotong Barat"].weight == CUE_WEIGHT
    assert [h.code for h in found["Sekotong"].hits] == ["52.01.07"]


def test_a_kota_cue_keeps_the_kota_and_a_kab_cue_the_kabupaten(gaz):
    assert [h.code for h in mentions(gaz, "di Kota Bima")["Bima"].hits] == ["52.72"]
    assert [h.code for h in mentions(gaz, "di Kab. Bima")["Bima"].hits] == ["52.06"]


def test_a_common_word_without_cue_or_place_word_barely_counts(gaz):
    text = "Acara selesai Aman, lancar, kata Baru kemudian."
    found = mentions(gaz, text)
    assert all(m.weight < 1.0 for m in found.values())


def test_a_name_after_a_rank_is_a_person(gaz):
    assert "Sekotong" not in mentions(gaz, "dipimpin Ipda Sekotong sendiri")


def test_the_start_of_a_building_name_is_no_region(gaz):
    found = mentions(gaz, "Deklarasi digelar di Balai Kota bersama warga")
    assert all(m.weight < 1.0 for m in found.values())


def test_an_uncued_name_of_a_kabupaten_means_the_kabupaten_not_its_capital_kecamatan(gaz):
    hits = [h.code for h in mentions(gaz, "Warga di Sidoarjo menyambut baik")["Sidoarjo"].hits]
    assert "35.15" in hits and "35.15.08" not in hits


def test_an_address_is_one_group(gaz):
    found = mentions(
        gaz, "di Desa Batu Kumbung, Kecamatan Lingsar, Kabupaten Lombok Barat. Lalu ke Kota Bima."
    )
    groups = {found["Batu Kumbung"].group, found["Lingsar"].group}
    assert len(groups) == 1


def test_a_dusun_is_free_text_up_to_the_next_cue():
    doc = Document("Warga Dusun Karang Bongkot, Desa Batu Kumbung berkumpul")
    (dusun,) = find_dusun(doc)
    assert dusun.name == "Karang Bongkot"


def test_a_dusun_called_kampung_keeps_the_word_in_its_name():
    doc = Document("Ronda di Dusun III Kampung Sawah Desa Kuripan Utara")
    (dusun,) = find_dusun(doc)
    assert dusun.name == "III Kampung Sawah"


def test_votes_add_up_by_province_and_kabupaten(gaz):
    found = list(mentions(gaz, "Kabupaten Lombok Barat, NTB").values())
    tally = votes(found)
    assert tally["52"] > tally["52.01"] > 0


def test_a_name_that_starts_with_a_cue_word_is_read_after_another_cue(gaz):
    found = mentions(gaz, "Patroli di Kecamatan Kota Tengah dan Kec. Kota Kefamenanu.")
    assert [h.code for h in found["Kota Tengah"].hits] == ["75.71.06"]
    assert [h.code for h in found["Kota Kefamenanu"].hits] == ["53.03.05"]
