"""A desa's tension on a day as a transparent sum of named parts: a pure function of
what the services gathered (no database here), so a test can check each part by hand.

Every weight and threshold comes in ``Weights`` (from the ``SEJUK_TENSION_*`` settings);
the README says why each default is what it is. Each part carries its points and a
sentence in Indonesian that says where they come from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LEVELS = {
    "kurang_rawan": "Kurang rawan",
    "rawan": "Rawan",
    "sangat_rawan": "Sangat rawan",
}
PART_LABELS = {
    "baseline": "Kerawanan dasar",
    "incidents": "Kejadian",
    "reports": "Laporan terbuka",
    "situation": "Situasi terakhir",
    "coverage": "Kesenjangan kunjungan",
    "election": "Kalender pemilihan",
    "media": "Pemantauan media",
}
TPS_LABELS = {"kurang_rawan": "kurang rawan", "rawan": "rawan", "sangat_rawan": "sangat rawan"}


@dataclass(frozen=True)
class Weights:
    baseline: float = 20.0  # points for an IKP score of 100
    tps_rawan: float = 5.0
    tps_sangat_rawan: float = 10.0
    incident_types: dict[str, float] = field(default_factory=dict)  # per type; else default
    incident_default: float = 4.0
    incident_severe: float = 6.0  # added per grave incident (dead, injured, buildings)
    incident_half_life: float = 14.0  # days
    incident_window: int = 60  # days looked back
    neighbour_share: float = 0.2  # of the incident points of the other desa of the kecamatan
    report_urgency: dict[str, float] = field(default_factory=dict)
    report_overdue: float = 3.0
    situation: dict[str, float] = field(default_factory=dict)
    situation_days: int = 30  # a reported situation fades to nothing over these days
    coverage: float = 10.0  # points when no activity for `coverage_days` or more
    coverage_days: int = 60
    election: float = 15.0  # points on a voting day
    election_days: int = 30  # nearness fades to nothing this many days from a stage
    media: float = 1.0  # per point of media signal
    rawan_from: float = 30.0
    sangat_rawan_from: float = 55.0


@dataclass(frozen=True)
class Inputs:
    """What the services know of one desa on one day."""

    ikp: float | None = None  # 0-100
    ikp_source: str = ""
    tps_class: str = ""
    incidents: tuple[tuple[int, dict[str, int], int], ...] = ()  # (age in days, types, severe)
    neighbour_points: float = 0.0
    open_reports: dict[str, int] = field(default_factory=dict)  # urgency -> open
    overdue_reports: int = 0
    situation: str = ""
    situation_age: int | None = None  # days
    last_activity_age: int | None = None  # days; None: none known
    stages: tuple[tuple[str, int], ...] = ()  # (stage named, days away)
    media: tuple[float, str] | None = None  # from sejuk.tension.media.signals


@dataclass(frozen=True)
class Part:
    points: float
    why: str


@dataclass(frozen=True)
class Tension:
    score: float
    level: str
    parts: dict[str, Part]
    baseline_only: bool

    @property
    def level_label(self) -> str:
        return LEVELS[self.level]

    def as_dict(self) -> dict[str, object]:
        return {
            "score": self.score,
            "level": self.level,
            "baseline_only": self.baseline_only,
            "parts": {name: {"points": p.points, "why": p.why} for name, p in self.parts.items()},
        }


RECORD_PARTS = ("incidents", "reports", "situation", "coverage")


def from_stored(score: float, level: str, parts: dict[str, Any], w: Weights) -> Tension:
    """A tension as stored (parts as {name: [points, why]}). Its baseline is all it has
    when each part that records feed reads as it reads with no record at all."""
    made = {name: Part(float(p[0]), str(p[1])) for name, p in parts.items()}
    empty = tension(Inputs(), w).parts
    only = all(made.get(name) == empty[name] for name in RECORD_PARTS)
    return Tension(score, level, made, only)


def inputs_key(x: Inputs) -> tuple[object, ...]:
    """Every value of ``x``, hashable: desa with equal keys have equal tension. Dicts
    keep their order (sums over them are taken in that order)."""
    return (
        x.ikp,
        x.ikp_source,
        x.tps_class,
        tuple((age, tuple(types.items()), severe) for age, types, severe in x.incidents),
        x.neighbour_points,
        tuple(x.open_reports.items()),
        x.overdue_reports,
        x.situation,
        x.situation_age,
        x.last_activity_age,
        x.stages,
        x.media,
    )


def level_of(score: float, w: Weights) -> str:
    if score >= w.sangat_rawan_from:
        return "sangat_rawan"
    if score >= w.rawan_from:
        return "rawan"
    return "kurang_rawan"


def incident_points(incidents: tuple[tuple[int, dict[str, int], int], ...], w: Weights) -> float:
    total = 0.0
    for age, types, severe in incidents:
        if age < 0 or age > w.incident_window:
            continue
        fade = 0.5 ** (age / w.incident_half_life)
        base = sum(n * w.incident_types.get(t, w.incident_default) for t, n in types.items())
        total += fade * (base + severe * w.incident_severe)
    return total


def tension(x: Inputs, w: Weights) -> Tension:
    parts = {
        "baseline": _baseline(x, w),
        "incidents": _incidents(x, w),
        "reports": _reports(x, w),
        "situation": _situation(x, w),
        "coverage": _coverage(x, w),
        "election": _election(x, w),
        "media": _media(x, w),
    }
    score = round(sum(p.points for p in parts.values()), 2)
    baseline_only = (
        not x.incidents
        and not x.neighbour_points
        and not x.open_reports
        and not x.situation
        and x.last_activity_age is None
    )
    return Tension(score, level_of(score, w), parts, baseline_only)


def _baseline(x: Inputs, w: Weights) -> Part:
    points = 0.0
    said = []
    if x.ikp is not None:
        points += w.baseline * max(0.0, min(100.0, x.ikp)) / 100
        said.append(f"IKP {x.ikp:.2f}" + (f" ({x.ikp_source})" if x.ikp_source else ""))
    if x.tps_class == "rawan":
        points += w.tps_rawan
    elif x.tps_class == "sangat_rawan":
        points += w.tps_sangat_rawan
    if x.tps_class:
        said.append(f"kelas TPS {TPS_LABELS.get(x.tps_class, x.tps_class)}")
    if not said:
        return Part(0.0, "Belum ada angka kerawanan dasar untuk wilayah ini.")
    return Part(round(points, 2), "Kerawanan pemilu: " + "; ".join(said) + ".")


def _incidents(x: Inputs, w: Weights) -> Part:
    own = incident_points(x.incidents, w)
    near = w.neighbour_share * x.neighbour_points
    count = sum(
        sum(types.values()) for age, types, _ in x.incidents if 0 <= age <= w.incident_window
    )
    if not count and not near:
        return Part(0.0, f"Tidak ada kejadian dalam {w.incident_window} hari terakhir.")
    said = []
    if count:
        said.append(
            f"{count} kejadian dalam {w.incident_window} hari, bobot memudar separuh "
            f"tiap {w.incident_half_life:g} hari ({own:.1f})"
        )
    if near:
        said.append(
            f"bagian {w.neighbour_share:.0%} dari kejadian di desa tetangga "
            f"sekecamatan ({near:.1f})"
        )
    text = "; ".join(said)
    return Part(round(own + near, 2), text[0].upper() + text[1:] + ".")


def _reports(x: Inputs, w: Weights) -> Part:
    open_total = sum(x.open_reports.values())
    if not open_total:
        return Part(0.0, "Tidak ada laporan masyarakat yang masih terbuka.")
    points = sum(n * w.report_urgency.get(u, 1.0) for u, n in x.open_reports.items())
    points += x.overdue_reports * w.report_overdue
    by = ", ".join(f"{n} {u}" for u, n in sorted(x.open_reports.items()) if n)
    late = f", {x.overdue_reports} melewati batas tanggapan" if x.overdue_reports else ""
    return Part(round(points, 2), f"{open_total} laporan terbuka ({by}){late}.")


def _situation(x: Inputs, w: Weights) -> Part:
    if not x.situation or x.situation_age is None or x.situation_age > w.situation_days:
        return Part(0.0, f"Tidak ada situasi dilaporkan dalam {w.situation_days} hari terakhir.")
    fade = max(0.0, 1 - x.situation_age / w.situation_days)
    points = w.situation.get(x.situation, 0.0) * fade
    when = "hari ini" if x.situation_age == 0 else f"{x.situation_age} hari lalu"
    return Part(
        round(points, 2), f"Situasi terakhir {x.situation.capitalize()}, dilaporkan {when}."
    )


def _coverage(x: Inputs, w: Weights) -> Part:
    if x.last_activity_age is None:
        return Part(
            round(w.coverage, 2),
            f"Tidak ada kegiatan Cooling System tercatat dalam {w.coverage_days} hari atau lebih.",
        )
    gap = min(x.last_activity_age, w.coverage_days)
    points = w.coverage * gap / w.coverage_days
    when = "hari ini" if x.last_activity_age == 0 else f"{x.last_activity_age} hari lalu"
    return Part(round(points, 2), f"Kegiatan terakhir {when}.")


def _media(x: Inputs, w: Weights) -> Part:
    if x.media is None:
        return Part(
            0.0,
            "Tidak ada sinyal pemantauan media yang dikonfirmasi analis untuk desa ini "
            "dalam 30 hari terakhir.",
        )
    return Part(round(w.media * x.media[0], 2), x.media[1])


def _election(x: Inputs, w: Weights) -> Part:
    near = [(abs(days), name, days) for name, days in x.stages if abs(days) <= w.election_days]
    if not near:
        return Part(0.0, "Tidak ada tahapan pemilihan yang dekat untuk wilayah ini.")
    distance, name, days = min(near)
    points = w.election * (1 - distance / (w.election_days + 1))
    when = "hari ini" if days == 0 else (f"{days} hari lagi" if days > 0 else f"{-days} hari lalu")
    return Part(round(points, 2), f"{name}: {when}.")


def neighbours_share(points: dict[str, float], code: str) -> float:
    """The incident points of the other desa of ``code``'s kecamatan."""
    kec = code.rsplit(".", 1)[0]
    return sum(p for c, p in points.items() if c != code and c.rsplit(".", 1)[0] == kec)
