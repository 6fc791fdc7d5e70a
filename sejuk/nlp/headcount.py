"""How many took part: the counts a text gives per group and in all.

Field reports count their audience ("Sasaran : 12 org warga, 2 tomas", "Hadir 8 orang",
"Jml peserta +- 25 org"); releases say it in a sentence ("dihadiri sekitar 150 mahasiswa
dan 20 tokoh pemuda", "tokoh agama sebanyak 6 orang"). A count belongs to a group when
the group's words stand right after it ("12 org warga") or right before it ("warga
sebanyak 40 orang"); a number of people with no group is the total when the words around
it say who attended ("hadir", "peserta", "diikuti"). Without a stated total, the total is
the sum of the groups.

Numbers that count no participants are left alone: the officers ("personel yang hadir 2
orang" is the personnel count), victims and suspects ("3 orang luka", "2 orang
diamankan"), the numbers of an address or a poll ("RT 03", "TPS 05"), dates and times,
and candidates ("diikuti 3 pasangan calon": the contest's, not the audience).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress

from .document import Document, Match, watch
from .labels import PARTICIPANT
from .normalize import words
from .numbers import PERSONNEL, UNITS, parse_number
from .record import Evidence, Headcount, Value

# Words that say the people counted came: before the count in its sentence ("Hadir 8
# orang", "dihadiri sekitar 150 ..."), or right after it ("8 orang hadir").
_ATTENDING = words("""
    hadir dihadiri diikuti mengikuti peserta sasaran jumlah total sebanyak bertemu menemui
    bersama dengan mengumpulkan dikumpulkan melibatkan undangan diundang mengundang
    """)
# Words before a number that make it a label, an address or a time, not a count.
_NOT_A_COUNT_BEFORE = words("""
    rt rw no nomor tps pukul jam tanggal hari dusun lingkungan km nomor urut ke tahun pos
    jalan blok kavling lantai kamar pasal ayat gelombang tahap angkatan kelas
    """)
# After the people counted: they were hurt, held or are the officers themselves.
_NOT_PARTICIPANTS_AFTER = (
    words("""
    luka terluka tewas meninggal korban diamankan ditangkap tersangka pelaku diperiksa
    mengalami dirawat cedera
    """)
    | PERSONNEL - {"orang"}
    | {"pers"}
)
# Groups whose count is the contest's, not the audience's: "3 pasangan calon".
_NOT_AUDIENCE = frozenset({"paslon_timses"})
_PEOPLE = words("orang peserta jiwa")
_CONNECT = words("sebanyak sekitar kurang lebih kurleb berjumlah sejumlah yakni yaitu ada")


@dataclass(frozen=True, slots=True)
class Counted:
    category: str | None  # None: everyone, no group named
    count: int
    first: int  # tokens [first, last)
    last: int


def headcounts(
    doc: Document, taken: tuple[int, int] | None = None, incident: bool = False
) -> tuple[tuple[Headcount, ...], Value]:
    """Counts per participant group and the total. ``taken``: the tokens of the
    personnel count, which counts officers, not participants."""
    groups = {m.first: (code, m) for code, m in PARTICIPANT.find(doc)}
    ends = {m.last: (code, m) for code, m in groups.values()}
    found: list[Counted] = []
    for i in _numbers(doc):
        if taken is not None and taken[0] <= i < taken[1]:
            continue
        counted = _count_at(doc, i, groups, ends, incident)
        if counted is not None:
            found.append(counted)
    per_group: dict[str, Counted] = {}
    total: Counted | None = None
    for c in found:
        if c.category is None:
            total = total or c
        elif c.category not in per_group:
            per_group[c.category] = c
    out = tuple(
        Headcount(c.category, c.count, (_evidence(doc, c, "jumlah peserta per kelompok"),))
        for c in per_group.values()
        if c.category is not None
    )
    if total is not None:
        return out, Value(total.count, (_evidence(doc, total, "jumlah peserta"),))
    if out:
        summed = sum(h.count for h in out)
        evidence = tuple(e for h in out for e in h.evidence)
        return out, Value(summed, evidence, "jumlah dari peserta per kelompok")
    return out, Value(None, (), "jumlah peserta tidak disebut")


_NUMBER_WORDS = watch(frozenset(UNITS) | {"seratus", "seribu"})


def _numbers(doc: Document) -> list[int]:
    """Tokens where a number starts: digits (found in C) and number words."""
    w = doc.first_words
    digits = compress(range(len(w)), map(str.isdigit, w))
    out = []
    for i in sorted({*digits, *doc.positions(_NUMBER_WORDS)}):
        if doc.skipped[i]:
            continue
        if i > 0 and (w[i - 1].isdigit() or w[i - 1] in UNITS) and not doc.gaps[i].strip():
            continue  # the tail of a number read from its start ("dua belas", "1.250")
        out.append(i)
    return out


def _count_at(
    doc: Document,
    i: int,
    groups: dict[int, tuple[str, Match]],
    ends: dict[int, tuple[str, Match]],
    incident: bool,
) -> Counted | None:
    w = doc.first_words
    if i > 0 and (w[i - 1] in _NOT_A_COUNT_BEFORE or w[i - 1] == "salah"):
        return None
    if _in_a_date_or_time(doc, i):
        return None
    parsed = parse_number(w, i, doc.gaps)
    if parsed is None:
        return None
    value, used = parsed
    if not 0 < value <= 100_000:
        return None
    end = i + used
    again = parse_number(w, end, doc.gaps)  # spelled out again: "25 (dua puluh lima) orang"
    if again is not None and again[0] == value and doc.gaps[end].strip() == "(":
        end += again[1]
    at = end
    people = at < len(w) and w[at] in _PEOPLE and not doc.gaps[at].strip(" ()")
    if people:
        at += 1
    s = doc.sentence(i)
    if at < s.last and at in groups and not doc.gaps[at].strip(" ()"):
        code, m = groups[at]
        if code in _NOT_AUDIENCE or _after_is_not_participants(doc, m.last, s.last):
            return None
        if incident and not _attending_before(doc, i):
            return None
        return Counted(code, value, i, m.last)
    # "warga sebanyak 40 orang", "tokoh agama 3 orang", "Peserta : warga 20 org"
    lead = i
    while lead > s.first and w[lead - 1] in _CONNECT and not doc.gaps[lead].strip(" :±+-~"):
        lead -= 1
    if lead in ends and people and not doc.gaps[lead].strip(" :(±+-~"):
        code, m = ends[lead]
        if code in _NOT_AUDIENCE or _after_is_not_participants(doc, at, s.last):
            return None
        if incident and not _attending_before(doc, m.first):
            return None
        return Counted(code, value, m.first, at)
    if not people or w[at - 1] == "jiwa":
        return None
    if _after_is_not_participants(doc, at, s.last):
        return None
    if _attending_before(doc, i) or (at < s.last and w[at] == "hadir"):
        return Counted(None, value, i, at)
    return None


def _in_a_date_or_time(doc: Document, i: int) -> bool:
    """ "16/12/24", "pkl 20.00", "(9/12)": a number joined to the next or the one before
    by a slash, a dot, a colon or a dash (but "1.250" is a thousand and more)."""
    w = doc.first_words
    joins = ("/", ".", ":", "-")
    after = i + 1 < len(w) and w[i + 1].isdigit() and doc.gaps[i + 1] in joins
    if after and doc.gaps[i + 1] == "." and len(w[i + 1]) == 3:
        after = False
    before = i > 0 and w[i - 1].isdigit() and doc.gaps[i] in joins
    return after or before


def _after_is_not_participants(doc: Document, at: int, last: int) -> bool:
    w = doc.first_words
    return any(x in _NOT_PARTICIPANTS_AFTER for x in w[at : min(at + 3, last)])


def _attending_before(doc: Document, i: int) -> bool:
    """A word of attending before the count in its sentence ("Hadir 8 orang",
    "Sasaran : 12 org warga, 2 tomas"), with no officer noun in between ("personel yang
    hadir 2 orang" counts the officers)."""
    s = doc.sentence(i)
    before = doc.first_words[s.first : i]
    for k in range(len(before) - 1, -1, -1):
        x = before[k]
        if (x in PERSONNEL and x != "orang") or x == "pers":
            return False
        if x in _ATTENDING:
            return True
    return False


def _evidence(doc: Document, c: Counted, why: str) -> Evidence:
    start, end = doc.tokens[c.first].start, doc.tokens[c.last - 1].end
    return Evidence(start, end, doc.text[start:end], why)
