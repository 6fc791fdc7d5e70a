"""What a step on a case did and what comes next, said to the officer who took it in a
sentence or two ("Laporan K7M2-Q9PX-3TDA ditugaskan kepada Bripka Andi. Batas tanggapan
pertama: Senin (9/12/2024) 10.00 WITA."), with times on the clocks of the place."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone

from sejuk import dates
from sejuk.reference.zones import zone_of

from .models import Message, Report, State


def moment(report: Report, at: datetime) -> str:
    """``Senin (9/12/2024) 10.00 WITA`` in the zone of the report's place."""
    zone = zone_of(report.region_id)
    there = dates.local(at, zone)
    return f"{dates.release_date(there.date())} {dates.clock_in_zone(there, zone)}"


def _day(day: date) -> str:
    return dates.release_date(day)


def _holder(report: Report) -> str:
    if report.assigned_officer is not None:
        return f"{report.assigned_officer} ({report.assigned_unit.name})"
    return report.assigned_unit.name


def first_response(report: Report) -> str:
    """Where the case stands against its deadline for a first response."""
    if report.first_response_at is not None:
        return "Tanggapan pertama sudah diberikan."
    if report.due_at < timezone.now():
        return (
            f"Batas tanggapan pertama sudah lewat ({moment(report, report.due_at)}): "
            "segera hubungi pelapor atau datangi lokasi."
        )
    return f"Batas tanggapan pertama: {moment(report, report.due_at)}."


def moved(report: Report) -> str:
    code = report.code
    last = report.events.filter(action="moved").order_by("-pk").first()
    before = last.from_state if last else ""
    if report.state == State.DIVERIFIKASI:
        return (
            f"Laporan {code} diverifikasi. Berikutnya: tugaskan kepada personel, "
            "lalu tandai Ditangani saat penanganan dimulai."
        )
    if report.state == State.DITANGANI:
        again = " dibuka kembali dan" if before == State.SELESAI else ""
        return (
            f"Laporan {code}{again} ditangani oleh {_holder(report)}. Berikutnya: selesaikan "
            "(musyawarah, mediasi, penegakan hukum, rujukan, atau tidak terbukti) dan catat "
            "kesepakatannya."
        )
    if report.state == State.SELESAI:
        follow = (
            f"Tindak lanjut pada {_day(report.follow_up_on)}."
            if report.follow_up_on
            else "Tidak ada tanggal tindak lanjut."
        )
        return (
            f"Laporan {code} selesai dengan {report.get_settlement_display().lower()}. "
            f"{follow} Pelapor melihat status Selesai dengan kodenya."
        )
    if report.state == State.DITOLAK:
        return (
            f"Laporan {code} ditolak dan ditutup. Pelapor melihat bahwa laporannya tidak "
            "dapat ditindaklanjuti."
        )
    if report.state == State.DIRUJUK:
        return (
            f"Laporan {code} dirujuk ke {report.get_referred_to_display()}. Bila kasus kembali "
            "kepada Polri, pilih Ditangani."
        )
    return f"Laporan {code} kini berstatus {report.get_state_display()}."


def assigned(report: Report) -> str:
    return f"Laporan {report.code} ditugaskan kepada {_holder(report)}. {first_response(report)}"


def merged(report: Report) -> str:
    target = report.duplicate_of
    into = target.code if target is not None else ""
    return (
        f"Laporan {report.code} digabung ke laporan {into}. Pelapornya kini mengikuti "
        f"laporan {into}; lanjutkan penanganan di sana."
    )


def message_sent(report: Report, message: Message) -> str:
    if message.public:
        return (
            f"Pesan terkirim. Pelapor membacanya di halaman Cek laporan dengan kode {report.code}."
        )
    return "Catatan internal disimpan; pelapor tidak melihatnya."
