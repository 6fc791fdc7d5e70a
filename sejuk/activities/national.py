"""Generated activities at national scale (``sejuk generate national``): the table writer
for activities with their types, participants, officers, leaders met and the first
entry of their history.

Who logs what, where and when is decided by the caller (``sejuk.web.national``); here an
activity gets what such an activity looks like: a Bhabinkamtibmas visits and talks, a
Polsek patrols, a Polres holds declarations and prayers with hundreds of people; times
of day fit the work and are stored from the place's own zone (WIB, WITA, WIT); the
situation found is mostly calm, less so near a vote. ``add`` collects rows, ``flush``
writes them in the caller's transaction.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sejuk.bulk import analyze, claim_ids, insert, reset_sequences
from sejuk.reference.elections import election_for
from sejuk.reference.zones import zone_of

from .models import Activity, ActivityType, Change, ChangeAction, Participation, Source

UTC_OFFSET = {"WIB": 7, "WITA": 8, "WIT": 9}  # no daylight saving in Indonesia

# (types, participant categories, summary; {dusun} is a hamlet), by who logs it.
WORK: dict[str, tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...]] = {
    "bhabin": (
        (("sambang",), ("warga",), "Sambang ke rumah warga dan pos kamling di {dusun}, "
         "mengajak warga tidak mudah terprovokasi berita bohong."),
        (("sambang", "dialog"), ("tokoh_agama", "warga"), "Silaturahmi dengan tokoh agama "
         "selepas salat berjamaah di {dusun}, mengajak jamaah menjaga kerukunan."),
        (("patroli_dialogis",), ("warga", "tokoh_masyarakat"), "Patroli dialogis keliling "
         "{dusun}, berbincang dengan warga dan kepala dusun tentang situasi kampung."),
        (("penyuluhan",), ("warga", "tokoh_pemuda"), "Penyuluhan kamtibmas di {dusun}: "
         "menghormati perbedaan pilihan dan menolak politik uang."),
        (("dialog",), ("tokoh_adat", "tokoh_masyarakat"), "Dialog dengan tokoh adat dan "
         "tokoh masyarakat {dusun} tentang menjaga suasana tetap sejuk."),
        (("mediasi",), ("warga", "tokoh_masyarakat"), "Mediasi selisih paham antarwarga di "
         "{dusun}; kedua pihak sepakat berdamai."),
        (("patroli_bersama",), ("tni", "warga"), "Patroli bersama Babinsa dan warga di jalan "
         "desa {dusun} pada malam hari."),
    ),
    "polsek": (
        (("patroli_dialogis",), ("warga",), "Patroli dialogis Polsek di pusat keramaian "
         "{dusun}, menyampaikan imbauan kamtibmas."),
        (("patroli_bersama",), ("tni", "pemerintah_daerah"), "Patroli gabungan tiga pilar "
         "(Polri, TNI, pemerintah desa) di {dusun}."),
        (("pengamanan",), ("penyelenggara_pemilu", "warga"), "Pengamanan kegiatan "
         "penyelenggara pemilu di {dusun}."),
        (("penyuluhan",), ("pelajar",), "Penyuluhan anti hoaks dan anti SARA bagi pelajar di "
         "{dusun}."),
        (("koordinasi",), ("pemerintah_daerah", "tni"), "Koordinasi dengan pemerintah desa "
         "dan Babinsa tentang situasi {dusun}."),
    ),
    "polres": (
        (("deklarasi_damai",), ("paslon_timses", "penyelenggara_pemilu", "tokoh_agama"),
         "Deklarasi damai bersama pasangan calon, KPU dan Bawaslu di {dusun}."),
        (("doa_bersama",), ("tokoh_agama", "warga", "pemerintah_daerah"), "Doa bersama lintas "
         "agama untuk pemilihan yang aman dan sejuk di {dusun}."),
        (("dialog",), ("mahasiswa", "tokoh_pemuda", "ormas"), "Dialog kebangsaan dengan "
         "mahasiswa, pemuda dan ormas di {dusun}."),
        (("patroli_siber",), (), "Patroli siber akun media sosial yang menyebar hoaks "
         "tentang pemilihan di wilayah {dusun}."),
        (("pengamanan", "patroli_bersama"), ("tni", "penyelenggara_pemilu"), "Pengamanan "
         "dan patroli skala besar bersama TNI di {dusun}."),
    ),
}  # fmt: skip
WORK_WEIGHTS = {
    "bhabin": (34, 12, 22, 12, 8, 4, 8),
    "polsek": (35, 25, 15, 15, 10),
    "polres": (20, 20, 25, 15, 20),
}
HOURS = {
    "bhabin": (8, 9, 9, 10, 10, 14, 15, 16, 16, 19, 20, 21),
    "polsek": (9, 10, 14, 16, 19, 20, 21, 22, 23),
    "polres": (8, 9, 9, 10, 13, 14),
}
CROWD = {"bhabin": (3, 25), "polsek": (5, 60), "polres": (40, 600)}
PERSONNEL = {"bhabin": (1, 1, 1, 2), "polsek": (2, 3, 4, 6), "polres": (10, 20, 35, 60)}
HAMLETS = (
    "Dusun Krajan", "Dusun Karang Anyar", "Dusun Sukamaju", "Dusun Mekar Sari", "Dusun Tengah",
    "Dusun I", "Dusun II", "Dusun III", "Lingkungan Pasar", "Kampung Baru", "Dusun Lendang",
    "Dusun Tanjung", "Banjar Kaja", "Jorong Koto", "Dusun Wonorejo", "Kampung Sawah",
)  # fmt: skip
FINDINGS = {
    "kondusif": (
        "Situasi aman dan kondusif, tidak ditemukan hal menonjol.",
        "Warga menyambut baik kehadiran petugas; situasi kondusif.",
        "Situasi aman terkendali.",
    ),
    "waspada": (
        "Ada saling ejek antarpendukung di media sosial; sudah diberi imbauan.",
        "Beredar kabar bohong di grup warga; petugas meluruskan dan memantau.",
    ),
    "rawan": (
        "Massa dua kubu sempat berkumpul; dibubarkan dengan persuasif, dipantau terus.",
        "Ketegangan antarwarga setelah perusakan alat peraga; perlu patroli lanjutan.",
    ),
}
DURATION = timedelta(hours=1, minutes=30)
SOURCES = (Source.FORM, Source.TEXT, Source.API, Source.IMPORT)
SOURCE_WEIGHTS = (45, 35, 10, 10)

ACTIVITY_FIELDS = (
    "id", "unit_id", "region_id", "dusun", "landmark", "online", "starts_at", "ends_at",
    "local_date", "personnel_count", "summary", "findings", "situation", "follow_up",
    "follow_up_note", "election", "phase", "source", "raw_text", "corrections", "is_demo",
    "version", "created_by_id", "created_at", "updated_at", "deleted_reason",
)  # fmt: skip


def phase_on(day: date) -> tuple[str, str]:
    """The election a day falls in on the reader's calendar, and its stage."""
    election = election_for(None, day)
    if election is None:
        return "", ""
    before = (election.first_vote - day).days
    after = (day - election.last_vote).days
    if before > 60:
        phase = "pencalonan" if before < 120 else "pra_tahapan"
    elif before > 3:
        phase = "kampanye"
    elif before > 0:
        phase = "masa_tenang"
    elif after <= 0:
        phase = "pemungutan"
    elif after <= 18:
        phase = "rekapitulasi"
    elif after <= 90:
        phase = "sengketa"
    else:
        phase = "pasca"
    return election.code, phase


@dataclass(slots=True)
class _Planned:
    row: list[Any]  # in the order of ACTIVITY_FIELDS, the id left for flush
    types: tuple[str, ...]
    crowd: tuple[tuple[str, int], ...]
    officers: Sequence[tuple[int, str]]
    leaders: Sequence[int]


class ActivityWriter:
    """Collects generated activities and writes them in chunks."""

    def __init__(
        self,
        rng: random.Random,
        *,
        by: int,
        now: datetime,
        unit_names: Mapping[int, str],
        desa_names: Mapping[str, str],
    ) -> None:
        self.rng = rng
        self.by = by
        self.now = now
        self.unit_names = unit_names
        self.desa_names = desa_names
        self.pending: list[_Planned] = []
        self.phases: dict[date, tuple[str, str]] = {}
        self.written = 0
        self.rows = 0

    def add(
        self,
        day: date,
        desa: str,
        unit_id: int,
        kind: str,
        officers: Sequence[tuple[int, str]],
        heat: float,
        leaders: Sequence[int] = (),
    ) -> None:
        """Plan one activity by ``officers`` of ``unit_id`` in ``desa`` on ``day`` (never
        after now); ``heat`` (0 to 1) makes a tense situation likelier."""
        rng = self.rng
        types, participants, text = rng.choices(WORK[kind], WORK_WEIGHTS[kind])[0]
        hour = rng.choice(HOURS[kind])
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(
            hours=UTC_OFFSET[zone_of(desa)]
        )
        starts = midnight + timedelta(hours=hour, minutes=rng.choice((0, 15, 30, 45)))
        if starts > self.now:  # today, later than now: earlier today instead
            starts = midnight + (self.now - midnight) * rng.random()
        roll = rng.random()
        situation = (
            "rawan" if roll < 0.004 + 0.03 * heat else "waspada" if roll < 0.04 + 0.2 * heat
            else "kondusif"
        )  # fmt: skip
        hamlet = rng.choice(HAMLETS)
        summary = text.format(dusun=hamlet)
        findings = rng.choice(FINDINGS[situation])
        source = rng.choices(SOURCES, SOURCE_WEIGHTS)[0]
        personnel = rng.choice(PERSONNEL[kind])
        raw = ""
        if source == Source.TEXT:
            raw = (
                f"Giat {types[0].replace('_', ' ')} {self.unit_names.get(unit_id, '')} di "
                f"{hamlet} Desa {self.desa_names.get(desa, '')}, {day:%d/%m/%Y} pkl "
                f"{hour:02d}.00. {summary} {findings} Pers {personnel} org."
            )
        logged = min(starts + timedelta(hours=rng.choice((2, 3, 5, 20))), self.now)
        if day not in self.phases:
            self.phases[day] = phase_on(day)
        election, phase = self.phases[day]
        follow = situation != "kondusif" and rng.random() < 0.5
        low, high = CROWD[kind]
        crowd = tuple((p, rng.randint(low, high)) for p in participants)
        note = "Dipantau ulang oleh Bhabinkamtibmas dalam tiga hari." if follow else ""
        row: list[Any] = [
            None, unit_id, desa, hamlet, "", False, starts, starts + DURATION, day, personnel,
            summary, findings, situation, follow, note, election, phase, source, raw, {}, True, 1,
            self.by, logged, logged, "",
        ]  # fmt: skip
        self.pending.append(_Planned(row, types, crowd, officers, leaders))

    def flush(self) -> int:
        """Write what was collected, in the caller's transaction; return how many."""
        pending, self.pending = self.pending, []
        if not pending:
            return 0
        ids = claim_ids(Activity, len(pending))
        types: list[tuple[int, str]] = []
        crowds: list[tuple[int, str, int]] = []
        links: list[tuple[int, int]] = []
        met: list[tuple[int, int]] = []
        history: list[tuple[Any, ...]] = []
        for pk, planned in zip(ids, pending, strict=True):
            planned.row[0] = pk
            types.extend((pk, code) for code in planned.types)
            crowds.extend((pk, category, count) for category, count in planned.crowd)
            links.extend((pk, officer_id) for officer_id, _ in planned.officers)
            met.extend((pk, leader) for leader in planned.leaders)
            by_name = planned.officers[0][1] if planned.officers else "sejuk"
            logged = planned.row[-2]
            history.append((pk, logged, self.by, by_name, ChangeAction.CREATED, {}, "", 1))
        self.rows += insert(Activity, ACTIVITY_FIELDS, [p.row for p in pending])
        self.rows += insert(ActivityType, ("activity_id", "code"), types)
        self.rows += insert(Participation, ("activity_id", "category", "count"), crowds)
        self.rows += insert(Activity.officers.through, ("activity_id", "officer_id"), links)
        self.rows += insert(Activity.leaders.through, ("activity_id", "leader_id"), met)
        self.rows += insert(
            Change,
            ("activity_id", "at", "by_id", "by_name", "action", "fields", "reason", "version"),
            history,
        )
        reset_sequences(Activity)
        self.written += len(pending)
        return len(pending)

    def finish(self) -> None:
        """Fresh statistics once everything is written (see ``sejuk.bulk.analyze``)."""
        analyze(
            Activity, ActivityType, Participation, Activity.officers.through,
            Activity.leaders.through, Change,
        )  # fmt: skip


def remove_activities(by: int, chunk: int = 5000) -> int:
    """The generated activities, a chunk at a time (each in the caller's transaction is
    too much at millions: call it until it returns 0)."""
    ids = list(
        Activity.objects.filter(is_demo=True, created_by_id=by)
        .order_by("pk")
        .values_list("pk", flat=True)[:chunk]
    )
    if ids:
        Activity.objects.filter(pk__in=ids).delete()
    return len(ids)
