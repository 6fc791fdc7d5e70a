import pytest

from sejuk.nlp.document import Document
from sejuk.nlp.numbers import parse_number, personnel_count


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("tiga", 3),
        ("sebelas", 11),
        ("dua belas", 12),
        ("dua puluh tiga", 23),
        ("seratus dua puluh lima", 125),
        ("seribu dua ratus", 1200),
        ("1 250", 1250),
    ],
)
def test_numbers_in_digits_or_words(words, value):
    assert parse_number(words.split(), 0)[0] == value


def test_two_units_in_a_row_are_two_numbers():
    assert parse_number(["dua", "tiga"], 0) == (2, 1)


def count(text):
    found = personnel_count(Document(text))
    return found.value if found else None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Patroli melibatkan tiga personel Polsek Sekotong.", 3),
        ("Sebanyak 12 anggota Polres Lombok Barat diterjunkan.", 12),
        ("Giat sambang, personel 2 org.", 2),
        ("Sebanyak 1.250 personel gabungan disiagakan.", 1250),
        ("Giat patroli dialogis ke pasar ikan, 3 pers, sit aman kondusif.", 3),
        ("Sambang ke pos kamling dgn dua pers Polsek Lingsar.", 2),
    ],
)
def test_a_personnel_count_is_read_in_digits_or_words(text, value):
    assert count(text) == value


@pytest.mark.parametrize(
    "text",
    [
        "Puluhan personel berjaga di gudang logistik.",
        "Salah satu anggota tampak menyapa pedagang.",
        "Sebanyak 300 personel TNI membantu pengamanan.",
        "Keributan itu membuat 14 orang terluka.",
        "Usai PSU 2025, Bhabinkamtibmas kembali bertugas di desa.",
        "Kapolres menggelar konferensi pers bersama lima wartawan.",
        "Menurut Dewan Pers 2024 menjadi tahun yang berat.",
    ],
)
def test_vague_words_other_forces_and_other_people_are_no_personnel_count(text):
    assert count(text) is None


def test_a_count_after_the_unit_with_sebanyak():
    assert count("personil Polsek Sukadana sebanyak 4 org melaksanakan patroli") == 4
    assert count("Jumlah personel : 3 (tiga) orang") == 3


def test_a_count_of_council_members_is_no_personnel():
    assert count("Anggota DPRD sebanyak 5 orang ikut hadir.") is None


def test_a_count_spelled_out_again_in_brackets():
    assert count("Sambang dilakukan oleh 4 (empat) orang personel Polsek.") == 4
    assert count("Diterjunkan sebanyak 12 (dua belas) personil gabungan.") == 12
    assert count("Pada 2024 (tahun politik) personel bertambah.") is None


def test_the_personnel_field_of_a_report():
    assert count("Giat: sambang ke pos ronda\nPers : 3 org\nSit: aman") == 3
    assert count("Giat: sambang\nPers: 3 wartawan hadir") is None


def test_the_personnel_count_written_after_pers_in_a_sentence():
    assert count("Giat patroli di pasar desa. Pers 3 org. Sit aman.") == 3
    assert count("Rilis untuk pers 3 hari lalu.") is None


def test_a_count_after_personnel_who_took_part():
    assert count("Dalam patroli itu, personel yang terlibat 7 orang.") == 7
    assert count("Giat sambang.\nAnggota yang terlibat: 2 org") == 2


def test_a_year_that_ends_a_sentence_is_not_the_thousands_of_the_next_number():
    assert count("Bentrokan pecah Rabu (27/11/2024). 200 personel diterjunkan.") == 200
