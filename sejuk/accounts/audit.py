"""Writing the audit log: sign-ins, denials, exports, views of a reporter's identity.

Entries are written outside the request's own transaction (the callers run after the
view has finished, or in autocommit), so a denial that ends in an error is still kept.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from .models import AuditAction, AuditEvent, User


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    user: User | None = None,
    object_type: str = "",
    object_id: object = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    if user is None and request is not None:
        auth = getattr(request, "auth", None)
        candidate = auth if isinstance(auth, User) else getattr(request, "user", None)
        user = candidate if isinstance(candidate, User) else None
    agent = request.META.get("HTTP_USER_AGENT", "")[:250] if request is not None else ""
    return AuditEvent.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "",
        unit_id=user.unit_id if user else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:40],
        detail=detail or {},
        ip=client_ip(request),
        user_agent=agent,
    )


def record_denial(request: HttpRequest, exc: Exception) -> None:
    record(
        AuditAction.DENIED,
        request=request,
        object_type=getattr(exc, "object_type", ""),
        object_id=getattr(exc, "object_id", ""),
        detail={"path": request.path[:200], "method": request.method or ""},
    )


@receiver(user_logged_in)
def _logged_in(sender: object, request: HttpRequest | None, user: User, **kw: Any) -> None:
    record(AuditAction.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender: object, request: HttpRequest | None, user: User | None, **kw: Any) -> None:
    if user is not None:
        record(AuditAction.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kw: Any
) -> None:
    # The password is never recorded: only the name that was tried.
    username = str(credentials.get("username", ""))[:150]
    user = User.objects.filter(username=username).first()
    record(
        AuditAction.LOGIN_FAILED,
        request=request,
        user=user,
        detail={"username": username},
    )
