from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import Activity, Plan


@admin.register(Activity)
class ActivityAdmin(ScopedAdmin):
    """Read-only here: activities are logged and changed on Sejuk's own pages, which keep
    their history."""

    list_display = ("local_date", "unit", "region", "situation", "source", "is_demo", "deleted_at")
    list_filter = ("situation", "source", "is_demo")
    search_fields = ("summary", "region__name", "unit__name")
    list_select_related = ("unit", "region")
    date_hierarchy = "local_date"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(ScopedAdmin):
    list_display = ("title", "unit", "region", "type_code", "weekday", "every_days", "active")
    list_filter = ("active", "type_code")
    autocomplete_fields = ("unit", "region", "officer")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("unit", "region")
