"""The one small interface every channel adapter keeps (``ADAPTERS`` in ``__init__``).

receive: ``verify`` the request as the service signs it (a bad one raises ``Rejected``
and nothing is stored), then ``parse`` the body into normalised ``Incoming`` messages.
send: ``send`` an address a text and answer a ``Sent`` (delivery result). ``fetch_media``
gets a photo's bytes. Adapters talk HTTP with the standard library (``http``), to a base
address that is a setting, so tests point them at a fake server on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from sejuk.errors import SejukError


class Rejected(SejukError):
    """A webhook call the channel did not sign: refused, nothing stored."""

    status = 403
    code = "tanda_tangan_tidak_sah"


@dataclass(frozen=True)
class Incoming:
    external_id: str  # the channel's id of this message: a second delivery has the same
    sender: str  # where the answer goes: a phone number (E.164) or a Telegram chat id
    kind: str  # text, location, image, other (channels.models.Kind)
    text: str = ""
    lat: float | None = None
    lng: float | None = None
    media_id: str = ""
    raw: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sent:
    ok: bool
    external_id: str = ""
    error: str = ""
    retry: bool = True  # a failure worth trying again (network, 5xx, rate limit)


class Adapter(Protocol):
    name: str
    label: str

    def missing(self) -> list[str]:
        """The settings still to be set; none: the channel is on."""
        ...

    def verify(self, body: bytes, headers: Mapping[str, str]) -> None: ...

    def parse(self, body: bytes) -> list[Incoming]: ...

    def send(self, address: str, text: str, template: str = "") -> Sent: ...

    def fetch_media(self, media_id: str) -> bytes: ...


def header(headers: Mapping[str, str], name: str) -> str:
    """A request header by its HTTP name, from Django's ``request.headers``."""
    return str(headers.get(name, "") or "")
