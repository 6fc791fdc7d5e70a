"""National-scale generated data (``sejuk generate national``): who logs what, where and
when, for benchmarks and for trying Sejuk at the size of the nation.

Officers, leaders, activities, citizen reports and incidents over a window of days
(two years by default) across every desa that has a Polsek, with the skew of real use:
 - a few Polres log far more than others (a heavy-tailed weight per Polres, and per
   officer and desa within it);
 - fewer Bhabinkamtibmas than desa: one often covers two or three, some desa none;
 - activity rises around the votes on the calendar of known elections (the campaign,
   the voting day, the count), and locally around each region's re-vote (PSU 2025);
 - reports and incidents follow the same places and seasons, more sharply.
Everything comes from one seeded random generator: the same seed gives the same data.
Rows are marked (``is_demo``, and the generator's account as author) and ``removal``
takes them away again. Each app's table writer lives in the app (``national.py``); this
module only plans. The caller commits each chunk in its own short transaction
(``chunks`` yields when one is ready), so other writers keep flowing.
"""

from __future__ import annotations

import itertools
import math
import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any, Generic, TypeVar

from django.utils import timezone

from sejuk.accounts.national import generator_account
from sejuk.activities.models import Activity
from sejuk.activities.national import UTC_OFFSET, ActivityWriter, remove_activities
from sejuk.errors import Invalid
from sejuk.incidents.national import IncidentWriter, remove_incidents
from sejuk.leaders.national import remove_leaders, write_leaders
from sejuk.reference.elections import CALENDAR, REVOTES_2025
from sejuk.reference.zones import zone_of
from sejuk.regions.models import Level, Region
from sejuk.reports.demo import PLACES, STORIES
from sejuk.reports.national import ReportWriter, remove_reports
from sejuk.units.models import Officer, Unit, UnitLevel
from sejuk.units.national import remove_officers, write_officers

T = TypeVar("T")
# Who logs the activities: Bhabinkamtibmas, Polsek staff, Polres staff.
KIND_SHARES = {"bhabin": 0.75, "polsek": 0.20, "polres": 0.05}
WEEKDAY = (1.0, 1.0, 1.0, 1.0, 1.15, 1.0, 0.8)  # Friday's "Jumat Curhat", a quieter Sunday
LEADER_MET = 0.25  # share of Bhabinkamtibmas activities that meet a leader of the desa
INCIDENT_FROM_REPORT = 0.6  # share of incidents found behind a citizen report


@dataclass(frozen=True)
class Scale:
    activities: int = 5_000_000
    reports: int = 200_000
    incidents: int = 50_000
    seed: int = 2024
    days: int = 730
    end: date | None = None  # the last day (default: today)
    area: tuple[str, ...] = ()  # region codes to fill; empty: the whole country
    chunk: int = 20_000  # activities per transaction


@dataclass
class Result:
    desa: int = 0
    covered: int = 0
    bhabin: int = 0
    officers: int = 0
    leaders: int = 0
    activities: int = 0
    reports: int = 0
    incidents: int = 0
    rows: int = 0
    seconds: float = 0.0
    busiest: list[tuple[str, int]] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{dots(self.desa)} desa ({dots(self.covered)} dengan Bhabinkamtibmas), "
            f"{dots(self.officers)} personel ({dots(self.bhabin)} Bhabinkamtibmas), "
            f"{dots(self.leaders)} tokoh, {dots(self.activities)} kegiatan, "
            f"{dots(self.reports)} laporan, {dots(self.incidents)} kejadian; "
            f"{dots(self.rows)} baris dalam {self.seconds:.0f} detik "
            f"({dots(self.rows / max(self.seconds, 0.001))} baris/detik)"
        )


def dots(number: float) -> str:
    """A count the Indonesian way: 5.000.000."""
    return f"{round(number):,}".replace(",", ".")


@dataclass(frozen=True)
class Actor:
    """Who logs activities: one Bhabinkamtibmas, or a unit's staff; where they work."""

    unit_id: int
    kind: str
    officers: tuple[tuple[int, str], ...]
    villages: tuple[str, ...]


class Spread(Generic[T]):
    """Items (actors, desa) with weights, drawn per day: everywhere by the national
    season, and in a re-voting region additionally around its own vote."""

    def __init__(
        self,
        items: Sequence[T],
        weights: Sequence[float],
        region_of: Callable[[T], str],
        revotes: Sequence[tuple[str, date]],
    ) -> None:
        self.items = list(items)
        self.revotes = revotes
        total = sum(weights) or 1.0
        self.cum = list(itertools.accumulate(w / total for w in weights))
        self.local: dict[str, tuple[list[T], list[float], float]] = {}
        for prefix, _ in revotes:
            chosen = [
                (item, w / total)
                for item, w in zip(items, weights, strict=True)
                if _within(region_of(item), prefix)
            ]
            if chosen and prefix not in self.local:
                share = sum(w for _, w in chosen)
                cum = list(itertools.accumulate(w for _, w in chosen))
                self.local[prefix] = ([item for item, _ in chosen], cum, share)

    def expected(self, day: date, sharpness: float) -> tuple[float, dict[str, float]]:
        """The day's weight everywhere, and the extra weight of each re-voting region."""
        extra = {
            prefix: self.local[prefix][2] * bump * sharpness
            for prefix, bump in local_bumps(day, self.revotes).items()
            if prefix in self.local
        }
        return national_factor(day, sharpness), extra

    def draw(self, rng: random.Random, k: int, prefix: str = "") -> list[T]:
        if k <= 0:
            return []
        if prefix:
            items, cum, _ = self.local[prefix]
            return rng.choices(items, cum_weights=cum, k=k)
        return rng.choices(self.items, cum_weights=self.cum, k=k)


def national_factor(day: date, sharpness: float = 1.0) -> float:
    """How busy a day is everywhere, 1 on an ordinary weekday: higher inside an
    election's window, much higher in the weeks around its vote."""
    rise = 0.0
    for election in CALENDAR:
        if election.kind == "psu":
            continue  # re-votes are local: see local_bump
        if election.opens <= day <= election.closes:
            rise += 0.3
        gap = (day - election.first_vote).days
        width = 12 if gap < 0 else 5  # the build-up is longer than the aftermath
        rise += 2.5 * math.exp(-((gap / width) ** 2))
    return WEEKDAY[day.weekday()] * (1 + rise * sharpness)


def local_bumps(day: date, revotes: Sequence[tuple[str, date]]) -> dict[str, float]:
    """How much busier than usual each re-voting region is on ``day`` (5 times more on
    its voting day, fading over two or three weeks)."""
    return {
        code: 5.0 * math.exp(-(((day - vote).days / 7) ** 2))
        for code, vote in revotes
        if abs((day - vote).days) <= 21
    }


def incident_story(rng: random.Random, kind: str) -> str:
    """A generated incident's description: the citizens' story of its kind, at a place."""
    story = next((text for category, text in STORIES if category == kind), STORIES[-1][1])
    return story.format(tempat=rng.choice(PLACES))


def _within(code: str, prefix: str) -> bool:
    return code == prefix or code.startswith(prefix + ".")


def _allocate(total: int, weights: Sequence[float]) -> list[int]:
    """``total`` split in proportion to ``weights``, exactly (largest remainders)."""
    whole = sum(weights)
    if total <= 0 or whole <= 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    left = total - sum(counts)
    order = sorted(range(len(shares)), key=lambda i: counts[i] - shares[i])
    for i in order[:left]:
        counts[i] += 1
    return counts


class Plan:
    """The whole generation: read the reference data, then ``people``, then ``flush``
    at each step of ``chunks``, then ``finish``; each in the caller's transaction."""

    def __init__(self, scale: Scale, log: Callable[[str], None] = print) -> None:
        if Activity.objects.filter(is_demo=True).exists():
            raise Invalid(
                "Sudah ada data demo atau data bangkitan: hapus dulu dengan "
                "`sejuk demo --remove` atau `sejuk generate national --remove`."
            )
        for name in ("activities", "reports", "incidents", "days", "chunk"):
            minimum = 1 if name in ("days", "chunk") else 0
            if getattr(scale, name) < minimum:
                raise Invalid(f"--{name} paling kecil {minimum}.")
        self.scale, self.log = scale, log
        self.rng = random.Random(scale.seed)
        self.end = scale.end or timezone.localdate()
        if self.end > timezone.localdate():
            raise Invalid("--end tidak boleh sesudah hari ini: data bangkitan tidak di masa depan.")
        self.now = min(timezone.now(), datetime.combine(self.end, datetime.max.time(), tzinfo=UTC))
        self.days = [self.end - timedelta(days=n) for n in range(scale.days - 1, -1, -1)]
        self.result = Result()
        self.started = time.perf_counter()
        self._load_regions()

    # -- reference data ---------------------------------------------------------------

    def _load_regions(self) -> None:
        area = self.scale.area
        desa = Region.objects.filter(level=Level.DESA).values_list("code", "name")
        self.desa_names = {c: n for c, n in desa if not area or any(_within(c, a) for a in area)}
        if not self.desa_names:
            raise Invalid("Tidak ada desa di wilayah itu: muat dulu dengan `sejuk setup`.")
        units = {
            u.pk: u
            for u in Unit.objects.filter(active=True).only("pk", "name", "level", "parent_id")
        }
        covers: dict[str, list[int]] = {}
        for unit_id, code in Unit.area.through.objects.values_list("unit_id", "region_id"):
            if unit_id in units:
                covers.setdefault(code, []).append(unit_id)
        self.units = units
        # Each Polsek's desa, and each desa's Polsek, Polres and Polda by the rule of
        # sejuk.units.routing.responsible_for: of the units whose area covers it, per level
        # the first.
        self.polsek_desa: dict[int, list[str]] = {}
        self.route_unit: dict[str, int] = {}
        for code in self.desa_names:
            parts = code.split(".")
            found: dict[str, int] = {}
            for n in range(len(parts), 0, -1):
                for unit_id in covers.get(".".join(parts[:n]), ()):
                    level = units[unit_id].level
                    if level not in found or unit_id < found[level]:
                        found[level] = unit_id
            for level in (UnitLevel.POLSEK, UnitLevel.POLRES, UnitLevel.POLDA, UnitLevel.MABES):
                if level in found:
                    self.route_unit[code] = found[level]
                    break
            if UnitLevel.POLSEK in found:
                self.polsek_desa.setdefault(found[UnitLevel.POLSEK], []).append(code)
        self.parent = {pk: u.parent_id for pk, u in units.items() if u.parent_id in units}
        self.polres_of = {
            pk: parent
            for pk in self.polsek_desa
            if (parent := self.parent.get(pk)) is not None
            and units[parent].level == UnitLevel.POLRES
        }
        self.result.desa = sum(len(v) for v in self.polsek_desa.values())
        regions = dict(
            Region.objects.filter(
                level__in=(Level.PROVINSI, Level.KABKOTA), name__in=[n for n, _ in REVOTES_2025]
            ).values_list("name", "code")
        )
        self.psu = tuple((regions[name], when) for name, when in REVOTES_2025 if name in regions)

    # -- people ----------------------------------------------------------------------

    def people(self) -> None:
        """The marker account, officers and leaders (one transaction, the caller's)."""
        rng = self.rng
        account = generator_account(create=True)
        assert account is not None
        self.by = account.pk
        polres_ids = sorted(set(self.polres_of.values()))
        poldas = sorted({self.parent[p] for p in polres_ids if p in self.parent})
        staffed = [(pk, self.units[pk].level) for pk in [*poldas, *polres_ids, *self.polsek_desa]]
        polseks = [(pk, desa) for pk, desa in sorted(self.polsek_desa.items())]
        self.staff = write_officers(rng, polseks, staffed)
        all_desa = sorted(d for desa in self.polsek_desa.values() for d in desa)
        self.leaders = write_leaders(rng, all_desa, self.by)
        existing = dict(
            Officer.villages.through.objects.filter(
                officer__active=True, officer__is_bhabinkamtibmas=True
            )
            .exclude(officer_id__in=[b.officer_id for b in self.staff.beats])
            .order_by("-officer_id")
            .values_list("region_id", "officer_id")
        )
        self.route_officer: dict[str, tuple[int, str]] = {}
        self.route_officer_unit: dict[str, int] = {}
        for beat in sorted(self.staff.beats, key=lambda b: b.officer_id):
            for code in beat.villages:
                if code not in existing and code not in self.route_officer:
                    self.route_officer[code] = (beat.officer_id, beat.name)
                    self.route_officer_unit[code] = beat.unit_id
        r = self.result
        r.officers = self.staff.officers
        r.bhabin = len(self.staff.beats)
        r.covered = len({d for b in self.staff.beats for d in b.villages})
        r.leaders = sum(len(v) for v in self.leaders.values())
        self.log(
            f"Personel: {dots(r.officers)} ({dots(r.bhabin)} Bhabinkamtibmas untuk "
            f"{dots(r.desa)} desa, {dots(r.covered)} desa terbina); tokoh: {dots(r.leaders)}."
        )

    # -- activities, reports, incidents ------------------------------------------------

    def _spreads(self) -> tuple[Spread[Actor], Spread[str]]:
        rng = self.rng
        polres_weight = {
            pk: rng.lognormvariate(0, 1.2) for pk in sorted(set(self.polres_of.values()))
        }

        def weight_of(polsek: int) -> float:
            return polres_weight.get(self.polres_of.get(polsek, -1), 1.0)

        actors: list[Actor] = []
        weights: list[float] = []
        kinds: list[str] = []
        for beat in self.staff.beats:
            actors.append(
                Actor(beat.unit_id, "bhabin", ((beat.officer_id, beat.name),), beat.villages)
            )
            weights.append(weight_of(beat.unit_id) * rng.lognormvariate(0, 0.5))
            kinds.append("bhabin")
        for polsek, desa in sorted(self.polsek_desa.items()):
            staff = tuple(self.staff.by_unit.get(polsek, ()))
            if staff:
                actors.append(Actor(polsek, "polsek", staff, tuple(desa)))
                weights.append(weight_of(polsek) * rng.lognormvariate(0, 0.4))
                kinds.append("polsek")
        by_polres: dict[int, list[str]] = {}
        for polsek, desa in self.polsek_desa.items():
            if polsek in self.polres_of:
                by_polres.setdefault(self.polres_of[polsek], []).extend(desa)
        for polres, desa in sorted(by_polres.items()):
            staff = tuple(self.staff.by_unit.get(polres, ()))
            if staff:
                actors.append(Actor(polres, "polres", staff, tuple(sorted(desa))))
                weights.append(polres_weight[polres])
                kinds.append("polres")
        sums = {
            k: sum(w for w, kk in zip(weights, kinds, strict=True) if kk == k) for k in KIND_SHARES
        }
        weights = [
            w * KIND_SHARES[k] / sums[k] if sums[k] else 0.0
            for w, k in zip(weights, kinds, strict=True)
        ]
        desa_items: list[str] = []
        desa_weights: list[float] = []
        for polsek, desa in sorted(self.polsek_desa.items()):
            for code in desa:
                desa_items.append(code)
                desa_weights.append(weight_of(polsek) * rng.lognormvariate(0, 0.7))
        return (
            Spread(actors, weights, lambda a: a.villages[0], self.psu),
            Spread(desa_items, desa_weights, lambda d: d, self.psu),
        )

    def _daily(
        self, spread: Spread[Any], total: int, sharpness: float
    ) -> list[list[tuple[str, int]]]:
        """Per day, how many items to draw everywhere ('') and in each re-voting region."""
        parts = [spread.expected(day, sharpness) for day in self.days]
        per_day = _allocate(total, [n + sum(extra.values()) for n, extra in parts])
        plan = []
        for count, (national, extra) in zip(per_day, parts, strict=True):
            keys = ["", *extra]
            plan.append(list(zip(keys, _allocate(count, [national, *extra.values()]), strict=True)))
        return plan

    def chunks(self) -> Iterator[int]:
        """Plan day after day; yield whenever a chunk is ready for the caller to
        ``flush`` in a transaction. Yields the day's index."""
        rng, scale = self.rng, self.scale
        actors, places = self._spreads()
        activity_days = self._daily(actors, scale.activities, 1.0)
        report_days = self._daily(places, scale.reports, 2.0)
        incident_days = self._daily(places, scale.incidents, 2.5)
        unit_names = {pk: u.name for pk, u in self.units.items()}
        self.activities = ActivityWriter(
            rng, by=self.by, now=self.now, unit_names=unit_names, desa_names=self.desa_names
        )
        self.incidents = IncidentWriter(
            rng, by=self.by, now=self.now, describe=lambda kind: incident_story(rng, kind)
        )
        self.reports = ReportWriter(rng, by=self.by, now=self.now, incidents=self.incidents)
        for n, day in enumerate(self.days):
            heat = min(1.0, (national_factor(day) / WEEKDAY[day.weekday()] - 1) / 3)
            bumps = local_bumps(day, self.psu)
            for prefix, k in activity_days[n]:
                local = bumps.get(prefix, 0.0) / 5
                for actor in actors.draw(rng, k, prefix):
                    self._activity(day, actor, min(1.0, heat + local))
            eligible = []
            for prefix, k in report_days[n]:
                for desa in places.draw(rng, k, prefix):
                    found = self._report(day, desa)
                    if found is not None:
                        eligible.append(found)
            for prefix, k in incident_days[n]:
                for desa in places.draw(rng, k, prefix):
                    if eligible and rng.random() < INCIDENT_FROM_REPORT:
                        self.reports.link_incident(eligible.pop(rng.randrange(len(eligible))))
                    else:
                        self.incidents.add(self._moment(day, desa), desa)
            pending = max(len(self.activities.pending), len(self.reports.pending))
            if pending >= scale.chunk or n == len(self.days) - 1:
                yield n

    def _activity(self, day: date, actor: Actor, heat: float) -> None:
        rng = self.rng
        desa = rng.choice(actor.villages)
        officers = actor.officers
        if actor.kind != "bhabin":
            officers = tuple(rng.sample(officers, k=min(len(officers), rng.choice((1, 2)))))
        met: tuple[int, ...] = ()
        if actor.kind == "bhabin" and rng.random() < LEADER_MET and self.leaders.get(desa):
            met = (rng.choice(self.leaders[desa]),)
        self.activities.add(day, desa, actor.unit_id, actor.kind, officers, heat, met)

    def _moment(self, day: date, desa: str) -> datetime:
        """A moment of ``day`` in the desa's own zone, never after now."""
        midnight = datetime(day.year, day.month, day.day, tzinfo=UTC) - timedelta(
            hours=UTC_OFFSET[zone_of(desa)]
        )
        span = min(timedelta(days=1), self.now - midnight)
        return midnight + span * self.rng.random()

    def _report(self, day: date, desa: str) -> int | None:
        officer = self.route_officer.get(desa)
        unit = self.route_officer_unit[desa] if officer else self.route_unit[desa]
        return self.reports.add(self._moment(day, desa), desa, unit, officer)

    def finish(self) -> None:
        """After the last chunk (in a transaction): fresh planner statistics."""
        self.activities.finish()
        self.reports.finish()
        self.incidents.finish()

    def flush(self) -> str:
        """Write the chunk planned so far (call inside a transaction); a progress line."""
        self.activities.flush()
        self.reports.flush()
        r = self.result
        r.activities, r.reports = self.activities.written, self.reports.written
        r.incidents = self.incidents.written
        r.rows = (
            r.officers + r.leaders + self.activities.rows + self.reports.rows + self.incidents.rows
        )
        r.seconds = time.perf_counter() - self.started
        return (
            f"  {dots(r.activities)}/{dots(self.scale.activities)} kegiatan, "
            f"{dots(r.reports)} laporan, {dots(r.incidents)} kejadian: "
            f"{dots(r.activities / r.seconds)} kegiatan/detik, "
            f"{dots(r.rows / r.seconds)} baris/detik"
        )


def removal() -> Iterator[tuple[str, Callable[[], int]]]:
    """The steps that take generated data away: each removes a chunk and returns how
    many; call it (in a transaction) until it returns 0."""
    account = generator_account()
    if account is None:
        return
    by = account.pk
    yield "laporan", lambda: remove_reports(by)
    yield "kejadian", lambda: remove_incidents(by)
    yield "kegiatan", lambda: remove_activities(by)
    yield "tokoh", lambda: remove_leaders(by)
    yield "personel", remove_officers
    yield "akun", lambda: account.delete()[0] if account.pk else 0
