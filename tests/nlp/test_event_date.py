from datetime import date

from sejuk.nlp.document import Document
from sejuk.nlp.event_date import event_date, published_date


def when(text, published=None, zone=None):
    return event_date(Document(text), published, zone)


def test_the_activity_date_beats_the_day_a_spokesman_spoke():
    text = (
        "Bhabinkamtibmas Polsek Lingsar ikut ronda pada 14 Desember di pasar. "
        "Semua terkendali, ujar Kapolsek, Selasa (17/12/2024)."
    )
    assert when(text).value == date(2024, 12, 14)


def test_a_planned_day_is_not_the_event_date():
    text = (
        "Polres menggelar apel, Senin (25/11/2024). Pemungutan suara akan digelar "
        "pada 27 November 2024."
    )
    assert when(text).value == date(2024, 11, 25)


def test_the_election_an_activity_followed_is_not_its_date():
    text = "Sepekan setelah PSU pada 19 April 2025, Bhabinkamtibmas rutin menyambangi warga."
    assert when(text).value is None


def test_an_illustration_photo_dates_another_event():
    text = (
        "Ilustrasi - Wakapolres meninjau gudang logistik, Rabu (12/6/2024). (ANTARA/HO)\n"
        "Isi berita tentang patroli."
    )
    assert when(text).value is None


def test_no_date_is_a_null_with_the_reason():
    found = when("Polsek Lingsar rutin menyapa pedagang pasar.")
    assert found.value is None and found.note


def test_a_time_comes_with_its_written_zone_or_the_zone_of_the_place():
    written = when("Sambang pada Minggu, 22 Desember 2024 pukul 09.15 Wita.", zone="WIB")
    assert (written.time, written.zone) == ("09:15", "WITA")
    default = when("Sambang pada Minggu, 22 Desember 2024 pukul 09.15.", zone="WITA")
    assert (default.time, default.zone) == ("09:15", "WITA")


def test_relative_words_need_the_publication_date():
    assert when("Patroli digelar kemarin sore.").value is None
    assert when("Patroli digelar kemarin sore.", date(2024, 12, 18)).value == date(2024, 12, 17)


def test_a_date_after_publication_is_no_event_date():
    assert when("Apel digelar Senin (30/12/2024).", date(2024, 12, 18)).value is None


def test_the_publication_date_comes_from_the_caller_or_the_address():
    doc = Document("URL: https://berita.example/2024/12/03/judul\nIsi.")
    assert published_date(doc, None) == date(2024, 12, 3)
    assert published_date(doc, date(2024, 12, 1)) == date(2024, 12, 1)


def test_the_election_day_an_activity_awaits_is_not_its_date():
    text = "Kapolres mengimbau warga tetap tenang menjelang pencoblosan 27 November 2024."
    assert when(text).value is None


def test_the_date_field_of_a_field_report_is_the_event_date():
    text = "LAPORAN GIAT\nHari/Tgl : Rabu, 11 Desember 2024\nKegiatan : sambang ke pos ronda."
    assert when(text).value == date(2024, 12, 11)


def test_a_date_line_with_the_hour_of_a_report_is_the_event_date():
    text = (
        "Kegiatan Bhabinkamtibmas\nKamis, 12 Desember 2024 pukul 08.30 WIB\nSambang ke pos ronda."
    )
    assert when(text).value == date(2024, 12, 12)
    stamp = "Berita Polres\nKamis, 12 Desember 2024 08:30 WIB\nPatroli di pasar, Rabu (11/12/2024)."
    assert when(stamp).value == date(2024, 12, 11)
