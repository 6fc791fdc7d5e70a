"""The channels switched on with test secrets, their sending APIs pointed at a fake
server on 127.0.0.1, and a way to run the background jobs as the runner does."""

from __future__ import annotations

import pytest

from tests.channels import payloads
from tests.channels.fake import fake_server


@pytest.fixture
def fake():
    with fake_server() as running:
        yield running


@pytest.fixture
def channels_on(settings, fake, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.WHATSAPP_TOKEN = "token-akses-uji"
    settings.WHATSAPP_APP_SECRET = payloads.WA_SECRET
    settings.WHATSAPP_VERIFY_TOKEN = payloads.WA_VERIFY
    settings.WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
    settings.WHATSAPP_API_URL = fake.url + "/v21.0"
    settings.TELEGRAM_TOKEN = "123456:token-bot-uji"
    settings.TELEGRAM_SECRET = payloads.TG_SECRET
    settings.TELEGRAM_API_URL = fake.url
    settings.SMS_GATEWAY_URL = fake.url
    settings.SMS_GATEWAY_USER = "sms"
    settings.SMS_GATEWAY_PASSWORD = "sandi-gerbang-uji"
    settings.SMS_SIGNING_KEY = payloads.SMS_KEY
    settings.RATE_REPORT = "100/h"
    return fake


def run_jobs(rounds: int = 20) -> int:
    """Run the due background jobs until none is left (as `sejuk worker --once` would,
    round after round); how many ran."""
    from sejuk.background import REGISTRY
    from sejuk.jobs.runner import run_due

    done = 0
    for _ in range(rounds):
        outcomes = [o for o in run_due(REGISTRY, "uji") if o.job.kind == "antrean"]
        if not outcomes:
            return done
        failed = [o.result for o in outcomes if not o.ok]
        assert not failed, failed
        done += len(outcomes)
    return done
