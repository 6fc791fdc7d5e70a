"""Counts per area and last visits, as the recap and coverage read them."""

from datetime import date, timedelta

import pytest

from sejuk.regions.models import Region
from sejuk.regions.services import villages_in
from sejuk.tension import lastvisit, services
from tests.factories import log_activity
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
TODAY = date.today()


def test_an_area_counts_its_desa_and_the_records_placed_on_the_area_itself(world):
    day = TODAY - timedelta(days=1)
    log_activity(world.users["operator"], region=SEKOTONG_BARAT, types=["sambang"], date=day)
    log_activity(world.users["operator"], region="52.01", types=["dialog", "sambang"], date=day)
    log_activity(world.users["operator"], region=GERUNG_UTARA, types=["dialog"], date=day)
    found = services.activity_sums(
        {
            "kec": ("52.01.07",),
            "kab": ("52.01",),
            "ntb": ("52",),
            "all": None,
            "desa": (GERUNG_UTARA,),
            "both": ("52.01.07", SEKOTONG_BARAT),
        },
        day,
        day,
    )
    assert (found["kec"].activities, found["kec"].types) == (1, {"sambang": 1})
    assert found["kab"].activities == found["ntb"].activities == found["all"].activities == 3
    assert found["kab"].types == {"sambang": 2, "dialog": 2}
    assert found["desa"].activities == 1 and found["desa"].days == {day: 1}
    assert found["both"].activities == 1  # a desa inside the kecamatan counts once
    assert services.activity_sums({"kab": ("52.01",)}, TODAY, TODAY)["kab"].activities == 0


def test_a_past_days_coverage_takes_the_last_visit_before_that_day(world):
    for back in (10, 2):
        log_activity(
            world.users["bhabin"], region=SEKOTONG_BARAT, date=TODAY - timedelta(days=back)
        )
    assert services.last_visits(("52.01",), TODAY) == {SEKOTONG_BARAT: TODAY - timedelta(days=2)}
    assert services.last_visits(("52.01",), TODAY - timedelta(days=5)) == {
        SEKOTONG_BARAT: TODAY - timedelta(days=10)
    }
    assert services.last_visits(("52.01",), TODAY - timedelta(days=11)) == {}
    assert lastvisit.replace() == 1


def test_the_desa_of_an_area_are_found_down_the_parent_links():
    for area in [("52",), ("52.01",), ("52.01.07",), (SEKOTONG_BARAT,), ("52.01.07", "52.02")]:
        found = set(Region.objects.filter(villages_in(area)).values_list("code", flat=True))
        expected = {
            c
            for c in Region.objects.filter(level=4).values_list("code", flat=True)
            if any(c == a or c.startswith(a + ".") for a in area)
        }
        assert found == expected and found
    assert not Region.objects.filter(villages_in(())).exists()
    assert not Region.objects.filter(villages_in(("5",))).exists()


def test_the_area_rows_skip_areas_with_nothing_to_count(world):
    log_activity(world.users["bhabin"], region=SEKOTONG_BARAT)
    services.catch_up()
    from sejuk.tension.models import AreaFigures

    codes = set(AreaFigures.objects.values_list("region_code", flat=True))
    assert codes == {"52.01.07", "52.01", "52", ""}
