"""Receiving: each channel's webhook checks what the service signs, stores every message
raw (sender encrypted) with its processing job, and answers at once; a message delivered
twice is stored once; a bad signature is refused with nothing stored."""

from __future__ import annotations

import json
import time

import pytest

from sejuk.channels.models import Inbound
from sejuk.crypto import decrypt
from sejuk.jobs.models import Job
from tests.channels import payloads as p

pytestmark = pytest.mark.django_db


def post(client, channel: str, body: bytes, headers: dict[str, str]):
    return client.post(
        f"/saluran/webhook/{channel}/", body, content_type="application/json", **headers
    )


SIGNED = {
    "whatsapp": lambda: (p.wa_text("wamid.A1", "Ada keributan di pasar"), None),
    "telegram": lambda: (p.telegram(5001, {"text": "Ada keributan di pasar"}), None),
    "sms": lambda: (p.sms("evt-1", "Ada keributan di pasar"), None),
}


def signed_headers(channel: str, body: bytes) -> dict[str, str]:
    if channel == "whatsapp":
        return p.wa_headers(body)
    if channel == "telegram":
        return p.tg_headers()
    return p.sms_headers(body)


def forged_headers(channel: str, body: bytes) -> dict[str, str]:
    if channel == "whatsapp":
        return p.wa_headers(body, secret="bukan-rahasianya")
    if channel == "telegram":
        return p.tg_headers("bukan-rahasianya")
    return p.sms_headers(body, key="bukan-kuncinya")


@pytest.mark.parametrize("channel", ["whatsapp", "telegram", "sms"])
def test_a_signed_message_is_stored_raw_with_its_job_and_acknowledged(client, channels_on, channel):
    body, _ = SIGNED[channel]()
    response = post(client, channel, body, signed_headers(channel, body))
    assert response.status_code == 200 and response.json() == {"diterima": 1}
    stored = Inbound.objects.get()
    assert (stored.channel, stored.kind, stored.text) == (channel, "text", "Ada keributan di pasar")
    assert stored.processed_at is None
    assert Job.objects.filter(name="pesan-masuk", payload={"inbound": stored.pk}).exists()
    # The sender is contact data: encrypted at rest, the raw payload too.
    assert p.CITIZEN_PHONE not in stored.sender and p.CITIZEN_PHONE not in stored.raw
    assert decrypt(stored.sender) in {"+" + p.CITIZEN_PHONE, "700100200"}
    assert json.loads(decrypt(stored.raw))


@pytest.mark.parametrize("channel", ["whatsapp", "telegram", "sms"])
def test_a_bad_signature_is_refused_and_nothing_is_stored(client, channels_on, channel):
    body, _ = SIGNED[channel]()
    response = post(client, channel, body, forged_headers(channel, body))
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "tanda_tangan_tidak_sah"
    unsigned = post(client, channel, body, {})
    assert unsigned.status_code == 403
    assert not Inbound.objects.exists() and not Job.objects.exists()


@pytest.mark.parametrize("channel", ["whatsapp", "telegram", "sms"])
def test_a_message_delivered_twice_is_stored_once(client, channels_on, channel):
    body, _ = SIGNED[channel]()
    first = post(client, channel, body, signed_headers(channel, body))
    again = post(client, channel, body, signed_headers(channel, body))
    assert first.json() == {"diterima": 1} and again.json() == {"diterima": 0}
    assert Inbound.objects.count() == 1
    assert Job.objects.filter(name="pesan-masuk").count() == 1


def test_a_body_altered_after_signing_is_refused(client, channels_on):
    body = p.wa_text("wamid.A2", "Aman terkendali")
    headers = p.wa_headers(body)
    altered = body.replace(b"Aman terkendali", b"Ada bentrokan!!")
    assert post(client, "whatsapp", altered, headers).status_code == 403
    assert not Inbound.objects.exists()


def test_an_sms_signed_long_ago_is_refused_as_a_replay(client, channels_on):
    body = p.sms("evt-lama", "Ada keributan di pasar")
    old = p.sms_headers(body, stamp=int(time.time()) - 3600)
    assert post(client, "sms", body, old).status_code == 403
    assert not Inbound.objects.exists()


def test_whatsapp_subscription_handshake_echoes_the_challenge_for_our_token(client, channels_on):
    ok = client.get(
        "/saluran/webhook/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": p.WA_VERIFY, "hub.challenge": "1158201444"},
    )
    assert ok.status_code == 200 and ok.content == b"1158201444"
    wrong = client.get(
        "/saluran/webhook/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1158201444"},
    )
    assert wrong.status_code == 403


def test_whatsapp_delivery_statuses_are_acknowledged_and_store_nothing(client, channels_on):
    body = p.wa_statuses()
    assert post(client, "whatsapp", body, p.wa_headers(body)).json() == {"diterima": 0}
    assert not Inbound.objects.exists()


def test_whatsapp_location_and_image_are_read(client, channels_on):
    for body in (
        p.wa_location("wamid.L", -8.83, 115.98),
        p.wa_image("wamid.I", "media-77", "foto"),
    ):
        assert post(client, "whatsapp", body, p.wa_headers(body)).status_code == 200
    location, image = Inbound.objects.order_by("pk")
    assert (location.kind, location.lat, location.lng) == ("location", -8.83, 115.98)
    assert (image.kind, image.media_id, image.text) == ("image", "media-77", "foto")


def test_a_channel_without_credentials_is_off(client, settings):
    settings.WHATSAPP_APP_SECRET = ""
    body = p.wa_text("wamid.B", "Halo")
    response = post(client, "whatsapp", body, p.wa_headers(body, secret=""))
    assert response.status_code == 404
    assert "tidak aktif" in response.json()["error"]["message"]
    assert not Inbound.objects.exists()


def test_an_unreadable_signed_body_is_refused_without_a_server_error(client, channels_on):
    body = b'{"update_id": "x", "message": {"location": {"latitude": "utara"}}}'
    response = post(client, "telegram", body, p.tg_headers())
    assert response.status_code in (400, 422)
    assert not Inbound.objects.exists()
