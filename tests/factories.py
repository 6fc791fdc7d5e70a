"""Small keyword-only factories for test data on the real database."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from sejuk.units.models import Officer, Unit


def unit(name: str) -> Unit:
    return Unit.objects.get(name=name)


def officer(*, name: str = "Bripka Andi", unit_name: str = "Polsek Sekotong", **fields) -> Officer:
    return Officer.objects.create(name=name, unit=unit(unit_name), **fields)


def superuser(*, username: str = "admin", password: str = "rahasia-sekali-123"):
    return get_user_model().objects.create_superuser(username, "", password)
