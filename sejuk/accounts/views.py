"""Pages: sign in and out, password change, one's own API tokens, the audit log."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_POST

from sejuk.errors import SejukError

from . import audit, services
from .access import current_viewer
from .models import AuditAction, User


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.password_changed(form.user, self.request)
        messages.success(self.request, "Kata sandi sudah diganti.")
        return response


def locked_out(
    request: HttpRequest, credentials: dict[str, Any], *args: Any, **kw: Any
) -> HttpResponse:
    """django-axes calls this once the limit of failed sign-ins is reached."""
    username = str((credentials or {}).get("username", ""))[:150]
    audit.record(
        AuditAction.LOCKED_OUT,
        request=request,
        user=User.objects.filter(username=username).first(),
        detail={"username": username},
    )
    response = render(request, "accounts/locked_out.html", status=429)
    # The lock-out lasts the cool-off time from the last failure, which is now.
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response


def signed_in_user(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)  # the view is behind login_required
    return user


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    new_token = None
    if request.method == "POST":
        try:
            with transaction.atomic():
                new_token = services.issue_token(
                    signed_in_user(request), request.POST.get("name", ""), request
                )
        except SejukError as exc:
            messages.error(request, exc.message)
    return render(
        request,
        "accounts/tokens.html",
        {"tokens": services.own_tokens(signed_in_user(request)), "new_token": new_token},
    )


@login_required
@require_POST
def revoke_token(request: HttpRequest, token_id: int) -> HttpResponse:
    with transaction.atomic():
        record = services.revoke(current_viewer(request), token_id, request)
    messages.success(request, f"Token {record.name} dicabut.")
    return redirect("tokens")


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    events = services.audit_events(current_viewer(request), action=request.GET.get("aksi", ""))
    page = Paginator(events, 50).get_page(request.GET.get("halaman"))
    return render(
        request,
        "accounts/audit.html",
        {
            "page": page,
            "entries": [audit.describe(e) for e in page],
            "actions": AuditAction.choices,
            "action": request.GET.get("aksi", ""),
        },
    )
