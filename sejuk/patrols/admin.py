from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import PatrolPlan, PatrolStop


class StopInline(admin.TabularInline):
    model = PatrolStop
    fields = ("team", "region", "position", "need", "why", "activity_plan")
    readonly_fields = fields
    extra = 0
    can_delete = False


@admin.register(PatrolPlan)
class PatrolPlanAdmin(ScopedAdmin):
    """Read-only: patrol plans are made and edited on their own pages."""

    list_display = ("unit", "day", "budget_minutes", "published_at", "created_by")
    list_filter = ("published_at",)
    list_select_related = ("unit", "created_by")
    inlines = [StopInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
