"""Pages for activities: list, log (by form or pasted message), detail with history and
photos, edit, delete with reason, recap and coverage, import, plans."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from sejuk.accounts.access import Viewer, current_viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid, SejukError
from sejuk.paging import get_page
from sejuk.params import whole_number
from sejuk.reference.taxonomy import ACTIVITY_TYPES, SITUATIONS
from sejuk.regions.names import place_name

from . import exports, history, import_runs, imports, photos, plans, reading, recap, services
from .charts import bar_chart
from .forms import (
    ActivityForm,
    DeleteForm,
    ImportForm,
    PhotoForm,
    PlanForm,
    initial_from_values,
    region_code,
)
from .models import Activity, Source


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise Invalid(
            f"Tanggal {value!r} tidak valid (pakai YYYY-MM-DD).", {"tanggal": "tidak valid"}
        ) from None


def _region(request: HttpRequest, value: str) -> str:
    """The list's place filter takes a code or a name (\"Sekotong\" is the kecamatan)."""
    try:
        return region_code(value, current_viewer(request), "activity.read")
    except forms.ValidationError as exc:
        raise Invalid(
            f"Wilayah {value!r}: {exc.messages[0]}.", {"wilayah": "tidak dikenali"}
        ) from None


def _filter(request: HttpRequest) -> services.ActivityFilter:
    g = request.GET
    return services.ActivityFilter(
        start=_date(g.get("dari")),
        end=_date(g.get("sampai")),
        unit_id=whole_number(g.get("satuan")),
        region=_region(request, g.get("wilayah", "")[:200]),
        type=g.get("jenis", ""),
        situation=g.get("situasi", ""),
        source=g.get("sumber", ""),
        q=g.get("q", "")[:100],
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    flt = _filter(request)
    listing = services.activity_listing(viewer, flt)
    listing.qs = listing.qs.prefetch_related("types")
    return render(
        request,
        "activities/index.html",
        {
            "page": get_page(listing, request.GET.get("halaman"), 25),
            "filter": flt,
            "types": ACTIVITY_TYPES,
            "situations": SITUATIONS,
            "sources": Source.choices,
            "query": request.GET.urlencode(),
            "can_write": viewer.can("activity.write"),
        },
    )


def _save_form(
    request: HttpRequest, viewer: Viewer, form: ActivityForm, activity_id: int | None
) -> HttpResponse | None:
    """Save a valid form; on a refusal, put the reasons on the form and return None. The
    slow work (reading a pasted message, checking and storing photos) comes first; the
    transaction holds only the writes."""
    data = form.to_input()
    text = form.cleaned_data["text"].strip()
    try:
        if activity_id is None:
            reader = reading.read_message(viewer, text).reader if text else None
            ready = photos.prepare_uploads(request)
            with photos.kept_if_saved(ready), transaction.atomic():
                source = Source.TEXT if text else Source.FORM
                activity = services.create_activity(
                    viewer, data, source=source, raw_text=text, reader=reader
                )
                photos.save_photos(viewer, activity, ready)
        else:
            with transaction.atomic():
                activity = services.update_activity(
                    viewer,
                    activity_id,
                    data,
                    form.cleaned_data["reason"],
                    version=form.cleaned_data["version"],
                )
    except services.StaleEdit as exc:
        form.stale = exc
        return None
    except Invalid as exc:
        form.add_error(None, exc.message)
        for name, message in exc.fields.items():
            if name in form.fields:
                form.add_error(name, message)
        return None
    messages.success(request, "Kegiatan tersimpan.")
    return redirect("activities:detail", activity_id=activity.pk)


def _form_page(
    request: HttpRequest, form: ActivityForm, status: int | None = None, **context: Any
) -> HttpResponse:
    if status is None:
        status = 422 if request.method == "POST" and form.errors else 200
    return render(request, "activities/form.html", {"form": form, **context}, status=status)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, "activity.write")
    initial: dict[str, Any] = {
        "unit_id": viewer.unit_id,
        "date": today_for(viewer).isoformat(),
    }
    if len(viewer.villages) == 1:
        initial["region"] = viewer.villages[0]
    if request.method != "POST":
        plan = None
        plan_id = whole_number(request.GET.get("rencana"))
        if plan_id is not None:
            day = _date(request.GET.get("tanggal")) or today_for(viewer)
            plan, values = plans.plan_values(viewer, plan_id, day)
            initial.update(initial_from_values(values))
        form = ActivityForm(initial=initial, viewer=viewer)
        return _form_page(request, form, new=True, plan=plan)
    if request.POST.get("action") == "baca":
        text = request.POST.get("text", "")
        try:
            prefill = reading.read_message(viewer, text)
        except Invalid as exc:
            form = ActivityForm(initial={**initial, "text": text}, viewer=viewer)
            return _form_page(request, form, new=True, read_error=exc.message)
        form = ActivityForm(
            initial={**initial, **initial_from_values(prefill.values), "text": text}, viewer=viewer
        )
        hints: dict[str, list[str]] = {}
        for h in prefill.highlights:
            hints.setdefault(h.field, []).append(text[h.start : h.end])
        return _form_page(
            request,
            form,
            new=True,
            pieces=reading.highlighted(text, prefill.highlights),
            notes=prefill.notes,
            hints={k: ", ".join(dict.fromkeys(v)) for k, v in hints.items()},
        )
    form = ActivityForm(request.POST, viewer=viewer)
    if form.is_valid():
        response = _save_form(request, viewer, form, None)
        if response is not None:
            return response
    return _form_page(request, form, new=True)


def _refused(exc: SejukError, **extra: Any) -> JsonResponse:
    return JsonResponse({**exc.as_dict(), **extra}, status=exc.status)


def _form_refusal(form: ActivityForm) -> Invalid:
    fields = {
        name: " ".join(str(m) for m in errors)
        for name, errors in form.errors.items()
        if name != "__all__"
    }
    labels = ", ".join(str(form.fields[n].label).lower() for n in fields if n in form.fields)
    message = f"Kegiatan belum dapat disimpan: periksa {labels}." if labels else ""
    general = " ".join(str(m) for m in form.non_field_errors())
    return Invalid(message or general or "Isian tidak valid.", fields)


@login_required
@require_POST
def send(request: HttpRequest) -> HttpResponse:
    """What a phone's outbox sends: the activity form as it was filled in, maybe with no
    signal, under the id the phone gave it (``client_id``). Answers JSON: 201 with the new
    activity, 200 with the one already sent under that id, or the refusal with its reason
    in the one error shape (422, 403; 409 with the current record for a stale edit).
    A message pasted but never read (offline) is read now: what it says fills the empty
    fields, and the activity waits "perlu dicek" for the officer to confirm."""
    viewer = current_viewer(request)
    require(viewer, "activity.write")
    try:
        client_id = uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        return _refused(Invalid("Kiriman tanpa id dari ponsel.", {"client_id": "tidak valid"}))
    activity_id = whole_number(request.POST.get("activity_id"))
    if activity_id is not None:
        return _send_edit(request, viewer, activity_id)
    earlier = services.sent_before(viewer, client_id)
    if earlier is not None:
        return _sent(earlier, created=False)
    form = ActivityForm(request.POST, viewer=viewer)
    text = (request.POST.get("text") or "").strip()
    unread = bool(text) and request.POST.get("dibaca") != "1"
    if not form.is_valid():  # what was typed is refused as typed, never read over
        return _refused(_form_refusal(form))
    data = form.to_input()
    reader = None
    try:
        if unread:
            written = _date_or_none(request.POST.get("ditulis"))
            data, prefill = reading.fill_on_arrival(viewer, data, text, written)
            reader = prefill.reader
        elif text:
            reader = reading.read_message(viewer, text).reader
        with transaction.atomic():
            activity = services.create_activity(
                viewer,
                data,
                source=Source.TEXT if text else Source.FORM,
                raw_text=text,
                reader=reader,
                client_id=client_id,
                needs_check=unread,
            )
    except IntegrityError:
        earlier = services.sent_before(viewer, client_id)
        if earlier is None:
            raise
        return _sent(earlier, created=False)
    except SejukError as exc:
        return _refused(exc)
    return _sent(activity, created=True)


def _date_or_none(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _send_edit(request: HttpRequest, viewer: Viewer, activity_id: int) -> HttpResponse:
    form = ActivityForm(request.POST, viewer=viewer)
    if not form.is_valid():
        return _refused(_form_refusal(form))
    try:
        with transaction.atomic():
            activity = services.update_activity(
                viewer,
                activity_id,
                form.to_input(),
                form.cleaned_data["reason"],
                version=form.cleaned_data["version"],
            )
    except services.StaleEdit as exc:
        current = services.get_activity(viewer, exc.activity_id)
        return _refused(exc, current=_brief(current))
    except SejukError as exc:
        return _refused(exc)
    return _sent(activity, created=False)


def _brief(activity: Activity) -> dict[str, Any]:
    """An activity as the phone's outbox shows it."""
    local = activity.local_times()
    return {
        "id": activity.pk,
        "url": reverse("activities:detail", args=[activity.pk]),
        "version": activity.version,
        "needs_check": activity.needs_check,
        "date": local.day.isoformat(),
        "start": local.start.strftime("%H:%M"),
        "place": place_name(activity.region_id),
        "types": [ACTIVITY_TYPES.get(t.code, t.code) for t in activity.types.all()],
        "summary": activity.summary,
        "findings": activity.findings,
        "situation": SITUATIONS.get(activity.situation, ""),
    }


def _sent(activity: Activity, *, created: bool) -> JsonResponse:
    return JsonResponse({**_brief(activity), "created": created}, status=201 if created else 200)


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    """The phone's outbox: what waits, what went, what was refused and why. Its items
    live on the phone (IndexedDB); the page is the frame outbox.js fills."""
    return render(request, "activities/outbox.html")


@login_required
@require_POST
def confirm_reading(request: HttpRequest, activity_id: int) -> HttpResponse:
    with transaction.atomic():
        services.confirm_reading(current_viewer(request), activity_id)
    messages.success(request, "Bacaan pesan sudah Anda periksa.")
    return redirect("activities:detail", activity_id=activity_id)


@login_required
def detail(request: HttpRequest, activity_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    activity = services.get_activity(viewer, activity_id)
    return render(
        request,
        "activities/detail.html",
        {
            "activity": activity,
            "history": services.history(viewer, activity_id),
            "place": place_name(activity.region_id),
            "types": [ACTIVITY_TYPES[t.code] for t in activity.types.all()],
            "participants": activity.participants.all(),
            "photos": activity.photos.all(),
            "can_write": viewer.can("activity.write")
            and viewer.covers("activity.write", activity.region_id),
            "can_release": viewer.can("bulletin.write"),
            "photo_form": PhotoForm(),
            "delete_form": DeleteForm(),
            "local": activity.local_times(),
        },
    )


@login_required
def edit(request: HttpRequest, activity_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    activity = services.get_activity(viewer, activity_id)
    require(viewer, "activity.write")
    if request.method == "POST":
        form = ActivityForm(request.POST, viewer=viewer)
        if form.is_valid():
            response = _save_form(request, viewer, form, activity_id)
            if response is not None:
                return response
            if form.stale is not None:
                return _stale_page(request, viewer, form.stale)
    else:
        form = ActivityForm(
            initial={
                **initial_from_values(services.activity_values(activity)),
                "version": activity.version,
            },
            viewer=viewer,
        )
    return _form_page(request, form, activity=activity, new=False)


def _stale_page(request: HttpRequest, viewer: Viewer, stale: services.StaleEdit) -> HttpResponse:
    """Someone saved the activity after this person opened it: say who and what, keep
    what this person typed, and let them save again knowingly (on the new version)."""
    activity = services.get_activity(viewer, stale.activity_id)
    data = request.POST.copy()
    data["version"] = str(activity.version)
    form = ActivityForm(data, viewer=viewer)
    form.is_valid()
    form.add_error(None, stale.message)
    missed = services.changes_since(viewer, activity.pk, stale.version or 0)
    return _form_page(
        request,
        form,
        status=409,
        activity=activity,
        new=False,
        missed=history.readable(activity, missed),
    )


@login_required
@require_POST
def delete(request: HttpRequest, activity_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    with transaction.atomic():
        services.delete_activity(viewer, activity_id, request.POST.get("reason", ""))
    messages.success(request, "Kegiatan dihapus (tetap tersimpan di riwayat).")
    return redirect("activities:index")


@login_required
@require_POST
def add_photo(request: HttpRequest, activity_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    try:
        activity = services.get_activity(viewer, activity_id)
        ready = photos.prepare_uploads(request)
        with photos.kept_if_saved(ready), transaction.atomic():
            count = len(photos.save_photos(viewer, activity, ready))
    except Invalid as exc:
        messages.error(request, exc.message)
        return redirect("activities:detail", activity_id=activity_id)
    messages.success(request, f"{count} foto ditambahkan." if count else "Pilih foto dulu.")
    return redirect("activities:detail", activity_id=activity_id)


@login_required
def photo(request: HttpRequest, photo_id: int) -> FileResponse:
    record = photos.get_photo(current_viewer(request), photo_id)
    return FileResponse(record.image.open("rb"), content_type="image/jpeg")


def _period(request: HttpRequest) -> tuple[date, date]:
    end = _date(request.GET.get("sampai")) or today_for(current_viewer(request))
    start = _date(request.GET.get("dari")) or end - timedelta(days=29)
    return start, end


@login_required
def recap_page(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    start, end = _period(request)
    unit_id = whole_number(request.GET.get("satuan"))
    days = whole_number(request.GET.get("hari")) or 30
    result = recap.recap(viewer, start, end, unit_id)
    # Coverage as of the last day shown, so a past period shows its own coverage; for a
    # Polres-sized area only: above it the page links to coverage per unit instead of
    # reading every desa's last visit and listing thousands of them.
    cover = (
        recap.coverage(viewer, unit_id, days, today=end)
        if result.unit.level in recap.LISTED_LEVELS
        else None
    )
    chart = bar_chart([(label, result.totals.get(code, 0)) for code, label in result.types])
    return render(
        request,
        "activities/recap.html",
        {
            "recap": result,
            "coverage": cover,
            "days": days,
            "coverage_link": viewer.can("tension.read"),
            "chart": chart,
            "query": request.GET.urlencode(),
            "units": [
                (u.pk, u.name)
                for u in [result.unit, *(r.unit for r in result.rows if r.unit != result.unit)]
            ],
        },
    )


@login_required
def export_list(request: HttpRequest, fmt: str) -> HttpResponse:
    viewer = current_viewer(request)
    rows = exports.activity_rows(services.list_activities(viewer, _filter(request)))
    exports.audit_export(
        viewer, "activity", len(rows), request, format=fmt, query=request.GET.urlencode()
    )
    return exports.file_response(exports.LIST_COLUMNS, rows, "kegiatan", fmt)


@login_required
def export_recap(request: HttpRequest, fmt: str) -> HttpResponse:
    viewer = current_viewer(request)
    start, end = _period(request)
    result = recap.recap(viewer, start, end, whole_number(request.GET.get("satuan")))
    header, rows = exports.recap_rows(result)
    exports.audit_export(
        viewer, "activity_recap", len(rows), request, format=fmt, start=start, end=end
    )
    return exports.file_response(header, rows, f"rekap-{start:%Y%m%d}-{end:%Y%m%d}", fmt)


@login_required
def import_page(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, "activity.write")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        partial = form.cleaned_data["partial"]
        try:
            content = upload.read()
            total = imports.count_rows(upload.name, content)
            if import_runs.in_background(total):
                with transaction.atomic():
                    run = import_runs.queue(
                        viewer, upload.name, content, partial=partial, total=total
                    )
                return redirect("activities:import_run", run_id=run.pk)
            rows = imports.check_rows(viewer, upload.name, content, partial=partial)
            result = imports.ImportResult(rows.results, 0)
            for chunk in imports.chunks(rows):  # each chunk a short transaction
                with transaction.atomic():
                    result.imported += imports.write_chunk(viewer, chunk)
        except Invalid as exc:
            form.add_error("file", exc.message)
    status = (
        422
        if request.method == "POST"
        and (form.errors or (result and result.failed and not result.imported))
        else 200
    )
    return render(
        request, "activities/import.html", {"form": form, "result": result}, status=status
    )


@login_required
def import_run_page(request: HttpRequest, run_id: int) -> HttpResponse:
    """A background import's progress; the page reloads itself until the run is done."""
    run = import_runs.for_viewer(current_viewer(request), run_id)
    return render(request, "activities/import_run.html", {"run": run})


@login_required
def import_refused(request: HttpRequest, run_id: int) -> HttpResponse:
    """The rows a background import refused, as CSV (row number, reason)."""
    run = import_runs.for_viewer(current_viewer(request), run_id)
    response = HttpResponse(import_runs.refused_csv(run), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="impor-{run.pk}-ditolak.csv"'
    return response


@login_required
def template_file(request: HttpRequest) -> HttpResponse:
    require(current_viewer(request), "activity.write")
    return imports.template_response()


@login_required
def plans_page(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    form = PlanForm(request.POST or None, viewer=viewer, initial={"unit_id": viewer.unit_id})
    if request.method == "POST":
        require(viewer, "activity.write")
        if form.is_valid():
            try:
                with transaction.atomic():
                    plan = plans.create_plan(viewer, plans.PlanInput(**form.cleaned_data))
            except Invalid as exc:
                form.add_error(None, exc.message)
                for name, message in exc.fields.items():
                    if name in form.fields:
                        form.add_error(name, message)
            else:
                messages.success(request, f"Rencana {plan.title} tersimpan.")
                return redirect("activities:plans")
    return render(
        request,
        "activities/plans.html",
        {
            "due": plans.due(viewer),
            "today": today_for(viewer),
            "plans": plans.plans(viewer)[:200],
            "form": form,
            "can_write": viewer.can("activity.write"),
        },
        status=422 if request.method == "POST" else 200,
    )
