from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.access import current_viewer, region_q
from sejuk.accounts.admin import ScopedAdmin

from .models import Leader


@admin.register(Leader)
class LeaderAdmin(ScopedAdmin):
    list_display = ("name", "category", "region", "active")
    list_filter = ("category", "active")
    search_fields = ("name", "role", "region__name", "region__code")
    autocomplete_fields = ("region",)
    list_select_related = ("region",)
    readonly_fields = ("created_by", "created_at", "updated_at")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return qs
        return qs.filter(
            region_q(current_viewer(request).region_area("leader.read"), "region__code")
        )
