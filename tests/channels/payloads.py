"""Webhook bodies in each service's documented shape, with test secrets, signed as the
service signs them. Written from the services' documentation; names and numbers are
invented."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

WA_SECRET = "rahasia-aplikasi-meta-uji"
WA_VERIFY = "token-verifikasi-uji"
TG_SECRET = "rahasia-telegram-uji"
SMS_KEY = "kunci-tanda-tangan-sms-uji"
CITIZEN_PHONE = "6281911112222"
OFFICER_PHONE = "6281933334444"


def whatsapp(message: dict[str, Any], sender: str = CITIZEN_PHONE) -> bytes:
    """A Cloud API notification carrying one message (``messages[]`` of a change)."""
    message = {"from": sender, "timestamp": str(int(time.time())), **message}
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {
                                "display_phone_number": "6281100001111",
                                "phone_number_id": "106540352242922",
                            },
                            "contacts": [{"profile": {"name": "Warga Uji"}, "wa_id": sender}],
                            "messages": [message],
                        },
                    }
                ],
            }
        ],
    }
    return json.dumps(body).encode()


def wa_text(mid: str, text: str, sender: str = CITIZEN_PHONE) -> bytes:
    return whatsapp({"id": mid, "type": "text", "text": {"body": text}}, sender)


def wa_location(mid: str, lat: float, lng: float) -> bytes:
    return whatsapp(
        {"id": mid, "type": "location", "location": {"latitude": lat, "longitude": lng}}
    )


def wa_image(mid: str, media_id: str, caption: str = "", sender: str = CITIZEN_PHONE) -> bytes:
    image = {"mime_type": "image/jpeg", "sha256": "abc", "id": media_id}
    if caption:
        image["caption"] = caption
    return whatsapp({"id": mid, "type": "image", "image": image}, sender)


def wa_statuses() -> bytes:
    """A delivery status callback: no message in it."""
    body = {
        "object": "whatsapp_business_account",
        "entry": [
            {
                "id": "102290129340398",
                "changes": [
                    {
                        "field": "messages",
                        "value": {
                            "messaging_product": "whatsapp",
                            "metadata": {"phone_number_id": "106540352242922"},
                            "statuses": [{"id": "wamid.x", "status": "delivered"}],
                        },
                    }
                ],
            }
        ],
    }
    return json.dumps(body).encode()


def wa_headers(body: bytes, secret: str = WA_SECRET) -> dict[str, str]:
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {"HTTP_X_HUB_SIGNATURE_256": f"sha256={digest}"}


def telegram(update_id: int, message: dict[str, Any], chat_id: int = 700100200) -> bytes:
    body = {
        "update_id": update_id,
        "message": {
            "message_id": update_id - 1000,
            "from": {"id": chat_id, "is_bot": False, "first_name": "Warga", "language_code": "id"},
            "chat": {"id": chat_id, "first_name": "Warga", "type": "private"},
            "date": int(time.time()),
            **message,
        },
    }
    return json.dumps(body).encode()


def tg_headers(secret: str = TG_SECRET) -> dict[str, str]:
    return {"HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN": secret}


def sms(event_id: str, text: str, number: str = "+" + CITIZEN_PHONE) -> bytes:
    """An ``sms:received`` event of SMS Gateway for Android."""
    body = {
        "deviceId": "ffffffffceb0b1db0000018e937c815b",
        "event": "sms:received",
        "id": event_id,
        "payload": {
            "messageId": "abc123",  # made from the content: not unique
            "message": text,
            "phoneNumber": number,
            "simNumber": 1,
            "receivedAt": "2024-12-08T15:46:11.000+08:00",
        },
        "webhookId": "LreFUt-Z3sSq0JufY9uWB",
    }
    return json.dumps(body).encode()


def sms_headers(body: bytes, key: str = SMS_KEY, stamp: int | None = None) -> dict[str, str]:
    stamp = int(time.time()) if stamp is None else stamp
    digest = hmac.new(key.encode(), body + str(stamp).encode(), hashlib.sha256).hexdigest()
    return {"HTTP_X_SIGNATURE": digest, "HTTP_X_TIMESTAMP": str(stamp)}
