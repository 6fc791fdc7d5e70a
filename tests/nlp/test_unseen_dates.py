"""Event dates on texts of kinds the reader had not seen: a publication date from the
address that is a day early, hard-wrapped lines, a weekday and day/month whose year the
election named fixes, countdowns to the vote.

Every text is composed for these tests.
"""

from datetime import date

from sejuk.nlp.extract import extract


def test_an_address_dated_the_day_before_keeps_the_event_date():
    text = (
        "URL: https://berita.example/2024/10/30/polres-bima-patroli-jelang-debat\n\n"
        "Polres Bima menggelar patroli dialogis jelang debat publik pilkada di Kota Bima, "
        "Kamis (31/10/2024)."
    )
    assert extract(text).event_date.value == date(2024, 10, 31)


def test_a_given_publication_date_is_no_earlier_than_the_event():
    text = "Polres Bima menggelar patroli dialogis di Kota Bima, Kamis (31/10/2024)."
    assert extract(text, published=date(2024, 10, 30)).event_date.value is None


def test_a_hard_wrapped_date_keeps_its_verb_and_beats_a_scheduled_one():
    text = (
        "Persiapan PSU di Kabupaten Dompu terus dilakukan. Perlengkapan personel diperiksa.\n"
        "Kapolres Dompu mengecek kesiapan pasukan di lapangan Mapolres Dompu,\n"
        "Jalan Sudirman, Kelurahan Bada, Dompu, Selasa siang\n"
        "(22/04/2025) pukul 13.00 WITA. Pengecekan tersebut\n"
        "merupakan bagian dari persiapan PSU yang direncanakan\n"
        "digelar pada Minggu, 27 April 2025.\n"
    )
    record = extract(text)
    assert record.event_date.value == date(2025, 4, 22)
    assert record.event_date.time == "13:00"


def test_the_election_named_fixes_the_year_of_a_weekday_and_day_month():
    text = (
        "Pilkada Bima diwarnai keributan. Seorang warga dikeroyok di Desa Risa, Minggu "
        "(17/11), kata Kasat Reskrim."
    )
    assert extract(text).event_date.value == date(2024, 11, 17)
    psu = "Polres Magetan mengamankan PSU di empat TPS, Sabtu (22/3)."
    assert extract(psu).event_date.value == date(2025, 3, 22)


def test_a_countdown_to_the_vote_counts_back_from_it():
    text = (
        "Memasuki H-3 pencoblosan Pilkada serentak 27 November 2024, Polres Bima menggelar "
        "patroli skala besar di Kota Bima."
    )
    assert extract(text).event_date.value == date(2024, 11, 24)


def test_a_report_date_on_a_line_of_its_own_before_the_time_is_the_event_date():
    text = (
        "LAPORAN GIAT\n"
        "POLSEK CIBEBER POLRES CIANJUR\n"
        "Rabu, 13 November 2024\n"
        "Pkl 19.30 wib Bhabinkamtibmas Desa Sukamaju laks patroli dialogis di pos ronda, "
        "sampaikan pesan jelang pencoblosan tgl 27 Nov.\n"
        "Sit aman."
    )
    assert extract(text).event_date.value == date(2024, 11, 13)


def test_a_stamp_line_of_an_article_is_still_no_event_date():
    text = (
        "Polsek Cibeber Imbau Warga Jaga Kerukunan\n"
        "Rabu, 13 November 2024\n"
        "Polsek Cibeber mengimbau warga menjaga kerukunan menjelang pemungutan suara."
    )
    assert extract(text).event_date.value is None


def test_last_night_in_a_note_counts_from_the_notes_heading_date():
    text = (
        "Catatan Kapolsek Labuhan Badas, 29/11/2024:\n"
        "Tadi malam terjadi keributan antar pendukung di depan balai Desa Labuhan Badas. "
        "Sudah terkendali.\n"
    )
    assert extract(text).event_date.value == date(2024, 11, 28)


def test_a_notes_heading_date_alone_is_still_the_event_date():
    text = (
        "Catatan Kapolsek Labuhan Badas, 29/11/2024:\n"
        "Bhabinkamtibmas menyambangi warga Desa Labuhan Badas.\n"
    )
    assert extract(text).event_date.value == date(2024, 11, 29)


def test_a_countdown_in_words_counts_back_from_the_election_day_it_names():
    text = (
        "Sehari jelang pencoblosan Pilkada 27 November 2024, Polsek Labuhan Badas menggelar "
        "patroli ke TPS."
    )
    assert extract(text).event_date.value == date(2024, 11, 26)


def test_a_countdown_in_words_beside_the_activitys_own_date_leaves_it():
    text = (
        "Sehari menjelang pencoblosan, Senin (25/11/2024), Polsek Labuhan Badas menggelar "
        "patroli ke TPS."
    )
    assert extract(text).event_date.value == date(2024, 11, 25)
