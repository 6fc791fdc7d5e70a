"""The one way an alert leaves Sejuk: a ``Sender`` per channel (``SENDERS``), each saying
whether it is configured, the address a person has on it, and sending one text there.

E-mail goes through Django's mail (``SEJUK_EMAIL_*``); WhatsApp, Telegram and SMS go
through the channel adapters of ``sejuk.channels`` to the officer's own number or
Telegram id. A new channel is one class and one line in ``SENDERS``."""

from __future__ import annotations

import smtplib
from dataclasses import dataclass
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

from sejuk.accounts.models import User
from sejuk.channels.adapters import ADAPTERS


@dataclass(frozen=True)
class Result:
    ok: bool
    error: str = ""
    retry: bool = True  # worth trying again (network, a busy server)


class Sender(Protocol):
    name: str

    def ready(self) -> bool:
        """Whether the channel is configured on this server."""
        ...

    def address(self, user: User) -> str:
        """Where ``user`` is reached on this channel; empty: not linked."""
        ...

    def send(self, address: str, subject: str, text: str) -> Result: ...


class Email:
    name = "email"

    def ready(self) -> bool:
        # Django's SMTP backend needs a host; any other backend (a file, tests) works.
        smtp = settings.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
        return bool(settings.EMAIL_HOST) or not smtp

    def address(self, user: User) -> str:
        return user.email or ""

    def send(self, address: str, subject: str, text: str) -> Result:
        try:
            send_mail(f"[Sejuk] {subject}", text, settings.DEFAULT_FROM_EMAIL, [address])
        except smtplib.SMTPRecipientsRefused as exc:
            return Result(False, f"alamat ditolak: {exc}", retry=False)
        except (smtplib.SMTPException, OSError) as exc:
            return Result(False, f"e-mail: {exc}")
        return Result(True)


class Chat:
    """A messaging channel, through its adapter, to the officer's own contact."""

    def __init__(self, name: str, field: str) -> None:
        self.name = name
        self.field = field

    def ready(self) -> bool:
        return not ADAPTERS[self.name].missing()

    def address(self, user: User) -> str:
        officer = user.officer
        return str(getattr(officer, self.field, "") or "") if officer is not None else ""

    def send(self, address: str, subject: str, text: str) -> Result:
        # WhatsApp takes free text only within 24 hours of the person's last message;
        # the approved template carries it otherwise.
        template = settings.WHATSAPP_TEMPLATE if self.name == "whatsapp" else ""
        try:
            sent = ADAPTERS[self.name].send(address, text, template)
        except OSError as exc:
            return Result(False, f"jaringan: {exc}")
        return Result(sent.ok, sent.error, sent.retry)


SENDERS: dict[str, Sender] = {
    "email": Email(),
    "telegram": Chat("telegram", "telegram_id"),
    "whatsapp": Chat("whatsapp", "phone"),
    "sms": Chat("sms", "phone"),
}


def reachable(user: User) -> list[tuple[str, str]]:
    """(channel, address) of each configured channel ``user`` has an address on, in
    the order of ``SEJUK_ALERT_CHANNELS``."""
    out = []
    for name in settings.ALERT_CHANNELS:
        sender = SENDERS[name]
        if sender.ready():
            address = sender.address(user)
            if address:
                out.append((name, address))
    return out
