"""Bulletin services: a press-release draft and its file, the daily situation report and
the recap as files, and the stored morning reports. Pages, API and CLI call these; every
one checks the caller's role and area first."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from sejuk.accounts.access import Viewer, get_or_deny, require, scoped_units, viewer_of_unit
from sejuk.accounts.workplace import today_for
from sejuk.activities.exports import audit_export
from sejuk.activities.recap import LISTED_LEVELS, MAX_DAYS, coverages, recap
from sejuk.activities.services import ActivityFilter, get_activity, list_activities
from sejuk.errors import Invalid, NotFound
from sejuk.units.models import Unit, UnitLevel

from . import pdf, word, workbook
from .daily import DailyReport, daily_report, report_unit, unit_zone
from .documents import daily_outline, release_outline
from .models import Bulletin, State
from .outline import Outline
from .release import Draft, compose, polres_of

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT = "text/plain; charset=utf-8"
# The formats of each document, and what draws them: the registry of bulletin files.
RENDERERS: dict[str, tuple[str, Callable[[Outline], bytes]]] = {
    "pdf": (PDF, pdf.render),
    "docx": (DOCX, word.render),
}
DAILY_FORMATS = ("pdf", "docx")
RELEASE_FORMATS = ("docx", "txt")


@dataclass(frozen=True)
class File:
    name: str
    content: bytes
    content_type: str


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# -- press releases ------------------------------------------------------------------------


def release_draft(viewer: Viewer, activity_id: int, template: str = "") -> Draft:
    require(viewer, "bulletin.write")
    return compose(get_activity(viewer, activity_id), template)


def release_file(
    viewer: Viewer,
    activity_id: int,
    fmt: str,
    *,
    title: str = "",
    body: str = "",
    template: str = "",
) -> File:
    """The release as Humas edited it (or the draft as it stands), as DOCX or text."""
    if fmt not in RELEASE_FORMATS:
        raise NotFound("Format rilis tidak dikenal: pakai docx atau txt.")
    require(viewer, "bulletin.write")
    activity = get_activity(viewer, activity_id)
    draft = compose(activity, template)
    title, body = " ".join((title or draft.title).split()), (body or draft.body).strip()
    errors = {}
    if not title or len(title) > 300:
        errors["title"] = "isi judul (maksimal 300 huruf)"
    if not body or len(body) > 20_000:
        errors["body"] = "isi naskah (maksimal 20.000 huruf)"
    if errors:
        raise Invalid("Naskah rilis belum dapat diunduh.", errors)
    name = f"rilis-{activity.local_date:%Y%m%d}-{slug(activity.unit.name)}-{activity.pk}.{fmt}"
    if fmt == "txt":
        return File(name, f"{title}\n\n{body}\n".encode(), TEXT)
    # Issued by the Polres's Humas, whichever of its units acted.
    issuer = polres_of(activity.unit)
    return File(name, word.render(release_outline(title, body, issuer)), DOCX)


# -- the daily situation report -----------------------------------------------------------


def report_units(viewer: Viewer) -> list[Unit]:
    """The units a viewer may ask a report of: theirs and those below (the whole country:
    the nation, its Polda and Polres), upper units first."""
    require(viewer, "bulletin.read")
    levels = [UnitLevel.MABES, UnitLevel.POLDA, UnitLevel.POLRES, UnitLevel.POLSEK]
    units = Unit.objects.filter(active=True, level__in=levels)
    if viewer.unit_ids is None:
        units = units.exclude(level=UnitLevel.POLSEK)
    else:
        units = units.filter(pk__in=list(viewer.unit_ids))
    return sorted(units[:1000], key=lambda u: (levels.index(UnitLevel(u.level)), u.name))


def daily_day(viewer: Viewer, unit_id: int | None, day: date | None) -> tuple[int, date]:
    """The unit (the viewer's own by default) and day (today where the viewer works)."""
    unit = unit_id or viewer.unit_id
    if unit is None:
        raise NotFound("Pilih satuan.")
    return unit, day or today_for(viewer)


def daily(viewer: Viewer, unit_id: int | None = None, day: date | None = None) -> DailyReport:
    unit, day = daily_day(viewer, unit_id, day)
    return daily_report(viewer, unit, day)


def daily_file(
    viewer: Viewer,
    unit_id: int | None,
    day: date | None,
    fmt: str,
    request: HttpRequest | None = None,
) -> File:
    if fmt not in DAILY_FORMATS:
        raise NotFound("Format laporan tidak dikenal: pakai pdf atau docx.")
    report = daily(viewer, unit_id, day)
    content_type, render = RENDERERS[fmt]
    content = render(daily_outline(report))
    audit_export(
        viewer,
        "bulletin_daily",
        report.activities.total,
        request,
        unit=report.unit.name,
        day=report.day,
        format=fmt,
    )
    return File(daily_name(report, fmt), content, content_type)


def daily_name(report: DailyReport, fmt: str) -> str:
    return f"lapsit-harian-{slug(report.unit.name)}-{report.day:%Y%m%d}.{fmt}"


# -- the recap -----------------------------------------------------------------------------


def recap_book(
    viewer: Viewer, unit_id: int | None, start: date | None, end: date | None
) -> workbook.RecapBook:
    """The recap of a unit for a period, with one part per unit below, computed as the
    recap and coverage pages compute them (coverage over the period, at most 365 days)."""
    unit = report_unit(viewer, unit_id or viewer.unit_id or 0)
    end = end or today_for(viewer)
    start = start or end - timedelta(days=29)
    if end < start or (end - start).days > MAX_DAYS:
        raise Invalid(
            f"Periode tidak valid (paling panjang {MAX_DAYS} hari).", {"end": "periode salah"}
        )
    seen = viewer_of_unit(unit)
    days = min((end - start).days + 1, 365)
    whole = recap(seen, start, end, unit.pk)
    # A Polres's recap lists each Polsek's activities; a Polda's or the nation's would
    # list tens of thousands a month: its sheets give the counts, the export the list.
    listing = unit.level in LISTED_LEVELS
    below = [row.unit.pk for row in whole.rows if row.unit.pk != unit.pk]
    covered = coverages(seen, unit.pk, below, days, today=end, listed=0)
    parts = []
    for pk in below:
        listed = None
        if listing:
            listed = list_activities(
                seen, ActivityFilter(start=start, end=end, unit_id=pk)
            ).order_by("-starts_at", "-id")
        parts.append(
            workbook.UnitPart(
                recap=recap(seen, start, end, pk),
                coverage=covered[pk],
                activities=listed[: workbook.LISTED_ACTIVITIES] if listed is not None else None,
                activities_total=listed.count() if listed is not None else 0,
            )
        )
    return workbook.RecapBook(
        unit=unit,
        start=start,
        end=end,
        zone=unit_zone(unit),
        made_at=timezone.now(),
        whole=whole,
        coverage=covered[unit.pk],
        parts=parts,
    )


def recap_file(
    viewer: Viewer,
    unit_id: int | None,
    start: date | None,
    end: date | None,
    request: HttpRequest | None = None,
) -> File:
    book = recap_book(viewer, unit_id, start, end)
    content = workbook.render(book)
    audit_export(
        viewer,
        "bulletin_recap",
        book.whole.total,
        request,
        unit=book.unit.name,
        start=book.start,
        end=book.end,
    )
    name = f"rekap-cooling-system-{slug(book.unit.name)}-{book.start:%Y%m%d}-{book.end:%Y%m%d}.xlsx"
    return File(name, content, XLSX)


# -- stored morning reports ----------------------------------------------------------------


def bulletins(viewer: Viewer) -> QuerySet[Bulletin]:
    """The stored reports of the viewer's unit and the units below it."""
    return scoped_units(
        Bulletin.objects.select_related("unit"), viewer, "bulletin.read", unit_field="unit_id"
    )


def get_bulletin(viewer: Viewer, bulletin_id: int) -> Bulletin:
    return get_or_deny(bulletins(viewer), "bulletin", bulletin_id)


def stored_file(
    viewer: Viewer, bulletin_id: int, fmt: str, request: HttpRequest | None = None
) -> File:
    bulletin = get_bulletin(viewer, bulletin_id)
    if fmt not in DAILY_FORMATS:
        raise NotFound("Format tidak dikenal: pakai pdf atau docx.")
    stored = getattr(bulletin, fmt)
    if bulletin.state != State.READY or not stored:
        raise NotFound("Berkas laporan ini belum tersedia.")
    with stored.open("rb") as handle:
        content = handle.read()
    audit_export(viewer, "bulletin_stored", 1, request, bulletin=bulletin.pk, format=fmt)
    name = f"lapsit-harian-{slug(bulletin.unit.name)}-{bulletin.day:%Y%m%d}.{fmt}"
    return File(name, content, RENDERERS[fmt][0])
