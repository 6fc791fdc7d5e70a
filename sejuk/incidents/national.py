"""Generated incidents at national scale (``sejuk generate national``): their table
writer. Where and when each happens is decided by the caller (``sejuk.web.national``),
and so is its description (the caller composes it from the citizens' stories)."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sejuk.bulk import analyze, claim_ids, insert, reset_sequences
from sejuk.reference.taxonomy import INCIDENT_TYPES

from .models import Incident

INCIDENT_FIELDS = (
    "id", "types", "occurred_at", "region_id", "actors", "dead", "injured",
    "damaged_buildings", "damaged_vehicles", "description", "created_by_id", "created_at",
)  # fmt: skip


class IncidentWriter:
    """Collects generated incidents and writes them in chunks."""

    def __init__(
        self,
        rng: random.Random,
        *,
        by: int,
        now: datetime,
        describe: Callable[[str], str],
    ) -> None:
        self.rng, self.by, self.now = rng, by, now
        self.describe = describe  # an incident type's code -> a description
        self.pending: list[list[Any]] = []
        self.written = 0
        self.rows = 0

    def add(self, when: datetime, desa: str, kind: str = "") -> int:
        """One incident at ``when`` in ``desa`` (of ``kind``, else one drawn); its index
        in this chunk."""
        rng = self.rng
        kind = kind or rng.choice(list(INCIDENT_TYPES))
        violent = kind in ("bentrokan", "perusakan", "pengerahan_massa")
        actors = {"warga": rng.randint(5, 80)}
        if rng.random() < 0.5:
            actors["paslon_timses"] = rng.randint(2, 40)
        self.pending.append(
            [
                [kind],
                when,
                desa,
                actors,
                1 if violent and rng.random() < 0.01 else 0,
                rng.randint(1, 6) if violent and rng.random() < 0.3 else 0,
                rng.randint(1, 3) if kind == "perusakan" else 0,
                rng.randint(1, 4) if violent and rng.random() < 0.2 else 0,
                self.describe(kind),
                self.by,
                min(when + timedelta(hours=rng.randint(2, 30)), self.now),
            ]
        )
        return len(self.pending) - 1

    def flush(self) -> list[int]:
        """Write what was collected (in the caller's transaction); the ids in order."""
        pending, self.pending = self.pending, []
        if not pending:
            return []
        ids = list(claim_ids(Incident, len(pending)))
        self.rows += insert(
            Incident, INCIDENT_FIELDS, ([pk, *row] for pk, row in zip(ids, pending, strict=True))
        )
        reset_sequences(Incident)
        self.written += len(ids)
        return ids

    def finish(self) -> None:
        """Fresh statistics once everything is written (see ``sejuk.bulk.analyze``)."""
        analyze(Incident)


def remove_incidents(by: int, chunk: int = 5000) -> int:
    """A chunk of the incidents the generator made (call until it returns 0)."""
    ids = list(
        Incident.objects.filter(created_by_id=by)
        .order_by("pk")
        .values_list("pk", flat=True)[:chunk]
    )
    if ids:
        Incident.objects.filter(pk__in=ids).delete()
    return len(ids)
