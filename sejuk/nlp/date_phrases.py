"""Indonesian dates and times as police releases and field reports write them.

"Selasa (17/12/2024)", "Minggu, 22 Desember 2024", "Kamis pagi (14/11/2024)", "Rabu (11/12)
malam", "Jumat 13/12/24 pkl 21.15 WIB", "pada 14 Desember", "pukul 19.30 Wita", a weekday
alone ("di Mataram, Senin."), "kemarin", "tadi pagi".

Written here, not taken from a library: the general date parsers (dateparser and its kin)
read a whole string as one date, know few Indonesian forms, cannot tell "Minggu" the day
from "minggu" the week, and take tens of milliseconds; this module finds every
expression in a text with a handful of regular expressions, in microseconds.

A date the text leaves open stays open: a day and month without a year get their year
only from something else the text says (another full date, the weekday, the publication
date); when nothing makes it certain, ``complete`` says so instead of guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date, timedelta

from .normalize import fold_token

WEEKDAYS: dict[str, int] = {
    "senin": 0,
    "selasa": 1,
    "rabu": 2,
    "kamis": 3,
    "jumat": 4,
    "jum'at": 4,
    "jum’at": 4,
    "sabtu": 5,
    "minggu": 6,
    "ahad": 6,
}
MONTHS: dict[str, int] = {
    "januari": 1, "jan": 1,
    "februari": 2, "pebruari": 2, "feb": 2, "peb": 2,
    "maret": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "agustus": 8, "agu": 8, "agt": 8, "agst": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10,
    "november": 11, "nopember": 11, "nov": 11, "nop": 11,
    "desember": 12, "des": 12,
}  # fmt: skip
PARTS_OF_DAY = ("dini hari", "pagi", "siang", "sore", "petang", "malam", "subuh")
ZONES = ("WIB", "WITA", "WIT")
# Relative words and their distance in days from the day of writing.
RELATIVE: dict[str, int] = {
    "kemarin lusa": -2,
    "dua hari lalu": -2,
    "dua hari yang lalu": -2,
    "2 hari lalu": -2,
    "2 hari yang lalu": -2,
    "tiga hari lalu": -3,
    "tiga hari yang lalu": -3,
    "3 hari lalu": -3,
    "3 hari yang lalu": -3,
    "kemarin": -1,
    "semalam": -1,
    "tadi malam": -1,
    "hari ini": 0,
    "tadi pagi": 0,
    "tadi siang": 0,
    "tadi sore": 0,
    "besok": 1,
    "esok": 1,
    "lusa": 2,
}


def _alt(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# The folded first word of each weekday and relative word ("jum'at" -> "jumat").
_FIRST_WORD = {w: fold_token(w.split()[0]) for w in (*WEEKDAYS, *RELATIVE)}
_WD = _alt(WEEKDAYS)
_MON = _alt(MONTHS)
_POD = _alt(PARTS_OF_DAY)

# A date is found from its core, which starts with a digit; the weekday and bracket
# before it and the part of the day after it are then read around the core. The first
# digit stands alone at the front (``lead``, shared by every form) so that the search
# skips in C to the next digit instead of trying every form at every character; the
# groups after it hold the rest of the day (or year) and can be empty.
_CORE = re.compile(
    rf"""
    (?P<lead>\d)
    (?:
        (?P<d1>\d?)\s*[/-]\s*(?P<m1>\d{{1,2}})(?!\d)
            (?:\s*[/-]\s*(?P<y1>\d{{4}}|\d{{2}})(?!\d))?
      | (?P<d2>\d?)\.(?P<m2>\d{{1,2}})\.(?P<y2>\d{{4}})(?!\d)
      | (?P<d3>\d?)\s*-?\s*(?i:(?P<mon>{_MON}))\b\.?(?:\s*-?\s*(?P<y3>\d{{4}})(?!\d))?
      | (?P<y4>\d{{3}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})(?!\d)
    )
    """,
    re.VERBOSE,
)
_BEFORE = re.compile(
    rf"(?:(?:hari\s+)?(?P<wd>{_WD})\b(?:\s+(?P<pod1>{_POD})\b)?\s*[,/]?\s*)?"
    rf"(?P<paren>\(\s*)?(?:(?:tanggal|tgl)\.?\s*)?$",
    re.IGNORECASE,
)
# Where a head can start: "hari", a weekday, a bracket, "tanggal". Every form of
# ``_BEFORE`` but the empty one starts so; trying it only there finds the same head as a
# search of the whole window, which tries every position (and is most of the cost).
_HEAD_START = re.compile(rf"hari\b|{_WD}|\(|tanggal|tgl", re.IGNORECASE)
_AFTER = re.compile(rf"(?P<close>\s*\))?(?:\s*,?\s*(?P<pod2>{_POD})\b)?", re.IGNORECASE)
# A weekday alone is a date only where a date stands: before punctuation, a part of the
# day, "lalu" or the end; "Jumat Curhat" and "Minggu Kasih" are programmes, "dua minggu"
# a length of time.
_WEEKDAY_ALONE = re.compile(
    rf"(?=[sjrkmah])\b(?P<wd>{_WD})\b(?:\s+(?P<pod>{_POD})\b)?(?=\s*(?:[.,;:)\]]|lalu\b|kemarin\b|$))",
    re.IGNORECASE,
)
# "Hr/tgl: Kamis/14-11-2024": a weekday and a date joined by a slash, as forms write it.
_WEEKDAY_SLASH = re.compile(rf"\b(?:{_WD})/$")
_RELATIVE = re.compile(rf"\b(?P<rel>{_alt(RELATIVE)})\b")
# Matched on the lower-cased text; the look-ahead lets the search skip other characters.
_TIME = re.compile(
    r"(?=[pj\d])(?:(?:pukul|pkl|jam)\.?\s*(?P<h1>\d{1,2})[.:](?P<m1>\d{2})(?![\d:])"
    r"(?:\s*(?P<z1>wita|wib|wit)\b)?"
    r"|(?<![\d:.])(?P<h2>\d{1,2})[.:](?P<m2>\d{2})(?![\d:])\s*(?P<z2>wita|wib|wit)\b)"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None  # 0 Monday ... 6 Sunday
    relative: int | None = None  # days from the day of writing ("kemarin" = -1)
    part_of_day: str | None = None

    @property
    def explicit(self) -> date | None:
        """The date when the text gives day, month and year."""
        if self.day and self.month and self.year:
            return _valid(self.year, self.month, self.day)
        return None

    @property
    def weekday_conflict(self) -> bool:
        full = self.explicit
        return full is not None and self.weekday is not None and full.weekday() != self.weekday


@dataclass(frozen=True, slots=True)
class TimeMention:
    start: int
    end: int
    text: str
    hour: int
    minute: int
    zone: str | None  # WIB, WITA or WIT as written, else None

    @property
    def hhmm(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _year(raw: str | None) -> int | None:
    if raw is None:
        return None
    value = int(raw)
    return 2000 + value if value < 100 else value


def find_dates(text: str, vocabulary: AbstractSet[str] | None = None) -> list[DateMention]:
    """Every date expression in ``text``, in order, including weekdays alone and relative
    words. Day-month pairs that are no date (13/14, 31/2) are dropped.

    ``vocabulary``: the folded words of the text, when the caller has them (a
    ``Document``'s); weekday and relative words that are not among them are not looked
    for (most texts have one or two of the twenty)."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    low = text.lower()
    for m in _CORE.finditer(text):
        if (
            m.start()
            and text[m.start() - 1] in "0123456789/.:"
            and _WEEKDAY_SLASH.search(low, max(0, m.start() - 10), m.start()) is None
        ):
            continue  # inside a longer number, an address or a time
        mention = _from_match(text, m)
        if mention is not None:
            out.append(mention)
            taken.append((mention.start, mention.end))
    for m in _word_matches(low, _present(WEEKDAYS, vocabulary), _WEEKDAY_ALONE):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = text[m.start("wd") : m.end("wd")]
        if word.lower() == "minggu" and not word[0].isupper():
            continue  # "minggu" in lower case is a week
        out.append(
            DateMention(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                weekday=WEEKDAYS[word.lower()],
                part_of_day=(m.group("pod") or "").lower() or None,
            )
        )
    for m in _word_matches(low, _present(RELATIVE, vocabulary), _RELATIVE):
        if any(s <= m.start() < e for s, e in taken):
            continue
        rel = m.group("rel").lower()
        pod = rel.split()[-1] if rel.startswith("tadi") or rel == "semalam" else None
        out.append(
            DateMention(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                relative=RELATIVE[rel],
                part_of_day="malam" if rel == "semalam" else pod,
            )
        )
    out.sort(key=lambda d: d.start)
    return out


def _present(words: Iterable[str], vocabulary: AbstractSet[str] | None) -> list[str]:
    """The ``words`` whose first word (folded) is in ``vocabulary``; all without one."""
    if vocabulary is None:
        return list(words)
    return [w for w in words if _FIRST_WORD[w] in vocabulary]


def _word_matches(low: str, words: Iterable[str], pattern: re.Pattern[str]) -> list[re.Match[str]]:
    """``pattern`` matched where one of ``words`` stands as a whole word. The words are
    found with ``str.find`` (fast), the pattern only tried there."""
    out = []
    for word in words:
        at = low.find(word)
        while at >= 0:
            before = low[at - 1] if at else " "
            if not before.isalnum():
                m = pattern.match(low, at)
                if m is not None:
                    out.append(m)
            at = low.find(word, at + 1)
    out.sort(key=lambda m: (m.start(), -m.end()))
    # A shorter word inside a longer one ("kemarin" in "kemarin lusa") matched twice.
    return [m for k, m in enumerate(out) if not k or m.start() >= out[k - 1].end()]


def _head(text: str, at: int) -> re.Match[str] | None:
    """The weekday, bracket or "tanggal" that ends right before the date at ``at``."""
    for start in _HEAD_START.finditer(text, max(0, at - 40), at):
        head = _BEFORE.match(text, start.start(), at)
        if head is not None:
            return head
    return None


def _from_match(text: str, m: re.Match[str]) -> DateMention | None:
    g = m.groupdict()
    head = _head(text, m.start())
    tail = _AFTER.match(text, m.end())
    wd = head.group("wd") if head else None
    paren = bool(head and head.group("paren"))
    close = bool(tail and tail.group("close"))
    weekday = WEEKDAYS[wd.lower()] if wd else None
    lead = g["lead"]
    if g["m1"] is not None:
        day, month, year = int(lead + g["d1"]), int(g["m1"]), _year(g["y1"])
        if year is None and not (paren and close) and weekday is None:
            return None  # "1/2" in running text is rarely a date
    elif g["m2"] is not None:
        day, month, year = int(lead + g["d2"]), int(g["m2"]), int(g["y2"])
    elif g["mon"] is not None:
        day, month, year = int(lead + g["d3"]), MONTHS[g["mon"].lower()], _year(g["y3"])
    else:
        day, month, year = int(g["d4"]), int(g["m4"]), int(lead + g["y4"])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if _valid(year or 2024, month, day) is None:  # 2024 is a leap year: 29/2 stays
        return None
    pod = (head.group("pod1") if head else None) or (tail.group("pod2") if tail else None)
    start = head.start() if head and (wd or paren) else m.start()
    if paren and not close and not wd:
        start = m.start()
    end = tail.end() if tail and (close or tail.group("pod2")) else m.end()
    return DateMention(
        start,
        end,
        text[start:end],
        day,
        month,
        year,
        weekday,
        part_of_day=pod.lower() if pod else None,
    )


def find_times(text: str) -> list[TimeMention]:
    out: list[TimeMention] = []
    low = text.lower()
    if not any(w in low for w in ("pukul", "pkl", "jam", "wib", "wit")):
        return out
    pattern = _TIME
    if len(low) != len(text):
        low, pattern = text, _TIME_ANY_CASE  # offsets must stay those of the text
    for m in pattern.finditer(low):
        hour = int(m.group("h1") or m.group("h2"))
        minute = int(m.group("m1") or m.group("m2"))
        if hour > 24 or minute > 59:
            continue
        zone = m.group("z1") or m.group("z2")
        out.append(
            TimeMention(
                m.start(),
                m.end(),
                text[m.start() : m.end()],
                hour,
                minute,
                zone.upper() if zone else None,
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class Completed:
    value: date | None
    how: str  # Indonesian, for the record: why this date, or why none


def complete(
    mention: DateMention,
    published: date | None = None,
    anchors: Iterable[date] = (),
    years: Iterable[int] = (),
) -> Completed:
    """The calendar date a mention stands for, from what else the text gives.

    ``anchors``: other full dates of the same text; ``years``: years the text names
    ("Pilkada 2024"). A missing year is taken only when it is certain: the weekday fits
    exactly one candidate year, or a full date of the text lies within a few months.
    """
    anchors = sorted(set(anchors))
    if mention.relative is not None:
        if published is None:
            return Completed(None, "kata relatif tanpa tanggal terbit")
        return Completed(
            published + timedelta(days=mention.relative), "relatif terhadap tanggal terbit"
        )
    if mention.day is None or mention.month is None:
        if mention.weekday is None:
            return Completed(None, "bukan tanggal")
        return _weekday_alone(mention.weekday, published)
    if mention.year is not None:
        full = mention.explicit
        if full is None:
            return Completed(None, "tanggal tidak ada di kalender")
        if mention.weekday_conflict:
            return Completed(None, "nama hari tidak cocok dengan tanggal")
        return Completed(full, "tanggal lengkap")
    return _without_year(mention, published, anchors, set(years))


def _weekday_alone(weekday: int, published: date | None) -> Completed:
    if published is None:
        return Completed(None, "nama hari tanpa tanggal terbit")
    back = (published.weekday() - weekday) % 7
    return Completed(published - timedelta(days=back), "hari terakhir sebelum tanggal terbit")


def _without_year(
    mention: DateMention, published: date | None, anchors: list[date], years: set[int]
) -> Completed:
    assert mention.day is not None and mention.month is not None
    day, month = mention.day, mention.month
    refs = list(anchors) + ([published] if published else [])
    if mention.weekday is not None:
        candidates = set(years) | {r.year for r in refs} | {r.year - 1 for r in refs}
        fits = sorted(
            y
            for y in candidates
            if (d := _valid(y, month, day)) is not None and d.weekday() == mention.weekday
        )
        if len(fits) == 1:
            return Completed(_valid(fits[0], month, day), "tahun dari nama hari")
        if not fits:
            return Completed(None, "nama hari tidak cocok dengan tahun mana pun di teks")
    if refs:
        best: tuple[int, date] | None = None
        for ref in refs:
            for y in (ref.year - 1, ref.year, ref.year + 1):
                d = _valid(y, month, day)
                if d is None:
                    continue
                gap = abs((d - ref).days)
                if best is None or gap < best[0]:
                    best = (gap, d)
        if (
            best is not None
            and best[0] <= 120
            and (mention.weekday is None or best[1].weekday() == mention.weekday)
        ):
            return Completed(best[1], "tahun dari tanggal lain di teks")
    if len(years) == 1 and mention.weekday is None:
        (year,) = years
        found = _valid(year, month, day)
        if found is not None:
            return Completed(found, "tahun yang disebut teks")
    return Completed(None, "tahun tidak pasti")


_URL_DATE = re.compile(r"/(20\d\d)/(\d{1,2})/(\d{1,2})(?=/|$|[^\d])")


def date_in_url(url: str) -> date | None:
    """The publication date many news addresses carry: ``/2024/11/28/``."""
    m = _URL_DATE.search(url)
    if m is None:
        return None
    return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))


_TIME_ANY_CASE = re.compile(_TIME.pattern, re.IGNORECASE)
_YEAR = re.compile(r"(?=2)(?<!\w)(20[12]\d)(?!\w)")
_YEAR_WORD = re.compile(r"20[12]\d")


def years_named(text: str, vocabulary: AbstractSet[str] | None = None) -> set[int]:
    """Years written in a text ("Pilkada 2024", "tahun 2025"). Given the text's
    ``vocabulary`` (its folded words), the years are read from those words instead of
    every character of the text."""
    if vocabulary is not None:
        return {int(w) for w in vocabulary if len(w) == 4 and _YEAR_WORD.fullmatch(w)}
    return {int(y) for y in _YEAR.findall(text)}
