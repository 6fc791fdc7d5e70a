from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.access import current_viewer, region_q
from sejuk.accounts.admin import ScopedAdmin

from .models import Incident


@admin.register(Incident)
class IncidentAdmin(ScopedAdmin):
    """Read-only: incidents are recorded from what revealed them, each step kept there."""

    list_display = ("occurred_at", "region", "dead", "injured", "created_at")
    search_fields = ("region__name", "region__code", "description")
    list_select_related = ("region",)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return qs
        return qs.filter(
            region_q(current_viewer(request).region_area("incident.read"), "region__code")
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
