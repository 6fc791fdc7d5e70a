"""Where a viewer works: their zone and their today, whatever the server's clock says."""

from datetime import UTC, date, datetime

import pytest

from sejuk.accounts.access import ANONYMOUS, viewer_for
from sejuk.accounts.workplace import today_for, zone_for
from sejuk.units.models import Unit
from tests.personas import make_user

pytestmark = pytest.mark.django_db
# 23.30 WIB on Sunday 8 December 2024: already the 9th in WITA and WIT.
LATE_EVENING_IN_JAKARTA = datetime(2024, 12, 8, 16, 30, tzinfo=UTC)


def test_a_bhabinkamtibmas_of_lombok_works_in_wita(world):
    bhabin = viewer_for(world.users["bhabin"])
    assert zone_for(bhabin) == "WITA"
    assert today_for(bhabin, LATE_EVENING_IN_JAKARTA) == date(2024, 12, 9)


def test_an_operator_works_in_the_zone_of_their_units_home_region(world):
    assert zone_for(viewer_for(world.users["operator"])) == "WITA"
    papua = Unit.objects.get(name="Polresta Jayapura Kota")
    operator = viewer_for(make_user("operator_jayapura", papua.name, "operator"))
    assert zone_for(operator) == "WIT"


def test_a_viewer_without_a_place_works_in_jakartas_zone():
    assert zone_for(ANONYMOUS) == "WIB"
    assert today_for(ANONYMOUS, LATE_EVENING_IN_JAKARTA) == date(2024, 12, 8)
