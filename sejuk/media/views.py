"""Pages: the stories in the viewer's area, adding a link, a post or an export, and the
analyst's steps on a story (confirm or reject a signal, a hoax set right). The story page
itself, with what it is linked to, is the links tier's (``sejuk.links.views``)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer, require
from sejuk.errors import Invalid
from sejuk.nlp.signals import SIGNALS

from . import intake, services
from .models import Review

MAX_UPLOAD = 10 * 1024 * 1024


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    error = ""
    try:
        flt = services.StoryFilter(
            signal=request.GET.get("sinyal", "")[:30],
            region=request.GET.get("wilayah", "")[:13],
            outlet=request.GET.get("media", "")[:100],
            since=services.parse_day(request.GET.get("dari", "")[:10], "dari"),
            until=services.parse_day(request.GET.get("sampai", "")[:10], "sampai"),
            q=request.GET.get("q", "")[:100],
            unreviewed=request.GET.get("tinjau") == "1",
            unlogged=request.GET.get("belum_tercatat") == "1",
        )
        stories = services.list_stories(viewer, flt)
    except Invalid as exc:
        error = f"{exc.message} {'; '.join(exc.fields.values())}"
        flt = services.StoryFilter()
        stories = services.list_stories(viewer, flt)
    page = Paginator(stories.prefetch_related("signals", "articles"), 30).get_page(
        request.GET.get("halaman")
    )
    return render(
        request,
        "media/index.html",
        {
            "page": page,
            "filter": flt,
            "signals": list(SIGNALS.items()),
            "error": error,
            "can_write": viewer.can("media.write"),
            "can_log": viewer.can("activity.write"),
        },
    )


def _step(request: HttpRequest, story_id: int, action: Callable[[], str]) -> HttpResponse:
    """One step in its own transaction; a refused one says why and changes nothing."""
    try:
        with transaction.atomic():
            said = action()
    except Invalid as exc:
        messages.error(request, f"{exc.message} {'; '.join(exc.fields.values())}".strip())
    else:
        messages.success(request, said)
    return redirect("media:story", story_id=story_id)


@login_required
@require_POST
def review(request: HttpRequest, story_id: int, signal_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    verdict = request.POST.get("verdict", "")

    def act() -> str:
        signal = services.review_signal(viewer, story_id, signal_id, verdict)
        if signal.review == Review.CONFIRMED:
            return (
                f"Sinyal {signal.get_kind_display()} dikonfirmasi: ikut dihitung pada "
                "kerawanan desanya. Catat kejadiannya bila perlu."
            )
        return f"Sinyal {signal.get_kind_display()} ditolak: tidak dihitung lagi."

    return _step(request, story_id, act)


@login_required
@require_POST
def clarify(request: HttpRequest, story_id: int) -> HttpResponse:
    viewer = current_viewer(request)

    def act() -> str:
        services.mark_clarified(viewer, story_id, request.POST.get("url", "")[:1000])
        return "Hoaks ditandai sudah diklarifikasi, dengan tautan klarifikasinya."

    return _step(request, story_id, act)


@login_required
def add(request: HttpRequest) -> HttpResponse:
    """Paste a link or a post's text, or import a CSV/JSON export."""
    viewer = current_viewer(request)
    require(viewer, "media.write")
    error, fields = "", {}
    if request.method == "POST":
        try:
            upload = request.FILES.get("file")
            if upload is not None:
                if upload.size is None or upload.size > MAX_UPLOAD:
                    raise Invalid("Berkas lebih dari 10 MB.", {"file": "bagi berkasnya"})
                added = intake.import_export(viewer, upload.name or "", upload.read())
                messages.success(request, f"{added} unggahan baru diimpor dan dibaca.")
                return redirect("media:index")
            story = intake.paste(
                viewer,
                url=request.POST.get("url", "")[:1000],
                text=request.POST.get("text", "")[:50_000],
                seen_where=request.POST.get("seen_where", "")[:300],
            )
        except Invalid as exc:
            error, fields = exc.message, exc.fields
        else:
            messages.success(request, "Dibaca dan disimpan. Periksa sinyalnya di bawah.")
            return redirect("media:story", story_id=story.pk)
    return render(
        request, "media/add.html", {"error": error, "fields": fields, "post": request.POST}
    )
