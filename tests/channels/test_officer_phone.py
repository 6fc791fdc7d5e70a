"""An officer's number is recognised however it was written in their record and however
the channel sends it: WhatsApp sends 6281..., SMS gateways +6281... or 081..."""

from __future__ import annotations

import pytest

from sejuk.channels.models import Conversation, Role
from tests.channels import payloads as p
from tests.channels.conftest import run_jobs
from tests.channels.test_officer import FIELD_REPORT

pytestmark = pytest.mark.django_db

# 6281933334444 as officers and administrators write it, each with a form a channel sends
# it in: WhatsApp without the plus, SMS gateways as the phone shows it.
PAIRS = (
    ("0819-3333-4444", "whatsapp", "6281933334444"),
    ("+62 819 3333 4444", "sms", "081933334444"),
    ("62819 3333 4444", "sms", "+6281933334444"),
    ("(0819) 33334444", "whatsapp", "6281933334444"),
)


def say(client, channel: str, number: str) -> None:
    if channel == "whatsapp":
        body = p.wa_text("wamid.P1", FIELD_REPORT, sender=number)
        headers = p.wa_headers(body)
    else:
        body = p.sms("sms-p1", FIELD_REPORT, number=number)
        headers = p.sms_headers(body)
    response = client.post(
        f"/saluran/webhook/{channel}/", body, content_type="application/json", **headers
    )
    assert response.status_code == 200
    run_jobs()


@pytest.mark.parametrize(("written", "channel", "number"), PAIRS)
def test_a_registered_officer_is_recognised_whatever_form_the_number_takes(
    client, channels_on, world, written, channel, number
):
    officer = world.officers["sekotong"]
    officer.phone = written
    officer.save()
    say(client, channel, number)
    conversation = Conversation.objects.get()
    assert (conversation.role, conversation.officer) == (Role.OFFICER, officer)


def test_a_number_one_digit_off_is_a_citizen(client, channels_on, world):
    officer = world.officers["sekotong"]
    officer.phone = "0819-3333-4444"
    officer.save()
    say(client, "whatsapp", "6281933334445")
    assert Conversation.objects.get().role == Role.CITIZEN
