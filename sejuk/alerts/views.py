"""Pages: the person's alerts (opening the page reads them), marking one handled, and
what each person chooses to receive."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer
from sejuk.errors import Invalid
from sejuk.paging import get_page

from . import rules, services


@login_required
def index(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    page = get_page(services.inbox(viewer), request.GET.get("halaman"), 30)
    items = [(d, services.link(d.alert)) for d in page]
    with transaction.atomic():
        services.mark_read(viewer, [d.pk for d, _ in items if d.read_at is None])
    return render(request, "alerts/index.html", {"page": page, "items": items})


@login_required
@require_POST
def handle(request: HttpRequest, alert_id: int) -> HttpResponse:
    with transaction.atomic():
        alert = services.handle(current_viewer(request), alert_id)
    messages.success(
        request, f"Peringatan {alert.region_name} ditandai sudah ditangani oleh {alert.handled_by}."
    )
    return redirect("alerts:index")


@login_required
def preferences(request: HttpRequest) -> HttpResponse:
    user = request.user
    errors: dict[str, str] = {}
    if request.method == "POST":
        wanted = {r: request.POST.get(r, "") for r in rules.RULES}
        try:
            with transaction.atomic():
                services.set_preferences(user, wanted)  # type: ignore[arg-type]
        except Invalid as exc:
            messages.error(request, exc.message)
            errors = exc.fields
        else:
            messages.success(request, "Pilihan peringatan Anda disimpan.")
            return redirect("alerts:preferences")
    choices = services.preferences(user)  # type: ignore[arg-type]
    caring = bool(set(user.role_set()) & set(rules.CARING_ROLES))  # type: ignore[union-attr]
    return render(
        request,
        "alerts/preferences.html",
        {"choices": choices, "errors": errors, "caring": caring},
    )
