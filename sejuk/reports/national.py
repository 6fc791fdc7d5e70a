"""Generated citizen reports and incidents at national scale (``sejuk generate
national``): the table writer for reports with their history.

Where and when a report comes in is decided by the caller (``sejuk.web.national``), and
so is who answers for the place (the rule of ``units.routing.responsible_for``, worked out
once for the whole country). Here a report gets a story, an urgency and the deadline it
implies, a reporter (mostly anonymous; named ones encrypted as intake does), and a case
that has moved as far as its age allows: new ones wait, older ones were verified,
handled and settled, some refused, referred or merged into another, a few forgotten past
their deadline. Every step is in the case's history. Incidents are written by
``sejuk.incidents.national`` (their own records; a verified report may point at one).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from django.conf import settings

from sejuk.bulk import analyze, claim_ids, insert, reset_sequences
from sejuk.crypto import encrypt

from .demo import NAMES, PLACES, SETTLED, STORIES
from .intake import CATEGORY_URGENCY, CODE_ALPHABET
from .models import Channel, Event, Referral, Report, State, Urgency

CHANNELS = (Channel.WEB, Channel.WHATSAPP, Channel.OFFICER, Channel.TELEGRAM, Channel.SMS)
CHANNEL_WEIGHTS = (50, 22, 15, 8, 5)
# The state a case has reached, by its age: fresh, under two weeks, older.
OUTCOMES = (
    State.BARU, State.DIVERIFIKASI, State.DITANGANI, State.SELESAI, State.DITOLAK,
    State.DIRUJUK, State.DUPLIKAT,
)  # fmt: skip
OUTCOME_WEIGHTS = (
    (45, 25, 25, 0, 5, 0, 0),
    (6, 14, 35, 30, 7, 5, 3),
    (1, 2, 7, 70, 9, 6, 5),
)
PATHS = {
    State.BARU: (),
    State.DIVERIFIKASI: (State.DIVERIFIKASI,),
    State.DITANGANI: (State.DIVERIFIKASI, State.DITANGANI),
    State.SELESAI: (State.DIVERIFIKASI, State.DITANGANI, State.SELESAI),
    State.DITOLAK: (State.DITOLAK,),
    State.DIRUJUK: (State.DIVERIFIKASI, State.DIRUJUK),
}
# Categories behind which a verified incident is often found.
DISTURBANCES = frozenset(
    {"bentrokan", "perusakan", "pengerahan_massa", "unjuk_rasa", "intimidasi", "provokasi"}
)
REFUSED = "Bukan gangguan kamtibmas; disampaikan kepada pemerintah desa."

REPORT_FIELDS = (
    "id", "code", "category", "urgency", "description", "region_id", "place_text",
    "occurred_at", "channel", "anonymous", "reporter_name", "reporter_phone", "state",
    "assigned_unit_id", "assigned_officer_id", "due_at", "first_response_at", "settlement",
    "parties", "agreement", "settled_at", "referred_to", "duplicate_of_id", "incident_id",
    "source_text", "created_at", "is_demo", "updated_at",
)  # fmt: skip
EVENT_FIELDS = ("report_id", "at", "by_id", "by_name", "action", "from_state", "to_state")


def tracking_code(rng: random.Random) -> str:
    """A code of the shape intake gives ("K7M2-Q9PX-3TDA"), drawn from the seeded
    generator so two runs give the same codes."""
    raw = "".join(CODE_ALPHABET[rng.getrandbits(5)] for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


@dataclass
class _Case:
    row: dict[str, Any]
    events: list[tuple[Any, ...]]
    incident: int | None = None  # index among the incidents of this chunk
    duplicate_of: _Case | None = None  # the case it was merged into
    pk: int | None = None


class Incidents(Protocol):
    """Where a verified report's incident goes (``sejuk.incidents.national.IncidentWriter``,
    handed in by the caller: reports do not import the incidents app)."""

    def add(self, when: datetime, desa: str, kind: str = "") -> int: ...

    def flush(self) -> list[int]: ...


class ReportWriter:
    """Collects generated reports with their history and writes them in chunks."""

    def __init__(self, rng: random.Random, *, by: int, now: datetime, incidents: Incidents) -> None:
        self.rng, self.by, self.now = rng, by, now
        self.incidents = incidents
        self.pending: list[_Case] = []
        # The latest case still open in each kabupaten: a new report may repeat it.
        self.open_by_kabupaten: dict[str, _Case] = {}
        self.written = 0
        self.rows = 0

    def add(
        self, received: datetime, desa: str, unit_id: int, officer: tuple[int, str] | None
    ) -> int | None:
        """One report received at ``received`` from ``desa``, answered by ``unit_id``
        (and ``officer``). Returns its index when it was verified and not refused, so
        the caller may put an incident behind it."""
        rng = self.rng
        category, text = rng.choice(STORIES)
        urgency = CATEGORY_URGENCY.get(category, Urgency.BIASA)
        if rng.random() < 0.08:
            urgency = Urgency.DARURAT  # "it is happening now"
        due = received + timedelta(minutes=settings.REPORT_RESPONSE_MINUTES[urgency])
        named = rng.random() < 0.35
        name = rng.choice(NAMES) if named else ""
        phone = f"+62812{rng.randint(10_000_000, 99_999_999)}" if named else ""
        channel = rng.choices(CHANNELS, CHANNEL_WEIGHTS)[0]
        age = (self.now - received).days
        weights = OUTCOME_WEIGHTS[0 if age < 2 else 1 if age < 14 else 2]
        outcome = rng.choices(OUTCOMES, weights)[0]
        index = len(self.pending)
        kabupaten = desa[:5]
        duplicate_of = None
        if outcome == State.DUPLIKAT:
            duplicate_of = self.open_by_kabupaten.get(kabupaten)
            if duplicate_of is None:
                outcome = State.DITOLAK
        row: dict[str, Any] = {
            "code": tracking_code(rng),
            "category": category,
            "urgency": urgency,
            "description": text.format(tempat=rng.choice(PLACES)),
            "region_id": desa,
            "place_text": "",
            "occurred_at": received - timedelta(hours=rng.randint(1, 20)),
            "channel": channel,
            "anonymous": not named,
            "reporter_name": encrypt(name),
            "reporter_phone": encrypt(phone),
            "state": State.BARU,
            "assigned_unit_id": unit_id,
            "assigned_officer_id": officer[0] if officer else None,
            "due_at": due,
            "first_response_at": None,
            "settlement": "",
            "parties": "",
            "agreement": "",
            "settled_at": None,
            "referred_to": "",
            "source_text": "",
            "created_at": received,
            "is_demo": True,
            "updated_at": received,
        }
        unit_name = officer[1] if officer else "operator"
        events: list[tuple[Any, ...]] = [
            (received, None, "pelapor", "received", "", State.BARU, {"channel": channel})
        ]
        case = _Case(row, events, duplicate_of=duplicate_of)
        at = received
        # Most first responses come inside the deadline; some do not.
        first = (due - received) * rng.uniform(0.1, 0.9 if rng.random() < 0.85 else 3.0)
        steps = ("merged",) if outcome == State.DUPLIKAT else PATHS[outcome]
        for n, step in enumerate(steps):
            at = at + (first if n == 0 else timedelta(hours=rng.randint(1, 72)))
            if at > self.now:
                break
            self._step(case, step, at, unit_name)
        self.pending.append(case)
        state = row["state"]
        if state not in (State.BARU, State.DITOLAK, State.DUPLIKAT):
            self.open_by_kabupaten[kabupaten] = case
            if category in DISTURBANCES:
                return index
        return None

    def _step(self, case: _Case, step: str, at: datetime, by_name: str) -> None:
        row, rng = case.row, self.rng
        before = row["state"]
        if row["first_response_at"] is None:
            row["first_response_at"] = at
        row["updated_at"] = at
        detail: dict[str, Any] = {}
        if step == "merged":
            row["state"] = State.DUPLIKAT
            case.events.append((at, self.by, by_name, "merged", before, State.DUPLIKAT, {}))
            return
        row["state"] = step
        if step == State.DITOLAK:
            detail["reason"] = REFUSED
        elif step == State.DIRUJUK:
            row["referred_to"] = rng.choice(
                (Referral.BAWASLU, Referral.BAWASLU, Referral.GAKKUMDU, Referral.KPU)
            )
            detail["referred_to"] = row["referred_to"]
        elif step == State.SELESAI:
            settlement, agreement = rng.choice(SETTLED)
            row.update(settlement=settlement, agreement=agreement, settled_at=at)
            row["parties"] = "" if settlement == "tidak_terbukti" else "Pelapor dan warga terlapor"
            detail["settlement"] = settlement
        case.events.append((at, self.by, by_name, "moved", before, step, detail))

    def link_incident(self, index: int) -> None:
        """An incident found behind report ``index`` of this chunk, where and when the
        report says it happened."""
        case = self.pending[index]
        row = case.row
        case.incident = self.incidents.add(row["occurred_at"], row["region_id"], row["category"])
        at = min(row["updated_at"] + timedelta(hours=1), self.now)
        case.events.append((at, self.by, "operator", "incident", "", "", {}))

    def flush(self) -> int:
        """Write the chunk's incidents, then its reports and their history."""
        incident_ids = self.incidents.flush()
        pending, self.pending = self.pending, []
        if not pending:
            return 0
        ids = list(claim_ids(Report, len(pending)))
        rows: list[list[Any]] = []
        events: list[tuple[Any, ...]] = []
        for pk, case in zip(ids, pending, strict=True):
            case.pk = pk
        for case in pending:
            row, target = case.row, case.duplicate_of
            row["duplicate_of_id"] = target.pk if target is not None else None
            row["incident_id"] = incident_ids[case.incident] if case.incident is not None else None
            rows.append([case.pk, *(row[name] for name in REPORT_FIELDS[1:])])
            for at, by, by_name, action, before, after, detail in case.events:
                if action == "merged":
                    detail = {"into": target.row["code"] if target else ""}
                elif action == "incident":
                    detail = {"incident": row["incident_id"]}
                events.append((case.pk, at, by, by_name, action, before, after, detail))
        self.rows += insert(Report, REPORT_FIELDS, rows)
        self.rows += insert(Event, (*EVENT_FIELDS, "detail"), events)
        reset_sequences(Report)
        self.written += len(pending)
        return len(pending)

    def finish(self) -> None:
        """Fresh statistics once everything is written (see ``sejuk.bulk.analyze``)."""
        analyze(Report, Event)


def remove_reports(by: int, chunk: int = 5000) -> int:
    """A chunk of the generated reports, with their history (call until it returns 0).
    Every demo report: the generator refuses to run beside the demo Polres."""
    ids = list(
        Report.objects.filter(is_demo=True).order_by("pk").values_list("pk", flat=True)[:chunk]
    )
    if ids:
        Report.objects.filter(duplicate_of_id__in=ids).update(duplicate_of=None)
        Report.objects.filter(pk__in=ids).delete()
    return len(ids)
