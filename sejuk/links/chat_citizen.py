"""A citizen's chat, composed with reports: the place lookups the dialogue is handed,
filing the finished conversation through the same intake as the web form (its checks,
its routing and deadlines, its rate limit, counted per sender), the receipt, and the
answer to ``CEK <kode>``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings

from sejuk.accounts.ratelimit import Rate, hit
from sejuk.channels.adapters import ADAPTERS
from sejuk.channels.models import Channel, Conversation
from sejuk.crypto import decrypt
from sejuk.errors import Invalid, NotFound
from sejuk.nlp.extract import extract
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.regions.models import Level, Region
from sejuk.reports import intake, public
from sejuk.reports.models import Channel as ReportChannel

# The simulator files reports as the web form does; the three channels under their own.
REPORT_CHANNEL = {
    Channel.WHATSAPP: ReportChannel.WHATSAPP,
    Channel.TELEGRAM: ReportChannel.TELEGRAM,
    Channel.SMS: ReportChannel.SMS,
    Channel.SIMULATOR: ReportChannel.WEB,
}


def places(text: str) -> list[tuple[str, str]]:
    """Regions a citizen's words name, the best equally scored first (at most three)."""
    found = [c for c in default_gazetteer().search(text, limit=5) if c.score >= 0.5]
    if not found:
        return []
    best = [c for c in found if c.score >= found[0].score - 1e-9] or found[:1]
    return [(c.region.code, c.path) for c in best[:3]]


def point(lat: float, lng: float) -> tuple[str, str] | None:
    """The desa whose centre is nearest a shared location, where Sejuk knows centres
    (``sejuk regions load-boundaries``) within about 5 km; else None."""
    box = 0.05
    near = Region.objects.filter(
        level=Level.DESA,
        lat__range=(lat - box, lat + box),
        lng__range=(lng - box, lng + box),
    ).select_related("parent", "parent__parent")
    best = min(
        near, key=lambda r: ((r.lat or 0.0) - lat) ** 2 + ((r.lng or 0.0) - lng) ** 2, default=None
    )
    if best is None:
        return None
    parents = [p.name for p in (best.parent, best.parent.parent if best.parent else None) if p]
    return best.code, ", ".join([best.name, *parents])


def guess(text: str) -> str:
    """The report's category as the text reader hears it; "other" for triage to set."""
    labels = extract(text).incident_types
    return labels[0].code if labels else "other"


class TooMany(Invalid):
    pass


@dataclass
class Filing:
    prepared: intake.PreparedReport


def prepare(conversation: Conversation, answers: dict[str, Any]) -> Filing:
    """Everything slow before the write: the rate limit per sender, the photo fetched
    from the channel, the report checked whole by the intake."""
    if hit(f"lapor:{conversation.channel}:{conversation.sender_key}", _rate()) > _rate().count:
        raise TooMany(
            "Terlalu banyak laporan dari nomor Anda dalam waktu singkat. Mohon coba lagi "
            "nanti, atau hubungi 110 bila darurat."
        )
    photo = None
    if answers.get("photo"):
        try:
            photo = ADAPTERS[conversation.channel].fetch_media(str(answers["photo"]))
        except OSError:
            photo = None  # the report goes in without it rather than not at all
    address = decrypt(conversation.address)
    phone_channel = conversation.channel in (Channel.WHATSAPP, Channel.SMS)
    data = intake.ReportInput(
        category=str(answers.get("category") or "other"),
        description=str(answers.get("description", "")),
        region=str(answers.get("region", "")),
        place_text=str(answers.get("place_text", ""))[:200],
        lat=answers.get("lat"),
        lng=answers.get("lng"),
        occurred_on=date.fromisoformat(answers["occurred_on"])
        if answers.get("occurred_on")
        else None,
        happening_now=bool(answers.get("happening_now")),
        anonymous=bool(answers.get("anonymous", True)),
        name=str(answers.get("name", "")),
        phone=address if phone_channel and not answers.get("anonymous", True) else "",
        photo=photo,
    )
    return Filing(intake.prepare(data, channel=REPORT_CHANNEL[Channel(conversation.channel)]))


def _rate() -> Rate:
    return Rate.parse(settings.RATE_REPORT)


def receipt_text(code: str) -> str:
    receipt = public.receipt(code)
    text = (
        f"Laporan Anda sudah kami terima. Kode laporan: {receipt.code}. "
        f"Petugas akan menanggapi paling lambat {receipt.first_response_text} "
        f"(dalam {receipt.wait}). Simpan kode ini; balas CEK {receipt.code} untuk melihat "
        "perkembangannya. Kabar berikutnya kami kirim ke percakapan ini."
    )
    if receipt.emergency:
        text += " Bila ada bahaya saat ini, segera hubungi 110."
    return text


def check_text(code: str) -> str:
    try:
        case = public.case(code)
    except NotFound:
        return "Kode laporan tidak ditemukan. Periksa kembali kodenya (12 huruf/angka)."
    text = f"Laporan {case.code}: {case.state_label}. {case.explanation}"
    if case.settlement:
        text += f" Cara penyelesaian: {case.settlement}."
    if case.followed:
        text += f" Ikuti perkembangannya dengan kode {case.followed}."
    return text


def invalid_text(exc: Invalid) -> str:
    details = "; ".join(exc.fields.values())
    return f"Maaf, laporan belum dapat dikirim: {exc.message} {details}".strip()
