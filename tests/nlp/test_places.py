import pytest

from sejuk.nlp.document import Document
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.mentions import find_dusun, read_mentions
from sejuk.nlp.places import resolve_place
from sejuk.nlp.record import Unit


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def place(gaz, text, unit=None, area=()):
    doc = Document(text)
    return resolve_place(doc, gaz, read_mentions(doc, gaz, []), find_dusun(doc), unit, area)


def polsek(code, name="Polsek Sekotong"):
    return Unit(name, "polsek", code, None, ())


def test_a_full_address_gives_the_desa_and_its_dusun(gaz):
    text = "Patroli di Dusun Telaga Lebur, Desa Sekotong Barat, Kecamatan Sekotong, Lombok Barat."
    p = place(gaz, text)
    assert (p.code, p.level, p.dusun) == ("52.01.07.2002", "desa", "Telaga Lebur")
    assert any(e.text == "Sekotong Barat" for e in p.evidence)


def test_spellings_that_differ_in_word_breaks_meet(gaz):
    assert place(gaz, "Sambang di Desa Batukumbung, Kec. Lingsar").code == "52.01.12.2002"


def test_villages_in_different_kecamatan_give_their_kabupaten(gaz):
    text = (
        "Patroli menyasar Desa Sekotong Barat, Kecamatan Sekotong; lalu Desa Lembar Selatan, "
        "Kecamatan Lembar, Kabupaten Lombok Barat."
    )
    assert place(gaz, text).code == "52.01"


def test_an_address_that_contradicts_itself_keeps_the_more_specific_name_and_says_so(gaz):
    p = place(gaz, "Kegiatan di Desa Sekotong Barat, Kecamatan Gerung, Lombok Barat.")
    assert p.code == "52.01.07.2002"
    assert p.notes and "Gerung" in p.notes[0]


def test_the_users_area_picks_among_same_named_villages(gaz):
    plain = place(gaz, "Sambang ke Desa Paseban.")
    assert plain is None or plain.level != "desa"
    inside = place(gaz, "Sambang ke Desa Paseban.", area=("33.10",))
    assert inside.code.startswith("33.10.")


def test_the_acting_unit_places_a_village_name_it_covers(gaz):
    p = place(gaz, "Bhabinkamtibmas sambang ke Desa Pelangan.", unit=polsek("52.01.07"))
    assert p.code.startswith("52.01.07.")


def test_without_a_place_the_units_area_is_used_and_said(gaz):
    p = place(gaz, "Personel menyapa warga di pos kamling.", unit=polsek("52.01.07"))
    assert p.code == "52.01.07" and "tempat tidak disebut" in p.notes[-1]


def test_an_ordinary_word_is_no_place(gaz):
    assert place(gaz, "Suasana aman, acara berjalan baru kemudian bubar.") is None


def test_a_kecamatan_of_another_kabupaten_in_the_same_address_is_noted_too(gaz):
    p = place(gaz, "Patroli di Desa Sekotong Barat, Kecamatan Sumbawa, Kabupaten Lombok Barat.")
    assert p.code == "52.01.07.2002"
    assert "Sumbawa" in p.notes[0]


def test_the_more_specific_name_wins_also_against_the_acting_polseks_kecamatan(gaz):
    # Bukit Raya lies in Sepaku, not Babulu; the officer of Polsek Babulu wrote both.
    text = "Bhabinkamtibmas menyambangi warga Desa Bukit Raya, Kecamatan Babulu."
    found = place(gaz, text, polsek("64.09.03", "Polsek Babulu"))
    assert found.code == "64.09.04.2002"
    assert found.notes
