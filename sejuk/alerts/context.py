"""The header's bell: how many alerts the signed-in person has not read."""

from __future__ import annotations

from django.http import HttpRequest

from sejuk.accounts.access import current_viewer

from .rules import CARING_ROLES
from .services import unread_count


def bell(request: HttpRequest) -> dict[str, int]:
    viewer = current_viewer(request)
    if not viewer.is_authenticated or not viewer.roles & set(CARING_ROLES):
        return {}
    assert viewer.user_id is not None
    return {"alerts_unread": unread_count(viewer.user_id)}
