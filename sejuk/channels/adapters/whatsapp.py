"""WhatsApp Cloud API (Meta's Graph API).

In: Meta first checks the webhook with a GET (``hub.mode=subscribe``, our verify token,
a challenge we echo); then every POST carries ``X-Hub-Signature-256: sha256=<hex>``, an
HMAC-SHA256 of the raw body with the app secret. The body batches
``entry[].changes[].value.messages[]``; ``value.statuses`` (sent, delivered, read) carry
no message and are acknowledged and left. Text, location and image messages are read;
anything else is kept as "other".
Out: POST ``/{phone-number-id}/messages`` with a bearer token, a text or a template (a
template is what WhatsApp allows after 24 hours without a message from the citizen).
Media: GET ``/{media-id}`` gives a short-lived URL, fetched with the same token."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import Any

from django.conf import settings

from . import http
from .base import Incoming, Rejected, Sent, header


class WhatsApp:
    name = "whatsapp"
    label = "WhatsApp"

    def missing(self) -> list[str]:
        wanted = {
            "SEJUK_WHATSAPP_TOKEN": settings.WHATSAPP_TOKEN,
            "SEJUK_WHATSAPP_APP_SECRET": settings.WHATSAPP_APP_SECRET,
            "SEJUK_WHATSAPP_VERIFY_TOKEN": settings.WHATSAPP_VERIFY_TOKEN,
            "SEJUK_WHATSAPP_PHONE_NUMBER_ID": settings.WHATSAPP_PHONE_NUMBER_ID,
        }
        return [name for name, value in wanted.items() if not value]

    def handshake(self, params: Mapping[str, str]) -> str:
        """The challenge to echo when Meta subscribes the webhook with our token."""
        token = str(params.get("hub.verify_token", ""))
        if params.get("hub.mode") != "subscribe" or not hmac.compare_digest(
            token.encode(), settings.WHATSAPP_VERIFY_TOKEN.encode()
        ):
            raise Rejected("Token verifikasi webhook WhatsApp tidak cocok.")
        return str(params.get("hub.challenge", ""))

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        given = header(headers, "X-Hub-Signature-256").removeprefix("sha256=")
        expected = hmac.new(settings.WHATSAPP_APP_SECRET.encode(), body, hashlib.sha256)
        if not given or not hmac.compare_digest(given, expected.hexdigest()):
            raise Rejected("Tanda tangan X-Hub-Signature-256 tidak sah.")

    def parse(self, body: bytes) -> list[Incoming]:
        data = json.loads(body)
        found = []
        for entry in data.get("entry") or []:
            for change in entry.get("changes") or []:
                for message in (change.get("value") or {}).get("messages") or []:
                    found.append(_incoming(message))
        return found

    def send(self, address: str, text: str, template: str = "") -> Sent:
        url = f"{settings.WHATSAPP_API_URL}/{settings.WHATSAPP_PHONE_NUMBER_ID}/messages"
        to = address.removeprefix("+")
        payload: dict[str, Any] = {"messaging_product": "whatsapp", "to": to}
        if template:
            payload.update(
                type="template",
                template={
                    "name": template,
                    "language": {"code": "id"},
                    "components": [
                        {"type": "body", "parameters": [{"type": "text", "text": text}]}
                    ],
                },
            )
        else:
            payload.update(type="text", text={"body": text, "preview_url": False})
        status, answer = http.call(url, payload, self._auth())
        ids = answer.get("messages") if isinstance(answer, dict) else None
        return http.result(status, answer, ids[0].get("id", "") if ids else "")

    def fetch_media(self, media_id: str) -> bytes:
        status, answer = http.call(f"{settings.WHATSAPP_API_URL}/{media_id}", None, self._auth())
        if status != 200 or not isinstance(answer, dict) or not answer.get("url"):
            raise OSError(f"media WhatsApp {media_id} tidak dapat diambil (HTTP {status})")
        return http.fetch(str(answer["url"]), self._auth())

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {settings.WHATSAPP_TOKEN}"}


def _incoming(message: dict[str, Any]) -> Incoming:
    kind = message.get("type", "")
    common: dict[str, Any] = {
        "external_id": str(message.get("id", "")),
        "sender": "+" + str(message.get("from", "")).lstrip("+"),
        "raw": message,
    }
    if kind == "text":
        return Incoming(
            kind="text", text=str((message.get("text") or {}).get("body", "")), **common
        )
    if kind == "location":
        where = message.get("location") or {}
        label = " ".join(str(where.get(k, "")) for k in ("name", "address")).strip()
        return Incoming(
            kind="location",
            lat=float(where["latitude"]),
            lng=float(where["longitude"]),
            text=label,
            **common,
        )
    if kind == "image":
        image = message.get("image") or {}
        return Incoming(
            kind="image",
            media_id=str(image.get("id", "")),
            text=str(image.get("caption", "")),
            **common,
        )
    return Incoming(kind="other", **common)
