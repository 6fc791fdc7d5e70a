"""Rate limits for the public endpoints, per client address.

Written here rather than taken from django-ratelimit: that library needs memcached or
Redis for an atomic shared counter, and Sejuk's embedded deployment has neither. A fixed
window counter in the database is atomic on SQLite and PostgreSQL alike (one conditional
UPDATE, an INSERT the first time) and shared by every server process.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from sejuk.errors import SejukError

from .models import RateCounter


class RateLimited(SejukError):
    status = 429
    code = "terlalu_sering"


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int

    @classmethod
    def parse(cls, text: str) -> Rate:
        """ "20/h", "5/m", "100/d" or "10/30s"."""
        number, _, per = text.partition("/")
        units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
        digits = per[:-1] or "1"
        return cls(int(number), int(digits) * units[per[-1]])


def client_address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(key: str, rate: Rate, now: float | None = None) -> int:
    """Count one hit for ``key`` in the current window; return the count so far."""
    window = _window(rate, now)
    with transaction.atomic():
        updated = RateCounter.objects.filter(key=key, window=window).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateCounter.objects.create(key=key, window=window, count=1)
            except IntegrityError:  # another request created it a moment ago
                RateCounter.objects.filter(key=key, window=window).update(count=F("count") + 1)
            else:
                # A new window for this address: its earlier windows are of no more use.
                RateCounter.objects.filter(key=key, window__lt=window).delete()
        count = RateCounter.objects.filter(key=key, window=window).values_list("count", flat=True)[
            0
        ]
    return int(count)


def _window(rate: Rate, now: float | None) -> int:
    return int((now if now is not None else time.time()) // rate.seconds) * rate.seconds


def limit(request: HttpRequest, scope: str, rate: Rate) -> None:
    """Raise RateLimited when this address has used up ``rate`` for ``scope``; the answer
    says in Retry-After how many seconds remain until the window turns."""
    now = time.time()
    if hit(f"{scope}:{client_address(request)}", rate, now) > rate.count:
        wait = max(1, math.ceil(_window(rate, now) + rate.seconds - now))
        exc = RateLimited(
            f"Terlalu banyak permintaan dari alamat Anda. Coba lagi dalam {_minutes(wait)}."
        )
        exc.headers["Retry-After"] = str(wait)
        raise exc


def _minutes(seconds: int) -> str:
    return f"{seconds} detik" if seconds < 90 else f"{math.ceil(seconds / 60)} menit"
