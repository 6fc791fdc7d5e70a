"""The simulator's side: a message typed on ``/dev/chat/`` is stored as if a channel had
delivered it (and processed by the same job), its answers are read back from the
outbound messages. As "petugas" the signed-in user's officer record writes."""

from __future__ import annotations

import uuid

from sejuk.accounts.access import Viewer

from .adapters import Incoming
from .models import Channel, Conversation
from .services import sender_key, store, timeline_rows

CITIZEN = "warga-simulator"


def address(viewer: Viewer, role: str) -> str:
    if role == "petugas" and viewer.officer_id:
        return f"petugas:{viewer.officer_id}"
    return CITIZEN


def say(address: str, text: str) -> None:
    text = text.strip()[:4000]
    if not text:
        return
    store(
        Channel.SIMULATOR,
        [Incoming(external_id=uuid.uuid4().hex, sender=address, kind="text", text=text)],
    )


def timeline(address: str) -> list[dict[str, object]]:
    key = sender_key(Channel.SIMULATOR, address)
    conversations = Conversation.objects.filter(channel=Channel.SIMULATOR, sender_key=key)
    return timeline_rows(list(conversations), key, Channel.SIMULATOR)[-40:]
