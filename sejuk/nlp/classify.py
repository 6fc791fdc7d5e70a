"""What kind of text it is, the situation it reports, online or not, and the election.

- kind: a disturbance that happened (incident), a police activity that happened
  (activity), or neither (plans, general statements: other). Each side is weighed by its
  words said as happening, double in the headline and the lead.
- situation: only a situation the text reports ("keadaan kembali kondusif", "acara
  berakhir tertib", "tidak ditemukan hal menonjol"), never one it aims at ("guna
  mewujudkan suasana yang kondusif"); of several, the one reported last (the state at
  the end: "sempat memanas ... berangsur kondusif"); null when it reports none.
- online: the activity was held online ("secara daring", "virtual", "zoom").
- election: the kind of election the words name (Pilkada, PSU, Pemilu, Pilkades), placed
  on the calendar of known elections by the text's date (``elections``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from sejuk.reference.elections import CALENDAR, election_for
from sejuk.reference.taxonomy import ELECTION_KINDS, ELECTIONS, SITUATIONS

from . import context
from .document import Document, Match
from .labels import ACTIVITY, RESPONSE, Found
from .lexicon import Lexicon
from .normalize import words
from .phrases import table
from .record import Evidence, Value

# The phrase tables are data (``language/situation.txt``, ``online.txt``,
# ``election.txt``, ``kind.txt``; see ``phrases``); what needs code is below, named.
_SITUATION = Lexicon(table("situation", SITUATIONS))
# (Not "memastikan": "Kapolsek memastikan keadaan sudah kondusif" vouches for a calm;
# "untuk memastikan ..." is caught by "untuk".)
_PURPOSE = words("""
    untuk guna agar supaya demi bertujuan tujuan menjaga jaga menciptakan ciptakan
    mewujudkan wujudkan menjamin harapan diharapkan semoga mendukung menuju memelihara
    mempertahankan menjadikan upaya mengupayakan rangka
    """)
# Words that turn an aim into a report between the purpose word and the calm: "guna
# menjaga kamtibmas, kegiatan yang berlangsung aman ...", "sehingga ... berjalan lancar".
_REPORTED = words("yang sehingga hingga telah sudah pun kini akhirnya")
# Unrest said as over: "sempat memanas", "sebelumnya tegang".
_PAST = words("sempat sebelumnya tadinya semula")
_ONLINE = Lexicon(table("online", ("online",)))
_ELECTION = Lexicon(table("election", (*ELECTION_KINDS, "any")))
_YEAR = re.compile(r"20\d\d")
_ACTIVITY_WORDS = Lexicon(table("kind", ("activity",)))


def kind(doc: Document, activity: Sequence[Found], incident: Sequence[Found]) -> Value:
    if _opinion(doc):
        return Value("other", (), "tulisan opini: pendapat penulis, bukan laporan kejadian")
    # A disturbance told first, with no police step told beside it: the steps told
    # further down (securing, mediation) answer it and make no activity report.
    incident = [f for f in incident if not _found_on_patrol(doc, f, activity)]
    leading = any(_weight(doc, f.match) >= 1.5 and _first_told(doc, f.match) for f in incident)
    if leading and not any(_first_told(doc, f.match) for f in activity):
        activity = [f for f in activity if f.code not in RESPONSE]
    if _headline_plan(doc, activity):
        activity = []
    act = sum(_weight(doc, f.match) for f in activity)
    act += 0.5 * sum(
        _weight(doc, m)
        for _, m in _ACTIVITY_WORDS.find(doc)
        if not context.is_irrealis(doc, m.first) and not context.is_generic(doc, m.first)
    )
    inc = sum(_weight(doc, f.match) for f in incident)
    if _guarded_protest(activity, incident):
        act = min(act, inc - 0.5)
    if inc >= 1.5 and inc > act:
        return Value(
            "incident",
            _evidence(incident, "kata kejadian"),
            f"bobot kejadian {inc:.1f} > kegiatan {act:.1f}",
        )
    if act >= 1:
        return Value(
            "activity",
            _evidence(activity, "kata kegiatan"),
            f"bobot kegiatan {act:.1f}, kejadian {inc:.1f}",
        )
    if inc > 0:
        return Value("incident", _evidence(incident, "kata kejadian"))
    return Value("other", (), "tidak ada kegiatan atau kejadian yang dilaporkan terjadi")


# A column, not a report: "Opini: ...", "Kolom ...", "Tajuk Rencana", a byline "Oleh: ...".
_OPINION = words("opini kolom tajuk editorial")


def _opinion(doc: Document) -> bool:
    """The text opens as an opinion piece: its first line is headed "Opini", "Kolom",
    "Tajuk" or "Editorial", or one of its first three sentences is a byline ("Oleh:
    <name>, pengajar ...")."""
    if not doc.sentences:
        return False
    first = doc.sentences[0]
    if doc.first_words[first.first : first.first + 1] and doc.first_words[first.first] in _OPINION:
        return True
    return any(doc.first_words[s.first : s.first + 1] == ["oleh"] for s in doc.sentences[:3])


# What the police do around a protest: guard it, patrol around it.
_GUARDING = frozenset({"pengamanan", "patroli_bersama", "patroli_dialogis"})


def _guarded_protest(activity: Sequence[Found], incident: Sequence[Found]) -> bool:
    """A protest and only the police guarding it ("Polres Bima mengawal aksi puluhan
    mahasiswa"): the report is of the protest; the guarding goes with it."""
    return (
        any(f.code == "unjuk_rasa" for f in incident)
        and bool(activity)
        and all(f.code in _GUARDING for f in activity)
    )


def _headline_plan(doc: Document, activity: Sequence[Found]) -> bool:
    """The headline names an activity the body only plans ("Pengamanan Pilkada Libatkan
    600 Personel" over "600 personel akan diterjunkan"): a statement of plans, no report
    of an activity held."""
    if not activity or any(doc.sentence(f.match.first).role != "headline" for f in activity):
        return False
    planned = {
        code
        for code, m in ACTIVITY.find(doc)
        if doc.sentence(m.first).role != "headline" and _planned(doc, m)
    }
    return {f.code for f in activity} <= planned


def _planned(doc: Document, m: Match) -> bool:
    return context.is_irrealis(doc, m.first) or not context.PLAN.isdisjoint(m.words.split())


# What a cyber patrol found ("Tim Siber menemukan 12 unggahan provokatif dalam patroli
# siber") is the patrol's result: it weighs nothing toward a report of a disturbance.
_FINDING = words("menemukan temukan ditemukan mendapati didapati menjaring terjaring")


def _found_on_patrol(doc: Document, f: Found, activity: Sequence[Found]) -> bool:
    if not any(a.code == "patroli_siber" for a in activity):
        return False
    return not _FINDING.isdisjoint(context.words_before(doc, f.match.first, 6, clause=True))


def _first_told(doc: Document, m: Match) -> bool:
    """In the headline or the first sentence of the body."""
    s = doc.sentence(m.first)
    body = [x.number for x in doc.sentences if x.role == "body"][:1]
    return s.role == "headline" or s.number in body


def _weight(doc: Document, m: Match) -> float:
    s = doc.sentence(m.first)
    if s.role == "headline":
        return 2.0
    return 1.5 if s.number in doc.lead else 1.0


def _evidence(found: Sequence[Found], why: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(f.match.start, f.match.end, f.match.text, why) for f in found[:5])


def situation(doc: Document) -> Value:
    reported: list[tuple[str, Match]] = []
    for code, m in _SITUATION.find(doc):
        before = context.words_before(doc, m.first, 20)
        if not context.IRREALIS.isdisjoint(before):
            continue
        if _aimed_at(doc, m, before):
            continue
        if code != "kondusif" and not _PAST.isdisjoint(m.words.split()):
            continue  # "suasana sempat memanas": a moment that has passed
        if (
            code == "kondusif"
            and not context.IRREALIS.isdisjoint(m.words.split())
            and not m.words.startswith(_BROUGHT_UNDER_CONTROL)
        ):
            continue  # "kamtibmas dapat terjaga dan terkendali": a hope, inside the words
        reported.append((code, m))
    if not reported:
        return Value(None, (), "teks tidak melaporkan situasi")
    # The state at the end wins: "sempat memanas ... situasi mulai kondusif" ends calm,
    # "aman ... namun kemudian mencekam" ends in unrest.
    code = reported[-1][0]
    found = [m for c, m in reported if c == code]
    return Value(
        code,
        tuple(Evidence(m.start, m.end, m.text, "situasi yang dilaporkan") for m in found[-3:]),
    )


# Trouble the police could put down, told after it was: "keadaan dapat dikendalikan" (a
# hope only where a purpose or plan word stands before it, checked above).
_BROUGHT_UNDER_CONTROL = tuple(
    f"{modal} {verb}"
    for modal in ("dapat", "bisa")
    for verb in ("dikendalikan", "diredam", "diatasi", "dilerai", "diredakan")
)


def _aimed_at(doc: Document, m: Match, before: list[str]) -> bool:
    """A situation the text aims at ("guna memastikan ... berlangsung tertib"), not one it
    reports ("rapat pleno yang berakhir damai", "sehingga acara berjalan tertib")."""
    if before and before[-1] in ("yang", "sehingga", "telah", "sudah", "pun"):
        return False
    if m.words.startswith(("berjalan", "berlangsung", "berakhir", "selesai", "tidak", "belum")):
        # The purpose word may stand far back ("Dalam rangka memastikan pelaksanaan Pilkada
        # Kabupaten ... berlangsung aman"), unless the report turns in between.
        for w in reversed(before):
            if w in _REPORTED:
                return False
            if w in _PURPOSE:
                return True
        return False
    return not _PURPOSE.isdisjoint(before[-10:])


def online(doc: Document) -> Value:
    for _, m in _ONLINE.find(doc):
        if not context.is_irrealis(doc, m.first):
            return Value(True, (Evidence(m.start, m.end, m.text, "kegiatan daring"),))
    return Value(False, (), "tidak ada tanda kegiatan daring")


def election(doc: Document, on: date | None = None) -> tuple[Value, Value]:
    """The election the text speaks of (a label of the contract, or null) and its kind.

    The words name a kind; the calendar (``elections``) places it by ``on``, the text's
    date (its event date, else its publication date), or by a year written with it."""
    found: dict[str, list[Match]] = {}
    for code, m in _ELECTION.find(doc):
        found.setdefault(code, []).append(m)
    n = {k: len(v) for k, v in found.items()}
    psu, pilkada, pemilu = n.get("psu", 0), n.get("pilkada", 0), n.get("pemilu", 0)
    pilkades = n.get("pilkades", 0)
    kind: str | None
    if psu and (pilkada or not pemilu):
        kind = "psu"  # the re-votes of 2025 followed the Pilkada
    elif pilkades and pilkades >= max(pilkada, pemilu):
        kind = "pilkades"
    elif pilkada and pilkada >= pemilu:
        kind = "pilkada"
    elif pemilu:
        kind = "pemilu"  # a PSU too, when the text is about the general election
    elif "any" in found:
        kind = None
    else:
        return Value(None, (), "tidak menyebut pemilihan"), Value(None)
    ms = found[kind or "any"]
    evidence = tuple(Evidence(m.start, m.end, m.text, "pemilihan yang disebut") for m in ms[:3])
    year = _year_named(doc, ms)
    known = election_for(kind, on, year)
    if known is None:
        when = f"tahun {year}" if year else (f"tanggal {on:%d/%m/%Y}" if on else "")
        note = f"tidak ada di kalender pemilihan untuk {when}" if when else None
        return Value(None, evidence, note), Value(kind, evidence)
    if kind is None or (kind == "psu" and known.kind != "psu"):
        kind = known.kind  # a re-vote demanded after the Pilkada is the Pilkada's
    why = ELECTIONS[known.code]
    return (
        Value(known.code, tuple(Evidence(e.start, e.end, e.text, why) for e in evidence)),
        Value(kind, evidence),
    )


def election_years(doc: Document) -> set[int]:
    """The years of the voting days of the kinds of election the text names (Pilkada:
    2024; PSU: 2025), to fix the year of a weekday with a day and a month."""
    kinds = {code for code, _ in _ELECTION.find(doc) if code != "any"}
    return {
        year
        for e in CALENDAR
        if e.kind in kinds
        for year in range(e.first_vote.year, e.last_vote.year + 1)
    }


def _year_named(doc: Document, matches: list[Match]) -> int | None:
    """A year written with the election: "Pilkada 2024", "Pilkada Serentak Tahun 2024",
    "Pemilu 2024"."""
    for m in matches:
        inside = _YEAR.search(m.words)
        if inside:
            return int(inside.group())
        after = doc.first_words[m.last : min(m.last + 3, doc.sentence(m.first).last)]
        for w in after:
            if len(w) == 4 and _YEAR.fullmatch(w):
                return int(w)
    return None
