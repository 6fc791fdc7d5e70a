"""Every channel, one adapter each: adding a channel is one file and one line here."""

from __future__ import annotations

from .base import Adapter, Incoming, Rejected, Sent
from .simulator import Simulator
from .sms import Sms
from .telegram import Telegram
from .whatsapp import WhatsApp

ADAPTERS: dict[str, Adapter] = {
    "whatsapp": WhatsApp(),
    "telegram": Telegram(),
    "sms": Sms(),
    "simulator": Simulator(),
}

__all__ = ["ADAPTERS", "Adapter", "Incoming", "Rejected", "Sent"]
