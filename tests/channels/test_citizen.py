"""A citizen's whole conversation on each channel, through the real webhook and the real
jobs: from the first message to a report filed by the web form's intake, the receipt
with the tracking code and the first-response deadline, the later status changes sent
back to the same chat, CEK <kode>, BATAL and the polite expiry."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.channels.models import Conversation, Delivery, Outbound, State
from sejuk.crypto import decrypt
from sejuk.reports import services as reports
from sejuk.reports.models import Report
from sejuk.reports.services import Move
from tests.channels import payloads as p
from tests.channels.conftest import run_jobs
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

WHAT = "Ada selebaran berisi hasutan ditempel di pos ronda dekat lapangan, warga resah."


class Chat:
    """One citizen writing on one channel through its webhook."""

    def __init__(self, client, channel: str) -> None:
        self.client, self.channel, self.n = client, channel, 0

    def say(self, text: str = "", *, image: str = "") -> None:
        self.n += 1
        if self.channel == "whatsapp":
            body = (
                p.wa_image(f"wamid.W{self.n}", image)
                if image
                else p.wa_text(f"wamid.W{self.n}", text)
            )
            headers = p.wa_headers(body)
        elif self.channel == "telegram":
            message = (
                {"photo": [{"file_id": image, "file_unique_id": "u", "width": 800, "height": 600}]}
                if image
                else {"text": text}
            )
            body = p.telegram(9000 + self.n, message)
            headers = p.tg_headers()
        else:
            body = p.sms(f"evt-{self.n}", text)
            headers = p.sms_headers(body)
        response = self.client.post(
            f"/saluran/webhook/{self.channel}/", body, content_type="application/json", **headers
        )
        assert response.status_code == 200, response.content
        run_jobs()


def last_reply(fake) -> str:
    return fake.texts()[-1]


@pytest.mark.parametrize("channel", ["whatsapp", "telegram", "sms"])
def test_a_citizen_reports_by_chat_and_hears_each_later_step(client, channels_on, world, channel):
    fake = channels_on
    chat = Chat(client, channel)
    chat.say(WHAT)
    assert "Di mana kejadiannya?" in last_reply(fake)
    chat.say("Desa Sekotong Barat, Kecamatan Sekotong")
    assert "Sekotong Barat" in last_reply(fake) and "YA" in last_reply(fake)
    chat.say("ya")
    assert "Kapan terjadinya?" in last_reply(fake)
    chat.say("kemarin")
    assert "foto" in last_reply(fake)
    if channel == "sms":
        chat.say("lewati")
    else:
        chat.say(image="foto-77")
    assert "anonim" in last_reply(fake)
    chat.say("Siti Aminah")

    report = Report.objects.get()
    assert report.channel == channel and report.region_id == SEKOTONG_BARAT
    assert report.description == WHAT and report.category == "provokasi"
    assert report.occurred_at.date() == timezone.localdate() - timedelta(days=1)
    assert report.assigned_officer == world.officers["sekotong"]  # the web form's routing
    assert not report.anonymous and decrypt(report.reporter_name) == "Siti Aminah"
    if channel in ("whatsapp", "sms"):
        assert decrypt(report.reporter_phone) == "+" + p.CITIZEN_PHONE
    assert report.photos.count() == (0 if channel == "sms" else 1)
    receipt = last_reply(fake)
    assert report.code in receipt and "paling lambat" in receipt
    conversation = Conversation.objects.get()
    assert (conversation.state, conversation.report_id) == (State.FILED, report.pk)

    # Later steps reach the same chat.
    operator = viewer_for(world.users["operator"])
    reports.move(operator, report.pk, Move(to="diverifikasi"))
    run_jobs()
    assert f"Kabar laporan {report.code}: Diverifikasi" in last_reply(fake)
    reports.move(operator, report.pk, Move(to="ditangani"))
    reports.move(
        operator,
        report.pk,
        Move(
            to="selesai",
            settlement="musyawarah",
            parties="Warga dan pemasang selebaran",
            agreement="Selebaran dicabut bersama",
        ),
    )
    run_jobs()
    assert "Selesai" in last_reply(fake) and "Musyawarah" in last_reply(fake)
    assert not Outbound.objects.exclude(state=Delivery.SENT).exists()

    chat.say(f"cek {report.code.lower()}")
    assert last_reply(fake).startswith(f"Laporan {report.code}: Selesai")


def test_the_replies_go_where_each_service_expects_them(client, channels_on):
    fake = channels_on
    Chat(client, "whatsapp").say("Halo")
    sent = fake.sent("/v21.0/106540352242922/messages")
    assert sent and sent[0].body["to"] == p.CITIZEN_PHONE and sent[0].body["type"] == "text"
    assert sent[0].headers["Authorization"] == "Bearer token-akses-uji"
    Chat(client, "telegram").say("Halo")
    assert fake.sent("/bot123456:token-bot-uji/sendMessage")[0].body["chat_id"] == "700100200"
    Chat(client, "sms").say("Halo")
    sms = next(r for r in fake.sent("/message") if r.path == "/message")
    assert sms.body["phoneNumbers"] == ["+" + p.CITIZEN_PHONE]
    assert sms.headers["Authorization"].startswith("Basic ")


def test_batal_cancels_and_nothing_is_filed(client, channels_on):
    chat = Chat(client, "whatsapp")
    chat.say(WHAT)
    chat.say("batal")
    assert "dibatalkan" in last_reply(channels_on)
    assert Conversation.objects.get().state == State.CANCELLED
    assert not Report.objects.exists()
    chat.say("Halo lagi")  # a new conversation starts
    assert Conversation.objects.count() == 2


def test_a_conversation_left_for_a_while_expires_politely(client, channels_on, settings):
    chat = Chat(client, "telegram")
    chat.say(WHAT)
    Conversation.objects.update(last_message_at=timezone.now() - timedelta(hours=2))
    from sejuk.channels.services import expire_idle

    assert expire_idle() == "1 percakapan ditutup"
    run_jobs()
    assert "lama tidak ada balasan" in last_reply(channels_on)
    assert Conversation.objects.get().state == State.EXPIRED


def test_an_unknown_code_is_answered_politely(client, channels_on):
    Chat(client, "sms").say("CEK ABCD-EFGH-JKMN")
    assert "tidak ditemukan" in last_reply(channels_on)


def test_a_village_it_does_not_know_is_asked_again(client, channels_on):
    chat = Chat(client, "whatsapp")
    chat.say(WHAT)
    chat.say("zzzz qqqq xxxx")
    assert "belum kami kenali" in last_reply(channels_on)
    assert Conversation.objects.get().step == "dimana"


def test_news_after_24_hours_goes_as_the_approved_whatsapp_template(
    client, channels_on, world, settings
):
    from sejuk.channels.models import Inbound

    settings.WHATSAPP_TEMPLATE = "kabar_laporan"
    chat = Chat(client, "whatsapp")
    for text in (WHAT, "Desa Sekotong Barat, Kecamatan Sekotong", "ya", "kemarin", "lewati"):
        chat.say(text)
    chat.say("anonim")
    report = Report.objects.get()
    Inbound.objects.update(received_at=timezone.now() - timedelta(hours=25))
    reports.move(viewer_for(world.users["operator"]), report.pk, Move(to="diverifikasi"))
    run_jobs()
    sent = channels_on.sent("/messages")[-1].body
    assert sent["type"] == "template" and sent["template"]["name"] == "kabar_laporan"
    [parameter] = sent["template"]["components"][0]["parameters"]
    assert parameter["text"].startswith(f"Kabar laporan {report.code}: Diverifikasi")
