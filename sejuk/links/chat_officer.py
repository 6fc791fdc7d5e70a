"""An officer's field message by chat, composed with activities: read with the text
reader, summarised back with "benar? balas YA untuk simpan, atau perbaiki", and on YA
saved as the activity form saves a pasted message (source "Tempel pesan", the message
as its text, the reader's guess kept beside it), with the photos sent along."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sejuk import dates
from sejuk.accounts.access import Viewer
from sejuk.accounts.workplace import today_for, zone_for
from sejuk.activities import photos, reading
from sejuk.activities.services import ActivityInput
from sejuk.channels.adapters import ADAPTERS
from sejuk.channels.dialogue import OFFICER_ASK
from sejuk.channels.models import Conversation
from sejuk.reference.taxonomy import ACTIVITY_TYPES, PARTICIPANTS, SITUATIONS
from sejuk.regions.models import Region
from sejuk.uploads import StoredPhoto

SHORT_CORRECTION = 60  # a reply shorter than this adds to the message; longer replaces it


def corrected(text: str, correction: str) -> str:
    """A correction re-read with the message: a short one ("desa Kuripan", "tgl 5/12")
    is added as a line, a long one is the message sent again."""
    correction = correction.strip()
    return correction if len(correction) >= SHORT_CORRECTION else f"{text}\n{correction}"


@dataclass
class Reading:
    values: dict[str, Any]
    reader: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def read(viewer: Viewer, text: str, read_on: date) -> Reading:
    prefill = reading.read_message(viewer, text, read_on)
    values = dict(prefill.values)
    notes = list(prefill.notes)
    values.setdefault("date", read_on)
    if "start_time" not in values:
        now = dates.local(datetime.now().astimezone(), zone_for(viewer))
        values["start_time"] = time(now.hour, now.minute)
        notes.append("Jam tidak terbaca: diisi jam pesan diterima.")
    return Reading(values, prefill.reader, notes)


def summary(found: Reading) -> str:
    v = found.values
    region = Region.objects.filter(code=v.get("region", "")).first()
    people = ", ".join(
        PARTICIPANTS.get(code, code) + (f" ({n})" if n else "")
        for code, n in (v.get("participants") or {}).items()
    )
    lines = [
        "Yang kami baca dari pesan Anda:",
        f"- Tanggal: {dates.release_date(v['date'])}, jam {v['start_time']:%H.%M}",
        f"- Desa: {region.name if region else 'belum terbaca'}",
        "- Jenis: "
        + (", ".join(ACTIVITY_TYPES.get(t, t) for t in v.get("types") or []) or "belum terbaca"),
        f"- Peserta: {people or '-'}",
        f"- Situasi: {SITUATIONS.get(v.get('situation') or '', '-')}",
    ]
    if v.get("personnel_count"):
        lines.append(f"- Personel: {v['personnel_count']} orang")
    lines.extend(f"Catatan: {note}" for note in found.notes)
    lines.append(OFFICER_ASK)
    return "\n".join(lines)


def activity_input(found: Reading) -> ActivityInput:
    return ActivityInput(**found.values)


def fetch_photos(conversation: Conversation, media_ids: list[str]) -> list[StoredPhoto]:
    """Photos sent with the message, checked and stored before the write; one the
    channel no longer gives is left out."""
    stored = []
    for media_id in media_ids[: photos.MAX_PHOTOS]:
        try:
            raw = ADAPTERS[conversation.channel].fetch_media(media_id)
        except OSError:
            continue
        stored.append(photos.prepare(raw))
    return stored


def today(viewer: Viewer) -> date:
    return today_for(viewer)
