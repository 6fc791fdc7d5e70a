"""Telegram Bot API.

In: a webhook set with ``setWebhook(url, secret_token=...)``; Telegram sends the secret in
``X-Telegram-Bot-Api-Secret-Token`` with every update (no body signature: the secret
header is the whole check). Without a public address the same updates are fetched with
``getUpdates`` (polling, from `sejuk serve`'s job runner). An update's ``message`` is
text, a location or photos (the largest size is taken) with a caption; the ``update_id``
is the message's id for de-duplication.
Out: ``sendMessage`` to the chat id. Media: ``getFile`` then the file URL."""

from __future__ import annotations

import hmac
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings

from . import http
from .base import Incoming, Rejected, Sent, header


class Telegram:
    name = "telegram"
    label = "Telegram"

    def missing(self) -> list[str]:
        wanted = {"SEJUK_TELEGRAM_TOKEN": settings.TELEGRAM_TOKEN}
        if not settings.TELEGRAM_POLLING:  # a webhook must carry the secret
            wanted["SEJUK_TELEGRAM_SECRET"] = settings.TELEGRAM_SECRET
        return [name for name, value in wanted.items() if not value]

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        given = header(headers, "X-Telegram-Bot-Api-Secret-Token")
        secret = settings.TELEGRAM_SECRET
        if not secret or not hmac.compare_digest(given.encode(), secret.encode()):
            raise Rejected("Token rahasia webhook Telegram tidak sah.")

    def parse(self, body: bytes) -> list[Incoming]:
        data = json.loads(body)
        updates = data if isinstance(data, list) else [data]
        return [m for m in (_incoming(u) for u in updates) if m is not None]

    def poll(self, offset: int) -> list[Incoming]:
        """Updates after ``offset`` (the last update id seen), without waiting."""
        status, answer = http.call(
            self._url("getUpdates"), {"offset": offset + 1, "timeout": 0, "limit": 100}
        )
        if status != 200 or not isinstance(answer, dict) or not answer.get("ok"):
            raise OSError(f"getUpdates Telegram gagal (HTTP {status}): {str(answer)[:300]}")
        return [m for m in (_incoming(u) for u in answer.get("result") or []) if m is not None]

    def send(self, address: str, text: str, template: str = "") -> Sent:
        status, answer = http.call(self._url("sendMessage"), {"chat_id": address, "text": text})
        sent = answer.get("result") if isinstance(answer, dict) else None
        return http.result(status, answer, str((sent or {}).get("message_id", "")))

    def fetch_media(self, media_id: str) -> bytes:
        status, answer = http.call(self._url("getFile"), {"file_id": media_id})
        path = ((answer or {}).get("result") or {}).get("file_path") if status == 200 else None
        if not path:
            raise OSError(f"berkas Telegram {media_id} tidak dapat diambil (HTTP {status})")
        return http.fetch(f"{settings.TELEGRAM_API_URL}/file/bot{settings.TELEGRAM_TOKEN}/{path}")

    def _url(self, method: str) -> str:
        return f"{settings.TELEGRAM_API_URL}/bot{settings.TELEGRAM_TOKEN}/{method}"


def _incoming(update: dict[str, Any]) -> Incoming | None:
    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict) or "update_id" not in update:
        return None
    common: dict[str, Any] = {
        "external_id": str(update["update_id"]),
        "sender": str((message.get("chat") or {}).get("id", "")),
        "raw": update,
    }
    if "location" in message:
        where = message["location"]
        return Incoming(
            kind="location", lat=float(where["latitude"]), lng=float(where["longitude"]), **common
        )
    if message.get("photo"):
        largest = max(message["photo"], key=lambda p: p.get("width", 0) * p.get("height", 0))
        return Incoming(
            kind="image",
            media_id=str(largest.get("file_id", "")),
            text=str(message.get("caption", "")),
            **common,
        )
    if "text" in message:
        return Incoming(kind="text", text=str(message["text"]), **common)
    return Incoming(kind="other", **common)
