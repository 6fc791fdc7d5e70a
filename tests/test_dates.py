"""Indonesian dates: weekdays, months, release style, periods and zones."""

from datetime import UTC, date, datetime, time

import pytest

from sejuk import dates


def test_the_release_style_gives_the_weekday_and_the_date_without_leading_zeros():
    assert dates.release_date(date(2024, 12, 8)) == "Minggu (8/12/2024)"
    assert dates.release_date(date(2025, 4, 19)) == "Sabtu (19/4/2025)"
    assert dates.release_date(date(2024, 11, 27)) == "Rabu (27/11/2024)"


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2024, 12, 2), "Senin"),
        (date(2024, 12, 3), "Selasa"),
        (date(2024, 12, 4), "Rabu"),
        (date(2024, 12, 5), "Kamis"),
        (date(2024, 12, 6), "Jumat"),
        (date(2024, 12, 7), "Sabtu"),
        (date(2024, 12, 8), "Minggu"),
    ],
)
def test_every_weekday_has_its_indonesian_name(day, name):
    assert dates.weekday(day) == name


def test_months_are_named_in_indonesian():
    names = [dates.month(date(2024, m, 1)) for m in range(1, 13)]
    assert names[0] == "Januari" and names[1] == "Februari" and names[7] == "Agustus"
    assert names[11] == "Desember" and len(set(names)) == 12


def test_long_and_full_dates():
    assert dates.long_date(date(2025, 8, 6)) == "6 Agustus 2025"
    assert dates.full_date(date(2024, 12, 8)) == "Minggu, 8 Desember 2024"
    assert dates.short_date(date(2025, 3, 2)) == "02/03/2025"


def test_times_are_written_with_a_dot_and_their_zone():
    assert dates.clock(time(9, 5)) == "09.05"
    assert dates.clock_in_zone(time(16, 30), "WITA") == "16.30 WITA"


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (date(2024, 12, 8), date(2024, 12, 8), "8 Desember 2024"),
        (date(2024, 12, 1), date(2024, 12, 31), "1–31 Desember 2024"),
        (date(2024, 11, 25), date(2024, 12, 8), "25 November – 8 Desember 2024"),
        (date(2024, 12, 28), date(2025, 1, 3), "28 Desember 2024 – 3 Januari 2025"),
    ],
)
def test_a_period_is_said_as_briefly_as_it_can_be(start, end, text):
    assert dates.period(start, end) == text


def test_2330_wit_on_the_8th_is_the_8th_in_papua_but_the_8th_in_utc_is_earlier():
    moment = datetime(2024, 12, 8, 14, 30, tzinfo=UTC)  # 23.30 WIT
    assert dates.local(moment, "WIT").date() == date(2024, 12, 8)
    assert dates.local(moment, "WIB").date() == date(2024, 12, 8)
    later = datetime(2024, 12, 8, 15, 30, tzinfo=UTC)  # 00.30 WIT on the 9th
    assert dates.local(later, "WIT").date() == date(2024, 12, 9)
    assert dates.local(later, "WIB").date() == date(2024, 12, 8)


def test_a_day_runs_from_local_midnight_to_local_midnight():
    start, end = dates.day_bounds(date(2024, 12, 8), "WIT")
    assert start.astimezone(UTC) == datetime(2024, 12, 7, 15, 0, tzinfo=UTC)
    assert end.astimezone(UTC) == datetime(2024, 12, 8, 15, 0, tzinfo=UTC)
    start, _ = dates.day_bounds(date(2024, 12, 8), "WIB")
    assert start.astimezone(UTC) == datetime(2024, 12, 7, 17, 0, tzinfo=UTC)


def test_a_stamp_says_when_in_the_zone_of_the_reader():
    moment = datetime(2024, 12, 8, 22, 0, tzinfo=UTC)
    assert dates.stamp(moment, "WITA") == "Senin, 9 Desember 2024 pukul 06.00 WITA"


def test_html_inputs_get_the_one_form_browsers_accept_whatever_the_language():
    assert dates.html_time(time(9, 30, 15)) == "09:30"
    assert dates.html_time(datetime(2024, 12, 8, 16, 5, tzinfo=UTC)) == "16:05"
    assert dates.html_date(date(2024, 12, 8)) == "2024-12-08"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09.30", time(9, 30)),
        ("9:30", time(9, 30)),
        ("09.30.00", time(9, 30)),
        ("16:30:45", time(16, 30, 45)),
        (" 23.59 ", time(23, 59)),
        ("24.00", None),
        ("09.60", None),
        ("jam sembilan", None),
        ("", None),
    ],
)
def test_a_time_of_day_is_read_as_people_and_browsers_write_it(text, expected):
    assert dates.parse_clock(text) == expected


def test_a_moment_is_written_short_in_the_zone_of_its_place():
    moment = datetime(2024, 12, 8, 1, 30, tzinfo=UTC)
    assert dates.moment_in_zone(moment, "WITA") == "Minggu (8/12/2024) 09.30 WITA"
    assert dates.moment_in_zone(datetime(2024, 12, 7, 16, 0, tzinfo=UTC), "WIT") == (
        "Minggu (8/12/2024) 01.00 WIT"
    )


def test_a_span_reads_on_the_clocks_of_its_zone_and_keeps_the_day_it_started():
    # 22.00 WIT on the 8th until 00.30 the next morning: a span of the 8th in Papua.
    span = dates.local_times(
        "WIT", datetime(2024, 12, 8, 13, 0, tzinfo=UTC), datetime(2024, 12, 8, 15, 30, tzinfo=UTC)
    )
    assert (span.zone, span.day, span.start, span.end) == (
        "WIT",
        date(2024, 12, 8),
        time(22, 0),
        time(0, 30),
    )
    assert dates.local_times("WIB", datetime(2024, 12, 8, 1, 0, tzinfo=UTC), None).end is None
