"""The processing job is safe to run twice and beside another runner: a message is
processed once, and a turn worked out on a conversation that moved meanwhile is worked
out again on the conversation as it is now."""

from __future__ import annotations

import pytest
from django.db.models import F

from sejuk.channels import services
from sejuk.channels.adapters import Incoming
from sejuk.channels.models import Conversation, Inbound, Outbound
from sejuk.links import chat

pytestmark = pytest.mark.django_db


def stored(text: str, mid: str = "m1") -> Inbound:
    services.store("telegram", [Incoming(external_id=mid, sender="42", kind="text", text=text)])
    return Inbound.objects.get(external_id=mid)


def test_a_message_processed_twice_changes_nothing_the_second_time(channels_on):
    inbound = stored("halo")
    assert chat.process({"inbound": inbound.pk}) == "1 pesan diproses"
    assert chat.process({"inbound": inbound.pk}) == "0 pesan diproses"
    assert Conversation.objects.get().turns == 1
    assert Outbound.objects.count() == 2  # greeting and first question, once


def test_a_turn_on_a_conversation_that_moved_is_worked_out_again(channels_on, monkeypatch):
    inbound = stored("halo")
    real, seen = chat._plan, []

    def racing(conversation, said):
        plan = real(conversation, said)
        if not seen:  # another runner's turn lands between reading and writing
            Conversation.objects.filter(pk=conversation.pk).update(step="apa", turns=F("turns") + 1)
        seen.append(conversation.step)
        return plan

    monkeypatch.setattr(chat, "_plan", racing)
    chat.process({"inbound": inbound.pk})
    assert seen == ["", "apa"]
    conversation = Conversation.objects.get()
    assert (conversation.turns, conversation.step) == (2, "apa")
    [reply] = Outbound.objects.all()  # only the turn that was written speaks
    assert reply.text.startswith("Mohon ceritakan")


def test_one_open_conversation_per_sender(channels_on):
    first = stored("halo", "m1")
    second = stored("lagi", "m2")
    a = services.open_conversation(first)
    b = services.open_conversation(second)
    assert a.pk == b.pk
