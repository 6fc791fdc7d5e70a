from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import Report


@admin.register(Report)
class ReportAdmin(ScopedAdmin):
    """Read-only: cases move through their workflow on Sejuk's own pages, which keep the
    history; the reporter's contact and the text as it came in are never shown here."""

    unit_field = "assigned_unit"
    list_display = ("code", "category", "urgency", "state", "region", "assigned_unit", "created_at")
    list_filter = ("state", "urgency", "category", "channel")
    search_fields = ("code",)
    list_select_related = ("region", "assigned_unit")
    exclude = ("reporter_name", "reporter_phone", "source_text", "reader")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
