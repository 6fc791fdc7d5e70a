"""Alerts for administrators: each alert with who it went to, and every delivery with
its state, attempts and last error, so a failed send is seen (and the job that retries
it is in *Pekerjaan latar*). Read-only; an administrator of a unit sees the alerts that
went to people of their units."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import Alert, Delivery


class ReadOnly(ScopedAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Alert)
class AlertAdmin(ReadOnly):
    unit_field = "deliveries__user__unit"
    list_display = ("created_at", "rule", "region_name", "repeats", "handled_by", "handled_at")
    list_filter = ("rule",)
    search_fields = ("region_code", "region_name", "text", "dedupe_key")
    readonly_fields = [f.name for f in Alert._meta.fields]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return super().get_queryset(request).distinct()


@admin.register(Delivery)
class DeliveryAdmin(ReadOnly):
    unit_field = "user__unit"
    list_display = ("created_at", "alert", "user", "channel", "state", "attempts", "error_line")
    list_filter = ("state", "channel")
    search_fields = ("alert__region_name", "user__username", "last_error")
    readonly_fields = [f.name for f in Delivery._meta.fields]

    @admin.display(description="galat terakhir")
    def error_line(self, delivery: Delivery) -> str:
        lines = delivery.last_error.strip().splitlines()
        return lines[-1][:120] if lines else ""
