"""API tokens: created once and shown once, stored as a SHA-256 digest, revocable.

A token is ``sejuk_<prefix>_<secret>``: the prefix is stored in the clear so a person can
tell their tokens apart; the whole token is only ever compared by digest. A random
256-bit secret needs no slow hash (it cannot be guessed from a dictionary), so a plain
SHA-256 keeps each API call cheap.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.utils import timezone

from sejuk.errors import Invalid

from .models import ApiToken, User

_TOUCH_EVERY = timedelta(minutes=5)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: User, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns the record and the token text (shown once)."""
    name = name.strip()
    if not name:
        raise Invalid("Nama token wajib diisi.", {"name": "wajib diisi"})
    if len(name) > 80:
        raise Invalid("Nama token terlalu panjang.", {"name": "maksimal 80 karakter"})
    prefix = secrets.token_hex(4)
    token = f"sejuk_{prefix}_{secrets.token_urlsafe(32)}"
    record = ApiToken.objects.create(user=user, name=name, prefix=prefix, digest=_digest(token))
    return record, token


def authenticate_token(token: str) -> User | None:
    """The active owner of a valid, unrevoked token, else None."""
    if not token.startswith("sejuk_"):
        return None
    record = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(token), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if record is None:
        return None
    now = timezone.now()
    if record.last_used_at is None or now - record.last_used_at > _TOUCH_EVERY:
        # Written at most every few minutes, so reading the API does not mean a write
        # per request.
        ApiToken.objects.filter(pk=record.pk).update(last_used_at=now)
    return record.user
