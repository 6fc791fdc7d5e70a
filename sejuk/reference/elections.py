"""The calendar of known elections, and which one a text speaks of.

A text names a kind of election ("pilkada", "PSU", "pemilu", "pilkades"); which election
it means follows from its date: "pilkada" in a message of December 2024 is the Pilkada
of 27 November 2024, in one of December 2026 no election this calendar knows. Each known
election has a window, from the start of its stages to the end of what follows the vote
(disputes at the Constitutional Court, re-votes, the swearing-in); a text dated inside it
speaks of it. A date after the last window of its kind gives no election (the calendar
is extended when the next one is set), and so does a year named that the calendar does
not hold ("Pilkada 2029").

Village-head elections (pilkades) are held by each kabupaten on its own day: they are a
kind of election in Sejuk, with no calendar entries and no label in the extraction
contract.

Dates: KPU's stages and voting days as published (Pemilu 14 February 2024; Pilkada
serentak 27 November 2024; the re-votes ordered by the Constitutional Court on 24
February 2025, held from 22 March to 6 August 2025).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, slots=True)
class Election:
    code: str  # the label of the extraction contract
    kind: str  # a code of ``taxonomy.ELECTION_KINDS``
    first_vote: date
    last_vote: date  # the same day, or the last of a series of re-votes
    opens: date  # the stages begin
    closes: date  # disputes, re-votes and the swearing-in are over

    @property
    def contract(self) -> str:
        return self.code


CALENDAR: tuple[Election, ...] = (
    Election(
        "pemilu_2024",
        "pemilu",
        date(2024, 2, 14),
        date(2024, 2, 14),
        opens=date(2022, 6, 14),
        closes=date(2024, 10, 20),
    ),
    Election(
        "pilkada_2024",
        "pilkada",
        date(2024, 11, 27),
        date(2024, 11, 27),
        opens=date(2024, 1, 1),
        closes=date(2025, 10, 31),
    ),
    Election(
        "psu_2025",
        "psu",
        date(2025, 3, 22),
        date(2025, 8, 6),
        opens=date(2025, 2, 24),
        closes=date(2025, 10, 31),
    ),
)

# A re-vote is of an election: one demanded or held inside another election's window and
# outside any re-vote window is that election's ("menuntut pemungutan suara ulang" a week
# after the Pilkada).
REVOTE_OF = {"psu": ("pilkada", "pemilu")}


def election_for(kind: str | None, on: date | None, year: int | None = None) -> Election | None:
    """The known election of ``kind`` that a text dated ``on`` speaks of.

    ``kind`` None: the text names an election only by words every election has
    ("pemungutan suara", "pleno", "pemilu" without a year); the election whose window
    holds the date, the one voted last before it first. ``year``: a year the text names
    with the election ("Pilkada 2024"), which decides. Without a date or a year, the
    latest election of the kind (the text gives nothing else to go by)."""
    if kind is None:
        return _around(list(CALENDAR), on) if on is not None else None
    of_kind = [e for e in CALENDAR if e.kind == kind]
    if not of_kind:
        return None
    if year is not None:
        named = [e for e in of_kind if year in (e.first_vote.year, e.last_vote.year)]
        return named[0] if named else None
    if on is None:
        return of_kind[-1]
    found = _around(of_kind, on)
    if found is None and kind in REVOTE_OF:
        found = _around([e for e in CALENDAR if e.kind in REVOTE_OF[kind]], on)
    return found


def _around(elections: list[Election], on: date) -> Election | None:
    """Of the elections whose window holds ``on``, the one whose voting days lie nearest
    to it ("pemungutan suara" in September 2024 speaks of the Pilkada to come, not of the
    Pemilu of February)."""
    inside = [e for e in elections if e.opens <= on <= e.closes]
    if not inside:
        return None

    def distance(e: Election) -> int:
        if on < e.first_vote:
            return (e.first_vote - on).days
        return max(0, (on - e.last_vote).days)

    return min(inside, key=distance)


# The re-votes (PSU) the Constitutional Court ordered on 24 February 2025, by region name
# as Kemendagri writes it, with the day each was held as reported (KPU's schedule;
# Barito Utara voted twice). The tension picture counts them for their region only.
COURT_RULING_2025 = date(2025, 2, 24)
REVOTES_2025: tuple[tuple[str, date], ...] = (
    ("Kabupaten Siak", date(2025, 3, 22)),
    ("Kabupaten Barito Utara", date(2025, 3, 22)),
    ("Kabupaten Bangka Barat", date(2025, 3, 22)),
    ("Kabupaten Magetan", date(2025, 3, 22)),
    ("Kabupaten Empat Lawang", date(2025, 3, 23)),
    ("Kota Sabang", date(2025, 4, 5)),
    ("Kabupaten Banggai", date(2025, 4, 5)),
    ("Kabupaten Bungo", date(2025, 4, 5)),
    ("Kabupaten Pulau Taliabu", date(2025, 4, 5)),
    ("Kabupaten Buru", date(2025, 4, 5)),
    ("Kabupaten Kepulauan Talaud", date(2025, 4, 9)),
    ("Kabupaten Parigi Moutong", date(2025, 4, 19)),
    ("Kabupaten Pasaman", date(2025, 4, 19)),
    ("Kabupaten Tasikmalaya", date(2025, 4, 19)),
    ("Kabupaten Kutai Kartanegara", date(2025, 4, 19)),
    ("Kabupaten Gorontalo Utara", date(2025, 4, 19)),
    ("Kabupaten Bengkulu Selatan", date(2025, 4, 19)),
    ("Kabupaten Serang", date(2025, 4, 19)),
    ("Kota Banjarbaru", date(2025, 4, 19)),
    ("Kota Palopo", date(2025, 5, 24)),
    ("Kabupaten Mahakam Ulu", date(2025, 5, 24)),
    ("Kabupaten Pesawaran", date(2025, 5, 24)),
    ("Papua", date(2025, 8, 6)),
    ("Kabupaten Boven Digoel", date(2025, 8, 6)),
    ("Kabupaten Barito Utara", date(2025, 8, 6)),
)


def national_stages() -> tuple[tuple[str, date], ...]:
    """The stages every region shares: each election's voting day, its results (KPU
    sets them within about two weeks), and the Court's ruling on the Pilkada disputes."""
    out: list[tuple[str, date]] = []
    for e in CALENDAR:
        if e.kind == "psu":
            continue
        label = (
            "Pemungutan suara Pemilu 2024"
            if e.kind == "pemilu"
            else "Pemungutan suara Pilkada 2024"
        )
        out.append((label, e.first_vote))
        out.append(
            ("Penetapan hasil " + label.split(" suara ")[1], e.first_vote + timedelta(days=14))
        )
    out.append(("Putusan MK sengketa Pilkada 2024", COURT_RULING_2025))
    return tuple(out)
