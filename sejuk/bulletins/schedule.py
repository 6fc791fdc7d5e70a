"""The morning situation reports, made without anyone asking.

Each morning, from ``SEJUK_DAILY_REPORT_HOUR`` in the unit's own zone, every Polda and
Polres that has people using Sejuk (an active user in it or in a unit below) gets the
report of the day before, as PDF and DOCX, kept as a ``Bulletin`` row with its files.

``run_due`` does one round. It runs as the background job ``laporan-pagi``
(``sejuk.background``: every ``SEJUK_BULLETIN_CHECK_MINUTES``, in `sejuk serve` or `sejuk
worker`), or from ``sejuk bulletin run-due`` in cron; all may run at once, on several
machines. A report is claimed by inserting its row: (kind, unit, day) is unique for
scheduled reports, so only one process gets it and the rest move on. The claim is
committed before the slow part (drawing the documents), so no write transaction stays
open. A claim whose process died is taken over after ``STALE`` by a conditional UPDATE
that only one process can win, and a failed one is tried again up to ``MAX_ATTEMPTS``
times.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from sejuk import dates
from sejuk.accounts.access import viewer_of_unit
from sejuk.accounts.models import User
from sejuk.units.models import Unit, UnitLevel

from . import pdf, word
from .daily import daily_report, unit_zone
from .documents import daily_outline
from .models import Bulletin, Kind, State

log = logging.getLogger(__name__)
STALE = timedelta(minutes=30)
MAX_ATTEMPTS = 3
LEVELS = (UnitLevel.POLDA, UnitLevel.POLRES)


@dataclass
class Round:
    made: list[Bulletin] = field(default_factory=list)
    failed: list[Bulletin] = field(default_factory=list)
    taken: int = 0  # due reports another process had already claimed or made

    def summary(self) -> str:
        return f"{len(self.made)} dibuat, {len(self.failed)} gagal, {self.taken} sudah ada"


def scheduled_units() -> list[Unit]:
    """Every active Polda and Polres with an active user in it or in a unit below it."""
    chain = {
        pk: (parent, level, active)
        for pk, parent, level, active in Unit.objects.values_list(
            "pk", "parent_id", "level", "active"
        )
    }
    wanted: set[int] = set()
    users = User.objects.filter(is_active=True, unit__isnull=False).values_list(
        "unit_id", flat=True
    )
    for unit_id in set(users):
        current: int | None = unit_id
        while current is not None and current in chain:
            parent, level, active = chain[current]
            if level in LEVELS and active:
                wanted.add(current)
            current = parent
    return list(Unit.objects.filter(pk__in=wanted).select_related("home_region").order_by("name"))


def due_day(unit: Unit, now: datetime, hour: int) -> date:
    """The day whose report is due: yesterday once the morning hour has come where the
    unit is, the day before yesterday until then (a late start still catches up)."""
    there = dates.local(now, unit_zone(unit))
    return (there - timedelta(hours=hour)).date() - timedelta(days=1)


def claim(unit: Unit, day: date, now: datetime) -> Bulletin | None:
    """The row of this unit's report for the day, if this process is the one to make it."""
    try:
        with transaction.atomic():
            return Bulletin.objects.create(
                kind=Kind.DAILY, unit=unit, day=day, scheduled=True, claimed_at=now
            )
    except IntegrityError:
        pass
    retry = Q(state=State.FAILED, attempts__lt=MAX_ATTEMPTS) | Q(
        state=State.PENDING, claimed_at__lt=now - STALE
    )
    row = Bulletin.objects.filter(kind=Kind.DAILY, unit=unit, day=day, scheduled=True)
    won = row.filter(retry).update(
        state=State.PENDING, claimed_at=now, attempts=F("attempts") + 1, error=""
    )
    return row.get() if won == 1 else None


def produce(bulletin: Bulletin, now: datetime) -> Bulletin:
    """Draw the report's PDF and DOCX and keep them; a failure is kept on the row."""
    unit = bulletin.unit
    try:
        report = daily_report(viewer_of_unit(unit), unit.pk, bulletin.day, now)
        outline = daily_outline(report)
        files = {"pdf": pdf.render(outline), "docx": word.render(outline)}
    except Exception as exc:  # a report that cannot be drawn must not stop the others
        log.exception("Laporan situasi harian %s %s gagal dibuat", unit.name, bulletin.day)
        bulletin.state, bulletin.error = State.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
        bulletin.finished_at = timezone.now()
        bulletin.save(update_fields=["state", "error", "finished_at"])
        return bulletin
    # The files first, then one UPDATE: no write transaction waits on the disk.
    name = f"lapsit-harian-{unit.pk}-{bulletin.day:%Y%m%d}"
    for fmt, content in files.items():
        getattr(bulletin, fmt).save(f"{name}.{fmt}", ContentFile(content), save=False)
    bulletin.state, bulletin.figures = State.READY, report.figures()
    bulletin.finished_at = timezone.now()
    bulletin.save(update_fields=["state", "figures", "finished_at", "pdf", "docx"])
    return bulletin


def run_due(now: datetime | None = None, hour: int | None = None, day: date | None = None) -> Round:
    """One round: each unit's due report (or, with ``day``, that day's: to make up a
    morning the server was off), made by this process unless another has it."""
    now = now or timezone.now()
    hour = settings.DAILY_REPORT_HOUR if hour is None else hour
    result = Round()
    for unit in scheduled_units():
        bulletin = claim(unit, day or due_day(unit, now, hour), now)
        if bulletin is None:
            result.taken += 1
            continue
        made = produce(bulletin, now)
        (result.made if made.state == State.READY else result.failed).append(made)
    return result
