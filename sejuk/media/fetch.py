"""Asking the outlets, politely: conditional requests (ETag / Last-Modified), one
request per host at most every ``FEEDS_HOST_DELAY_MS``, a timeout, a size limit, http and
https only. Nothing else in Sejuk goes out to the network."""

from __future__ import annotations

import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

USER_AGENT = "Sejuk/0.1 (pemantauan media Cooling System Polri)"
MAX_BYTES = 5 * 1024 * 1024


class FetchError(Exception):
    """Why a page or feed could not be had, in Indonesian, for the source's health."""


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when nothing changed since the tags given
    body: bytes
    etag: str
    last_modified: str
    url: str


class Fetcher:
    """One polling round's client: remembers when it last asked each host."""

    def __init__(self, delay_ms: int | None = None, timeout: int | None = None) -> None:
        self.delay = (settings.FEEDS_HOST_DELAY_MS if delay_ms is None else delay_ms) / 1000
        self.timeout = settings.FEEDS_TIMEOUT_SECONDS if timeout is None else timeout
        self._last: dict[str, float] = {}

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("alamat harus diawali http:// atau https://")
        self._wait_for(parts.hostname)
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as answer:  # noqa: S310
                body = answer.read(MAX_BYTES + 1)
                if len(body) > MAX_BYTES:
                    raise FetchError("halaman lebih dari 5 MB, tidak dibaca")
                return Response(
                    answer.status,
                    body,
                    answer.headers.get("ETag", ""),
                    answer.headers.get("Last-Modified", ""),
                    answer.geturl(),
                )
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return Response(304, b"", etag, last_modified, url)
            raise FetchError(f"server menjawab {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"tidak dapat dihubungi: {reason}") from None
