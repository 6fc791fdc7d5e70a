"""Demo data: a Polres with its officers, leaders, plans and 60 days of plausible
activities, so a new user sees a living system. Everything made here is marked as demo
data and `remove_demo` takes it away again.

The people and their names are invented (common Indonesian given names and family names
combined at random); the regions and units are the real ones. The random generator is
seeded, so two runs on two machines give the same data.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from sejuk.accounts.models import Role, User, UserRole
from sejuk.errors import Invalid
from sejuk.leaders.models import Leader
from sejuk.nlp.extract import extract
from sejuk.reference.elections import election_for
from sejuk.reference.zones import ZONE_TZ, zone_of
from sejuk.regions.models import Level, Region
from sejuk.units.models import Officer, Unit, UnitLevel

from .models import Activity, ActivityType, Change, ChangeAction, Participation, Plan, Source
from .reading import reader_dict
from .services import corrections

DEMO_PREFIX = "demo."
GIVEN = (
    "Ahmad",
    "Budi",
    "Dedi",
    "Eko",
    "Fajar",
    "Hadi",
    "Irfan",
    "Joko",
    "Kurniawan",
    "Made",
    "Nanang",
    "Rizal",
    "Supardi",
    "Taufik",
    "Wahyu",
    "Yusuf",
    "Zainal",
    "Andri",
    "Bayu",
    "Hendra",
    "Agus",
    "Rudi",
    "Sahrul",
    "Ilham",
)
FAMILY = (
    "Saputra",
    "Hidayat",
    "Pratama",
    "Wijaya",
    "Santoso",
    "Kurnia",
    "Setiawan",
    "Ramadhan",
    "Nugroho",
    "Firmansyah",
    "Hakim",
    "Maulana",
    "Susanto",
    "Gunawan",
)
RANKS = ("Bripka", "Aipda", "Aiptu", "Brigpol", "Bripka", "Aipda")
LEADER_KINDS = (
    ("tokoh_agama", "Ustaz", "imam masjid"),
    ("tokoh_agama", "TGH", "pimpinan majelis taklim"),
    ("tokoh_masyarakat", "Amaq", "kepala dusun"),
    ("tokoh_adat", "Amaq", "pemangku adat"),
    ("tokoh_pemuda", "", "ketua karang taruna"),
    ("perempuan", "Inaq", "ketua PKK dusun"),
)
HAMLETS = (
    "Karang Baru",
    "Montong",
    "Lendang",
    "Batu Bolong",
    "Tanjung",
    "Pengempel",
    "Gubuk Baru",
    "Kebon Jeruk",
    "Dasan Tengah",
    "Bagik Polak",
)
VISITS = (
    (
        ["sambang"],
        ["warga"],
        "Sambang ke rumah warga dan pos kamling, menyampaikan pesan agar "
        "tidak mudah terprovokasi berita bohong.",
    ),
    (
        ["patroli_dialogis"],
        ["warga", "tokoh_masyarakat"],
        "Patroli dialogis keliling dusun, "
        "berbincang dengan warga dan kepala dusun tentang situasi kampung.",
    ),
    (
        ["penyuluhan"],
        ["warga", "tokoh_pemuda"],
        "Penyuluhan kamtibmas di berugak dusun: "
        "menghormati perbedaan pilihan dan menolak politik uang.",
    ),
    (
        ["sambang", "dialog"],
        ["tokoh_agama"],
        "Silaturahmi dengan tokoh agama setelah salat "
        "berjamaah, mengajak jamaah menjaga kerukunan.",
    ),
    (
        ["patroli_bersama"],
        ["tni", "warga"],
        "Patroli bersama Babinsa dan warga di jalan desa pada malam hari.",
    ),
)
FINDINGS = (
    ("Situasi aman dan kondusif, tidak ditemukan hal menonjol.", "kondusif"),
    ("Situasi aman dan kondusif, warga menyambut baik kehadiran petugas.", "kondusif"),
    ("Situasi kondusif.", "kondusif"),
    ("Ada selisih paham antar pendukung di media sosial; sudah diberi imbauan.", "waspada"),
)


@dataclass(frozen=True)
class DemoResult:
    officers: int
    leaders: int
    activities: int
    plans: int
    users: dict[str, str]  # username -> role
    password: str  # shared by the demo users, shown once

    def summary(self) -> str:
        return (
            f"{self.officers} personel, {self.leaders} tokoh, {self.activities} kegiatan, "
            f"{self.plans} rencana"
        )


def load_demo(
    polres_name: str = "Polres Lombok Barat", days: int = 60, seed: int = 2024
) -> DemoResult:
    polres = Unit.objects.filter(name=polres_name, level=UnitLevel.POLRES).first()
    if polres is None:
        raise Invalid(f"{polres_name} tidak ditemukan.")
    if Activity.objects.filter(is_demo=True).exists():
        raise Invalid("Data demo sudah ada; hapus dulu dengan `sejuk demo --remove`.")
    rng = random.Random(seed)
    polseks = list(Unit.objects.filter(parent=polres, level=UnitLevel.POLSEK).order_by("name"))
    officers, beats = _officers(rng, polseks)
    kapolres = Officer.objects.create(
        name=_name(rng), rank="AKBP", position=polres.commander_title, unit=polres, is_demo=True
    )
    officers.append(kapolres)
    _lead(polres, kapolres)
    leaders_by_desa = _leaders(rng, [d for desa in beats.values() for d in desa])
    activities = _activities(rng, polres, beats, leaders_by_desa, days)
    plans = _plans(beats)
    users, password = _users(polres, officers)
    return DemoResult(
        len(officers),
        sum(len(v) for v in leaders_by_desa.values()),
        activities,
        plans,
        users,
        password,
    )


# Demo data needs variety, not secrecy: a seeded generator keeps runs identical.
def _name(rng: random.Random) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"


def _officers(
    rng: random.Random, polseks: list[Unit]
) -> tuple[list[Officer], dict[Officer, list[Region]]]:
    """A Bhabinkamtibmas for most desa (one officer often covers two), none for some."""
    officers: list[Officer] = []
    beats: dict[Officer, list[Region]] = {}
    for polsek in polseks:
        villages = list(
            Region.objects.filter(parent_id=polsek.home_region_id, level=Level.DESA).order_by(
                "code"
            )
        )
        kapolsek = Officer.objects.create(
            name=_name(rng),
            rank="Iptu",
            position=polsek.commander_title,
            unit=polsek,
            is_demo=True,
        )
        officers.append(kapolsek)
        _lead(polsek, kapolsek)
        covered = villages[: max(1, round(len(villages) * 0.8))]
        for i in range(0, len(covered), 2):
            officer = Officer.objects.create(
                name=_name(rng),
                rank=rng.choice(RANKS),
                position="Bhabinkamtibmas",
                unit=polsek,
                is_bhabinkamtibmas=True,
                is_demo=True,
            )
            officer.villages.set(covered[i : i + 2])
            officers.append(officer)
            beats[officer] = covered[i : i + 2]
    return officers, beats


def _lead(unit: Unit, officer: Officer) -> None:
    """A demo commander only where the unit has none of its own."""
    if unit.commander_id is None:
        unit.commander = officer
        unit.save(update_fields=["commander"])


def _leaders(rng: random.Random, villages: list[Region]) -> dict[str, list[Leader]]:
    made: list[Leader] = []
    for desa in villages:
        for kind, title, role in rng.sample(LEADER_KINDS, k=rng.randint(2, 3)):
            name = f"{title} {rng.choice(GIVEN)}".strip() if title else _name(rng)
            made.append(Leader(region=desa, name=name, category=kind, role=role, is_demo=True))
    Leader.objects.bulk_create(made)
    by_desa: dict[str, list[Leader]] = {}
    for leader in Leader.objects.filter(is_demo=True):
        by_desa.setdefault(leader.region_id, []).append(leader)
    return by_desa


def _activities(
    rng: random.Random,
    polres: Unit,
    beats: dict[Officer, list[Region]],
    leaders_by_desa: dict[str, list[Leader]],
    days: int,
) -> int:
    tz = ZoneInfo(ZONE_TZ[zone_of(polres.home_region_id or "52")])
    today = timezone.now().astimezone(tz).date()
    rows: list[tuple[Activity, list[str], list[str], Officer, list[Leader]]] = []
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        for officer, villages in beats.items():
            if rng.random() > 0.45:
                continue
            desa = rng.choice(villages)
            types, participants, summary = rng.choice(VISITS)
            finding, situation = rng.choices(FINDINGS, weights=(6, 4, 3, 1))[0]
            start = time(rng.choice((8, 9, 10, 15, 16, 19, 20)), rng.choice((0, 15, 30)))
            starts_at = datetime.combine(day, start, tzinfo=tz)
            hamlet = rng.choice(HAMLETS)
            source = Source.TEXT if rng.random() < 0.6 else Source.FORM
            activity = Activity(
                unit=officer.unit,
                region=desa,
                dusun=hamlet,
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=1, minutes=30),
                local_date=day,
                personnel_count=rng.choice((1, 1, 2, 3)),
                summary=summary,
                findings=finding,
                situation=situation,
                election=_election_on(day),
                source=source,
                is_demo=True,
            )
            if source == Source.TEXT:
                activity.raw_text = _message(activity, types[0], summary, hamlet, desa, start)
            met = rng.sample(
                leaders_by_desa.get(desa.code, []),
                k=min(1, len(leaders_by_desa.get(desa.code, []))),
            )
            rows.append((activity, types, participants, officer, met))
    Activity.objects.bulk_create([r[0] for r in rows], batch_size=500)
    ActivityType.objects.bulk_create(
        [ActivityType(activity=a, code=t) for a, types, _, _, _ in rows for t in types],
        batch_size=1000,
    )
    Participation.objects.bulk_create(
        [
            Participation(activity=a, category=p, count=rng.choice((None, 5, 12, 20)))
            for a, _, parts, _, _ in rows
            for p in parts
        ],
        batch_size=1000,
    )
    Activity.officers.through.objects.bulk_create(
        [Activity.officers.through(activity_id=a.pk, officer_id=o.pk) for a, _, _, o, _ in rows],
        batch_size=1000,
    )
    Activity.leaders.through.objects.bulk_create(
        [
            Activity.leaders.through(activity_id=a.pk, leader_id=le.pk)
            for a, _, _, _, met in rows
            for le in met
        ],
        batch_size=1000,
    )
    Change.objects.bulk_create(
        [Change(activity=a, by_name="demo", action=ChangeAction.CREATED) for a, *_ in rows],
        batch_size=1000,
    )
    _read_messages([a for a, *_ in rows if a.raw_text])
    return len(rows)


def _election_on(day: date) -> str:
    """The election the demo's day falls in, on the reader's calendar (none after it)."""
    known = election_for(None, day)
    return known.code if known else ""


_DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")


def _message(
    activity: Activity, kind: str, summary: str, hamlet: str, desa: Region, start: time
) -> str:
    """The WhatsApp message an officer would have pasted for this activity."""
    day = activity.local_date
    return (
        f"Giat {kind.replace('_', ' ')} Bhabinkamtibmas {activity.unit.name} di Dsn. {hamlet} "
        f"Ds. {desa.name}, "
        f"{_DAYS[day.weekday()]} {day:%d/%m/%Y} pkl {start:%H.%M} Wita. {summary} "
        f"{activity.findings} Pers {activity.personnel_count} org."
    )


def _read_messages(activities: list[Activity]) -> None:
    """The reader's guess beside each pasted message, and where the saved activity says
    otherwise (the demo's saved fields are what the officer chose; the reader misses some
    of them, which is what ``sejuk reader report`` shows)."""
    for activity in activities:
        record = extract(
            activity.raw_text, published=activity.local_date, area=(activity.region_id,)
        )
        activity.reader = reader_dict(record)
        activity.corrections = corrections(activity.reader, activity)
    Activity.objects.bulk_update(activities, ["reader", "corrections"], batch_size=500)


def _plans(beats: dict[Officer, list[Region]]) -> int:
    made = [
        Plan(
            unit=officer.unit,
            region=villages[0],
            officer=officer,
            is_demo=True,
            title=f"Patroli dialogis Desa {villages[0].name}",
            type_code="patroli_dialogis",
            weekday=6,
            starts_on=date.today() - timedelta(days=60),
        )
        for officer, villages in list(beats.items())[:8]
    ]
    Plan.objects.bulk_create(made)
    return len(made)


def _users(polres: Unit, officers: list[Officer]) -> tuple[dict[str, str], str]:
    """Demo accounts for each role, sharing one generated password shown once."""
    password = secrets.token_urlsafe(9)
    bhabin = next(o for o in officers if o.is_bhabinkamtibmas)
    wanted = {
        f"{DEMO_PREFIX}operator": (polres, Role.OPERATOR, None),
        f"{DEMO_PREFIX}pimpinan": (polres, Role.PIMPINAN, None),
        f"{DEMO_PREFIX}humas": (polres, Role.HUMAS, None),
        f"{DEMO_PREFIX}bhabin": (bhabin.unit, Role.BHABINKAMTIBMAS, bhabin),
    }
    made: dict[str, str] = {}
    for username, (unit, role, officer) in wanted.items():
        if User.objects.filter(username=username).exists():
            continue
        user = User.objects.create_user(username, password=password, unit=unit, officer=officer)
        UserRole.objects.create(user=user, role=role)
        made[username] = str(role)
    return made, password


def remove_demo() -> dict[str, int]:
    """Take every demo record away again; real records are untouched."""
    activities = Activity.objects.filter(is_demo=True)
    counts = {"kegiatan": activities.count()}
    activities.delete()
    counts["rencana"] = Plan.objects.filter(is_demo=True).delete()[0]
    counts["pengguna"] = User.objects.filter(username__startswith=DEMO_PREFIX).delete()[0]
    counts["tokoh"] = Leader.objects.filter(is_demo=True).delete()[0]
    counts["personel"] = Officer.objects.filter(is_demo=True).delete()[0]
    return counts
