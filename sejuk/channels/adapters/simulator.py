"""The local simulator (``/dev/chat/``, only with SEJUK_CHAT_SIMULATOR): messages typed
on a page of Sejuk itself. Nothing is sent anywhere; the page shows the answers."""

from __future__ import annotations

from collections.abc import Mapping

from django.conf import settings

from .base import Incoming, Rejected, Sent


class Simulator:
    name = "simulator"
    label = "Simulator"

    def missing(self) -> list[str]:
        return [] if settings.CHAT_SIMULATOR else ["SEJUK_CHAT_SIMULATOR"]

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None:
        raise Rejected("Simulator menerima pesan hanya dari halamannya sendiri.")

    def parse(self, body: bytes) -> list[Incoming]:
        return []

    def send(self, address: str, text: str, template: str = "") -> Sent:
        return Sent(ok=True, external_id="")

    def fetch_media(self, media_id: str) -> bytes:
        raise OSError("simulator tidak membawa foto")
