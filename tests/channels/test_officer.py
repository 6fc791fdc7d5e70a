"""An officer's field message by chat: a registered officer's number (or Telegram id)
reaches the officer functions, the reading comes back summarised, YA saves the activity
as the form saves a pasted message, a correction re-reads, photos attach. Anyone else,
however much their message looks like an officer's, is a citizen."""

from __future__ import annotations

import pytest

from sejuk.activities.models import Activity, Source
from sejuk.channels.models import Conversation, Role
from sejuk.reports.models import Report
from tests.channels import payloads as p
from tests.channels.conftest import run_jobs
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

FIELD_REPORT = (
    "Kemarin pukul 09.00 Bhabinkamtibmas Desa Sekotong Barat Bripka Andi melaksanakan "
    "sambang ke pos kamling bersama 6 warga, menyampaikan pesan kamtibmas jelang pilkada. "
    "Situasi aman kondusif."
)


def send(client, body: bytes, headers: dict[str, str], channel: str = "whatsapp") -> None:
    response = client.post(
        f"/saluran/webhook/{channel}/", body, content_type="application/json", **headers
    )
    assert response.status_code == 200
    run_jobs()


def wa(client, n: int, text: str = "", image: str = "", sender: str = p.OFFICER_PHONE) -> None:
    body = (
        p.wa_image(f"wamid.O{n}", image, sender=sender)
        if image
        else p.wa_text(f"wamid.O{n}", text, sender=sender)
    )
    send(client, body, p.wa_headers(body))


@pytest.fixture
def andi(world):
    officer = world.officers["sekotong"]
    officer.phone = "0" + p.OFFICER_PHONE[2:]  # written as people write it: 0819...
    officer.telegram_id = "555000111"
    officer.save()
    return officer


def test_a_registered_officer_logs_an_activity_by_whatsapp_with_a_photo(client, channels_on, andi):
    fake = channels_on
    wa(client, 1, FIELD_REPORT)
    summary = fake.texts()[-1]
    assert "Sekotong Barat" in summary and "benar? balas YA untuk simpan, atau perbaiki" in summary
    assert Conversation.objects.get().role == Role.OFFICER
    wa(client, 2, image="media-foto-1")
    assert "Foto diterima (1)" in fake.texts()[-1]
    assert not Activity.objects.exists()  # nothing saved before YA
    wa(client, 3, "YA")
    activity = Activity.objects.get()
    assert activity.region_id == SEKOTONG_BARAT
    assert activity.source == Source.TEXT and activity.raw_text == FIELD_REPORT
    assert activity.created_by.officer == andi and activity.reader
    assert "sambang" in activity.types.values_list("code", flat=True)
    assert activity.photos.count() == 1
    assert f"kegiatan nomor {activity.pk}" in fake.texts()[-1]
    assert not Report.objects.exists()


def test_a_correction_is_read_again_before_saving(client, channels_on, andi):
    fake = channels_on
    wa(client, 1, FIELD_REPORT.replace("Desa Sekotong Barat ", ""))
    wa(client, 2, "Desa Sekotong Barat")
    assert "Desa: Sekotong Barat" in fake.texts()[-1]
    wa(client, 3, "ya")
    assert Activity.objects.get().region_id == SEKOTONG_BARAT


def test_an_officer_logs_by_telegram_with_their_telegram_id(client, channels_on, andi):
    body = p.telegram(7001, {"text": FIELD_REPORT}, chat_id=555000111)
    send(client, body, p.tg_headers(), "telegram")
    body = p.telegram(7002, {"text": "YA"}, chat_id=555000111)
    send(client, body, p.tg_headers(), "telegram")
    assert Activity.objects.get().region_id == SEKOTONG_BARAT


def test_an_unregistered_number_never_reaches_officer_functions(client, channels_on, andi):
    wa(client, 1, FIELD_REPORT, sender="6281977778888")
    assert Conversation.objects.get().role == Role.CITIZEN
    assert "Di mana kejadiannya?" in channels_on.texts()[-1]
    wa(client, 2, "YA", sender="6281977778888")
    assert not Activity.objects.exists()


def test_an_officer_number_without_an_account_that_may_log_is_a_citizen(client, channels_on, world):
    world.officers["gerung"].phone = "+" + p.OFFICER_PHONE  # Budi has no account
    world.officers["gerung"].save()
    wa(client, 1, FIELD_REPORT)
    assert Conversation.objects.get().role == Role.CITIZEN
