"""Account services: users, roles, passwords, tokens, reading the audit log."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from sejuk.errors import Invalid, NotFound
from sejuk.units.models import Officer, Unit

from . import audit
from .access import Viewer, get_or_deny, require, scoped_units
from .models import ApiToken, AuditAction, AuditEvent, Role, User, UserRole
from .tokens import create_token


def _check_roles(roles: Iterable[str]) -> list[str]:
    roles = sorted(set(roles))
    unknown = [r for r in roles if r not in Role.values]
    if unknown or not roles:
        raise Invalid(
            f"Peran tidak dikenal: {', '.join(unknown) or '(kosong)'}; "
            f"pilih dari {', '.join(Role.values)}.",
            {"roles": "tidak valid"},
        )
    return roles


@dataclass(frozen=True)
class NewUser:
    user: User
    password: str  # shown once


def create_user(
    *,
    username: str,
    unit: Unit,
    roles: Iterable[str],
    full_name: str = "",
    officer: Officer | None = None,
    password: str | None = None,
    actor: User | None = None,
    request: HttpRequest | None = None,
) -> NewUser:
    """A user of ``unit`` with ``roles``. Without a password one is generated and the
    user must change it at first sign-in."""
    roles = _check_roles(roles)
    if User.objects.filter(username=username).exists():
        raise Invalid(f"Nama pengguna {username!r} sudah dipakai.", {"username": "sudah dipakai"})
    if Role.BHABINKAMTIBMAS in roles and officer is None:
        raise Invalid(
            "Pengguna Bhabinkamtibmas harus ditautkan ke data personelnya (desa binaan).",
            {"officer": "wajib untuk Bhabinkamtibmas"},
        )
    generated = password is None
    password = password or secrets.token_urlsafe(12)
    first, _, last = full_name.strip().partition(" ")
    user = User(
        username=username,
        first_name=first[:150],
        last_name=last[:150],
        unit=unit,
        officer=officer,
        must_change_password=generated,
        is_staff=Role.ADMIN in roles,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise Invalid("Kata sandi terlalu lemah: " + " ".join(exc.messages)) from None
    user.set_password(password)
    user.save()
    UserRole.objects.bulk_create(UserRole(user=user, role=r) for r in roles)
    audit.record(
        AuditAction.USER_CREATED,
        request=request,
        user=actor,
        object_type="user",
        object_id=user.pk,
        detail={"username": username, "unit": unit.name, "roles": roles},
    )
    return NewUser(user, password)


def users_in_area(viewer: Viewer) -> QuerySet[User]:
    return scoped_units(
        User.objects.select_related("unit").order_by("username"),
        viewer,
        "user.manage",
        unit_field="unit",
    )


def reset_password(
    viewer: Viewer | None, username: str, *, request: HttpRequest | None = None
) -> str:
    """A new temporary password for a user (of the viewer's area); the user must change
    it at the next sign-in. ``viewer`` None: the machine's own administrator (CLI)."""
    users = User.objects.all() if viewer is None else users_in_area(viewer)
    user = users.filter(username=username).first()
    if user is None:
        raise NotFound(f"Pengguna {username!r} tidak ditemukan.")
    password = secrets.token_urlsafe(12)
    user.set_password(password)
    user.must_change_password = True
    user.save(update_fields=["password", "must_change_password"])
    audit.record(
        AuditAction.PASSWORD_RESET,
        request=request,
        user=acting_user(viewer),
        object_type="user",
        object_id=user.pk,
        detail={"username": username},
    )
    return password


def acting_user(viewer: Viewer | None) -> User | None:
    """The user behind a viewer (for the audit log), None for the command line."""
    if viewer is None or viewer.user_id is None:
        return None
    return User.objects.filter(pk=viewer.user_id).first()


def password_changed(user: User, request: HttpRequest | None = None) -> None:
    if user.must_change_password:
        user.must_change_password = False
        user.save(update_fields=["must_change_password"])
    audit.record(AuditAction.PASSWORD_CHANGED, request=request, user=user)


def own_tokens(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def issue_token(user: User, name: str, request: HttpRequest | None = None) -> str:
    record, token = create_token(user, name)
    audit.record(
        AuditAction.TOKEN_CREATED,
        request=request,
        user=user,
        object_type="token",
        object_id=record.pk,
        detail={"name": record.name, "prefix": record.prefix},
    )
    return token


def revoke(viewer: Viewer, token_id: int, request: HttpRequest | None = None) -> ApiToken:
    """Revoke one of the viewer's own tokens, or, for an administrator, any token of a
    user in their area."""
    tokens = ApiToken.objects.filter(user=acting_user(viewer))
    if viewer.can("user.manage"):
        tokens = ApiToken.objects.filter(user__in=users_in_area(viewer)) | tokens
    record = tokens.filter(pk=token_id).first()
    if record is None:
        raise NotFound("Token tidak ditemukan.")
    if record.revoked_at is None:
        record.revoked_at = timezone.now()
        record.save(update_fields=["revoked_at"])
        audit.record(
            AuditAction.TOKEN_REVOKED,
            request=request,
            object_type="token",
            object_id=record.pk,
            detail={"name": record.name, "owner": record.user.get_username()},
        )
    return record


def audit_events(viewer: Viewer, *, action: str = "") -> QuerySet[AuditEvent]:
    """Audit entries of actors in the viewer's area (admin and pimpinan only); entries
    without an actor (failed sign-ins of unknown names) are seen nationally only."""
    require(viewer, "audit.read")
    events = AuditEvent.objects.select_related("unit")
    if viewer.unit_ids is not None:
        events = events.filter(unit_id__in=list(viewer.unit_ids))
    if action:
        if action not in {a for a, _ in AuditAction.choices}:
            raise Invalid(f"Aksi {action!r} tidak dikenal.", {"action": "tidak dikenal"})
        events = events.filter(action=action)
    return events


def audit_event(viewer: Viewer, event_id: int) -> AuditEvent:
    return get_or_deny(audit_events(viewer), "audit", event_id)


def officers(viewer: Viewer) -> QuerySet[Officer]:
    return scoped_units(
        Officer.objects.select_related("unit").prefetch_related("villages").filter(active=True),
        viewer,
        "officer.read",
        unit_field="unit",
    )


def get_officer(viewer: Viewer, officer_id: int) -> Officer:
    qs = scoped_units(
        Officer.objects.select_related("unit").prefetch_related("villages"),
        viewer,
        "officer.read",
        unit_field="unit",
    )
    return get_or_deny(qs, "officer", officer_id)
