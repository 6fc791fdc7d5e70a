"""The picture's reading services on stored tension: rises over 7 days, and the map's
levels per region level."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from sejuk.tension import score, services
from sejuk.tension.models import Tension

pytestmark = pytest.mark.django_db
DAY = date(2024, 11, 27)


def store(code: str, day: date, value: float, level: str = "kurang_rawan") -> None:
    Tension.objects.create(region_code=code, day=day, score=value, level=level, parts={})


def test_rises_rank_the_desa_that_rose_most_in_seven_days_within_the_area():
    week_ago = DAY - timedelta(days=7)
    today: dict[str, score.Tension] = {}
    for code, before, now in (
        ("52.01.07.2001", 10, 40),  # +30
        ("52.01.07.2002", 10, 20),  # +10
        ("52.01.07.2003", 30, 20),  # fell
        ("52.02.01.2001", 0, 90),  # outside the area
        ("52.01.07.2004", None, 50),  # no figure a week before: no rise
    ):
        if before is not None:
            store(code, week_ago, before)
        today[code] = score.Tension(now, "kurang_rawan", {}, baseline_only=False)
    services.store_tensions(DAY, None, today, {})
    found = services.rises(("52.01",), DAY)
    assert [(r.code, r.rise) for r in found] == [("52.01.07.2001", 30), ("52.01.07.2002", 10)]


def test_the_map_reads_each_region_by_its_highest_desa():
    store("52.01.07.2001", DAY, 40, "rawan")
    store("52.01.07.2002", DAY, 60, "sangat_rawan")
    store("52.01.01.1001", DAY, 5)
    assert services.levels("52.01", 3, DAY) == {
        "52.01.07": (60, "sangat_rawan"),
        "52.01.01": (5, "kurang_rawan"),
    }
    assert services.levels(None, 1, DAY) == {"52": (60, "sangat_rawan")}
