"""Sending: through the job runner, retried with a growing wait while the channel fails,
failed for good (and visible) after the last try or a refusal the channel would repeat."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.background import REGISTRY
from sejuk.channels import services
from sejuk.channels.models import Conversation, Delivery, Outbound
from sejuk.crypto import encrypt
from sejuk.jobs.models import Job
from sejuk.jobs.models import State as JobState
from sejuk.jobs.runner import run_due
from sejuk.jobs.services import MAX_ATTEMPTS

pytestmark = pytest.mark.django_db


def conversation(channel: str = "whatsapp") -> Conversation:
    return Conversation.objects.create(
        channel=channel,
        sender_key=services.sender_key(channel, "+6281911112222"),
        address=encrypt("+6281911112222"),
        role="warga",
    )


def sends(now):
    return [o for o in run_due(REGISTRY, "uji", now) if o.job.name == "pesan-keluar"]


def test_a_failed_send_is_retried_later_and_then_delivered(channels_on):
    fake = channels_on
    fake.fail_next = 1
    message = services.reply(conversation(), "Laporan Anda kami terima.")
    now = timezone.now()
    [first] = sends(now)
    assert not first.ok
    message.refresh_from_db()
    assert (message.state, message.attempts) == (Delivery.WAITING, 1)
    assert "HTTP 500" in message.error
    assert sends(now + timedelta(seconds=30)) == []  # waits its turn
    [second] = sends(now + timedelta(minutes=2))
    assert second.ok
    message.refresh_from_db()
    assert (message.state, message.attempts, message.error) == (Delivery.SENT, 2, "")
    assert message.external_id.startswith("wamid.")


def test_a_send_failing_every_time_ends_failed_and_visible(channels_on):
    channels_on.fail_next = 100
    message = services.reply(conversation("telegram"), "Halo")
    now = timezone.now()
    for attempt in range(MAX_ATTEMPTS):
        run_due(REGISTRY, "uji", now + timedelta(hours=attempt))
    message.refresh_from_db()
    assert (message.state, message.attempts) == (Delivery.FAILED, MAX_ATTEMPTS)
    assert Job.objects.get(name="pesan-keluar").state == JobState.FAILED


def test_a_refusal_the_channel_would_repeat_is_not_retried(channels_on, settings):
    settings.SMS_GATEWAY_URL = channels_on.url + "/tolak"
    message = services.reply(conversation("sms"), "Halo")
    [outcome] = sends(timezone.now())
    assert outcome.ok  # the job is done: trying again would be refused again
    message.refresh_from_db()
    assert (message.state, message.attempts) == (Delivery.FAILED, 1)
    assert "HTTP 400" in message.error


def test_a_channel_out_of_reach_is_a_failure_tried_again(channels_on, settings):
    settings.SMS_GATEWAY_URL = "http://127.0.0.1:9"  # nothing listens there
    message = services.reply(conversation("sms"), "Halo")
    [outcome] = sends(timezone.now())
    assert not outcome.ok
    message.refresh_from_db()
    assert message.state == Delivery.WAITING and "jaringan" in message.error
    assert Outbound.objects.count() == 1
