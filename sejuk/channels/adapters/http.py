"""The few HTTP calls adapters make, with the standard library: JSON in and out, a short
timeout, and an answer that says whether trying again makes sense."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from typing import Any

from .base import Sent

TIMEOUT = 15


def call(
    url: str, data: dict[str, Any] | None = None, headers: dict[str, str] | None = None
) -> tuple[int, Any]:
    """POST ``data`` as JSON (GET without it); the status and the decoded answer.
    Network failures raise OSError."""
    body = json.dumps(data).encode() if data is not None else None
    request = urllib.request.Request(  # noqa: S310 - the base addresses are settings
        url,
        data=body,
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST" if body is not None else "GET",
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            raw = response.read()
            status = response.status
    except urllib.error.HTTPError as exc:
        raw, status = exc.read(), exc.code
    try:
        return status, json.loads(raw or b"null")
    except ValueError:
        return status, raw.decode("utf-8", "replace")


def fetch(url: str, headers: dict[str, str] | None = None) -> bytes:
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return bytes(response.read())


def result(status: int, answer: Any, external_id: str) -> Sent:
    if 200 <= status < 300:
        return Sent(ok=True, external_id=external_id)
    retry = status == 429 or status >= 500
    return Sent(ok=False, error=f"HTTP {status}: {str(answer)[:500]}", retry=retry)
