"""The area summary (desa per level, reached in 30 days, in all, per kecamatan and up)
that the commander's counts and trend read equals counting the stored tension and the
daily figures directly, after the same random mix of writes the upkeep test plays, for
the nation, a province, a Polres, a kecamatan and a bhabinkamtibmas' own desa."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import transaction
from django.db.models import Count
from django.db.models.functions import Length
from django.utils import timezone

from sejuk.tension import compute, services, summary
from sejuk.tension.codes import area_q
from sejuk.tension.models import AreaDay, DayFigures, Tension
from tests.tension.test_upkeep import play


def counted(area: tuple[str, ...] | None, day) -> summary.Counts:
    """What the summary must say, counted from the stored rows themselves."""
    out = summary.Counts()
    rows = Tension.objects.filter(area_q(area), day=day).values("level").annotate(n=Count("id"))
    for row in rows:
        out.levels[row["level"]] += row["n"]
        out.villages += row["n"]
    out.reached = (
        DayFigures.objects.filter(
            area_q(area),
            day__range=(day - timedelta(days=summary.REACH_DAYS - 1), day),
            activities__gt=0,
        )
        .alias(n=Length("region_code"))
        .filter(n=13)
        .values("region_code")
        .distinct()
        .count()
    )
    return out


def rows(day) -> list[tuple]:
    return sorted(AreaDay.objects.filter(day=day).values_list(*("region_code", *summary.COLUMNS)))


@pytest.mark.django_db
def test_the_summary_kept_with_the_writes_equals_counting_the_stored_rows():
    day = compute.local_today("52", timezone.now())
    with transaction.atomic():
        services.recompute(day, prefix="52")  # the province's picture before the writes
    play(seed=7, steps=40)
    kept = rows(day)
    desa = list(
        Tension.objects.filter(day=day, region_code__startswith="52.01.07.")
        .order_by("region_code")
        .values_list("region_code", flat=True)[:3]
    )
    areas = [None, ("52",), ("52.01",), ("52.01.07",), tuple(desa), ("52.01", "52.01.07")]
    found = {area: summary.total(area, day) for area in areas}
    assert found[("52.01",)].reached > 0  # the writes reached desa
    assert sum(found[None].levels.values()) == found[None].villages > 1000
    for area in areas:
        assert found[area] == counted(area, day), area
    with transaction.atomic():
        summary.recount(day)
    assert rows(day) == kept


@pytest.mark.django_db
def test_the_trend_reads_one_row_per_day_and_leaves_out_days_without_tension():
    day = compute.local_today("52", timezone.now())
    for back in (0, 2):
        with transaction.atomic():
            services.recompute(day - timedelta(days=back), prefix="52.01.07")
    trend = services.trend(("52.01",), day, days=3)
    villages = Tension.objects.filter(day=day).count()
    assert [sum(levels.values()) for _, levels in trend] == [villages, 0, villages]
