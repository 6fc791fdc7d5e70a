"""Pages: the citizen's "Lapor" and "Cek laporan", and the officers' queue and case page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from sejuk import dates
from sejuk.accounts.access import current_viewer, get_or_deny, require
from sejuk.accounts.ratelimit import Rate, limit
from sejuk.accounts.workplace import zone_for
from sejuk.errors import Invalid, SejukError
from sejuk.paging import get_page

from . import assignment, intake, outcomes, public, reading, services
from .forms import CheckForm, InformationForm, MoveForm, OfficerReportForm, ReportForm
from .models import CATEGORIES, Report, ReportPhoto, Settlement, State, Urgency


def _put_errors(form: Any, exc: Invalid) -> None:
    form.add_error(None, exc.message)
    for name, message in exc.fields.items():
        if name in form.fields:
            form.add_error(name, message)


def _input(data: dict[str, Any], photo: bytes | None = None) -> intake.ReportInput:
    return intake.ReportInput(
        category=data.get("category") or "",
        description=data.get("description") or "",
        region=data.get("region") or "",
        place_text=data.get("place_text") or "",
        lat=data.get("lat"),
        lng=data.get("lng"),
        occurred_on=data.get("occurred_on"),
        occurred_time=data.get("occurred_time"),
        happening_now=bool(data.get("happening_now")),
        anonymous=bool(data.get("anonymous")),
        name=data.get("name") or "",
        phone=data.get("phone") or "",
        photo=photo,
        urgency=data.get("urgency") or "",
    )


# -- the public side ---------------------------------------------------------------------


SENT_COOKIE = "sejuk_laporan_terkirim"


def report_form(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, request.FILES or None)
    choices: list[intake.PlaceChoice] = []
    if request.method == "POST":
        limit(request, "lapor", Rate.parse(settings.RATE_REPORT))
        if form.is_valid():
            data = dict(form.cleaned_data)
            upload = request.FILES.get("photo")
            try:
                prepared = intake.prepare(_input(data, upload.read() if upload else None))
                with prepared.kept_if_written(), transaction.atomic():
                    report = intake.write(prepared)
            except intake.AmbiguousPlace as exc:
                choices = exc.choices
                _put_errors(form, exc)
            except Invalid as exc:
                _put_errors(form, exc)
            else:
                # The code rides to the next page in a short-lived signed cookie, not
                # the session: a citizen's report writes no session row.
                sent_page = redirect("reports:sent")
                sent_page.set_signed_cookie(
                    SENT_COOKIE,
                    report.code,
                    salt=SENT_COOKIE,
                    max_age=900,
                    path=reverse("reports:sent"),
                    secure=settings.SESSION_COOKIE_SECURE,
                    httponly=True,
                    samesite="Lax",
                )
                return sent_page
    status = 422 if request.method == "POST" else 200
    return render(request, "reports/lapor.html", {"form": form, "choices": choices}, status=status)


def sent(request: HttpRequest) -> HttpResponse:
    code = request.get_signed_cookie(SENT_COOKIE, None, salt=SENT_COOKIE, max_age=900)
    if code is None:
        return redirect("reports:check")
    given = public.receipt(code)
    check_url = request.build_absolute_uri(reverse("reports:check"))
    page = render(
        request,
        "reports/sent.html",
        {"receipt": given, "whatsapp": given.whatsapp_link(check_url)},
    )
    page.delete_cookie(SENT_COOKIE, path=reverse("reports:sent"), samesite="Lax")  # shown once
    return page


def check(request: HttpRequest) -> HttpResponse:
    """Looking a case up by its code. The code travels in the form body, never in the
    address, so it does not end up in logs or browser history."""
    form = CheckForm(request.POST or None)
    info = InformationForm()
    found = None
    status = 200
    if request.method == "POST":
        limit(request, "cek", Rate.parse(settings.RATE_CHECK))
        try:
            if request.POST.get("action") == "tambah":
                info = InformationForm(request.POST)
                if info.is_valid():
                    with transaction.atomic():
                        public.add_information(info.cleaned_data["kode"], info.cleaned_data["body"])
                    messages.success(request, "Informasi tambahan terkirim.")
                    info = InformationForm()
            if form.is_valid() or request.POST.get("kode"):
                found = public.case(request.POST.get("kode", ""))
                info = (
                    info
                    if info.is_bound and info.errors
                    else InformationForm(initial={"kode": found.code})
                )
        except SejukError as exc:
            form.add_error(None, exc.message)
            status = exc.status
    return render(
        request, "reports/check.html", {"form": form, "case": found, "info": info}, status=status
    )


# -- the officers' side ------------------------------------------------------------------


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise Invalid(f"Tanggal {value!r} tidak valid (pakai YYYY-MM-DD).") from None


def _span(request: HttpRequest, first: str, last: str) -> services.Span | None:
    """Dates of the form (``dari``, ``sampai``) as a span of moments in the viewer's zone."""
    start, end = _day(request.GET.get(first, "")), _day(request.GET.get(last, ""))
    if start is None and end is None:
        return None
    zone = zone_for(current_viewer(request))
    return (
        dates.day_bounds(start or date(2000, 1, 1), zone)[0],
        dates.day_bounds(end or date(2100, 1, 1), zone)[1],
    )


def _filter(request: HttpRequest) -> services.ReportFilter:
    g = request.GET
    return services.ReportFilter(
        view=g.get("tampil", "terbuka"),
        state=g.get("status", ""),
        category=g.get("jenis", ""),
        urgency=g.get("urgensi", ""),
        region=g.get("wilayah", "")[:13],
        q=g.get("q", "")[:100],
        received=_span(request, "dari", "sampai"),
        settled=_span(request, "selesai_dari", "selesai_sampai"),
    )


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    flt = _filter(request)
    page = get_page(services.queue_listing(viewer, flt), request.GET.get("halaman"), 25)
    return render(
        request,
        "reports/queue.html",
        {
            "page": page,
            "filter": flt,
            "counts": services.counts(viewer),
            "states": State.choices,
            "categories": CATEGORIES,
            "urgencies": Urgency.choices,
            "query": request.GET.urlencode(),
            "can_write": viewer.can("report.write"),
            "now": timezone.now(),
        },
    )


@login_required
def create(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, "report.write")
    form = OfficerReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if request.POST.get("action") == "baca":
            try:
                read = reading.read_report(viewer, data["text"])
            except Invalid as exc:
                _put_errors(form, exc)
            else:
                form = OfficerReportForm(
                    initial={**read["values"], "text": data["text"], "channel": data["channel"]}
                )
            return render(request, "reports/new.html", {"form": form})
        try:
            prepared = intake.prepare(
                _input({**data, "anonymous": True}),
                channel=data["channel"],
                viewer=viewer,
                source_text=data["text"],
            )
            with prepared.kept_if_written(), transaction.atomic():
                report = intake.write(prepared)
        except Invalid as exc:
            _put_errors(form, exc)
        else:
            messages.success(request, f"Laporan {report.code} dicatat.")
            return redirect("reports:detail", report_id=report.pk)
    status = 422 if request.method == "POST" else 200
    return render(request, "reports/new.html", {"form": form}, status=status)


# The case history's steps as the page names them (the stored codes stay English).
EVENT_LABELS = {
    "received": "Diterima",
    "moved": "Status diubah",
    "assigned": "Ditugaskan",
    "message": "Pesan petugas",
    "reporter_message": "Informasi tambahan dari pelapor",
    "identity_viewed": "Identitas pelapor dibuka",
    "merged": "Digabung sebagai duplikat",
    "absorbed": "Menerima laporan duplikat",
    "incident": "Kejadian dicatat",
    "activity": "Kegiatan tanggapan dikaitkan",
}


def case_page(
    request: HttpRequest, report: Report, links: dict[str, Any], **extra: Any
) -> HttpResponse:
    """The case page of a report the viewer may see. ``links`` is what the report is
    linked to in the other work (its incident, the activities done in response), which
    ``sejuk.links`` reads and gives here: this app does not read them."""
    viewer = current_viewer(request)
    triage = viewer.can("report.triage")
    query = request.GET.get("cari", "")[:60]
    context = {
        "report": report,
        "events": report.events.all(),
        "event_labels": EVENT_LABELS,
        "state_labels": dict(State.choices),
        "messages_": report.messages.all(),
        "photos": report.photos.all(),
        "next_states": [(s, State(s).label) for s in services.moves_for(viewer, report)],
        "move_form": MoveForm(),
        "settlements": Settlement.choices,
        "similar": services.similar_to(viewer, report) if triage else [],
        "assignees": assignment.assignees(viewer, report, query) if triage else [],
        "assignee_query": query,
        "can_triage": triage,
        "can_write": viewer.can("report.write"),
        "can_identity": viewer.can("report.identity"),
        "overdue": services.is_overdue(report),
        **links,
        **extra,
    }
    return render(request, "reports/detail.html", context)


@login_required
def assignees(request: HttpRequest, report_id: int) -> HttpResponse:
    """The assign form's choices for what the operator typed, as ``<option>``s the page
    puts in its list (the same template the page renders them with)."""
    viewer = current_viewer(request)
    require(viewer, "report.triage")
    report = services.get_report(viewer, report_id)
    choices = assignment.assignees(viewer, report, request.GET.get("q", "")[:60])
    return render(request, "reports/assignees.html", {"assignees": choices})


def take_step(request: HttpRequest, report_id: int, action: Callable[[], str]) -> HttpResponse:
    """Run one step in its own transaction and say what it did and what comes next; a
    step the case no longer allows (409) says the state the case is in now."""
    try:
        with transaction.atomic():
            said = action()
    except Invalid as exc:
        details = "; ".join(exc.fields.values())
        messages.error(request, f"{exc.message} {details}".strip())
    except SejukError as exc:
        if exc.status == 409:
            messages.error(request, f"Langkah tidak disimpan. {exc.message}")
        else:
            raise
    else:
        messages.success(request, said)
    return redirect("reports:detail", report_id=report_id)


@login_required
@require_POST
def move(request: HttpRequest, report_id: int) -> HttpResponse:
    form = MoveForm(request.POST)
    form.is_valid()
    d = form.cleaned_data
    step = services.Move(
        to=request.POST.get("to", ""),
        reason=d.get("reason", ""),
        referred_to=d.get("referred_to", ""),
        settlement=d.get("settlement", ""),
        parties=d.get("parties", ""),
        agreement=d.get("agreement", ""),
        follow_up_on=d.get("follow_up_on"),
    )
    viewer = current_viewer(request)
    return take_step(
        request, report_id, lambda: outcomes.moved(services.move(viewer, report_id, step))
    )


@login_required
@require_POST
def assign(request: HttpRequest, report_id: int) -> HttpResponse:
    """``to`` is "u:<unit id>" or "o:<officer id>" (the officer's unit goes with them)."""
    kind, _, number = request.POST.get("to", "").partition(":")
    ident = int(number) if number.isdigit() else 0
    viewer = current_viewer(request)
    if kind == "o":
        officer = assignment.officers(viewer).filter(pk=ident).first()
        unit_id, officer_id = (officer.unit_id, officer.pk) if officer else (0, None)
    else:
        unit_id, officer_id = ident, None
    return take_step(
        request,
        report_id,
        lambda: outcomes.assigned(services.assign(viewer, report_id, unit_id, officer_id)),
    )


@login_required
@require_POST
def message(request: HttpRequest, report_id: int) -> HttpResponse:
    public_ = request.POST.get("public") == "on"
    viewer = current_viewer(request)

    def send() -> str:
        sent = services.add_message(viewer, report_id, request.POST.get("body", ""), public=public_)
        return outcomes.message_sent(sent.report, sent)

    return take_step(request, report_id, send)


@login_required
@require_POST
def merge(request: HttpRequest, report_id: int) -> HttpResponse:
    into = request.POST.get("into", "")
    viewer = current_viewer(request)
    return take_step(
        request,
        report_id,
        lambda: outcomes.merged(
            services.merge(viewer, report_id, int(into) if into.isdigit() else 0)
        ),
    )


@login_required
def photo(request: HttpRequest, photo_id: int) -> FileResponse:
    viewer = current_viewer(request)
    photos = ReportPhoto.objects.filter(report__in=services.visible(viewer).values("pk"))
    record = get_or_deny(photos, "report_photo", photo_id)
    return FileResponse(record.image.open("rb"), content_type="image/jpeg")
