"""Telegram without a public address: `sejuk serve`'s job runner asks getUpdates for the
updates after the last one stored, and they go the webhook's way from there."""

from __future__ import annotations

import json

import pytest

from sejuk.channels.models import Inbound
from sejuk.channels.services import poll_telegram
from tests.channels import payloads as p
from tests.channels.conftest import run_jobs

pytestmark = pytest.mark.django_db


def test_polling_fetches_new_updates_once_and_answers_them(channels_on, settings):
    settings.TELEGRAM_POLLING = True
    settings.TELEGRAM_SECRET = ""  # no webhook, so no secret needed
    fake = channels_on
    fake.updates = [
        json.loads(p.telegram(41, {"text": "Halo"})),
        json.loads(p.telegram(42, {"text": "Tolong"})),
    ]
    assert poll_telegram() == "2 pesan baru"
    assert poll_telegram() == "0 pesan baru"  # the same updates again: stored once
    asked = [r.body for r in fake.sent("/getUpdates")]
    assert asked[0]["offset"] == 1 and asked[1]["offset"] == 43
    run_jobs()
    assert Inbound.objects.filter(processed_at__isnull=False).count() == 2
    assert "Apa yang terjadi?" in fake.texts()[-1]


def test_polling_mode_needs_only_the_token(settings):
    from sejuk.channels.adapters import ADAPTERS

    settings.TELEGRAM_TOKEN, settings.TELEGRAM_SECRET = "123:abc", ""
    settings.TELEGRAM_POLLING = False
    assert ADAPTERS["telegram"].missing() == ["SEJUK_TELEGRAM_SECRET"]
    settings.TELEGRAM_POLLING = True
    assert ADAPTERS["telegram"].missing() == []
