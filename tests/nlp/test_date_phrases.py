from datetime import date

import pytest

from sejuk.nlp.date_phrases import complete, date_in_url, find_dates, find_times, years_named


def only(text):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "day", "month", "year", "weekday"),
    [
        ("Patroli digelar Selasa (17/12/2024) sore.", 17, 12, 2024, 1),
        ("Pada Minggu, 22 Desember 2024, warga berkumpul.", 22, 12, 2024, 6),
        ("Sambang dilakukan Jumat 13/12/24 pkl 21.15 WIB.", 13, 12, 2024, 4),
        ("Kegiatan berlangsung Kamis pagi (21/11/2024) di balai desa.", 21, 11, 2024, 3),
        ("Dilaksanakan tgl 07-12-2024 di aula.", 7, 12, 2024, None),
        ("Rapat digelar 3 Des 2024.", 3, 12, 2024, None),
        ("Laporan bertanggal 2024-12-09 diterima.", 9, 12, 2024, None),
        ("Rapat pleno digelar 5.12.2024 di aula.", 5, 12, 2024, None),
    ],
)
def test_the_common_written_forms_of_a_date_are_read(text, day, month, year, weekday):
    d = only(text)
    assert (d.day, d.month, d.year, d.weekday) == (day, month, year, weekday)


def test_a_date_without_year_keeps_the_year_open():
    d = only("Ronda warga digelar Rabu (11/12) malam.")
    assert (d.day, d.month, d.year, d.weekday, d.part_of_day) == (11, 12, None, 2, "malam")


def test_the_weekday_fixes_the_year_when_exactly_one_candidate_year_fits():
    d = only("Patroli digelar Rabu (11/12) malam.")
    assert complete(d, years=[2024, 2025]).value == date(2024, 12, 11)


def test_a_weekday_that_fits_no_year_of_the_text_gives_no_date():
    d = only("Patroli digelar Senin (11/12).")
    assert complete(d, years=[2024]).value is None


def test_another_full_date_of_the_text_gives_the_missing_year():
    d = only("Silaturahmi pada 14 Desember di masjid.")
    assert complete(d, anchors=[date(2024, 12, 17)]).value == date(2024, 12, 14)


def test_a_date_whose_weekday_contradicts_it_is_not_certain():
    d = only("Kegiatan digelar Senin (17/12/2024).")
    assert d.weekday_conflict
    assert complete(d).value is None


def test_a_weekday_alone_is_the_last_such_day_before_publication():
    (d,) = [x for x in find_dates("kata Kapolres di Mataram, Senin.") if x.weekday is not None]
    assert complete(d, published=date(2024, 12, 11)).value == date(2024, 12, 9)
    assert complete(d).value is None


def test_programme_names_and_weeks_are_no_weekdays():
    assert find_dates("Kegiatan Jumat Curhat dan Minggu Kasih berjalan dua minggu") == []


@pytest.mark.parametrize(
    ("word", "delta"),
    [
        ("kemarin", -1),
        ("tadi pagi", 0),
        ("besok", 1),
        ("dua hari lalu", -2),
        ("3 hari yang lalu", -3),
    ],
)
def test_relative_words_count_from_the_publication_date(word, delta):
    d = only(f"Patroli {word} berjalan lancar")
    assert complete(d, published=date(2024, 12, 18)).value == date(2024, 12, 18 + delta)


def test_numbers_that_are_not_dates_are_left_alone():
    assert find_dates("Pasal 12 ayat (3) UU 7/2017 dan skor 13/14") == []


def test_times_carry_the_zone_written_with_them():
    times = find_times("dimulai pukul 19.30 Wita, selesai pkl 18:00, siaran 20.15 WIB")
    assert [(t.hhmm, t.zone) for t in times] == [
        ("19:30", "WITA"),
        ("18:00", None),
        ("20:15", "WIB"),
    ]


def test_a_timestamp_with_seconds_is_not_read_as_a_time():
    assert find_times("02/10/2024 09:41:17 WIB") == []


def test_news_addresses_give_their_publication_date():
    assert date_in_url("https://berita.example/read/2024/12/03/12345/judul") == date(2024, 12, 3)
    assert date_in_url("https://berita.example/?p=5408") is None


def test_years_named_in_a_text():
    text = "Pilkada 2024 dan PSU tahun 2025, bukan nomor 1999 atau 20245"
    assert years_named(text) == {2024, 2025}
    assert years_named(text, {"pilkada", "2024", "2025", "1999", "20245"}) == {2024, 2025}


def test_a_weekday_and_a_date_joined_by_a_slash():
    found = find_dates("Hari/tgl : Senin/9-12-2024 pkl 08.00 Wita")
    assert [(d.day, d.month, d.year, d.weekday) for d in found] == [(9, 12, 2024, 0)]
    assert find_dates("unduh di situs.id/9-12-2024") == []
