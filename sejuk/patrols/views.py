"""Pages of the patrol plan: ask for one, read and edit the draft, publish it, print a
team's route and copy it as text for WhatsApp."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer, require
from sejuk.errors import Invalid, NotFound

from . import edits, services, sheet
from .forms import AddForm, MoveForm, RequestForm


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, services.CAPABILITY)
    initial = {"day": sheet.tomorrow(viewer), "hours": 6, "teams": 3, "unit_id": viewer.unit_id}
    form = RequestForm(request.POST or None, viewer=viewer, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            proposal = services.propose(viewer, services.Request(**form.cleaned_data))
            with transaction.atomic():
                plan = services.save(viewer, proposal)
        except Invalid as exc:
            form.add_error(None, exc.message)
            for name, message in exc.fields.items():
                form.add_error(name if name in form.fields else None, message)
        else:
            return redirect("patrols:detail", plan_id=plan.pk)
    return render(
        request,
        "patrols/index.html",
        {"form": form, "plans": services.patrol_plans(viewer)[:30]},
        status=422 if request.method == "POST" else 200,
    )


@login_required
def detail(request: HttpRequest, plan_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    found = sheet.sheet(viewer, plan_id)
    return render(
        request,
        "patrols/detail.html",
        {
            "s": found,
            "add_form": AddForm(viewer=viewer),
            "team_numbers": range(1, len(found.teams) + 1),
        },
    )


def _edit(
    request: HttpRequest, plan_id: int, done: str, action: Callable[[], object]
) -> HttpResponse:
    try:
        with transaction.atomic():
            action()
    except Invalid as exc:
        details = "; ".join(exc.fields.values())
        messages.error(request, exc.message + (f" ({details})" if details else ""))
    else:
        messages.success(request, done)
    return redirect("patrols:detail", plan_id=plan_id)


@require_POST
@login_required
def move(request: HttpRequest, plan_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    form = MoveForm(request.POST)
    if not form.is_valid():
        raise Invalid("Pilihan tim tidak valid.", {"team": "tidak valid"})
    stop, team = form.cleaned_data["stop"], form.cleaned_data["team"]
    done = "Desa dikeluarkan dari rencana." if team == 0 else f"Desa dipindah ke tim {team}."
    return _edit(request, plan_id, done, lambda: edits.move_stop(viewer, plan_id, stop, team))


@require_POST
@login_required
def add(request: HttpRequest, plan_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    services.get_plan(viewer, plan_id)
    form = AddForm(request.POST, viewer=viewer)
    if not form.is_valid():
        problems = "; ".join(str(e) for errors in form.errors.values() for e in errors)
        messages.error(request, f"Desa belum dapat ditambahkan: {problems}.")
        return redirect("patrols:detail", plan_id=plan_id)
    code, team = form.cleaned_data["region"], form.cleaned_data["team"]
    return _edit(
        request, plan_id, f"Desa ditambahkan ke tim {team}.",
        lambda: edits.add_stop(viewer, plan_id, code, team),
    )  # fmt: skip


@require_POST
@login_required
def publish(request: HttpRequest, plan_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    return _edit(
        request, plan_id,
        "Rencana diterbitkan: setiap desa kini tercantum di Rencana kegiatan.",
        lambda: edits.publish(viewer, plan_id),
    )  # fmt: skip


@login_required
def team(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    viewer = current_viewer(request)
    found = sheet.sheet(viewer, plan_id)
    route = next((t for t in found.teams if t.number == number), None)
    if route is None:
        raise NotFound("Tim tidak ada dalam rencana ini.")
    return render(
        request,
        "patrols/team.html",
        {"s": found, "team": route, "text": sheet.whatsapp_text(found, route)},
    )
