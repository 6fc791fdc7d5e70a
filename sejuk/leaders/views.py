"""Pages for the leader registry: list, add, edit, deactivate, export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer, require
from sejuk.errors import Invalid

from . import services
from .forms import LeaderForm
from .models import CATEGORIES


def _filter(request: HttpRequest) -> services.LeaderFilter:
    return services.LeaderFilter(
        region=request.GET.get("wilayah", "")[:13],
        category=request.GET.get("kategori", "")[:20],
        q=request.GET.get("q", "")[:100],
    )


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    flt = _filter(request)
    page = Paginator(services.leaders(viewer, flt), 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "leaders/index.html",
        {
            "page": page,
            "filter": flt,
            "categories": CATEGORIES,
            "can_write": viewer.can("leader.write"),
            "query": request.GET.urlencode(),
        },
    )


def _save(request: HttpRequest, form: LeaderForm, leader_id: int | None) -> HttpResponse | None:
    viewer = current_viewer(request)
    try:
        with transaction.atomic():
            data = services.LeaderInput(**form.cleaned_data)
            if leader_id is None:
                leader = services.create_leader(viewer, data)
            else:
                leader = services.update_leader(viewer, leader_id, data)
    except Invalid as exc:
        form.add_error(None, exc.message)
        for name, message in exc.fields.items():
            if name in form.fields:
                form.add_error(name, message)
        return None
    messages.success(request, f"Tokoh {leader.name} tersimpan.")
    return redirect("leaders:detail", leader_id=leader.pk)


@login_required
def create(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    require(viewer, "leader.write")
    # A Bhabinkamtibmas with one desa need not look its code up.
    default = viewer.villages[0] if len(viewer.villages) == 1 else ""
    form = LeaderForm(request.POST or None, initial={"region": request.GET.get("wilayah", default)})
    if request.method == "POST" and form.is_valid():
        response = _save(request, form, None)
        if response is not None:
            return response
    return _form_page(request, form, None, can_write=True)


def _form_page(
    request: HttpRequest, form: LeaderForm, leader: object, *, can_write: bool
) -> HttpResponse:
    # A form sent back with errors answers 422, so a client (and a test) can tell it apart
    # from a fresh form; the input is kept in the fields.
    status = 422 if request.method == "POST" else 200
    context = {"form": form, "leader": leader, "can_write": can_write}
    return render(request, "leaders/form.html", context, status=status)


@login_required
def detail(request: HttpRequest, leader_id: int) -> HttpResponse:
    viewer = current_viewer(request)
    leader = services.get_leader(viewer, leader_id)
    initial = {f: getattr(leader, f) for f in ("name", "category", "role", "phone", "notes")}
    initial["region"] = leader.region_id
    form = LeaderForm(request.POST or None, initial=initial)
    if request.method == "POST":
        require(viewer, "leader.write")
        if form.is_valid():
            response = _save(request, form, leader_id)
            if response is not None:
                return response
    return _form_page(request, form, leader, can_write=viewer.can("leader.write"))


@login_required
@require_POST
def deactivate(request: HttpRequest, leader_id: int) -> HttpResponse:
    with transaction.atomic():
        leader = services.deactivate_leader(current_viewer(request), leader_id)
    messages.success(request, f"Tokoh {leader.name} dinonaktifkan.")
    return redirect("leaders:index")


@login_required
def export(request: HttpRequest) -> HttpResponse:
    body = services.export_csv(current_viewer(request), _filter(request), request=request)
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tokoh.csv"'
    return response
