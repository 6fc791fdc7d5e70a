"""Pages for bulletins: the list of morning reports with the forms to make a daily report
or a recap now, and the press-release editor of an activity."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from sejuk.accounts.access import current_viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid
from sejuk.params import whole_number

from . import services
from .forms import ReleaseForm


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        raise Invalid(
            f"Tanggal {value!r} tidak valid (pakai YYYY-MM-DD).", {"tanggal": "tidak valid"}
        ) from None


def _unit(request: HttpRequest) -> int | None:
    return whole_number(request.GET.get("satuan"))


def download(file: services.File) -> HttpResponse:
    response = HttpResponse(file.content, content_type=file.content_type)
    response["Content-Disposition"] = f'attachment; filename="{file.name}"'
    return response


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, "bulletin.read")
    today = today_for(viewer)
    return render(
        request,
        "bulletins/index.html",
        {
            "bulletins": services.bulletins(viewer)[:90],
            "units": services.report_units(viewer),
            "own": viewer.unit_id,
            "today": today,
            "month_ago": today - timedelta(days=29),
        },
    )


@login_required
def daily_file(request: HttpRequest) -> HttpResponse:
    fmt = request.GET.get("format", "pdf")
    day = _date(request.GET.get("tanggal"))
    return download(services.daily_file(current_viewer(request), _unit(request), day, fmt, request))


@login_required
def recap_file(request: HttpRequest) -> HttpResponse:
    start, end = _date(request.GET.get("dari")), _date(request.GET.get("sampai"))
    return download(
        services.recap_file(current_viewer(request), _unit(request), start, end, request)
    )


@login_required
def stored_file(request: HttpRequest, bulletin_id: int, fmt: str) -> HttpResponse:
    return download(services.stored_file(current_viewer(request), bulletin_id, fmt, request))


@login_required
@require_http_methods(["GET", "POST"])
def release(request: HttpRequest, activity_id: int) -> HttpResponse:
    """The draft, editable; the edited text downloads as DOCX or plain text."""
    viewer = current_viewer(request)
    data = request.POST if request.method == "POST" else request.GET
    draft = services.release_draft(viewer, activity_id, data.get("templat", ""))
    form = ReleaseForm(
        request.POST or None,
        initial={"title": draft.title, "body": draft.body, "templat": draft.template},
    )
    if request.method == "POST" and form.is_valid():
        fmt = "txt" if request.POST.get("action") == "teks" else "docx"
        try:
            return download(
                services.release_file(
                    viewer,
                    activity_id,
                    fmt,
                    title=form.cleaned_data["title"],
                    body=form.cleaned_data["body"],
                    template=draft.template,
                )
            )
        except Invalid as exc:
            form.add_error(None, exc.message)
    status = 422 if request.method == "POST" else 200
    return render(request, "bulletins/release.html", {"draft": draft, "form": form}, status=status)
