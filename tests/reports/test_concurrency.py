"""Two operators on one report at the same moment, on SQLite and on PostgreSQL.

Each pair of workflow steps runs in two threads, each with its own connection and its own
transaction (as two requests would), released together by a barrier. The outcome must be
one that the two steps could have had one after the other: exactly one of a conflicting
pair wins, the other is refused with 409 and the current state, nothing answered as done
is lost, and the history is a path the workflow allows.

The tests commit for real (``transaction=True``). ``available_apps`` leaves out the region
list and the units loaded once per session, so the flush after each test keeps them; the
tests make no rows there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from itertools import combinations_with_replacement
from typing import Any

import pytest
from django.db import connections, transaction

from sejuk.accounts.access import Viewer, viewer_for
from sejuk.errors import SejukError
from sejuk.incidents.models import Incident
from sejuk.incidents.services import IncidentInput
from sejuk.links import services as links
from sejuk.reports import services
from sejuk.reports.models import Event, Report, State
from sejuk.units.models import Unit
from tests.factories import file_report
from tests.personas import make_user

APPS = [
    "sejuk.accounts",
    "sejuk.leaders",
    "sejuk.activities",
    "sejuk.reports",
    "sejuk.incidents",
    "sejuk.bulletins",
]
pytestmark = pytest.mark.django_db(transaction=True, available_apps=APPS)

ROUNDS = 3  # concurrent rounds per pair; one bad round fails the pair


@dataclass(frozen=True)
class Step:
    name: str
    legal_from: tuple[str, ...]  # states where the step is allowed on its own
    run: Callable[[Viewer, int, dict[str, int]], object]


def _move(to: str, **fields: Any) -> Callable[[Viewer, int, dict[str, int]], object]:
    return lambda viewer, report_id, _: services.move(
        viewer, report_id, services.Move(to=to, **fields)
    )


OPEN = (State.BARU, State.DIVERIFIKASI, State.DITANGANI, State.DIRUJUK)
STEPS = (
    Step("verifikasi", (State.BARU,), _move(State.DIVERIFIKASI)),
    Step("tangani", (*OPEN[:2], State.DIRUJUK, State.SELESAI), _move(State.DITANGANI)),
    Step("tolak", OPEN[:2], _move(State.DITOLAK, reason="Bukan gangguan kamtibmas pemilihan.")),
    Step("rujuk", OPEN[:3], _move(State.DIRUJUK, referred_to="bawaslu")),
    Step(
        "selesaikan",
        (State.DITANGANI,),
        _move(State.SELESAI, settlement="tidak_terbukti", agreement="Dicek, tidak ada kejadian."),
    ),
    Step(
        "tugaskan",
        (*OPEN, State.SELESAI),
        lambda viewer, report_id, ids: services.assign(viewer, report_id, ids["unit"]),
    ),
    Step(
        "gabung",
        OPEN,
        lambda viewer, report_id, ids: services.merge(viewer, report_id, ids["into"]),
    ),
    Step(
        "kejadian",
        (*OPEN, State.SELESAI),
        lambda viewer, report_id, _: links.record_incident(
            viewer, report_id, IncidentInput(types=["provokasi"])
        ),
    ),
    Step(
        "pesan",
        (*OPEN, State.SELESAI),
        lambda viewer, report_id, _: services.add_message(
            viewer, report_id, "Petugas menuju lokasi."
        ),
    ),
)
PATHS = {  # how a case reaches each starting state
    State.BARU: (),
    State.DIVERIFIKASI: (State.DIVERIFIKASI,),
    State.DITANGANI: (State.DITANGANI,),
    State.DIRUJUK: (State.DIRUJUK,),
    State.SELESAI: (State.DITANGANI, State.SELESAI),
}
PAIRS = list(combinations_with_replacement(STEPS, 2))


def start_state(a: Step, b: Step) -> str:
    """The first state where both steps are allowed, else where the first one is."""
    common = [s for s in a.legal_from if s in b.legal_from]
    return (common or list(a.legal_from))[0]


@dataclass
class Setting:
    operators: tuple[Viewer, Viewer]
    units: tuple[int, int]  # the two operators assign to different units


@pytest.fixture
def setting() -> Setting:
    first = make_user("operator_satu", "Polres Lombok Barat", "operator")
    second = make_user("operator_dua", "Polres Lombok Barat", "operator")
    units = Unit.objects.filter(name__in=("Polsek Gerung", "Polsek Lembar")).order_by("name")
    return Setting(
        (viewer_for(first), viewer_for(second)),
        tuple(u.pk for u in units),  # type: ignore[arg-type]
    )


def prepared(state: str, viewer: Viewer) -> tuple[Report, tuple[int, int]]:
    """A report in ``state`` and two open reports it could be merged into."""
    with transaction.atomic():
        report = file_report()
        for to in PATHS[state]:
            fields = {"referred_to": "bawaslu"} if to == State.DIRUJUK else {}
            if to == State.SELESAI:
                fields = {"settlement": "tidak_terbukti", "agreement": "Dicek ke lokasi."}
            services.move(viewer, report.pk, services.Move(to=to, **fields))
        targets = (file_report().pk, file_report().pk)
    return report, targets


def attempt(step: Step, viewer: Viewer, report_id: int, ids: dict[str, int]) -> str:
    """One step as one request runs it: its own transaction; a refusal is its status."""
    try:
        with transaction.atomic():
            step.run(viewer, report_id, ids)
    except SejukError as exc:
        return str(exc.status)
    return "ok"


def outcome(report_id: int, results: tuple[str, str]) -> tuple[Any, ...]:
    """What an observer can tell of a round, ids left out: answers, the case as stored,
    and its history."""
    report = Report.objects.select_related("assigned_unit", "duplicate_of").get(pk=report_id)
    history = tuple(
        (e.action, e.from_state, e.to_state, e.detail.get("unit", ""))
        for e in Event.objects.filter(report_id=report_id).order_by("pk")
    )
    return (
        results,
        report.state,
        report.assigned_unit.name,
        report.duplicate_of.description if report.duplicate_of else "",
        Incident.objects.filter(reports=report).count(),
        report.messages.count(),
        history,
    )


def serial(a: Step, b: Step, state: str, setting: Setting, order: tuple[int, int]) -> tuple:
    """The outcome of the two steps one after the other, in ``order``."""
    report, targets = prepared(state, setting.operators[0])
    steps, results = (a, b), ["", ""]
    for i in order:
        ids = {"unit": setting.units[i], "into": targets[i]}
        results[i] = attempt(steps[i], setting.operators[i], report.pk, ids)
    return outcome(report.pk, (results[0], results[1]))


def concurrent(a: Step, b: Step, state: str, setting: Setting) -> tuple[int, tuple]:
    report, targets = prepared(state, setting.operators[0])
    barrier = threading.Barrier(2)
    results = ["", ""]

    def worker(i: int, step: Step) -> None:
        try:
            barrier.wait(timeout=10)
            ids = {"unit": setting.units[i], "into": targets[i]}
            results[i] = attempt(step, setting.operators[i], report.pk, ids)
        except Exception as exc:  # a server error is an outcome too
            results[i] = f"500 {type(exc).__name__}: {exc}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, s)) for i, s in enumerate((a, b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    return report.pk, outcome(report.pk, (results[0], results[1]))


def assert_legal_history(report_id: int) -> None:
    """Each state change starts where the last one ended and is a move the workflow
    allows; the case stands where its history ends."""
    report = Report.objects.select_related("assigned_unit").get(pk=report_id)
    state, unit = "", None
    for e in Event.objects.filter(report_id=report_id).order_by("pk"):
        if e.action == "received":
            state, unit = e.to_state, e.detail["unit"]
        elif e.action == "moved":
            assert e.from_state == state and e.to_state in services.TRANSITIONS[state]
            state = e.to_state
        elif e.action == "merged":
            assert e.from_state == state and state in OPEN
            state = e.to_state
        elif e.action == "assigned":
            assert e.detail["before"][0] == unit
            unit = e.detail["unit"]
    assert (report.state, report.assigned_unit.name) == (state, unit)


@pytest.mark.parametrize(("a", "b"), PAIRS, ids=[f"{a.name}+{b.name}" for a, b in PAIRS])
def test_two_operators_at_once_end_as_one_after_the_other(a, b, setting):
    state = start_state(a, b)
    allowed = {serial(a, b, state, setting, (0, 1)), serial(a, b, state, setting, (1, 0))}
    for _ in range(ROUNDS):
        report_id, seen = concurrent(a, b, state, setting)
        assert seen in allowed, f"from {state}: {seen[0]} → {seen[1:]}"
        assert_legal_history(report_id)
