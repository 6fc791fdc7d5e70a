"""SMS through an Android phone in the office running SMS Gateway for Android
(capcom6/android-sms-gateway, Apache-2.0) in local-server mode: no internet needed, the
phone and Sejuk on the office network.

In: the app's webhook for the ``sms:received`` event. It signs each call with the signing
key set in the app: ``X-Signature`` is the hex HMAC-SHA256 of the raw body followed by
the ``X-Timestamp`` header (Unix seconds). We check both, and refuse a timestamp more
than five minutes away, so an old call cannot be replayed later; within those minutes a
replay is the same event id, stored once.
What the signature does NOT prove: that the SMS came from the number it names. The
phone reports the sender as the mobile network gave it, and SMS sender numbers can be
forged; so an SMS from an officer's number is trusted only as far as that number is.
The signature does not cover the URL or other headers, nor the device id. The event's
``payload.messageId`` is made from the content and is not unique: the envelope ``id`` is
the message's id here. The app cannot send photos or locations by SMS; text only.
Out: POST ``/message`` on the phone's local API with basic authentication."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from collections.abc import Mapping

from django.conf import settings
from lokal.phone import parse_phone

from . import http
from .base import Incoming, Rejected, Sent, header

MAX_SKEW_SECONDS = 300


class Sms:
    name = "sms"
    label = "SMS"

    def missing(self) -> list[str]:
        wanted = {
            "SEJUK_SMS_GATEWAY_URL": settings.SMS_GATEWAY_URL,
            "SEJUK_SMS_GATEWAY_USER": settings.SMS_GATEWAY_USER,
            "SEJUK_SMS_GATEWAY_PASSWORD": settings.SMS_GATEWAY_PASSWORD,
            "SEJUK_SMS_SIGNING_KEY": settings.SMS_SIGNING_KEY,
        }
        return [name for name, value in wanted.items() if not value]

    def verify(self, body: bytes, headers: Mapping[str, str], now: float | None = None) -> None:
        stamp = header(headers, "X-Timestamp")
        given = header(headers, "X-Signature")
        expected = hmac.new(
            settings.SMS_SIGNING_KEY.encode(), body + stamp.encode(), hashlib.sha256
        )
        if not given or not hmac.compare_digest(given.lower(), expected.hexdigest()):
            raise Rejected("Tanda tangan X-Signature gerbang SMS tidak sah.")
        if not stamp.isdecimal() or abs((now or time.time()) - int(stamp)) > MAX_SKEW_SECONDS:
            raise Rejected("Waktu X-Timestamp gerbang SMS terlalu jauh dari jam server.")

    def parse(self, body: bytes) -> list[Incoming]:
        data = json.loads(body)
        if data.get("event") != "sms:received":
            return []  # sent, delivered, failed, ping: nothing to read
        payload = data.get("payload") or {}
        number = str(payload.get("phoneNumber", ""))
        parsed = parse_phone(number)
        return [
            Incoming(
                external_id=str(data.get("id", "")),
                sender=parsed.e164 if parsed.valid and parsed.e164 else number,
                kind="text",
                text=str(payload.get("message", "")),
                raw=data,
            )
        ]

    def send(self, address: str, text: str, template: str = "") -> Sent:
        url = settings.SMS_GATEWAY_URL.rstrip("/") + "/message"
        status, answer = http.call(url, {"message": text, "phoneNumbers": [address]}, self._auth())
        return http.result(status, answer, str((answer or {}).get("id", "")))

    def fetch_media(self, media_id: str) -> bytes:
        raise OSError("SMS tidak membawa foto")

    def _auth(self) -> dict[str, str]:
        pair = f"{settings.SMS_GATEWAY_USER}:{settings.SMS_GATEWAY_PASSWORD}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode()}
