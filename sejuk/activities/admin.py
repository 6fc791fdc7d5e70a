from datetime import date
from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path

from sejuk.accounts.admin import ScopedAdmin

from . import feedback
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

    change_list_template = "admin/activities/activity/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        report = path(
            "pembaca/",
            self.admin_site.admin_view(self.reader_report),
            name="activities_activity_reader",
        )
        return [report, *super().get_urls()]

    def reader_report(self, request: HttpRequest) -> HttpResponse:
        """The text reader on real use (``sejuk reader report``), for the admin's area."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            since = date.fromisoformat(request.GET.get("sejak", ""))
        except ValueError:
            since = None
        result = feedback.agreement(self._unit_ids(request), since)
        rows = [
            (tally, [tally.share(name) for name in feedback.FIELDS])
            for tally in (result.overall, *result.by_unit, *result.by_channel)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": "Pembaca teks pada pemakaian nyata",
            "opts": self.model._meta,
            "result": result,
            "fields": feedback.FIELDS.values(),
            "overall": rows[:1],
            "units": rows[1 : 1 + len(result.by_unit)],
            "channels": rows[1 + len(result.by_unit) :],
        }
        return TemplateResponse(request, "admin/activities/activity/reader.html", context)


@admin.register(Plan)
class PlanAdmin(ScopedAdmin):
    list_display = ("title", "unit", "region", "type_code", "weekday", "every_days", "active")
    list_filter = ("active", "type_code")
    autocomplete_fields = ("unit", "region", "officer")

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).select_related("unit", "region")
