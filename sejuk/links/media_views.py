"""Pages: a story of the news with its sources, the reader's record, its signals and what
it is linked to, and the two steps that link it to the other work (an incident recorded
from it, the activity it reports)."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer
from sejuk.activities import photos
from sejuk.activities.forms import ActivityForm
from sejuk.errors import Invalid
from sejuk.incidents.services import IncidentInput
from sejuk.media import services as media
from sejuk.params import whole_number
from sejuk.reference.taxonomy import INCIDENT_TYPES

from . import media as links
from . import report_media


@login_required
def story(request: HttpRequest, story_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    found = media.get_story(viewer, story_id)
    return render(
        request,
        "media/story.html",
        {
            "story": found,
            "articles": found.articles.select_related("source"),
            "signals": found.signals.select_related("reviewed_by"),
            "incident_types": list(INCIDENT_TYPES.items()),
            "can_write": viewer.can("media.write"),
            "can_record": viewer.can("media.write") and viewer.can("incident.write"),
            **links.story_links(found, viewer),
            "from_reports": report_media.story_reports(found, viewer),
            "unlogged": media.is_unlogged(found),
            "can_log": viewer.can("activity.write"),
        },
    )


def _step(request: HttpRequest, story_id: int, action: Callable[[], str]) -> HttpResponse:
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
def incident(request: HttpRequest, story_id: int) -> HttpResponse:
    def number(name: str) -> int:
        found = whole_number(request.POST.get(name) or "0")
        return -1 if found is None else found  # refused by the service, in its words

    data = IncidentInput(
        types=request.POST.getlist("types"),
        description=request.POST.get("description", "")[:5000],
        dead=number("dead"),
        injured=number("injured"),
        damaged_buildings=number("damaged_buildings"),
        damaged_vehicles=number("damaged_vehicles"),
    )
    viewer = current_viewer(request)

    def act() -> str:
        _, recorded = links.record_incident(viewer, story_id, data)
        return f"Kejadian {recorded.kinds()} dicatat di {recorded.region.name} dari berita ini."

    return _step(request, story_id, act)


@login_required
@require_POST
def link_activity(request: HttpRequest, story_id: int) -> HttpResponse:
    activity_id = whole_number(request.POST.get("activity_id")) or 0
    viewer = current_viewer(request)

    def act() -> str:
        _, activity = links.link_activity(viewer, story_id, activity_id)
        return f"Berita ini ditautkan ke kegiatan nomor {activity.pk}."

    return _step(request, story_id, act)


@login_required
def new_activity(request: HttpRequest, story_id: int) -> HttpResponse:
    """The activity form filled from a story the reader read as a police activity not
    logged yet; saving it logs the activity and links the story to it."""
    viewer = current_viewer(request)
    try:
        found = links.unlogged_story(viewer, story_id)
    except Invalid as exc:
        messages.error(request, f"{exc.message} {'; '.join(exc.fields.values())}".strip())
        return redirect("media:story", story_id=story_id)
    if request.method != "POST":
        form = ActivityForm(initial=links.activity_initial(viewer, found), viewer=viewer)
        return _activity_page(request, form, found)
    form = ActivityForm(request.POST, viewer=viewer)
    if form.is_valid():
        try:
            ready = photos.prepare_uploads(request)
            with photos.kept_if_saved(ready), transaction.atomic():
                _, activity = links.log_activity(viewer, story_id, form.to_input(), ready)
        except Invalid as exc:
            form.add_error(None, exc.message)
            for name, message in exc.fields.items():
                if name in form.fields:
                    form.add_error(name, message)
        else:
            messages.success(
                request, f"Kegiatan nomor {activity.pk} tersimpan dan ditautkan ke berita ini."
            )
            return redirect("media:story", story_id=story_id)
    return _activity_page(request, form, found, status=422)


def _activity_page(
    request: HttpRequest, form: ActivityForm, found: object, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "activities/form.html",
        {"form": form, "new": True, "direct": True, "story": found},
        status=status,
    )
