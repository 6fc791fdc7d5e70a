"""One score per desa and day, whichever page shows it: the desa page, the ranking (page
and API), a region's picture and the map read the same figure, the neighbours' share of
a clash in the kecamatan included, for the pimpinan of Polres Lombok Barat."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone

from sejuk.regions.models import Level, Region
from sejuk.tension import services
from sejuk.tension.models import Tension
from sejuk.web.templatetags.sejuk_tags import skor
from tests.personas import SEKOTONG_BARAT
from tests.tension.test_pages import signed_in

pytestmark = pytest.mark.django_db


def neighbour_of(code: str) -> str:
    kec = code.rsplit(".", 1)[0]
    found = Region.objects.filter(level=Level.DESA, code__startswith=kec + ".").exclude(code=code)
    return found.order_by("code").values_list("code", flat=True).first()


def desa_page_figures(client, code: str) -> tuple[str, str, str]:
    html = client.get(f"/desa/{code}/").content.decode()
    level = re.search(r'class="level lv-([a-z_]+)"', html).group(1)
    shown = re.search(r'<span class="muted">skor ([^<]+)</span>', html).group(1)
    return level, shown, html


@pytest.mark.parametrize("which", ["clash", "neighbour"])
def test_a_desa_shows_one_score_on_its_page_the_ranking_and_the_map(client, world, tense, which):
    """Lalu Ahmad, pimpinan of Polres Lombok Barat, opens a desa near yesterday's clash
    in Sekotong: its page, the ranking, the API and the map agree on its tension."""
    code = SEKOTONG_BARAT if which == "clash" else neighbour_of(SEKOTONG_BARAT)
    assert code is not None
    c = signed_in(client, world.users["pimpinan"])
    day = services.latest_day(None, timezone.localdate())
    row = Tension.objects.get(region_code=code, day=day)
    incidents = row.parts["incidents"]
    assert incidents[0] > 0  # the clash counts, for the neighbour by its share
    if which == "neighbour":
        assert "desa tetangga" in incidents[1]

    level, shown, html = desa_page_figures(c, code)
    assert level == row.level
    assert shown == skor(row.score)
    assert incidents[1] in html  # the same reason, the neighbours' share named

    api = c.get(f"/api/regions/{code}/picture").json()["tension"]
    assert (api["score"], api["level"]) == (row.score, row.level)
    assert api["parts"]["incidents"] == {"points": incidents[0], "why": incidents[1]}

    ranked = c.get("/api/tension?size=100&area=52.01.07").json()["items"]
    mine = next(i for i in ranked if i["code"] == code)
    assert (mine["score"], mine["level"]) == (api["score"], api["level"])
    assert mine["parts"] == api["parts"]

    assert services.levels("52.01.07", 4, day)[code] == (row.score, row.level)


def test_a_desa_page_of_a_day_without_stored_tension_counts_the_neighbours_share(
    client, world, tense
):
    """A day the job did not store (it stores today): the page computes the desa the
    way the job does, with its kecamatan, so the clash next door still counts."""
    code = neighbour_of(SEKOTONG_BARAT)
    day = services.latest_day(None, timezone.localdate())
    Tension.objects.filter(day=day).delete()
    found = services.desa_tension(code, day)
    assert found is not None and found.parts["incidents"].points > 0
    assert "desa tetangga" in found.parts["incidents"].why
