"""Demo citizen reports for the demo Polres: cases in every state over the demo period,
so the queue, the dashboard counts and the daily situation report have something to
show. They pass through the same services as real reports (the tracking code, the
encrypted contact, each step in the history) and are then dated back.

The texts are invented. The generator is seeded, like the activities' demo.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from django.utils import timezone

from sejuk.accounts.access import Viewer, viewer_for
from sejuk.accounts.models import User
from sejuk.regions.models import Level, Region
from sejuk.units.models import Unit

from .intake import ReportInput, deadline, submit
from .models import Event, Report, Settlement, State
from .services import Move, move

# (category, what a resident might write; {tempat} is a landmark in the desa)
STORIES = (
    ("provokasi", "Ada spanduk berisi kata-kata menghasut dipasang malam hari di {tempat}."),
    ("provokasi", "Sekelompok pemuda mengejek pendukung calon lain saat lewat {tempat}."),
    ("hoaks", "Beredar pesan berantai bahwa kotak suara akan ditukar, warga resah di {tempat}."),
    ("hoaks", "Di grup WhatsApp warga menyebar foto lama yang dibilang kericuhan kemarin."),
    ("intimidasi", "Warga didatangi orang tak dikenal dan diminta tidak datang ke TPS."),
    ("politik_uang", "Ada pembagian amplop dan sembako dari rumah ke rumah dekat {tempat}."),
    ("perusakan", "Baliho calon dirobek dan dibakar di {tempat} tadi malam."),
    ("bentrokan", "Dua kelompok pemuda saling lempar batu di {tempat}, ada yang luka ringan."),
    ("pengerahan_massa", "Puluhan orang berkumpul membawa kayu di {tempat}, suasana tegang."),
    ("unjuk_rasa", "Massa berencana datang ke kantor desa menolak hasil penghitungan."),
    ("penolakan_hasil", "Warga satu dusun menolak hasil rekap dan menahan kotak suara."),
    ("kriminal_umum", "Motor warga hilang dari {tempat} saat ramai kampanye."),
    ("other", "Suara knalpot brong konvoi tiap malam lewat {tempat}, warga terganggu."),
)
PLACES = ("pos ronda", "masjid", "lapangan desa", "pertigaan jalan", "pasar", "balai dusun")
# The newest three wait for the operator; the 30-hour one is past any default deadline.
RECENT = (timedelta(minutes=40), timedelta(hours=5), timedelta(hours=30))
NAMES = ("Siti", "Rahmat", "Nur", "Lalu Hamdi", "Baiq Ani", "Ketut")
SETTLED = (
    (Settlement.MUSYAWARAH, "Kedua pihak sepakat saling memaafkan dan menjaga kerukunan."),
    (Settlement.MUSYAWARAH, "Disepakati bersama tokoh setempat: tidak ada lagi pemasangan."),
    (Settlement.MEDIASI, "Dimediasi di kantor desa; kerugian diganti, perkara tidak berlanjut."),
    (Settlement.TIDAK_TERBUKTI, "Dicek ke lokasi: tidak ditemukan kejadian seperti dilaporkan."),
)


def load_demo_reports(polres: Unit, days: int, seed: int = 2024) -> int:
    """About one report every two or three days across the Polres's desa; older cases
    settled, recent ones still open, one past its deadline."""
    operator = User.objects.filter(username="demo.operator").first()
    if operator is None or polres.home_region_id is None:
        return 0
    villages = list(
        Region.objects.filter(level=Level.DESA, code__startswith=polres.home_region_id + ".")
        .order_by("code")
        .values_list("code", flat=True)
    )
    if not villages:
        return 0
    viewer = viewer_for(operator)
    rng = random.Random(seed)  # variety, not secrecy: two runs give the same data
    now = timezone.now()
    count = max(6, days * 2 // 5)
    for i in range(count):
        # Spread over the period; the last three are still new.
        age = timedelta(days=days * (count - i) / count, hours=rng.randint(0, 20))
        if i >= count - 3:
            age = RECENT[count - 1 - i]
        category, text = rng.choice(STORIES)
        named = rng.random() < 0.3
        received = now - age
        report = submit(
            ReportInput(
                category=category,
                description=text.format(tempat=rng.choice(PLACES)),
                region=rng.choice(villages),
                occurred_on=(received - timedelta(hours=2)).date(),
                anonymous=not named,
                name=rng.choice(NAMES) if named else "",
                phone=f"0812{rng.randint(10_000_000, 99_999_999)}" if named else "",
            )
        )
        Report.objects.filter(pk=report.pk).update(
            is_demo=True, created_at=received, due_at=deadline(report.urgency, received)
        )
        if i < count - 3:  # the three before the newest are still being handled
            _steps(rng, viewer, report.pk, received, now, settle=i < count - 6)
    return count


def _steps(
    rng: random.Random,
    viewer: Viewer,
    report_id: int,
    received: datetime,
    now: datetime,
    settle: bool,
) -> None:
    """Walk the case through verification and handling to settlement (or refuse it),
    each step a few hours after the last."""
    steps = [Move(State.DIVERIFIKASI), Move(State.DITANGANI)]
    if rng.random() < 0.1:
        steps = [Move(State.DITOLAK, reason="Bukan gangguan kamtibmas; disampaikan ke desa.")]
    elif settle:
        settlement, agreement = rng.choice(SETTLED)
        parties = "" if settlement == Settlement.TIDAK_TERBUKTI else "Pelapor dan warga terlapor"
        steps.append(
            Move(State.SELESAI, settlement=settlement, parties=parties, agreement=agreement)
        )
    for step in steps:
        move(viewer, report_id, step)
    at = received
    stamps: dict[str, datetime] = {}
    for event in Event.objects.filter(report_id=report_id).order_by("pk"):
        Event.objects.filter(pk=event.pk).update(at=at)
        if event.action == "moved" and "first" not in stamps:
            stamps["first"] = at
        if event.to_state == State.SELESAI:
            stamps["settled"] = at
        at = min(at + timedelta(hours=rng.randint(1, 30)), now)
    Report.objects.filter(pk=report_id).update(
        first_response_at=stamps.get("first"), settled_at=stamps.get("settled")
    )


def remove_demo_reports() -> int:
    """Take the demo reports away again (their history, messages and photos with them)."""
    reports = Report.objects.filter(is_demo=True)
    count = reports.count()
    Report.objects.filter(duplicate_of__in=reports).update(duplicate_of=None)
    for report in reports.prefetch_related("photos"):
        for photo in report.photos.all():
            photo.image.delete(save=False)
    reports.delete()
    return count
