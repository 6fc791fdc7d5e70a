"""Asking the outlets, politely: conditional requests (ETag / Last-Modified), one
request per host at most every ``FEEDS_HOST_DELAY_MS``, a timeout, a size limit, http and
https only. Nothing else in Sejuk goes out to the network.

Article pages fetched on their own (a feed's entries, a citizen report's links) are asked
only where the site's robots.txt allows (``get_page``; Python's ``urllib.robotparser``),
read once per site and kept ``ROBOTS_TTL`` seconds in the process, fetched with the same
timeout and per-host pause. As RFC 9309 says: no robots.txt (a 4xx answer) allows
everything; a server error or no answer at all disallows everything for that while. A
link an officer pastes is fetched at their request, as their browser would, without it.

An address someone pastes (``public_only``) must lead to the public internet: a host that
resolves to a loopback, private, link-local or reserved address is refused, and so is a
redirect to one, so a pasted link cannot make the server read its own network (the
database, an admin page, a cloud's metadata address). Feeds an administrator registered
may point anywhere. What is left: a name that resolves to a public address when checked
and to a private one a moment later (DNS rebinding); a proxy in front would close it."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from django.conf import settings

USER_AGENT = "Sejuk/0.1 (pemantauan media Cooling System Polri)"
MAX_BYTES = 5 * 1024 * 1024
ROBOTS_TTL = 3600.0  # seconds a site's robots.txt is kept before it is read again


class FetchError(Exception):
    """Why a page or feed could not be had, in Indonesian, for the source's health."""

    def __init__(self, message: str, status: int | None = None, transient: bool = False) -> None:
        super().__init__(message)
        self.status = status  # the HTTP status of a refusal by the server, if any
        # The network or the server failed for now (no answer, a timeout, 5xx, 429), so
        # asking again later may succeed; a refusal (4xx, robots.txt, an inner address,
        # a page too large) stays one.
        self.transient = transient


class RobotsRefused(FetchError):
    """The site's robots.txt does not let Sejuk read this page."""


# "https://host:port" -> (until, the rules, why nothing may be read: "" where the file was read)
_robots: dict[str, tuple[float, RobotFileParser, str]] = {}
_robots_lock = threading.Lock()


def forget_robots() -> None:
    """Every site's robots.txt read again at its next page."""
    with _robots_lock:
        _robots.clear()


@dataclass(frozen=True)
class Response:
    status: int  # 200, or 304 when nothing changed since the tags given
    body: bytes
    etag: str
    last_modified: str
    url: str


def check_public(host: str) -> None:
    """Refuse a host that is, or resolves to, an address outside the public internet."""
    try:
        infos = socket.getaddrinfo(host, None)
    except (OSError, UnicodeError):
        raise FetchError(f"nama {host} tidak dikenal", transient=True) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchError("alamat itu menuju jaringan dalam, bukan internet umum")


class _PublicRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to another public http(s) address."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        parts = urlsplit(newurl)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("dialihkan ke alamat yang bukan http:// atau https://")
        check_public(parts.hostname)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """One polling round's client: remembers when it last asked each host."""

    def __init__(
        self, delay_ms: int | None = None, timeout: int | None = None, public_only: bool = False
    ) -> None:
        self.delay = (settings.FEEDS_HOST_DELAY_MS if delay_ms is None else delay_ms) / 1000
        self.timeout = settings.FEEDS_TIMEOUT_SECONDS if timeout is None else timeout
        self.public_only = public_only
        self._open = (
            urllib.request.build_opener(_PublicRedirects()).open
            if public_only
            else urllib.request.urlopen
        )
        self._last: dict[str, float] = {}

    def _wait_for(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = last + self.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def get(self, url: str, etag: str = "", last_modified: str = "") -> Response:
        self._wait_for(self._check(url))
        headers = {"User-Agent": USER_AGENT, "Accept-Encoding": "identity"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        request = urllib.request.Request(url, headers=headers)  # noqa: S310 (scheme checked)
        try:
            with self._open(request, timeout=self.timeout) as answer:
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
            raise FetchError(
                f"server menjawab {exc.code} {exc.reason}",
                exc.code,
                transient=exc.code >= 500 or exc.code == 429,
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise FetchError(f"tidak dapat dihubungi: {reason}", transient=True) from None

    def _check(self, url: str) -> str:
        """The address's host, once it is one Sejuk may ask."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError("alamat harus diawali http:// atau https://")
        if self.public_only:
            check_public(parts.hostname)
        return parts.hostname

    def get_page(self, url: str) -> Response:
        """An article page, where the site's robots.txt allows Sejuk to read it."""
        self._check(url)
        rules, why = self.robots(url)
        if why:
            raise RobotsRefused(
                f"robots.txt situs tidak dapat dibaca ({why}), halaman tidak diambil"
            )
        if not rules.can_fetch(USER_AGENT, url):
            raise RobotsRefused("robots.txt situs tidak mengizinkan halaman ini dibaca")
        return self.get(url)

    def robots(self, url: str) -> tuple[RobotFileParser, str]:
        """The site's robots.txt rules, from the process's cache while fresh, and why
        nothing may be read where the file could not be had ("" otherwise)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        now = time.monotonic()
        with _robots_lock:
            kept = _robots.get(site)
        if kept is not None and kept[0] > now:
            return kept[1], kept[2]
        rules, why = RobotFileParser(site + "/robots.txt"), ""
        try:
            answer = self.get(site + "/robots.txt")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                rules.parse([])  # no robots.txt: everything may be read
            else:  # unreachable or a server error: nothing may, for now
                rules.parse(["User-agent: *", "Disallow: /"])
                why = str(exc)
        else:
            rules.parse(answer.body.decode("utf-8", "replace").splitlines())
        rules.modified()
        with _robots_lock:
            _robots[site] = (now + ROBOTS_TTL, rules, why)
        return rules, why
