"""Report services for officers: the queue, one case, and every step of its workflow.
Every query goes through the area rule; every step is kept in the case's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Case, Count, DateTimeField, F, Q, QuerySet, Value, When
from django.db.models.functions import Replace
from django.http import HttpRequest
from django.utils import timezone
from rapidfuzz import fuzz

from sejuk import dates
from sejuk.accounts import audit
from sejuk.accounts.access import (
    Viewer,
    get_or_deny,
    require,
    require_region,
    scoped,
    scoped_parts,
)
from sejuk.accounts.models import AuditAction
from sejuk.accounts.services import acting_user
from sejuk.crypto import decrypt
from sejuk.errors import Conflict, Invalid
from sejuk.paging import Chain, Listing
from sejuk.reference.zones import zone_of
from sejuk.units.models import Officer, Unit

from .intake import normalise_code
from .models import CLOSED_STATES, Event, Message, Referral, Report, Settlement, State, Urgency

OPEN_STATES = (State.BARU, State.DIVERIFIKASI, State.DITANGANI, State.DIRUJUK)

# The workflow: which state may follow which, and who may move it there. Triage (verify,
# refuse, refer, merge, reopen) is the operators'; handling and settling is also the
# assigned Bhabinkamtibmas's.
TRANSITIONS: dict[str, set[str]] = {
    State.BARU: {State.DIVERIFIKASI, State.DITANGANI, State.DITOLAK, State.DIRUJUK},
    State.DIVERIFIKASI: {State.DITANGANI, State.DITOLAK, State.DIRUJUK},
    State.DITANGANI: {State.SELESAI, State.DIRUJUK},
    State.DIRUJUK: {State.DITANGANI},
    State.SELESAI: {State.DITANGANI},
    State.DITOLAK: set(),
    State.DUPLIKAT: set(),
}
TRIAGE_MOVES = {State.DIVERIFIKASI, State.DITOLAK, State.DIRUJUK}
# The order a case usually takes: the first allowed is the usual next step.
WORKFLOW_ORDER = (
    State.DIVERIFIKASI,
    State.DITANGANI,
    State.SELESAI,
    State.DIRUJUK,
    State.DITOLAK,
)
MERGEABLE = (State.BARU, State.DIVERIFIKASI, State.DITANGANI, State.DIRUJUK)


def next_states(state: str) -> list[str]:
    """The states a case may move to from ``state``, the usual next step first."""
    allowed = TRANSITIONS.get(state, set())
    return [s for s in WORKFLOW_ORDER if s in allowed]


def moves_for(viewer: Viewer, report: Report) -> list[str]:
    """The next states this viewer may move the case to, the usual next step first: a
    Bhabinkamtibmas handles and settles, triage and reopening are the operators'."""
    if viewer.can("report.triage"):
        return next_states(report.state)
    if report.state == State.SELESAI:
        return []
    return [s for s in next_states(report.state) if s not in TRIAGE_MOVES]


def visible(viewer: Viewer, capability: str = "report.read") -> QuerySet[Report]:
    """Reports in the viewer's area or of their units; a Bhabinkamtibmas sees those of
    their desa and those assigned to them."""
    return scoped(
        Report.objects.select_related("region", "assigned_unit", "assigned_officer"),
        viewer,
        capability,
        region_field="region_id",
        unit_field="assigned_unit_id",
        own=Q(assigned_officer_id=viewer.officer_id or 0),
    )


Span = tuple[datetime, datetime]  # from the first moment, up to (not including) the second


@dataclass(frozen=True)
class ReportFilter:
    view: str = ""  # "baru", "terlambat", "saya", "terbuka" or "" (all)
    state: str = ""
    category: str = ""
    urgency: str = ""
    region: str = ""
    q: str = ""
    received: Span | None = None  # received in this span
    settled: Span | None = None  # settled in this span


def overdue(qs: QuerySet[Report], at: datetime | None = None) -> QuerySet[Report]:
    """Reports still waiting for their first response past their deadline: now, or as
    they stood at an earlier moment (a situation report of a past day)."""
    if at is None:
        waiting = Q(first_response_at__isnull=True)
        at = timezone.now()
    else:
        waiting = Q(first_response_at__isnull=True) | Q(first_response_at__gt=at)
        qs = qs.filter(created_at__lt=at)
    return qs.filter(waiting, due_at__lt=at).exclude(state__in=(State.DITOLAK, State.DUPLIKAT))


def queue(viewer: Viewer, flt: ReportFilter = ReportFilter()) -> QuerySet[Report]:
    """The queue as one queryset, most pressing first (for reports that read it whole;
    the pages and the API read it a page at a time through ``queue_listing``)."""
    return most_pressing_first(_filtered(visible(viewer), viewer, flt))


# Within the first three parts of the queue: darurat first, the nearest deadline first.
QUEUE_ORDER = ("queue_urgency", "due_at", "-created_at", "-id")
NEWEST = ("-created_at", "-id")


def queue_listing(
    viewer: Viewer, flt: ReportFilter = ReportFilter(), at: datetime | None = None
) -> Chain[Report]:
    """The queue in the order of ``most_pressing_first``, as four parts shown one after
    another, each read along an index in its own order (``report_queue``, or the area's
    newest-first index for the closed cases) and never sorted whole: cases past their
    first-response deadline, cases still waiting for one, cases in hand, closed cases."""
    at = at or timezone.now()
    base = _filtered(
        Report.objects.select_related(
            "region", "assigned_unit", "assigned_officer", "duplicate_of"
        ),
        viewer,
        flt,
    )
    states = _states(flt)
    parts: list[tuple[Q, tuple[str, ...]]] = []
    if states & set(OPEN_STATES):
        parts += [
            (Q(queue_group=1, due_at__lt=at), QUEUE_ORDER),
            (Q(queue_group=1, due_at__gte=at), QUEUE_ORDER),
            (Q(queue_group=2), QUEUE_ORDER),
        ]
    if states & set(CLOSED_STATES):
        parts.append((Q(queue_group=3), NEWEST))
    return Chain([_in_area(viewer, base.filter(q).order_by(*order)) for q, order in parts])


def _states(flt: ReportFilter) -> set[str]:
    """The states the filter lets through: the parts of the queue it cannot reach (the
    closed cases, under "open") are never read nor counted."""
    states = set(State.values)
    if flt.view == "baru":
        states = {State.BARU}
    elif flt.view == "terbuka":
        states = set(OPEN_STATES)
    elif flt.view == "terlambat":
        states -= {State.DITOLAK, State.DUPLIKAT}
    if flt.state:
        states &= {flt.state}
    return states


def _in_area(viewer: Viewer, qs: QuerySet[Report]) -> Listing[Report]:
    """A part of the queue within the viewer's reach, with the parts of their area."""
    own = Q(assigned_officer_id=viewer.officer_id or 0)
    fields: dict[str, Any] = {"region_field": "region_id", "unit_field": "assigned_unit_id"}
    area = scoped_parts(qs, viewer, "report.read", own=[own], **fields)
    whole = qs if area.split else scoped(qs, viewer, "report.read", own=own, **fields)
    return Listing(
        whole, area.parts, area.base, area.unit_field, area.unit_ids, disjoint=area.disjoint
    )


def _filtered(qs: QuerySet[Report], viewer: Viewer, flt: ReportFilter) -> QuerySet[Report]:
    if flt.view == "baru":
        qs = qs.filter(state=State.BARU)
    elif flt.view == "terlambat":
        qs = overdue(qs)
    elif flt.view == "saya":
        qs = qs.filter(
            Q(assigned_officer_id=viewer.officer_id or 0) | Q(assigned_unit_id=viewer.unit_id or 0)
        )
    elif flt.view == "terbuka":
        qs = qs.filter(state__in=OPEN_STATES)
    elif flt.view:
        raise Invalid(f"Tampilan {flt.view!r} tidak dikenal.", {"view": "tidak dikenal"})
    for name, allowed in (("state", State.values), ("urgency", Urgency.values)):
        value = getattr(flt, name)
        if value and value not in allowed:
            raise Invalid(f"Saringan {name} tidak dikenal.", {name: "tidak dikenal"})
        if value:
            qs = qs.filter(**{name: value})
    if flt.category:
        qs = qs.filter(category=flt.category)
    if flt.region:
        qs = qs.filter(Q(region_id=flt.region) | Q(region__code__startswith=flt.region + "."))
    if flt.q:
        qs = search(qs, flt.q)
    if flt.received:
        qs = qs.filter(created_at__gte=flt.received[0], created_at__lt=flt.received[1])
    if flt.settled:
        qs = qs.filter(settled_at__gte=flt.settled[0], settled_at__lt=flt.settled[1])
    return qs


def search(qs: QuerySet[Report], text: str) -> QuerySet[Report]:
    """Reports matching every word of ``text`` in their tracking code (with or without
    its dashes, any case), the name of their desa, the place as the reporter wrote it,
    or their text; or whose code is ``text`` as a person types a code back."""
    every_word = Q()
    for word in text.split()[:6]:
        fragment = "".join(ch for ch in word if ch.isalnum()).upper()
        every_word &= (
            Q(description__icontains=word)
            | Q(region__name__icontains=word)
            | Q(place_text__icontains=word)
            | (Q(_code__contains=fragment) if len(fragment) >= 4 else Q(pk__in=[]))
        )
    code = normalise_code(text)
    return qs.annotate(_code=Replace("code", Value("-"), Value(""))).filter(
        (every_word | Q(code=code)) if code else every_word
    )


URGENCY_RANK = {Urgency.DARURAT: 0, Urgency.SEGERA: 1, Urgency.BIASA: 2}


def most_pressing_first(qs: QuerySet[Report], at: datetime | None = None) -> QuerySet[Report]:
    """The queue's order: cases past their first-response deadline, then cases still
    waiting for a first response, then cases in hand, each by urgency (darurat first)
    and the nearest deadline; closed cases last, the newest first."""
    at = at or timezone.now()
    waiting = Q(first_response_at__isnull=True) & ~Q(state__in=CLOSED_STATES)
    return qs.annotate(
        _pressing=Case(
            When(waiting & Q(due_at__lt=at), then=Value(0)),
            When(waiting, then=Value(1)),
            When(state__in=OPEN_STATES, then=Value(2)),
            default=Value(3),
        ),
        _urgency=Case(
            When(state__in=CLOSED_STATES, then=Value(0)),
            *(When(urgency=u, then=Value(rank)) for u, rank in URGENCY_RANK.items()),
            default=Value(3),
        ),
        _deadline=Case(
            When(state__in=CLOSED_STATES, then=Value(None)),
            default=F("due_at"),
            output_field=DateTimeField(),
        ),
    ).order_by("_pressing", "_urgency", F("_deadline").asc(nulls_last=True), "-created_at", "-id")


def is_overdue(report: Report, at: datetime | None = None) -> bool:
    """The case still waits for its first response past its deadline (as ``overdue``)."""
    return (
        report.first_response_at is None
        and report.due_at < (at or timezone.now())
        and report.state not in (State.DITOLAK, State.DUPLIKAT)
    )


def counts(viewer: Viewer) -> dict[str, int]:
    """What the operator's dashboard shows: new, overdue, open, assigned to me. Two
    reads, each along its own index, whatever the area's history: the open reports by
    the state index (new, open and mine are all open), and the overdue ones by the index
    of reports still waiting for a first response (``report_waiting_due``). One pass
    over open and settled reports together read every settled report of the country
    to find the few settled without a first response (half a second at 200,000)."""
    qs = visible(viewer)
    # Open as the queue's group says it (1 waiting, 2 in hand; 3 closed), the same
    # cases as OPEN_STATES: SQLite's planner then reads the area's and the units' own
    # index ranges, where "state IN (...)" led it through every open case in the country.
    found = qs.filter(queue_group__lt=3).aggregate(
        baru=Count("pk", filter=Q(state=State.BARU)),
        terbuka=Count("pk"),
        saya=Count("pk", filter=Q(assigned_officer_id=viewer.officer_id or 0)),
    )
    return {
        "baru": found["baru"] or 0,
        "terlambat": overdue(qs).count(),
        "terbuka": found["terbuka"] or 0,
        "saya": found["saya"] or 0,
    }


def get_report(viewer: Viewer, report_id: int) -> Report:
    return get_or_deny(visible(viewer), "report", report_id)


def _locked(viewer: Viewer, report_id: int) -> Report:
    """The report for a step, its row locked until the step's transaction ends: a second
    step on the same report waits for the first, then reads what the first did, so two
    operators at once end as one after the other. (SQLite's writers already take turns:
    their transactions begin IMMEDIATE.) Needs the transaction the edge opens.

    The row is locked by itself, then read through the area rule: locked through the
    rule's joins, PostgreSQL would re-check a join against the row as the other step
    left it and drop it (a report another operator had just reassigned answered 404)."""
    list(Report.objects.select_for_update().filter(pk=report_id).order_by().only("pk"))
    return get_or_deny(visible(viewer), "report", report_id)


def refused(report: Report, reason: str) -> Conflict:
    """A step the case's current state does not allow: 409, saying what the state is now
    and who last moved it, so a stale page is understood."""
    last = report.events.filter(to_state=report.state).order_by("-pk").first()
    by = ""
    if last is not None and last.from_state:
        zone = zone_of(report.region_id)
        at = dates.clock_in_zone(dates.local(last.at, zone), zone)
        by = f" (diubah oleh {last.by_name} pukul {at})"
    return Conflict(
        f"{reason} Laporan {report.code} kini berstatus {State(report.state).label}{by}.",
        {"state": report.state},
    )


def _event(report: Report, viewer: Viewer | None, action: str, **detail: Any) -> Event:
    return Event.objects.create(
        report=report,
        by_id=viewer.user_id if viewer else None,
        by_name=viewer.username if viewer else "pelapor",
        action=action,
        from_state=detail.pop("from_state", ""),
        to_state=detail.pop("to_state", ""),
        detail=detail,
    )


def _responded(report: Report) -> None:
    if report.first_response_at is None:
        report.first_response_at = timezone.now()


@dataclass
class Move:
    to: str
    reason: str = ""  # refusing, reopening
    referred_to: str = ""  # referring
    settlement: str = ""  # settling
    parties: str = ""
    agreement: str = ""
    follow_up_on: date | None = None


def move(viewer: Viewer, report_id: int, step: Move) -> Report:
    """Move a case to its next state; an illegal move is refused and changes nothing."""
    if step.to not in State.values:
        raise Invalid("Pilih langkah berikutnya.", {"to": "pilih status baru"})
    report = _locked(viewer, report_id)
    if _is_assignee(viewer, report):
        require(viewer, "report.write")  # the assigned officer, wherever the case lies
    else:
        require_region(viewer, "report.write", report.region_id, "region")
    allowed = TRANSITIONS.get(report.state, set())
    if step.to not in allowed:
        names = (
            ", ".join(State(s).label for s in next_states(report.state))
            or "tidak ada (kasus sudah ditutup)"
        )
        raise refused(
            report,
            f"Laporan berstatus {State(report.state).label} tidak dapat menjadi "
            f"{State(step.to).label}. Langkah berikutnya: {names}.",
        )
    if step.to in TRIAGE_MOVES or report.state == State.SELESAI:
        require(viewer, "report.triage")
    errors = _check_move(step)
    if errors:
        raise Invalid("Langkah belum lengkap: periksa isian yang ditandai.", errors)
    before = report.state
    report.state = step.to
    _responded(report)
    detail: dict[str, Any] = {}
    if step.to == State.DIRUJUK:
        report.referred_to = step.referred_to
        detail["referred_to"] = step.referred_to
    if step.to == State.SELESAI:
        report.settlement, report.parties = step.settlement, step.parties.strip()
        report.agreement, report.follow_up_on = step.agreement.strip(), step.follow_up_on
        report.settled_at = timezone.now()
        detail.update(settlement=step.settlement, follow_up_on=str(step.follow_up_on or ""))
    if step.reason.strip():
        detail["reason"] = step.reason.strip()
    report.save()
    _event(report, viewer, "moved", from_state=before, to_state=step.to, **detail)
    return report


def _is_assignee(viewer: Viewer, report: Report) -> bool:
    return bool(viewer.officer_id) and report.assigned_officer_id == viewer.officer_id


def _check_move(step: Move) -> dict[str, str]:
    errors: dict[str, str] = {}
    if step.to == State.DITOLAK and len(step.reason.strip()) < 5:
        errors["reason"] = "sebutkan alasan menolak"
    if step.to == State.DIRUJUK and step.referred_to not in Referral.values:
        errors["referred_to"] = "pilih lembaga tujuan rujukan"
    if step.to == State.SELESAI:
        if step.settlement not in Settlement.values:
            errors["settlement"] = "pilih cara penyelesaian"
        if (
            step.settlement in (Settlement.MUSYAWARAH, Settlement.MEDIASI)
            and not step.parties.strip()
        ):
            errors["parties"] = "sebutkan para pihak"
        if not step.agreement.strip():
            errors["agreement"] = "tulis catatan kesepakatan atau hasilnya"
        if step.follow_up_on and step.follow_up_on < timezone.now().date() - timedelta(days=1):
            errors["follow_up_on"] = "tanggal tindak lanjut sudah lewat"
    return errors


def assign(viewer: Viewer, report_id: int, unit_id: int, officer_id: int | None = None) -> Report:
    """Give a case to another unit (and officer) inside the operator's area."""
    require(viewer, "report.triage")
    report = _locked(viewer, report_id)
    unit = Unit.objects.filter(pk=unit_id, active=True).first()
    if unit is None or (viewer.unit_ids is not None and unit.pk not in viewer.unit_ids):
        raise Invalid(
            "Satuan tujuan tidak dikenal atau di luar wilayah Anda.", {"unit_id": "tidak dikenal"}
        )
    officer = None
    if officer_id is not None:
        officer = Officer.objects.filter(pk=officer_id, unit=unit, active=True).first()
        if officer is None:
            raise Invalid("Personel tidak ada di satuan itu.", {"officer_id": "tidak dikenal"})
    before = (report.assigned_unit.name, str(report.assigned_officer or ""))
    report.assigned_unit, report.assigned_officer = unit, officer
    report.save(update_fields=["assigned_unit", "assigned_officer", "updated_at"])
    _event(
        report, viewer, "assigned", before=list(before), unit=unit.name, officer=str(officer or "")
    )
    return report


def add_message(viewer: Viewer, report_id: int, body: str, *, public: bool = True) -> Message:
    report = _locked(viewer, report_id)
    require(viewer, "report.write")
    body = body.strip()
    if not body or len(body) > 2000:
        raise Invalid(
            "Pesan kosong atau terlalu panjang (maksimal 2.000 huruf).", {"body": "tidak valid"}
        )
    message = Message.objects.create(
        report=report, author_id=viewer.user_id, body=body, public=public
    )
    if public:
        _responded(report)
        report.save(update_fields=["first_response_at", "updated_at"])
    _event(report, viewer, "message", public=public)
    return message


def reveal_reporter(
    viewer: Viewer, report_id: int, request: HttpRequest | None = None
) -> dict[str, str]:
    """The reporter's name and phone, and the text as it came in (a forwarded message
    may carry numbers the working text masks), for the roles that may see them; every
    look is written to the audit log, with who looked, when and from where."""
    require(viewer, "report.identity")
    report = get_report(viewer, report_id)
    audit.record(
        AuditAction.VIEW_IDENTITY,
        request=request,
        user=acting_user(viewer) if request is None else None,
        object_type="report",
        object_id=report.pk,
        detail={"code": report.code},
    )
    _event(report, viewer, "identity_viewed")
    original = decrypt(report.source_text)
    if report.anonymous:
        return {"name": "", "phone": "", "anonymous": "ya", "original_text": original}
    return {
        "name": decrypt(report.reporter_name),
        "phone": decrypt(report.reporter_phone),
        "anonymous": "",
        "original_text": original,
    }


@dataclass(frozen=True)
class Similar:
    report: Report
    score: int


def similar(viewer: Viewer, report_id: int, limit: int = 5) -> list[Similar]:
    """Likely duplicates: open reports of the same kecamatan within three days, ranked by
    how alike their texts are (and the same category)."""
    return similar_to(viewer, get_report(viewer, report_id), limit)


def similar_to(viewer: Viewer, report: Report, limit: int = 5) -> list[Similar]:
    around = report.created_at
    kecamatan = report.region_id[:8]
    candidates = (
        visible(viewer)
        .exclude(pk=report.pk)
        .exclude(state__in=(State.DUPLIKAT, State.DITOLAK))
        .filter(Q(region_id=kecamatan) | Q(region__code__startswith=kecamatan + "."))
        .filter(created_at__range=(around - timedelta(days=3), around + timedelta(days=3)))[:200]
    )
    scored = []
    for other in candidates:
        score = round(fuzz.token_set_ratio(report.description.lower(), other.description.lower()))
        if other.category == report.category:
            score = min(100, score + 15)
        if score >= 60:
            scored.append(Similar(other, score))
    scored.sort(key=lambda s: -s.score)
    return scored[:limit]


def merge(viewer: Viewer, report_id: int, into_id: int) -> Report:
    """Mark a report as a duplicate of another: both texts and both histories are kept,
    and the duplicate's reporter follows the case it joined."""
    require(viewer, "report.triage")
    if into_id == report_id:
        raise Invalid("Pilih laporan lain, bukan laporan ini sendiri.", {"into": "tidak valid"})
    # Both rows locked, the lower id first, so two merges the other way round wait for
    # each other instead of deadlocking.
    locked = {pk: _locked(viewer, pk) for pk in sorted((report_id, into_id))}
    report, target = locked[report_id], locked[into_id]
    if report.state not in MERGEABLE:
        raise refused(
            report, f"Laporan berstatus {State(report.state).label} tidak dapat digabung."
        )
    if target.state in (State.DUPLIKAT, State.DITOLAK):
        raise refused(
            target,
            f"Laporan {report.code} tidak dapat digabung ke laporan yang berstatus "
            f"{State(target.state).label}.",
        )
    before = report.state
    report.state, report.duplicate_of = State.DUPLIKAT, target
    _responded(report)
    report.save()
    _event(report, viewer, "merged", from_state=before, to_state=State.DUPLIKAT, into=target.code)
    _event(target, viewer, "absorbed", duplicate=report.code)
    return report


# -- links to the other work (recorded by sejuk.links, which sees both sides) -----------


def lock_for_incident(viewer: Viewer, report_id: int) -> Report:
    """The report whose incident is being recorded, locked (see ``_locked``)."""
    require(viewer, "report.triage")
    return _locked(viewer, report_id)


def refuse_second_incident(report: Report) -> None:
    if report.incident_id is not None:
        raise refused(report, "Kejadian di balik laporan ini sudah dicatat.")


def link_incident(viewer: Viewer, report: Report, incident_id: int) -> Report:
    """The incident behind the report, recorded by the caller, linked to it."""
    refuse_second_incident(report)
    report.incident_id = incident_id
    report.save(update_fields=["incident", "updated_at"])
    _event(report, viewer, "incident", incident=incident_id)
    return report


def lock_for_response(viewer: Viewer, report_id: int) -> Report:
    """The report an activity answered, locked (see ``_locked``)."""
    require(viewer, "report.write")
    return _locked(viewer, report_id)


def link_activity(viewer: Viewer, report: Report, activity_id: int) -> Report:
    """An activity done in response to the report (a mediation, a patrol), which the
    caller found the viewer may see."""
    report.activities.add(activity_id)
    _event(report, viewer, "activity", activity=activity_id)
    return report


def response_activity_ids(report: Report) -> list[int]:
    """The activities done in response, by number (this app reads only its link table)."""
    return response_activity_ids_of([report.pk]).get(report.pk, [])


def response_activity_ids_of(report_ids: list[int]) -> dict[int, list[int]]:
    """The same for many reports in one query: report id -> activity ids."""
    links = Report.activities.through.objects.filter(report_id__in=report_ids)
    found: dict[int, list[int]] = {}
    for report_id, activity_id in links.order_by("activity_id").values_list(
        "report_id", "activity_id"
    ):
        found.setdefault(report_id, []).append(activity_id)
    return found
