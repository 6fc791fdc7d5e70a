from django.contrib import admin

from .forms import OfficerForm
from .models import Officer, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "level", "parent", "home_region", "active", "is_default")
    list_filter = ("level", "active", "is_default")
    search_fields = ("name", "aliases", "home_region__name", "home_region__code")
    autocomplete_fields = ("parent", "home_region", "area")
    list_select_related = ("parent", "home_region")
    show_full_result_count = False


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    form = OfficerForm
    list_display = ("name", "rank", "position", "unit", "is_bhabinkamtibmas", "active")
    list_filter = ("is_bhabinkamtibmas", "active", "unit__level")
    search_fields = ("name", "nrp", "unit__name")
    autocomplete_fields = ("unit", "villages")
    list_select_related = ("unit",)
