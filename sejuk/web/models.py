"""Counters for rate limits, kept in the database so every server process shares them."""

from django.db import models


class RateCounter(models.Model):
    key = models.CharField(max_length=120)  # "lapor:203.0.113.7"
    window = models.BigIntegerField()  # start of the window, in seconds since the epoch
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="one_counter_per_window")
        ]
        indexes = [models.Index(fields=["window"])]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}: {self.count}"
