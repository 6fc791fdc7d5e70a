"""Storing what comes in, keeping conversations, sending what goes out.

``receive`` is the webhook's whole work: the adapter checks the signature, then each
message is written raw with its job in one short transaction, and the channel gets its
answer. Processing (the conversation, a report or an activity) is the job's, in the links
tier (``sejuk.links.chat``); sending is the ``pesan-keluar`` job's (``deliver``), retried
with a growing wait when the channel fails."""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connections, router, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import F
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.crypto import decrypt, encrypt
from sejuk.errors import Invalid, NotFound
from sejuk.jobs import services as jobs
from sejuk.jobs.services import MAX_ATTEMPTS
from sejuk.units.models import Officer
from sejuk.units.phones import e164

from .adapters import ADAPTERS, Adapter, Incoming
from .models import Channel, Conversation, Delivery, Inbound, Outbound, Role, State

PROCESS_JOB = "pesan-masuk"
SEND_JOB = "pesan-keluar"


def adapter(name: str) -> Adapter:
    """The adapter of a channel that is on; a channel off (or unknown) is not found."""
    found = ADAPTERS.get(name)
    if found is None or found.missing():
        raise NotFound("Saluran ini tidak aktif.")
    return found


def sender_key(channel: str, address: str) -> str:
    """A keyed hash of the sender: finds their conversation, tells nothing without the
    server's secret key."""
    message = f"{channel}:{address}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def receive(channel: str, body: bytes, headers: Mapping[str, str]) -> int:
    """A webhook call: verified, then every message in it stored raw with its job.
    Returns how many were new (a second delivery of a message adds nothing)."""
    found = adapter(channel)
    found.verify(body, headers)
    try:
        incoming = found.parse(body)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise Invalid("Isi webhook tidak dapat dibaca.") from exc
    return store(channel, incoming)


def store(channel: str, incoming: list[Incoming]) -> int:
    """Each message written raw, and its job queued, in one short transaction: one insert
    per message (a message stored before is passed over by the database itself, with no
    savepoint) and one for all the jobs. How many were new."""
    connection = connections[router.db_for_write(Inbound)]
    rows = [_row(channel, m, connection) for m in incoming if m.external_id and m.sender]
    if not rows:
        return 0
    sql = _insert_sql(connection)
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        new = []
        for row in rows:
            cursor.execute(sql, row)
            found = cursor.fetchone()
            if found is not None:  # None: delivered before, stored and processed once
                new.append({"inbound": found[0]})
        jobs.enqueue_many(PROCESS_JOB, new)
    return len(new)


# The columns an inbound message is stored with; the others take their defaults (NULL).
_COLUMNS = (
    "channel",
    "external_id",
    "sender",
    "sender_key",
    "kind",
    "text",
    "lat",
    "lng",
    "media_id",
    "raw",
    "received_at",
)


def _row(channel: str, message: Incoming, connection: BaseDatabaseWrapper) -> list[Any]:
    return [
        channel,
        message.external_id[:200],
        encrypt(message.sender),
        sender_key(channel, message.sender),
        message.kind,
        message.text[:20_000],
        message.lat,
        message.lng,
        message.media_id[:300],
        encrypt(json.dumps(message.raw, ensure_ascii=False)),
        connection.ops.adapt_datetimefield_value(timezone.now()),  # as the ORM writes it
    ]


def _insert_sql(connection: BaseDatabaseWrapper) -> str:
    """``INSERT ... ON CONFLICT (channel, external_id) DO NOTHING RETURNING id``, which
    SQLite (3.35+) and PostgreSQL both speak: the ORM's create would need a savepoint to
    survive the second delivery, and its ``ignore_conflicts`` returns no id. The names
    come from the model, so the statement follows it."""
    meta = Inbound._meta
    quote = connection.ops.quote_name
    column = {f.name: quote(f.column) for f in meta.concrete_fields}
    columns = ", ".join(column[name] for name in _COLUMNS)
    unique = f"{column['channel']}, {column['external_id']}"
    table, pk = quote(meta.db_table), column["id"]
    marks = ", ".join(["%s"] * len(_COLUMNS))
    # Names from the model, values as parameters.
    return f"INSERT INTO {table} ({columns}) VALUES ({marks}) ON CONFLICT ({unique}) DO NOTHING RETURNING {pk}"  # noqa: S608, E501


def pending_before(inbound: Inbound) -> list[Inbound]:
    """The sender's messages not processed yet, up to this one, in the order received."""
    return list(
        Inbound.objects.filter(
            channel=inbound.channel,
            sender_key=inbound.sender_key,
            processed_at__isnull=True,
            pk__lte=inbound.pk,
        ).order_by("pk")
    )


def officer_for(channel: str, address: str) -> tuple[Officer, User] | None:
    """The registered officer writing from this address, with their active account that
    may log activities; anyone else is a citizen."""
    if channel == Channel.TELEGRAM:
        officers = Officer.objects.filter(telegram_id=address) if address else None
    elif channel in (Channel.WHATSAPP, Channel.SMS):
        # WhatsApp sends the international number without its plus (6281...); an SMS
        # gateway the number as the phone shows it (+6281..., 0812...).
        number = e164(
            f"+{address}" if channel == Channel.WHATSAPP and address.isdigit() else address
        )
        officers = Officer.objects.filter(phone=number) if number else None
    elif channel == Channel.SIMULATOR and address.startswith("petugas:"):
        officers = Officer.objects.filter(pk=int(address.split(":", 1)[1] or 0))
    else:
        return None
    for officer in (officers or Officer.objects.none()).filter(active=True):
        user = User.objects.filter(officer=officer, is_active=True).first()
        if user is not None and viewer_for(user).can("activity.write"):
            return officer, user
    return None


def open_conversation(inbound: Inbound) -> Conversation:
    """The sender's open conversation, or a new one (an officer's if the address is a
    registered officer's). One that has waited past the expiry is closed first."""
    found = (
        Conversation.objects.filter(
            channel=inbound.channel, sender_key=inbound.sender_key, state=State.OPEN
        )
        .order_by("-pk")
        .first()
    )
    if found is not None and expired(found):
        close(found, State.EXPIRED)
        found = None
    if found is not None:
        return found
    address = decrypt(inbound.sender)
    officer = officer_for(inbound.channel, address)
    try:
        with transaction.atomic():
            return Conversation.objects.create(
                channel=inbound.channel,
                sender_key=inbound.sender_key,
                address=inbound.sender,
                role=Role.OFFICER if officer else Role.CITIZEN,
                officer=officer[0] if officer else None,
            )
    except IntegrityError:  # another runner opened it a moment ago
        return Conversation.objects.get(
            channel=inbound.channel, sender_key=inbound.sender_key, state=State.OPEN
        )


def expired(conversation: Conversation) -> bool:
    limit = timedelta(minutes=settings.CHAT_EXPIRY_MINUTES)
    return (
        conversation.state == State.OPEN and conversation.last_message_at < timezone.now() - limit
    )


def close(conversation: Conversation, state: str) -> None:
    Conversation.objects.filter(pk=conversation.pk, state=State.OPEN).update(
        state=state, turns=F("turns") + 1
    )
    conversation.state = state


EXPIRY_TEXT = (
    "Percakapan ini kami tutup karena lama tidak ada balasan. Bila masih ingin melapor, "
    "silakan kirim pesan lagi kapan saja. Terima kasih."
)


def expire_idle() -> str:
    """Close, politely, the open conversations nobody has answered for a while."""
    limit = timezone.now() - timedelta(minutes=settings.CHAT_EXPIRY_MINUTES)
    closed = 0
    for conversation in Conversation.objects.filter(state=State.OPEN, last_message_at__lt=limit):
        with transaction.atomic():
            updated = Conversation.objects.filter(
                pk=conversation.pk, state=State.OPEN, last_message_at__lt=limit
            ).update(state=State.EXPIRED, turns=F("turns") + 1)
            if updated:
                reply(conversation, EXPIRY_TEXT)
                closed += 1
    return f"{closed} percakapan ditutup"


def reply(
    conversation: Conversation, text: str, *, by: User | None = None, template: str = ""
) -> Outbound:
    """Queue a message to the conversation's chat, sent by the job runner; within the
    caller's transaction, it exists only if that commits."""
    message = Outbound.objects.create(
        conversation=conversation, text=text[:4000], by=by, template=template
    )
    jobs.enqueue(SEND_JOB, {"outbound": message.pk})
    return message


class SendFailed(RuntimeError):
    """The channel did not take the message; the job runner tries again later."""


def deliver(outbound_id: int) -> str:
    """Send one queued message. A failure worth retrying raises (the runner waits and
    tries again, 1, 2, 4 ... minutes); after the last try, or a refusal the channel will
    repeat, the message is marked failed, visible in the inbox with its error."""
    message = Outbound.objects.select_related("conversation").get(pk=outbound_id)
    if message.state != Delivery.WAITING:
        return "sudah diproses"
    conversation = message.conversation
    channel = ADAPTERS[conversation.channel]
    try:
        sent = channel.send(decrypt(conversation.address), message.text, message.template)
    except OSError as exc:
        from .adapters.base import Sent

        sent = Sent(ok=False, error=f"jaringan: {exc}", retry=True)
    attempts = message.attempts + 1
    if sent.ok:
        Outbound.objects.filter(pk=message.pk).update(
            state=Delivery.SENT,
            attempts=attempts,
            external_id=sent.external_id[:200],
            sent_at=timezone.now(),
            error="",
        )
        return "terkirim"
    final = not sent.retry or attempts >= MAX_ATTEMPTS
    Outbound.objects.filter(pk=message.pk).update(
        state=Delivery.FAILED if final else Delivery.WAITING, attempts=attempts, error=sent.error
    )
    if not sent.retry:
        return f"gagal: {sent.error}"  # trying again would be refused again
    raise SendFailed(sent.error)  # the runner waits and tries again, or gives up: failed


def poll_telegram() -> str:
    """Telegram without a public address: fetch the updates since the last one stored."""
    telegram = ADAPTERS["telegram"]
    last = (
        Inbound.objects.filter(channel=Channel.TELEGRAM)
        .order_by("-received_at", "-pk")
        .values_list("external_id", flat=True)[:200]
    )
    offset = max((int(i) for i in last if i.isdecimal()), default=0)
    incoming = telegram.poll(offset)  # type: ignore[attr-defined]
    return f"{store(Channel.TELEGRAM, incoming)} pesan baru"


WINDOW = timedelta(hours=24)


def news(conversation: Conversation, text: str) -> Outbound:
    """Later news to a chat: on WhatsApp, once the citizen's last message is more than 24
    hours old, as the approved template (``SEJUK_WHATSAPP_TEMPLATE``) with the text as
    its parameter; free text would be refused there."""
    template = ""
    if conversation.channel == Channel.WHATSAPP and settings.WHATSAPP_TEMPLATE:
        last = (
            Inbound.objects.filter(channel=conversation.channel, sender_key=conversation.sender_key)
            .order_by("-received_at")
            .values_list("received_at", flat=True)
            .first()
        )
        if last is None or last < timezone.now() - WINDOW:
            template = settings.WHATSAPP_TEMPLATE
    return reply(conversation, text, template=template)


def channel_status() -> list[tuple[str, str, list[str]]]:
    """Each channel: its name, and the settings it still lacks (none: it is on)."""
    return [(a.name, a.label, a.missing()) for a in ADAPTERS.values()]


# --- a conversation's messages, for the inbox (sejuk.links.inbox) -------------------


def timeline(conversation: Conversation) -> list[dict[str, object]]:
    """The conversation's messages in and out, in order."""
    return timeline_rows([conversation], conversation.sender_key, conversation.channel, only=True)


def timeline_rows(
    conversations: list[Conversation], key: str, channel: str, only: bool = False
) -> list[dict[str, object]]:
    inbound = Inbound.objects.filter(channel=channel, sender_key=key)
    if only:
        inbound = inbound.filter(conversation__in=conversations)
    rows: list[dict[str, object]] = [
        {
            "at": m.received_at,
            "in": True,
            "text": m.text,
            "kind": m.get_kind_display(),
            "state": "" if m.processed_at else "menunggu diproses",
        }
        for m in inbound
    ]
    for m in Outbound.objects.filter(conversation__in=conversations):
        rows.append(
            {
                "at": m.created_at,
                "in": False,
                "text": m.text,
                "kind": "",
                "state": m.get_state_display(),
                "error": m.error,
            }
        )
    return sorted(rows, key=lambda r: r["at"])  # type: ignore[arg-type,return-value]
