"""The operators' inbox: every conversation of the area, per channel; a citizen's chat
seen only where their report is seen; the number shown on request and logged; answers by
hand sent through the same queue; a message turned into a report or an activity by the
forms that already exist."""

from __future__ import annotations

import pytest

from sejuk.accounts.models import AuditEvent
from sejuk.channels.models import Conversation, Outbound
from sejuk.channels.services import sender_key
from sejuk.crypto import encrypt
from tests.channels.conftest import run_jobs
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def chat(region: str, channel: str = "whatsapp") -> Conversation:
    return Conversation.objects.create(
        channel=channel,
        sender_key=sender_key(channel, region),
        address=encrypt("+6281911112222"),
        role="warga",
        region_id=region,
    )


def test_an_operator_sees_the_conversations_of_their_area_per_channel(client, world, channels_on):
    own, neighbours = chat(SEKOTONG_BARAT), chat(LOTENG_DESA, "sms")
    client.force_login(world.users["operator"])
    page = client.get("/saluran/").content.decode()
    assert f"/saluran/{own.pk}/" in page and f"/saluran/{neighbours.pk}/" not in page
    assert "WhatsApp: aktif" in page
    assert f"/saluran/{own.pk}/" not in client.get("/saluran/?saluran=sms").content.decode()
    assert client.get(f"/saluran/{neighbours.pk}/").status_code == 404


def test_the_inbox_says_which_channel_is_off_and_what_it_lacks(client, world, settings):
    settings.TELEGRAM_TOKEN = ""
    client.force_login(world.users["operator"])
    page = client.get("/saluran/").content.decode()
    assert "tidak aktif</strong> — isi SEJUK_TELEGRAM_TOKEN" in page


def test_the_senders_number_is_shown_on_request_and_the_look_is_logged(client, world, channels_on):
    own = chat(SEKOTONG_BARAT)
    client.force_login(world.users["operator"])
    assert "+6281911112222" not in client.get(f"/saluran/{own.pk}/").content.decode()
    shown = client.post(f"/saluran/{own.pk}/nomor/").content.decode()
    assert "+6281911112222" in shown
    look = AuditEvent.objects.get(object_type="conversation")
    assert (look.action, look.object_id, look.actor) == (
        "view_identity",
        str(own.pk),
        world.users["operator"],
    )


def test_an_operator_answers_by_hand_through_the_channel(client, world, channels_on):
    own = chat(SEKOTONG_BARAT)
    client.force_login(world.users["operator"])
    response = client.post(f"/saluran/{own.pk}/jawab/", {"text": "Petugas segera ke lokasi."})
    assert response.status_code == 302
    run_jobs()
    assert channels_on.texts()[-1] == "Petugas segera ke lokasi."
    assert Outbound.objects.get().by == world.users["operator"]
    empty = client.post(f"/saluran/{own.pk}/jawab/", {"text": "  "})
    assert empty.status_code == 200 and "Tulis jawaban" in empty.content.decode()


def test_a_message_offers_to_become_a_report_or_an_activity(client, world, channels_on):
    from sejuk.channels.models import Inbound

    own = chat(SEKOTONG_BARAT)
    Inbound.objects.create(
        channel="whatsapp",
        external_id="wamid.Z",
        sender=encrypt("+6281911112222"),
        sender_key=own.sender_key,
        kind="text",
        text="Patroli dialogis di Desa Sekotong Barat bersama warga.",
        conversation=own,
    )
    client.force_login(world.users["operator"])
    page = client.get(f"/saluran/{own.pk}/").content.decode()
    assert 'action="/kegiatan/baru/"' in page and 'action="/laporan/baru/"' in page
    # The activity form reads the message as if it had been pasted.
    read = client.post(
        "/kegiatan/baru/",
        {"action": "baca", "text": "Patroli dialogis di Desa Sekotong Barat bersama warga."},
    )
    assert read.status_code == 200 and SEKOTONG_BARAT in read.content.decode()
