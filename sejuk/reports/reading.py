"""A forwarded message (WhatsApp, Telegram, SMS) read into a report the officer checks."""

from __future__ import annotations

from typing import Any

from sejuk.accounts.access import Viewer, require
from sejuk.accounts.workplace import today_for
from sejuk.errors import Invalid
from sejuk.nlp.extract import extract


def read_report(viewer: Viewer, text: str) -> dict[str, Any]:
    require(viewer, "report.write")
    text = (text or "").strip()
    if not text:
        raise Invalid("Tempel pesan yang diteruskan dulu.", {"text": "kosong"})
    if len(text) > 5000:
        raise Invalid("Pesan terlalu panjang (maksimal 5.000 huruf).", {"text": "terlalu panjang"})
    record = extract(
        text, published=today_for(viewer), area=viewer.region_area("report.write") or ()
    )
    values: dict[str, Any] = {"description": text}
    if record.incident_types:
        values["category"] = record.incident_types[0].code
    if record.place is not None and record.place.code:
        values["region"] = record.place.code
    if record.event_date.value is not None:
        values["occurred_on"] = record.event_date.value
    return {"values": values, "reader": record.to_contract()}
