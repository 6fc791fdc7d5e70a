"""The background jobs for administrators: each job's last run, next run, tries and last
failure with its error. Read-only; "Jalankan lagi" makes the chosen jobs due at once (the
runner of `sejuk serve` or `sejuk worker` picks them up). The jobs serve the whole
installation, so every administrator sees them all, like the admin's other pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from . import services
from .models import Job


@admin.register(Job)
class JobAdmin(ScopedAdmin):
    list_display = (
        "name",
        "kind",
        "state",
        "finished_at",
        "run_after",
        "attempts",
        "failed_at",
        "error_line",
    )
    list_filter = ("kind", "state", "name")
    search_fields = ("name", "key", "last_error")
    readonly_fields = [f.name for f in Job._meta.fields]
    actions = ["run_again"]

    @admin.display(description="galat terakhir")
    def error_line(self, job: Job) -> str:
        lines = job.last_error.strip().splitlines()
        return lines[-1][:120] if lines else ""

    @admin.action(description="Jalankan lagi pekerjaan yang dipilih")
    def run_again(self, request: HttpRequest, queryset: QuerySet[Job]) -> None:
        done = [job for job in queryset if services.run_again(job)]
        left = queryset.count() - len(done)
        if done:
            self.message_user(
                request,
                f"{len(done)} pekerjaan akan dijalankan lagi sebentar lagi.",
                messages.SUCCESS,
            )
        if left:
            self.message_user(
                request,
                f"{left} pekerjaan tidak diubah: sedang berjalan, atau yang sama sudah menunggu.",
                messages.WARNING,
            )

    def get_queryset(self, request: HttpRequest) -> QuerySet[Job]:
        return admin.ModelAdmin.get_queryset(self, request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
