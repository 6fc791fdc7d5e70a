"""One table, created by ``sejuk migrate --run-syncdb`` under ``bench.settings``."""

from __future__ import annotations

from django.db import models


class BareReport(models.Model):
    code = models.CharField(max_length=14, unique=True)
    category = models.CharField(max_length=20)
    description = models.TextField()
    region = models.CharField(max_length=13)
    anonymous = models.BooleanField(default=True)
    name = models.CharField(max_length=100, blank=True)
    phone = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        app_label = "floor"

    def __str__(self) -> str:
        return self.code
