"""Which of the dates in a text is the day the activity or incident took place.

A release carries several dates: the activity's ("Selasa (17/12/2024)"), the day a
spokesman spoke ("kata Kapolsek, Jumat (20/12/2024)"), the election day it looks forward
to ("pemungutan suara akan digelar pada hari itu"), a photo caption of another event
("Ilustrasi ..."), the publication stamp. Each date is scored by its sentence:

- it sits with words of doing or happening ("digelar", "terjadi", "patroli") +;
- it carries the weekday, the house style for event dates +; it is in the headline or
  the lead +;
- it follows an attribution ("ujar ...", "dalam keterangannya") -;
- a plan or a later day ("akan", "besok"), a different event it is measured from
  ("usai PSU pada ..."), an illustration photo, a publication stamp: not a candidate.

The best date is the event date; when the text does not make it certain (a day and month
with no year the text fixes, a weekday that contradicts the date), the date is null and
the record says why. A time in the same sentence (or the one time of the text) comes with
it, in its written zone or the zone of the place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from . import context
from .date_phrases import (
    Completed,
    DateMention,
    TimeMention,
    complete,
    find_dates,
    find_times,
    years_named,
)
from .document import Document
from .normalize import words
from .record import EventDate, Evidence

_EVENT_WORDS = words("""
    pada digelar menggelar dilaksanakan melaksanakan dilakukan melakukan berlangsung
    terjadi kegiatan giat insiden kejadian patroli sambang menyambangi dialog deklarasi
    mediasi penyuluhan sosialisasi doa apel bentrokan kericuhan aksi demonstrasi
    pembakaran dimulai sekitar dipimpin
    """)
# Labels of a report's date field: "Hari/Tgl :", "Tanggal:", "Waktu :".
_DATE_LABELS = words("hari tgl tanggal waktu")
# A time said as a report says it: "Sabtu, 7 Desember 2024 pkl 16.00 Wita" on a line of
# its own is when the activity took place; a stamp gives the time bare ("| 14:30 WIB").
_TIME_WORDS = words("pukul pkl jam sekira sekitar")
# A date that is still to come: a plan or a schedule ("dijadwalkan", "direncanakan").
_FUTURE = words(
    "akan besok mendatang nanti rencana rencananya berencana merencanakan direncanakan "
    "dijadwalkan terjadwal"
)
_OTHER_EVENT = words("usai pasca setelah sebelum jelang menjelang sejak")
_ELECTION_NOUNS = words(
    "pilkada psu pemilu pemungutan pencoblosan pemilihan pelantikan penetapan putusan"
)


def published_date(doc: Document, given: date | None) -> date | None:
    """The publication date: given by the caller, else the one in the article's address."""
    if given is not None:
        return given
    if doc.url:
        from .date_phrases import date_in_url

        return date_in_url(doc.url)
    return None


def event_date(
    doc: Document,
    published: date | None,
    zone: str | None,
    slack: int = 0,
    election_years: Iterable[int] = (),
) -> EventDate:
    """``slack``: days the event may lie after ``published`` (a date read from the
    article's address can be a day early); ``election_years``: the years of the elections
    the text names, which fix the year of a weekday with a day and month ("Minggu
    (17/11)" in a text about the Pilkada)."""
    mentions = find_dates(doc.text, doc.vocabulary)
    times = find_times(doc.text)
    anchors = [d.explicit for d in mentions if d.explicit and not d.weekday_conflict]
    years = years_named(doc.text, doc.vocabulary) | ({published.year} if published else set())
    latest = published + timedelta(days=slack) if published else None
    countdowns = _countdowns(doc.text)
    written = _note_date(doc, mentions)
    best: tuple[float, DateMention, date, str] | None = None
    doubts: list[tuple[DateMention, str]] = []
    for d in mentions:
        token = doc.token_at(d.start)
        back = _counted_back(doc.text, d, countdowns)
        score = _score(doc, d, token, published) if back is None else 3.0
        if score is None:
            continue
        others = [a for a in anchors if a != d.explicit]
        done = complete(d, published, others, years)
        if done.value is None and d.relative is not None and published is None and written:
            done = Completed(
                written + timedelta(days=d.relative), "relatif terhadap tanggal catatan"
            )
        if done.value is None and d.weekday is not None and election_years:
            done = complete(d, published, others, years | set(election_years))
            if done.value is not None:
                done = Completed(done.value, "tahun dari pemilihan yang disebut")
        value = done.value
        if value is None:
            doubts.append((d, done.how))
            continue
        how = done.how
        if back is not None:
            value, how = value - timedelta(days=back), f"hitung mundur H-{back}"
        if latest is not None and value > latest:
            continue
        if best is None or score > best[0]:
            best = (score, d, value, how)
    if best is None:
        if doubts:
            d, how = doubts[0]
            return EventDate(
                None,
                None,
                None,
                (Evidence(d.start, d.end, d.text, how),),
                f"tanggal tidak pasti: {how}",
            )
        return EventDate(None, None, None, (), "teks tidak menyebut tanggal kegiatan")
    _, d, value, how = best
    evidence = [Evidence(d.start, d.end, d.text, f"tanggal kegiatan ({how})")]
    time = _time_for(doc, d, times, mentions)
    if time is not None:
        evidence.append(Evidence(time.start, time.end, time.text, "waktu kegiatan"))
    return EventDate(
        value,
        time.hhmm if time else None,
        (time.zone if time and time.zone else zone) if time else zone,
        tuple(evidence),
        None if how == "tanggal lengkap" else how,
    )


def _note_date(doc: Document, mentions: list[DateMention]) -> date | None:
    """The day a note or a report was written, on its heading line ("Catatan Kapolsek X,
    29/11/2024:"): its "tadi malam" and "kemarin" count from it."""
    for d in mentions:
        if d.explicit is not None and _heads_a_note(doc, d):
            return d.explicit
    return None


def _heads_a_note(doc: Document, d: DateMention) -> bool:
    _, line_end, _ = doc.lines[doc.sentence(doc.token_at(d.start)).line]
    return doc.text[d.end : line_end].strip() == ":"


# "H-3 pencoblosan Pilkada serentak 27 November 2024": three days before the date.
_COUNTDOWN = re.compile(r"\bH\s?-\s?(\d{1,2})\b")


# The same in words: "sehari jelang pencoblosan Pilkada 27 November 2024", "tiga hari
# sebelum pemungutan suara 27 November 2024".
_DAYS_IN_WORDS = {"se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7}
_COUNTDOWN_WORDS = re.compile(
    r"\b(?:(se)hari|(\d{1,2}|dua|tiga|empat|lima|enam|tujuh) hari)"
    r"\s+(?:jelang|menjelang|sebelum)\b",
    re.IGNORECASE,
)


def _countdowns(text: str) -> list[tuple[int, int, bool]]:
    """(end offset, days, told in words) of each countdown to a date ("H-3")."""
    out = [(m.end(), int(m.group(1)), False) for m in _COUNTDOWN.finditer(text)]
    for m in _COUNTDOWN_WORDS.finditer(text):
        n = (m.group(1) or m.group(2)).lower()
        out.append((m.end(), int(n) if n.isdigit() else _DAYS_IN_WORDS[n], True))
    return out


def _counted_back(text: str, d: DateMention, countdowns: list[tuple[int, int, bool]]) -> int | None:
    """The days a countdown before the date counts back ("H-3 ... 27 November 2024"), when
    it stands shortly before it with no sentence end between. Told in words, only when the
    date follows the event counted to with nothing but words between ("sehari jelang
    pencoblosan Pilkada 27 November 2024"; but in "sehari jelang pencoblosan, Senin
    (25/11/2024), ..." the date is the activity's own)."""
    for end, days, in_words in countdowns:
        between = text[end : d.start]
        if not 0 <= d.start - end <= 80 or any(ch in between for ch in ".!?\n"):
            continue
        if in_words and (d.weekday is not None or re.search(r"[^\w\s]", between)):
            continue
        return days
    return None


def _score(doc: Document, d: DateMention, token: int, published: date | None) -> float | None:
    s = doc.sentence(token)
    if s.role in ("url", "skip"):
        return None
    line_start, line_end, _ = doc.lines[s.line]
    line = doc.text[line_start:line_end]
    if s.role == "caption" and "ilustrasi" in line.lower():
        return None
    if len(line.strip()) - len(d.text) < 16 and d.explicit is not None:
        # A publication stamp on a line of its own; but "Hari/Tgl : Rabu, 11 Desember
        # 2024" is the date field of a field report.
        # So is a date line of a report whose next line opens with the time ("Rabu, 13
        # November 2024" / "Pkl 19.30 wib Bhabinkamtibmas ...").
        label = line[: d.start - line_start].lower()
        after = line[d.end - line_start :].lower()
        next_line = doc.text[line_end : line_end + 40].lstrip().lower()
        if (
            _DATE_LABELS.isdisjoint(re.findall(r"[a-z]+", label))
            and _TIME_WORDS.isdisjoint(re.findall(r"[a-z]+", after))
            and _TIME_WORDS.isdisjoint(re.findall(r"[a-z]+", next_line)[:1])
        ):
            return None
    if d.relative is not None and d.relative > 0:
        return None
    before = context.words_before(doc, token, 6, clause=True)
    if not _FUTURE.isdisjoint(before) or "besok" in doc.text[d.end : d.end + 8].lower():
        return None
    # "usai PSU pada <tanggal>", "menjelang pencoblosan <tanggal>": the date of
    # the election the activity followed or awaits, not the activity's.
    wider = context.words_before(doc, token, 8)
    if (
        wider
        and wider[-1] == "pada"
        and not _ELECTION_NOUNS.isdisjoint(wider[-5:])
        and not _OTHER_EVENT.isdisjoint(wider)
    ):
        return None
    clause = context.words_before(doc, token, 8, clause=True)
    if not _ELECTION_NOUNS.isdisjoint(clause[-2:]) and not _OTHER_EVENT.isdisjoint(clause):
        return None
    score = 1.0
    if d.weekday is not None:
        score += 1.0
    if not _EVENT_WORDS.isdisjoint(doc.first_words[s.first : s.last]):
        score += 1.0
    if s.role in ("headline", "caption") or s.number in doc.lead:
        score += 0.5
    if context.is_attribution(doc, token):
        score -= 1.5
    if d.day is None and d.relative is None:
        score -= 0.5  # a weekday alone says less than a full date
    if d.explicit is not None and _heads_a_note(doc, d):
        # "Catatan Kapolsek X, 29/11/2024:": the day a note was written, from which its
        # "tadi malam" or "kemarin" counts; the event's date only when nothing else is.
        score -= 1.5
    return score


def _time_for(
    doc: Document, d: DateMention, times: list[TimeMention], dates: list[DateMention]
) -> TimeMention | None:
    if not times:
        return None

    def sentence_of(offset: int) -> int:
        return doc.sent_of[doc.token_at(offset)]

    own = sentence_of(d.start)
    same = [t for t in times if sentence_of(t.start) == own]
    if same:
        return same[0]
    dated = {sentence_of(x.start) for x in dates}
    free = [t for t in times if sentence_of(t.start) not in dated]
    return free[0] if len(free) == 1 else None
