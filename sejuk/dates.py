"""Dates and times written the Indonesian way, for documents and pages.

Pure functions with no Django import: the documents Sejuk writes are in Bahasa Indonesia
whatever language the interface is set to, so they never go through the active locale.
Zones are named as Indonesians name them (WIB, WITA, WIT); a moment is first put in the
zone of the place it happened, then written, so 23.30 WIT on the 8th stays the 8th.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sejuk.reference.zones import ZONE_TZ as ZONES

WEEKDAYS: tuple[str, ...] = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS: tuple[str, ...] = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


def weekday(day: date) -> str:
    """``Minggu`` for 8 December 2024."""
    return WEEKDAYS[day.weekday()]


def month(day: date) -> str:
    return MONTHS[day.month - 1]


def release_date(day: date) -> str:
    """The form of press releases: ``Minggu (8/12/2024)``."""
    return f"{weekday(day)} ({day.day}/{day.month}/{day.year})"


def long_date(day: date) -> str:
    """``8 Desember 2024``."""
    return f"{day.day} {month(day)} {day.year}"


def full_date(day: date) -> str:
    """``Minggu, 8 Desember 2024``."""
    return f"{weekday(day)}, {long_date(day)}"


def short_date(day: date) -> str:
    """``08/12/2024``, for tables."""
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def clock(moment: time | datetime) -> str:
    """``16.30``: hours and minutes with a dot, as Indonesian texts write them."""
    return f"{moment.hour:02d}.{moment.minute:02d}"


def clock_in_zone(moment: time | datetime, zone: str) -> str:
    """``16.30 WITA``."""
    return f"{clock(moment)} {zone}"


def html_time(moment: time | datetime) -> str:
    """``09:30``: the one form ``<input type="time">`` takes, whatever the language of the
    page. A browser silently empties the input for anything else, ``09.30`` included."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def html_date(day: date) -> str:
    """``2024-12-08``: the one form ``<input type="date">`` takes."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


_CLOCK = re.compile(r"\s*([01]?\d|2[0-3])[.:]([0-5]\d)(?:[.:]([0-5]\d)(?:\.\d+)?)?\s*")


def parse_clock(text: str) -> time | None:
    """A time of day as people and browsers write it: ``09.30``, ``9:30``, ``09.30.00``,
    ``09:30:00``; None when it is not one."""
    found = _CLOCK.fullmatch(text or "")
    if found is None:
        return None
    return time(int(found[1]), int(found[2]), int(found[3] or 0))


def period(start: date, end: date) -> str:
    """A span of days, as short as it can be said: ``8 Desember 2024``,
    ``1–31 Desember 2024``, ``25 November – 8 Desember 2024``,
    ``28 Desember 2024 – 3 Januari 2025``."""
    if start == end:
        return long_date(start)
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {month(end)} {end.year}"
    if start.year == end.year:
        return f"{start.day} {month(start)} – {long_date(end)}"
    return f"{long_date(start)} – {long_date(end)}"


def local(moment: datetime, zone: str) -> datetime:
    """An aware moment as it reads in WIB, WITA or WIT."""
    return moment.astimezone(ZoneInfo(ZONES[zone]))


def today_in(zone: str, now: datetime) -> date:
    """The day it is in WIB, WITA or WIT at an aware moment: at 23.30 WIB on the 8th it
    is already the 9th in WIT."""
    return local(now, zone).date()


@dataclass(frozen=True)
class LocalTimes:
    """A span of time on the clocks of a place: its zone, day, start and end."""

    zone: str
    day: date
    start: time
    end: time | None


def local_times(zone: str, starts_at: datetime, ends_at: datetime | None) -> LocalTimes:
    """Start and end as they read in a zone ("16.30 WITA"); the day is the start's."""
    start = local(starts_at, zone)
    end = local(ends_at, zone).time() if ends_at else None
    return LocalTimes(zone, start.date(), start.time(), end)


def day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """The first moment of a day in a zone and the first moment of the next: 8 December
    in WIT runs from 7 December 15.00 UTC to 8 December 15.00 UTC."""
    tz = ZoneInfo(ZONES[zone])
    start = datetime(day.year, day.month, day.day, tzinfo=tz)
    return start, start + timedelta(days=1)


def moment_in_zone(moment: datetime, zone: str) -> str:
    """``Minggu (8/12/2024) 09.30 WITA``: a moment on the clocks of a place, short enough
    for a list such as an activity's history."""
    there = local(moment, zone)
    return f"{release_date(there.date())} {clock_in_zone(there, zone)}"


def stamp(moment: datetime, zone: str) -> str:
    """``Senin, 9 Desember 2024 pukul 06.00 WITA``: when a document was made."""
    there = local(moment, zone)
    return f"{full_date(there.date())} pukul {clock_in_zone(there, zone)}"
