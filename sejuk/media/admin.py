"""Media monitoring for administrators: the news sources (added, checked, switched on and
off here, each with its health: last success, last error) and the signal classifier's
figures on the held-back verdicts. Sources serve the whole installation, like the jobs."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from sejuk.accounts.admin import ScopedAdmin

from .models import Classifier, Source


class _WholeInstallation(ScopedAdmin):
    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        return admin.ModelAdmin.get_queryset(self, request)


@admin.register(Source)
class SourceAdmin(_WholeInstallation):
    list_display = (
        "name",
        "feed_url",
        "region",
        "checked",
        "active",
        "health",
        "last_success_at",
        "last_error_at",
        "articles_total",
    )
    list_filter = ("active", "checked", "language")
    search_fields = ("name", "feed_url")
    autocomplete_fields = ("region",)
    readonly_fields = (
        "last_fetched_at",
        "last_success_at",
        "last_error",
        "last_error_at",
        "articles_total",
        "last_refusal",
    )

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if isinstance(db_field, models.URLField):
            kwargs["assume_scheme"] = "https"  # an address typed without a scheme
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description="kesehatan", boolean=True)
    def health(self, source: Source) -> bool | None:
        if source.last_fetched_at is None:
            return None
        return source.healthy


@admin.register(Classifier)
class ClassifierAdmin(_WholeInstallation):
    """Read-only: the job ``media-belajar`` trains a new one after each review."""

    list_display = ("trained_at", "examples", "held_back", "precision", "recall")
    fields = ("trained_at", "examples", "held_back", "precision", "recall", "trained_on")
    readonly_fields = fields

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
