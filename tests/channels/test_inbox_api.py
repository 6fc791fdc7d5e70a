"""The inbox as JSON: the conversations a person may see (their reports' rule), per
channel and state, paged as the other lists; one conversation with its messages and the
sender's number only under the report's contact rule, logged; an answer by hand through
the same queue as the inbox page."""

from __future__ import annotations

import pytest

from sejuk.accounts.models import AuditEvent
from sejuk.channels.models import Inbound, Outbound
from sejuk.crypto import encrypt
from sejuk.reports.models import Report
from sejuk.units.models import Unit
from tests.channels.test_visibility import chat
from tests.factories import file_report
from tests.personas import LOTENG_DESA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
NUMBER = "+6281911112222"


def ids(client, query: str = "") -> list[int]:
    answer = client.get(f"/api/channels/conversations{query}")
    assert answer.status_code == 200, answer.content
    return [c["id"] for c in answer.json()["items"]]


def test_the_list_holds_what_the_viewer_may_see_by_channel_and_state_in_pages(client, world):
    ours = chat(SEKOTONG_BARAT, name="a")
    filed = chat(SEKOTONG_BARAT, file_report(), name="b")
    theirs = chat(LOTENG_DESA, name="c")
    client.force_login(world.users["operator"])
    assert sorted(ids(client)) == sorted([ours.pk, filed.pk])
    assert ids(client, "?state=terkirim") == [filed.pk]
    assert ids(client, "?channel=sms") == []
    first = client.get("/api/channels/conversations?size=1").json()
    assert (first["total"], first["pages"], len(first["items"])) == (2, 2, 1)
    assert client.get("/api/channels/conversations?channel=merpati").status_code == 422
    client.force_login(world.users["neighbour"])
    assert ids(client) == [theirs.pk]


def test_an_officer_assigned_a_case_of_another_polres_reads_its_chat(client, world):
    report = file_report(region=LOTENG_DESA)
    Report.objects.filter(pk=report.pk).update(
        assigned_unit=Unit.objects.get(name="Polsek Sekotong"),
        assigned_officer=world.officers["sekotong"],
    )
    conversation = chat(LOTENG_DESA, report)
    client.force_login(world.users["bhabin"])
    assert ids(client) == [conversation.pk]
    assert client.get(f"/api/channels/conversations/{conversation.pk}").status_code == 200


def test_a_conversation_comes_with_its_messages_and_without_the_number(client, world):
    conversation = chat(SEKOTONG_BARAT)
    Inbound.objects.create(
        channel="whatsapp",
        external_id="wamid.A1",
        sender=encrypt(NUMBER),
        sender_key=conversation.sender_key,
        kind="text",
        text="Ada selebaran hasutan di pos ronda.",
        conversation=conversation,
    )
    client.force_login(world.users["operator"])
    answer = client.get(f"/api/channels/conversations/{conversation.pk}")
    body = answer.json()
    assert answer.status_code == 200 and NUMBER not in answer.content.decode()
    assert body["sender"] == "" and body["messages"][0]["incoming"] is True
    assert body["messages"][0]["text"] == "Ada selebaran hasutan di pos ronda."
    assert not AuditEvent.objects.filter(action="view_identity").exists()
    shown = client.get(f"/api/channels/conversations/{conversation.pk}?number=true").json()
    assert shown["sender"] == NUMBER
    assert AuditEvent.objects.get(action="view_identity").object_id == str(conversation.pk)


def test_the_number_follows_the_reports_contact_rule(client, world):
    hidden = chat(SEKOTONG_BARAT, file_report(anonymous=True))
    client.force_login(world.users["operator"])
    shown = client.get(f"/api/channels/conversations/{hidden.pk}?number=true").json()
    assert shown["sender"] == "" and shown["anonymous"] is True
    client.force_login(world.users["bhabin"])
    refused = client.get(f"/api/channels/conversations/{hidden.pk}?number=true")
    assert refused.status_code == 403 and "error" in refused.json()
    neighbour = chat(LOTENG_DESA, name="n")
    assert client.get(f"/api/channels/conversations/{neighbour.pk}").status_code == 404


def test_an_operator_answers_by_hand_through_the_api(client, world):
    conversation = chat(SEKOTONG_BARAT)
    client.force_login(world.users["operator"])
    url = f"/api/channels/conversations/{conversation.pk}/answer"
    answer = client.post(
        url, {"text": "Petugas segera ke lokasi."}, content_type="application/json"
    )
    assert answer.status_code == 201
    sent = Outbound.objects.get()
    assert answer.json()["id"] == sent.pk
    assert (sent.text, sent.by, sent.conversation) == (
        "Petugas segera ke lokasi.",
        world.users["operator"],
        conversation,
    )
    empty = client.post(url, {"text": "  "}, content_type="application/json")
    assert empty.status_code == 422 and empty.json()["error"]["fields"] == {"text": "kosong"}


def test_the_inbox_api_is_in_the_openapi_schema(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/channels/conversations",
        "/api/channels/conversations/{conversation_id}",
        "/api/channels/conversations/{conversation_id}/answer",
    } <= set(paths)
