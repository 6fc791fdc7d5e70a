"""The landmark where an activity took place: a mosque, a village hall, a watch post.

Composed reports; the landmark is free text beside the coded place (no code exists for a
building), kept as the report writes it.
"""

import pytest

from sejuk.nlp.extract import extract


def landmark(text):
    return extract(text).landmark.value


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Giat sambang Bhabinkamtibmas di Masjid Nurul Huda Dsn. Tawun Ds. Sekotong Barat, "
            "Jumat 13/12/2024.",
            "Masjid Nurul Huda",
        ),
        (
            "Polsek Woha menggelar penyuluhan kamtibmas di Balai Desa Risa, Kecamatan Woha.",
            "Balai Desa Risa",
        ),
        (
            "Bhabinkamtibmas berbincang dgn warga di Pos Kamling RT 03 Dsn Krajan.",
            "Pos Kamling RT 03",
        ),
        ("Patroli dialogis ke pos kamling dusun Karang Bongkot, sit aman.", "pos kamling"),
        (
            "Rapat koordinasi digelar di halaman Kantor Camat Lingsar, Senin (9/12/2024).",
            "halaman Kantor Camat Lingsar",
        ),
        ("Lokasi : Musholla Al Ikhlas Dsn. Batu Putih\nSit aman.", "Musholla Al Ikhlas"),
    ],
)
def test_the_landmark_is_read_as_written(text, want):
    assert landmark(text) == want


def test_the_landmark_points_at_its_words():
    text = "Giat doa bersama di Gereja GMIT Imanuel Desa Oelnasi."
    found = extract(text).landmark
    assert [text[e.start : e.end] for e in found.evidence] == ["Gereja GMIT Imanuel"]


@pytest.mark.parametrize(
    "text",
    [
        "Kapolsek turun langsung ke lapangan memantau situasi.",
        "Patroli dialogis di Desa Sekotong Barat, situasi aman.",
        "Baca juga: Polres gelar doa bersama di Masjid Agung",
    ],
)
def test_no_landmark_where_the_text_names_none(text):
    assert landmark(text) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Bertempat di Aula Kantor Lurah Bintaro, Polsek Pesanggrahan menggelar rapat.",
            "Aula Kantor Lurah Bintaro",
        ),
        (
            "Bhabinkamtibmas mendatangi warga di Jalan Merdeka Barat RT 03 RW 05, Kamis.",
            "Jalan Merdeka Barat RT 03 RW 05",
        ),
    ],
)
def test_a_landmark_named_after_an_office_or_an_address_keeps_its_whole_name(text, want):
    assert landmark(text) == want
