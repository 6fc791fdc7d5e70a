"""Finding what turned. Records (a darurat report, a grave incident) are looked at by a
job their writer queued in its own transaction (``watch``); the picture's turns (a desa
rising to rawan, a jump in 24 hours, a rawan desa left unvisited) and passed deadlines
by a round every few minutes, comparing what the tension upkeep stored. Each finding
goes to ``services.raise_alert`` with a key naming what raised it, so finding it again
raises nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F, Max, OuterRef, Q, Subquery
from django.utils import timezone

from sejuk import dates
from sejuk.activities.models import Activity
from sejuk.incidents.models import Incident
from sejuk.reference.zones import zone_of
from sejuk.regions.names import place_name, place_names
from sejuk.reports import services as reports
from sejuk.reports.models import Report, Urgency
from sejuk.tension.figures import severity
from sejuk.tension.models import Tension
from sejuk.tension.score import LEVELS

from . import rules
from .services import raise_alert, seen

# Deadlines that passed this long ago are still caught (a server that was down).
OVERDUE_LOOKBACK = timedelta(days=2)
# At most this many findings of a kind per round, the tensest first: the first round on
# a whole province finds every rawan desa never visited; the next rounds find the rest
# (their keys keep what was raised from being raised again).
ROUND_LIMIT = 500


def is_severe(incident: Incident) -> bool:
    """A severe type (``SEJUK_ALERT_SEVERE_TYPES``), or grave by its toll."""
    grave = severity(
        incident.dead, incident.injured, incident.damaged_buildings, incident.damaged_vehicles
    )
    return grave == "berat" or bool(set(incident.types) & set(settings.ALERT_SEVERE_TYPES))


def _when(moment: datetime, code: str) -> str:
    return dates.moment_in_zone(moment, zone_of(code))


def incident_recorded(incident: Incident) -> bool:
    if not is_severe(incident):
        return False
    moment = incident.occurred_at or incident.created_at
    toll = []
    if incident.dead:
        toll.append(f"{incident.dead} meninggal")
    if incident.injured:
        toll.append(f"{incident.injured} luka")
    text = f"Kejadian berat: {incident.kinds()} di {_desa(incident.region_id)}"
    text += f", {_when(moment, incident.region_id)}" if moment else ""
    text += f" ({', '.join(toll)})." if toll else "."
    return bool(
        raise_alert(
            rules.KEJADIAN_BERAT,
            incident.region_id,
            subject=("kejadian", incident.pk),
            text=text + " Mohon segera ditindaklanjuti.",
            key=f"kejadian:{incident.pk}",
        )
    )


def report_arrived(report: Report) -> bool:
    if report.urgency != Urgency.DARURAT:
        return False
    due = _when(report.due_at, report.region_id)
    text = (
        f"Laporan darurat {report.code} ({report.get_category_display()}) di "
        f"{_desa(report.region_id)}. Batas tanggapan pertama {due}."
    )
    return bool(
        raise_alert(
            rules.DARURAT,
            report.region_id,
            subject=("laporan", report.pk),
            text=text,
            key=f"darurat:{report.pk}",
        )
    )


def on_record(payload: dict[str, Any]) -> str:
    """The job a writer queued: look at the record it wrote, alert when a rule says so."""
    with transaction.atomic():
        if payload.get("kind") == "kejadian":
            incident = Incident.objects.select_related("region").filter(pk=payload["id"]).first()
            raised = incident is not None and incident_recorded(incident)
        else:
            report = Report.objects.select_related("region").filter(pk=payload["id"]).first()
            raised = report is not None and report_arrived(report)
    return "peringatan dibuat" if raised else "tidak ada peringatan baru"


# --- the periodic round -------------------------------------------------------------


def overdue(now: datetime) -> int:
    """Reports past their first-response deadline (in the last two days) with no
    response, each once; at most ``ROUND_LIMIT`` new ones a round."""
    late = reports.overdue(Report.objects.all(), now).filter(due_at__gt=now - OVERDUE_LOOKBACK)
    ids = list(late.order_by("due_at").values_list("pk", flat=True))
    known = seen([f"terlambat:{pk}" for pk in ids])
    fresh = [pk for pk in ids if f"terlambat:{pk}" not in known][:ROUND_LIMIT]
    raised = 0
    for report in Report.objects.filter(pk__in=fresh).order_by("due_at"):
        text = (
            f"Laporan {report.code} ({report.get_category_display()}) di "
            f"{_desa(report.region_id)} melewati batas tanggapan pertama "
            f"({_when(report.due_at, report.region_id)}) tanpa tanggapan."
        )
        raised += bool(
            raise_alert(
                rules.TERLAMBAT,
                report.region_id,
                subject=("laporan", report.pk),
                text=text,
                key=f"terlambat:{report.pk}",
                now=now,
            )
        )
    return raised


def _rank(level: str | None) -> int:
    return list(LEVELS).index(level) if level in LEVELS else -1


def _rose() -> Q:
    """Today's level is an alerting one and yesterday's was lower."""
    q = Q(pk__in=[])
    for level in settings.ALERT_LEVELS:
        q |= Q(level=level, prev_level__in=[lv for lv in LEVELS if _rank(lv) < _rank(level)])
    return q


def tension_turns(day: date, now: datetime) -> int:
    """Desa that rose to an alerting level since the day before, or jumped by more than
    ``SEJUK_ALERT_RISE_POINTS``: one query, the day before read beside each row, only
    the rows that turned."""
    before = Tension.objects.filter(
        day=day - timedelta(days=1), region_code=OuterRef("region_code")
    )
    rows = list(
        Tension.objects.filter(day=day)
        .annotate(
            prev_score=Subquery(before.values("score")[:1]),
            prev_level=Subquery(before.values("level")[:1]),
        )
        .filter(prev_score__isnull=False)
        .filter(_rose() | Q(score__gt=F("prev_score") + settings.ALERT_RISE_POINTS))
        .order_by("-score", "region_code")
        .values_list("region_code", "score", "level", "prev_score", "prev_level")
    )
    found = []
    for code, score, level, prev_score, prev_level in rows:
        name = LEVELS.get(level, level).lower()
        if level in settings.ALERT_LEVELS and _rank(level) > _rank(prev_level):
            was = LEVELS.get(prev_level, prev_level).lower()
            text = f"naik dari {was} menjadi {name} (skor {score:.0f})."
            found.append((rules.NAIK_RAWAN, code, "{desa} " + text, f"naik:{code}:{day}:{level}"))
        if score - prev_score > settings.ALERT_RISE_POINTS:
            text = (
                f"naik {score - prev_score:.0f} poin dalam 24 jam "
                f"(dari {prev_score:.0f} ke {score:.0f}, {name})."
            )
            found.append(
                (rules.LONJAKAN, code, "Kerawanan {desa} " + text, f"lonjakan:{code}:{day}")
            )
    return _raise_new(found, now)


def _raise_new(found: list[tuple[str, str, str, str]], now: datetime) -> int:
    """Raise what was not found before, at most ``ROUND_LIMIT`` a round; each text
    names its desa where it says ``{desa}`` (the names read for these only)."""
    known = seen([key for *_, key in found])
    fresh = [f for f in found if f[3] not in known][:ROUND_LIMIT]
    names = place_names(code for _, code, _, _ in fresh)
    return sum(
        bool(
            raise_alert(
                rule,
                code,
                subject=("desa", code),
                text=text.replace("{desa}", names.get(code, code)),
                key=key,
                now=now,
            )
        )
        for rule, code, text, key in fresh
    )


def _desa(code: str) -> str:
    return place_name(code)


def unvisited(day: date, now: datetime) -> int:
    """Rawan (or worse) desa with no activity for more than ``SEJUK_ALERT_UNVISITED_DAYS``
    days: once per absence (the key names the last visit)."""
    codes = list(
        Tension.objects.filter(day=day, level__in=settings.ALERT_LEVELS)
        .order_by("-score", "region_code")
        .values_list("region_code", "level")
    )
    if not codes:
        return 0
    last = dict(
        Activity.objects.filter(region_id__in=[c for c, _ in codes])
        .values("region_id")
        .annotate(last=Max("local_date"))
        .values_list("region_id", "last")
    )
    limit = settings.ALERT_UNVISITED_DAYS
    found = []
    for code, level in codes:
        seen_on = last.get(code)
        if seen_on is not None and (day - seen_on).days <= limit:
            continue
        since = (
            f"sejak {dates.release_date(seen_on)} ({(day - seen_on).days} hari)"
            if seen_on
            else "belum pernah tercatat"
        )
        text = (
            f"{LEVELS[level].lower()} dan tidak dikunjungi {since}. "
            "Mohon jadwalkan sambang atau patroli."
        )
        found.append(
            (
                rules.BELUM_DIKUNJUNGI,
                code,
                "{desa} " + text,
                f"belum:{code}:{seen_on or 'tidak-pernah'}",
            )
        )
    return _raise_new(found, now)


def check_round(now: datetime | None = None) -> str:
    """The periodic round: deadlines passed, and the latest stored day of tension."""
    now = now or timezone.now()
    with transaction.atomic():
        late = overdue(now)
    day = Tension.objects.filter(day__lte=now.date() + timedelta(days=1)).aggregate(d=Max("day"))[
        "d"
    ]
    turned = quiet = 0
    if day is not None:
        with transaction.atomic():
            turned = tension_turns(day, now)
        with transaction.atomic():
            quiet = unvisited(day, now)
    return f"{late} laporan terlambat, {turned} desa berubah, {quiet} desa lama tak dikunjungi"
