"""What a citizen sees with their tracking code: the status and the public messages, and
a way to add information. Nothing else: no officer's name, no internal note, no other
report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from sejuk.errors import Invalid, NotFound

from .intake import normalise_code
from .models import Event, Message, Report, State, Urgency
from .outcomes import moment

STATE_TEXT = {
    State.BARU: "Laporan diterima dan menunggu diperiksa petugas.",
    State.DIVERIFIKASI: "Laporan sudah diperiksa dan diteruskan ke petugas wilayah.",
    State.DITANGANI: "Petugas sedang menangani laporan ini.",
    State.SELESAI: "Laporan selesai ditangani.",
    State.DITOLAK: "Laporan tidak dapat ditindaklanjuti.",
    State.DUPLIKAT: "Laporan ini digabung dengan laporan lain tentang kejadian yang sama.",
    State.DIRUJUK: "Laporan diteruskan ke lembaga yang berwenang.",
}


@dataclass(frozen=True)
class PublicCase:
    code: str
    state: str
    state_label: str
    explanation: str
    category: str
    place: str
    region_code: str  # for the place's time zone
    received: datetime
    settlement: str
    messages: list[Message]
    followed: str  # the code of the case it was merged into, if any


def _find(code: str) -> Report:
    normal = normalise_code(code)
    report = (
        Report.objects.select_related("region", "duplicate_of").filter(code=normal).first()
        if normal
        else None
    )
    if report is None:
        raise NotFound("Kode laporan tidak ditemukan. Periksa kembali kode Anda.")
    return report


def case(code: str) -> PublicCase:
    report = _find(code)
    followed = report.duplicate_of if report.state == State.DUPLIKAT else None
    shown = followed or report
    messages = list(Message.objects.filter(report__in={report.pk, shown.pk}, public=True))
    return PublicCase(
        code=report.code,
        state=shown.state,
        state_label=State(shown.state).label,
        explanation=STATE_TEXT[State(report.state)],
        category=report.get_category_display(),
        place=report.region.name,
        region_code=report.region_id,
        received=report.created_at,
        settlement=shown.get_settlement_display() if shown.state == State.SELESAI else "",
        messages=messages,
        followed=followed.code if followed else "",
    )


@dataclass(frozen=True)
class Receipt:
    """What a citizen is told once a report is in: the code, and by when an officer
    will answer (the deadline of the report's urgency)."""

    code: str
    urgency: str
    first_response_by: datetime
    first_response_text: str  # "Senin (9/12/2024) 14.00 WITA", the place's clock
    wait: str  # "4 jam"

    @property
    def emergency(self) -> bool:
        return self.urgency == Urgency.DARURAT

    def share_text(self, check_url: str) -> str:
        return (
            f"Kode laporan saya: {self.code}. Cek perkembangannya di {check_url} dengan kode ini."
        )

    def whatsapp_link(self, check_url: str) -> str:
        """A link the citizen follows to send the code on WhatsApp (to themselves or
        someone they trust); Sejuk loads nothing from WhatsApp."""
        return "https://wa.me/?text=" + quote(self.share_text(check_url), safe="")


def _wait(minutes: int) -> str:
    if minutes % 60:
        return f"{minutes} menit"
    return f"{minutes // 60} jam"


def receipt(code: str) -> Receipt:
    return receipt_of(_find(code))


def receipt_of(report: Report) -> Receipt:
    """The receipt of a report in hand (just written: nothing read again)."""
    minutes = round((report.due_at - report.created_at).total_seconds() / 60)
    return Receipt(
        code=report.code,
        urgency=report.urgency,
        first_response_by=report.due_at,
        first_response_text=moment(report, report.due_at),
        wait=_wait(minutes),
    )


def add_information(code: str, body: str) -> Message:
    """The reporter adds what they know since; it reaches the officers on the case."""
    report = _find(code)
    body = body.strip()
    if len(body) < 3:
        raise Invalid("Tulis informasi tambahan Anda.", {"body": "kosong"})
    if len(body) > 2000:
        raise Invalid(
            "Informasi terlalu panjang (maksimal 2.000 huruf).", {"body": "terlalu panjang"}
        )
    if report.state in (State.DITOLAK, State.DUPLIKAT) and report.duplicate_of is None:
        raise Invalid("Laporan ini sudah ditutup; kirim laporan baru bila ada kejadian baru.")
    target = report.duplicate_of or report
    message = Message.objects.create(report=target, from_reporter=True, body=body, public=True)
    Event.objects.create(report=target, by_name="pelapor", action="reporter_message")
    return message
