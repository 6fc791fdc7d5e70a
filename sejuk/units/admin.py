from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .forms import OfficerForm
from .models import Officer, Unit


@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    unit_field = "pk"
    list_display = ("name", "level", "parent", "home_region", "commander", "active", "is_default")
    list_filter = ("level", "active", "is_default")
    search_fields = ("name", "aliases", "home_region__name", "home_region__code")
    autocomplete_fields = ("parent", "home_region", "area", "commander")
    list_select_related = ("parent", "home_region", "commander")
    show_full_result_count = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Where a unit sits in the chain is for the national administrator to change.
        if request.user.is_superuser:
            return ()
        return ("level", "parent")


@admin.register(Officer)
class OfficerAdmin(ScopedAdmin):
    form = OfficerForm
    list_display = ("name", "rank", "position", "unit", "is_bhabinkamtibmas", "active")
    list_filter = ("is_bhabinkamtibmas", "active", "unit__level")
    search_fields = ("name", "nrp", "unit__name")
    autocomplete_fields = ("unit", "villages")
    list_select_related = ("unit",)
