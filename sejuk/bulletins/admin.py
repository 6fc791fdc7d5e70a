from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import Bulletin


@admin.register(Bulletin)
class BulletinAdmin(ScopedAdmin):
    """Read-only: the morning reports are made by Sejuk; a failed one shows its error
    here and is tried again on the next rounds."""

    list_display = ("day", "kind", "unit", "state", "attempts", "created_at", "finished_at")
    list_filter = ("kind", "state")
    search_fields = ("unit__name",)
    list_select_related = ("unit",)
    date_hierarchy = "day"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
