"""Keeping the daily figures current as records are written.

The work apps never import the picture (import-linter), so the picture listens: a save
or delete of an activity, incident or report marks the (region, day) keys it touched,
before and after the change, as ``Dirty`` rows in the writer's own transaction (one
small insert: what commits is marked, whatever happens to the process after). Those
keys, and only those, are recomputed from the raw records (``refresh``) by the
``angka-harian`` job every few seconds, or first by any reader of the picture that finds
keys waiting; the job also marks the days of report deadlines that passed without a
write.

An import's chunk, written as plain rows, sends ``activities.signals.written_in_bulk``
with its keys, marked the same way. Other writers that bypass model signals (bulk
inserts of the generated national data and the demo, ``QuerySet.update``) call
``services.rebuild`` for what they wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.utils import timezone

from sejuk.activities import signals as activity_signals
from sejuk.activities.models import Activity
from sejuk.incidents.models import Incident
from sejuk.reports.models import Report, State

from . import store
from .figures import Key, local_day
from .models import Dirty


def activity_keys(row: Any) -> set[Key]:
    return {(row.region_id, row.local_date)}


def incident_keys(row: Any) -> set[Key]:
    moment = row.occurred_at or row.created_at
    return {(row.region_id, local_day(moment, row.region_id))} if moment else set()


def report_keys(row: Any) -> set[Key]:
    moments = [row.created_at, row.due_at]
    if row.settled_at is not None:
        moments.append(row.settled_at)
    return {(row.region_id, local_day(m, row.region_id)) for m in moments if m is not None}


# model -> (the fields a key depends on, the keys of a row)
WATCHED: dict[type, tuple[tuple[str, ...], Callable[[Any], set[Key]]]] = {
    Activity: (("region_id", "local_date"), activity_keys),
    Incident: (("region_id", "occurred_at", "created_at"), incident_keys),
    Report: (("region_id", "created_at", "due_at", "settled_at"), report_keys),
}


class _Old:
    def __init__(self, values: dict[str, Any]) -> None:
        self.__dict__.update(values)


def remember(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    """Before an update: the keys the row had, so moving it clears its old day."""
    if raw or instance.pk is None or instance._state.adding:
        return
    names, keys = WATCHED[sender]
    old = sender._base_manager.filter(pk=instance.pk).values(*names).first()  # type: ignore[attr-defined]
    instance._picture_old = keys(_Old(old)) if old else set()


def saved(sender: type, instance: Any, raw: bool = False, **_: Any) -> None:
    if raw:
        return
    keys = WATCHED[sender][1]
    mark(keys(instance) | getattr(instance, "_picture_old", set()))
    instance._picture_old = set()


def deleted(sender: type, instance: Any, **_: Any) -> None:
    keys = WATCHED[sender][1]
    mark(keys(instance))


def written_in_bulk(sender: type, keys: Iterable[Key], **_: Any) -> None:
    mark(keys)


def mark(keys: Iterable[Key]) -> None:
    """Mark keys dirty inside the current transaction: one small insert, all a write
    pays. The job ``angka-harian`` (every few seconds) recomputes them, and a reader
    that finds keys waiting recomputes them first (``services.catch_up``)."""
    found = [Dirty(region_code=code, day=day) for code, day in keys if code and day]
    if found:
        Dirty.objects.bulk_create(found)


def refresh(now: datetime | None = None) -> int:
    """Recompute the dirty keys (all of them, whoever marked them) and forget them."""
    pending = list(Dirty.objects.values_list("pk", "region_code", "day")[:5000])
    if not pending:
        return 0
    keys = {(code, day) for _, code, day in pending}
    with transaction.atomic():
        store.write_keys(keys, now or timezone.now())
        Dirty.objects.filter(pk__in=[pk for pk, _, _ in pending]).delete()
    return len(keys)


def pending_kecamatan() -> set[str]:
    """The kecamatan (or larger area) of the keys waiting: their tension follows."""
    return {
        code.rsplit(".", 1)[0] if code.count(".") == 3 else code
        for code in Dirty.objects.values_list("region_code", flat=True).distinct()[:5000]
    }


def deadlines_passed(since: datetime, until: datetime) -> int:
    """Mark the days of report deadlines that passed in (since, until] with no first
    response: no write happens when a deadline passes, yet the day's figure changes."""
    late = Report.objects.filter(
        due_at__gt=since, due_at__lte=until, first_response_at__isnull=True
    ).exclude(state__in=(State.DITOLAK, State.DUPLIKAT))
    keys = {(code, local_day(due, code)) for code, due in late.values_list("region_id", "due_at")}
    with transaction.atomic():
        mark(keys)
    return len(keys)


def connect() -> None:
    activity_signals.written_in_bulk.connect(
        written_in_bulk, sender=Activity, dispatch_uid="picture-bulk"
    )
    for model in WATCHED:
        uid = f"picture-{model.__name__}"
        pre_save.connect(remember, sender=model, dispatch_uid=uid)
        post_save.connect(saved, sender=model, dispatch_uid=uid)
        post_delete.connect(deleted, sender=model, dispatch_uid=uid)


def disconnect() -> None:
    activity_signals.written_in_bulk.disconnect(sender=Activity, dispatch_uid="picture-bulk")
    for model in WATCHED:
        uid = f"picture-{model.__name__}"
        pre_save.disconnect(sender=model, dispatch_uid=uid)
        post_save.disconnect(sender=model, dispatch_uid=uid)
        post_delete.disconnect(sender=model, dispatch_uid=uid)
