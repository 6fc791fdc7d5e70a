"""Report services for officers: the queue, one case, and every step of its workflow.
Every query goes through the area rule; every step is kept in the case's history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from rapidfuzz import fuzz

from sejuk.accounts import audit
from sejuk.accounts.access import Viewer, get_or_deny, require, require_region, scoped
from sejuk.accounts.models import AuditAction
from sejuk.accounts.services import acting_user
from sejuk.activities.services import visible as visible_activities
from sejuk.crypto import decrypt
from sejuk.errors import Conflict, Invalid
from sejuk.reference.taxonomy import INCIDENT_TYPES, PARTICIPANTS
from sejuk.units.models import Officer, Unit

from .models import Event, Incident, Message, Referral, Report, Settlement, State, Urgency

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


def visible(viewer: Viewer, capability: str = "report.read") -> QuerySet[Report]:
    """Reports in the viewer's area or of their units; a Bhabinkamtibmas sees those of
    their desa and those assigned to them."""
    return scoped(
        Report.objects.select_related("region", "assigned_unit", "assigned_officer"),
        viewer,
        capability,
        region_field="region__code",
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


def incidents(viewer: Viewer, span: Span) -> QuerySet[Incident]:
    """Verified incidents in the viewer's area that happened in a span."""
    return scoped(
        Incident.objects.select_related("region"),
        viewer,
        "report.read",
        region_field="region__code",
    ).filter(occurred_at__gte=span[0], occurred_at__lt=span[1])


def queue(viewer: Viewer, flt: ReportFilter = ReportFilter()) -> QuerySet[Report]:
    qs = visible(viewer)
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
        qs = qs.filter(Q(description__icontains=flt.q) | Q(code__iexact=flt.q.strip()))
    if flt.received:
        qs = qs.filter(created_at__gte=flt.received[0], created_at__lt=flt.received[1])
    if flt.settled:
        qs = qs.filter(settled_at__gte=flt.settled[0], settled_at__lt=flt.settled[1])
    return qs


def counts(viewer: Viewer) -> dict[str, int]:
    """What the operator's dashboard shows: new, overdue, open, assigned to me."""
    qs = visible(viewer)
    return {
        "baru": qs.filter(state=State.BARU).count(),
        "terlambat": overdue(qs).count(),
        "terbuka": qs.filter(state__in=OPEN_STATES).count(),
        "saya": qs.filter(assigned_officer_id=viewer.officer_id or 0)
        .exclude(state__in=(State.SELESAI, State.DITOLAK, State.DUPLIKAT))
        .count(),
    }


def get_report(viewer: Viewer, report_id: int) -> Report:
    return get_or_deny(visible(viewer), "report", report_id)


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
    report = get_report(viewer, report_id)
    if _is_assignee(viewer, report):
        require(viewer, "report.write")  # the assigned officer, wherever the case lies
    else:
        require_region(viewer, "report.write", report.region_id, "region")
    allowed = TRANSITIONS.get(report.state, set())
    if step.to not in allowed:
        names = (
            ", ".join(State(s).label for s in sorted(allowed)) or "tidak ada (kasus sudah ditutup)"
        )
        target = State(step.to).label if step.to in State.values else repr(step.to)
        raise Conflict(
            f"Laporan berstatus {State(report.state).label} tidak dapat menjadi {target}. "
            f"Langkah berikutnya: {names}."
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
    report = get_report(viewer, report_id)
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
    report = get_report(viewer, report_id)
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
    """The reporter's name and phone, for the roles that may see them; every look is
    written to the audit log, with who looked, when and from where."""
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
    if report.anonymous:
        return {"name": "", "phone": "", "anonymous": "ya"}
    return {
        "name": decrypt(report.reporter_name),
        "phone": decrypt(report.reporter_phone),
        "anonymous": "",
    }


@dataclass(frozen=True)
class Similar:
    report: Report
    score: int


def similar(viewer: Viewer, report_id: int, limit: int = 5) -> list[Similar]:
    """Likely duplicates: open reports of the same kecamatan within three days, ranked by
    how alike their texts are (and the same category)."""
    report = get_report(viewer, report_id)
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
    report = get_report(viewer, report_id)
    target = get_report(viewer, into_id)
    if target.pk == report.pk or target.state == State.DUPLIKAT:
        raise Invalid("Pilih laporan lain yang bukan duplikat.", {"into": "tidak valid"})
    if report.state in (State.SELESAI, State.DITOLAK, State.DUPLIKAT):
        raise Conflict(f"Laporan berstatus {State(report.state).label} tidak dapat digabung.")
    before = report.state
    report.state, report.duplicate_of = State.DUPLIKAT, target
    _responded(report)
    report.save()
    _event(report, viewer, "merged", from_state=before, to_state=State.DUPLIKAT, into=target.code)
    _event(target, viewer, "absorbed", duplicate=report.code)
    return report


@dataclass
class IncidentInput:
    types: list[str]
    description: str = ""
    actors: dict[str, int] | None = None
    dead: int = 0
    injured: int = 0
    damaged_buildings: int = 0
    damaged_vehicles: int = 0


def record_incident(viewer: Viewer, report_id: int, data: IncidentInput) -> Incident:
    """A verified incident behind the report, linked to it."""
    require(viewer, "report.triage")
    report = get_report(viewer, report_id)
    errors: dict[str, str] = {}
    if not data.types or any(t not in INCIDENT_TYPES for t in data.types):
        errors["types"] = "pilih jenis kejadian"
    actors = data.actors or {}
    if any(a not in PARTICIPANTS or n < 0 for a, n in actors.items()):
        errors["actors"] = "pihak tidak dikenal"
    for name in ("dead", "injured", "damaged_buildings", "damaged_vehicles"):
        if not 0 <= getattr(data, name) <= 100_000:
            errors[name] = "angka tidak masuk akal"
    if errors:
        raise Invalid("Data kejadian belum benar.", errors)
    incident = Incident.objects.create(
        types=data.types,
        occurred_at=report.occurred_at or report.created_at,
        region=report.region,
        actors=actors,
        dead=data.dead,
        injured=data.injured,
        damaged_buildings=data.damaged_buildings,
        damaged_vehicles=data.damaged_vehicles,
        description=data.description.strip(),
        created_by_id=viewer.user_id,
    )
    report.incident = incident
    report.save(update_fields=["incident", "updated_at"])
    _event(report, viewer, "incident", incident=incident.pk)
    return incident


def link_activity(viewer: Viewer, report_id: int, activity_id: int) -> Report:
    """An activity done in response to the report (a mediation, a patrol)."""
    require(viewer, "report.write")
    report = get_report(viewer, report_id)
    activity = get_or_deny(visible_activities(viewer), "activity", activity_id)
    report.activities.add(activity)
    _event(report, viewer, "activity", activity=activity.pk)
    return report


def officers_for_assignment(viewer: Viewer) -> QuerySet[Officer]:
    officers = (
        Officer.objects.filter(active=True).select_related("unit").order_by("unit__name", "name")
    )
    if viewer.unit_ids is not None:
        officers = officers.filter(unit_id__in=list(viewer.unit_ids))
    return officers


def units_for_assignment(viewer: Viewer) -> QuerySet[Unit]:
    units = Unit.objects.filter(active=True).exclude(level="mabes")
    if viewer.unit_ids is not None:
        units = units.filter(pk__in=list(viewer.unit_ids))
    return units.order_by("level", "name")
