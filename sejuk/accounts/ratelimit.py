"""Rate limits for the public endpoints, per client address.

Counted in a fixed window. By default each server process counts in its own memory:
no database statement and no write transaction per request, so the limit costs nothing
on the intake path. One process serves a laptop or a Polres exactly; behind several
processes or machines each counts its own share, so an address may send up to that many
times the allowance; there nginx's ``limit_req`` in front holds the exact limit (see
docs/deploy.md), or ``SEJUK_RATE_STORE=database`` counts in one table row shared by every
process (one conditional UPDATE, an INSERT the first time; atomic on SQLite and
PostgreSQL alike), at the price of a short write per request.

Written here rather than taken from django-ratelimit: that library needs memcached or
Redis for an atomic shared counter, and Sejuk's embedded deployment has neither.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest

from sejuk.errors import SejukError

from .models import RateCounter

# Addresses remembered per process before the oldest windows are dropped: a bound on
# memory however many addresses call (each entry is a few hundred bytes).
MEMORY_KEYS = 100_000


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


class MemoryCounter:
    """Hits per key in the current window, in this process; thread-safe."""

    def __init__(self, max_keys: int = MEMORY_KEYS) -> None:
        self.max_keys = max_keys
        self._lock = threading.Lock()
        self._counts: dict[tuple[str, int, int], int] = {}

    def hit(self, key: str, rate: Rate, window: int) -> int:
        slot = (key, rate.seconds, window)
        with self._lock:
            count = self._counts.get(slot, 0) + 1
            self._counts[slot] = count
            if len(self._counts) > self.max_keys:
                self._forget(time.time())
            return count

    def _forget(self, now: float) -> None:
        """Drop the windows that have turned; if still too many, the oldest half."""
        live = {k: v for k, v in self._counts.items() if k[2] + k[1] > now}
        if len(live) > self.max_keys // 2:
            live = dict(list(live.items())[len(live) // 2 :])
        self._counts = live

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()


memory = MemoryCounter()


def hit(key: str, rate: Rate, now: float | None = None) -> int:
    """Count one hit for ``key`` in the current window; return the count so far."""
    window = _window(rate, now)
    if settings.RATE_STORE == "memory":
        return memory.hit(key, rate, window)
    return _hit_database(key, window)


def _hit_database(key: str, window: int) -> int:
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
