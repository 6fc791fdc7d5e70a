"""A citizen's chat is seen by exactly those who may see their report: the report's own
area rule (its place, its assigned unit, its assigned Bhabinkamtibmas) decides, not the
place the chat last named. A chat not filed yet is seen from the area of its place."""

from __future__ import annotations

import pytest

from sejuk.channels.models import Conversation
from sejuk.channels.services import sender_key
from sejuk.crypto import encrypt
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.factories import file_report
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def chat(region: str, report: Report | None = None, name: str = "a") -> Conversation:
    return Conversation.objects.create(
        channel="whatsapp",
        sender_key=sender_key("whatsapp", name),
        address=encrypt("+6281911112222"),
        role="warga",
        state="terkirim" if report else "terbuka",
        region_id=region,
        report=report,
    )


def seen(client, user, conversation: Conversation) -> tuple[bool, int]:
    client.force_login(user)
    listed = f"/saluran/{conversation.pk}/" in client.get("/saluran/").content.decode()
    return listed, client.get(f"/saluran/{conversation.pk}/").status_code


def test_a_bhabinkamtibmas_assigned_a_case_of_another_polres_sees_its_chat(client, world):
    report = file_report(region=LOTENG_DESA)
    Report.objects.filter(pk=report.pk).update(
        assigned_unit=Unit.objects.get(name="Polsek Sekotong"),
        assigned_officer=world.officers["sekotong"],
    )
    conversation = chat(LOTENG_DESA, report)
    assert seen(client, world.users["bhabin"], conversation) == (True, 200)
    # Their Polres, whose unit the case is assigned to, sees it as it sees the case.
    assert seen(client, world.users["operator"], conversation) == (True, 200)


def test_an_operator_of_another_polres_does_not_see_a_chat_whose_case_is_not_theirs(client, world):
    # The chat first named a desa of Lombok Tengah; the case it filed lies in Sekotong.
    report = file_report(region=SEKOTONG_BARAT)
    conversation = chat(LOTENG_DESA, report)
    assert seen(client, world.users["neighbour"], conversation) == (False, 404)
    assert seen(client, world.users["operator"], conversation) == (True, 200)
    assert seen(client, world.users["bhabin"], conversation) == (True, 200)


def test_a_chat_not_filed_yet_is_seen_from_the_area_of_its_place(client, world):
    ours, theirs = chat(SEKOTONG_BARAT, name="a"), chat(LOTENG_DESA, name="b")
    assert seen(client, world.users["bhabin"], ours) == (True, 200)
    assert seen(client, world.users["operator"], theirs) == (False, 404)
    assert seen(client, world.users["neighbour"], theirs) == (True, 200)
    assert seen(client, world.users["neighbour"], ours) == (False, 404)


def test_a_chat_with_no_place_yet_is_seen_only_nationwide(client, world):
    nowhere = Conversation.objects.create(
        channel="sms", sender_key="n" * 64, address=encrypt("+6281911110000"), role="warga"
    )
    assert seen(client, world.users["operator"], nowhere) == (False, 404)


def test_a_filed_chats_number_follows_the_reports_contact_rule(client, world):
    from sejuk.accounts.models import AuditEvent

    named = chat(
        SEKOTONG_BARAT, file_report(anonymous=False, name="Siti", phone="081234567890"), "a"
    )
    hidden = chat(SEKOTONG_BARAT, file_report(anonymous=True), "b")
    client.force_login(world.users["operator"])
    assert "+6281911112222" in client.post(f"/saluran/{named.pk}/nomor/").content.decode()
    looks = set(AuditEvent.objects.values_list("object_type", "object_id"))
    assert {("report", str(named.report_id)), ("conversation", str(named.pk))} <= looks
    page = client.post(f"/saluran/{hidden.pk}/nomor/").content.decode()
    assert "+6281911112222" not in page and "Pelapor memilih anonim" in page
    # A Bhabinkamtibmas sees the chat but not a reporter's contact, as on the case.
    client.force_login(world.users["bhabin"])
    assert client.post(f"/saluran/{named.pk}/nomor/").status_code == 403
