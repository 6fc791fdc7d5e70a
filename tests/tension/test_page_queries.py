"""The commander's pages read a fixed, small number of queries at every scope (the
pimpinan of Polres Lombok Barat, of Polda NTB and of Mabes): the home with its picture,
the recap and a desa page. Each query is a round trip the page waits for; a budget per
page keeps one more per section (the viewer's area resolved again, the same day read
twice, a name looked up per row) from creeping back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.tension import picture
from sejuk.units.models import Unit
from tests.budgets import queries_of
from tests.factories import log_activity
from tests.personas import SEKOTONG_BARAT, make_user

pytestmark = pytest.mark.django_db

# Queries per page (the session, the user and the viewer's area included). Before the
# pages were trimmed: homes 26, 27, 22; recaps 17, 14, 10; desa pages 26, 27, 23.
BUDGET = {
    ("polres", "/"): 17,  # the report counters: open ones, then overdue ones, each by its index
    ("polda", "/"): 17,
    ("mabes", "/"): 15,
    ("polres", "/kegiatan/rekap/"): 17,  # its Polsek read for the listing per Polsek
    ("polda", "/kegiatan/rekap/"): 10,
    ("mabes", "/kegiatan/rekap/"): 9,
    ("polres", f"/desa/{SEKOTONG_BARAT}/"): 19,
    ("polda", f"/desa/{SEKOTONG_BARAT}/"): 19,
    ("mabes", f"/desa/{SEKOTONG_BARAT}/"): 18,
}


@pytest.fixture
def commanders(world, tense):
    return {
        "polres": world.users["pimpinan"],
        "polda": make_user("pimpinan_ntb", "Polda Nusa Tenggara Barat", "pimpinan"),
        "mabes": make_user("pimpinan_mabes", "Mabes Polri", "pimpinan"),
    }


@pytest.mark.parametrize(("scope", "url"), list(BUDGET))
def test_a_commanders_page_stays_within_its_query_budget(client, commanders, scope, url):
    found = queries_of(client, commanders[scope], url)
    assert len(found) <= BUDGET[scope, url], "\n".join(found)


def test_units_nested_deeper_below_a_polda_cost_its_commander_no_more_queries(client, commanders):
    """The viewer's units and area are one query however deep the tree: walked a level
    at a time, each level below was one more round trip on every page."""
    before = {url: len(queries_of(client, commanders["polda"], url)) for _, url in BUDGET}
    parent = Unit.objects.get(name="Polsek Sekotong")
    for depth in range(3):
        parent = Unit.objects.create(name=f"Pos Uji {depth}", level="polsek", parent=parent)
    after = {url: len(queries_of(client, commanders["polda"], url)) for _, url in BUDGET}
    assert after == before


def test_a_desa_page_of_a_past_day_names_the_last_visit_on_or_before_it(world):
    """The page lists the desa's 15 newest activities; its last visit up to an earlier
    day is found beyond them, and a day before every activity has none."""
    operator = world.users["operator"]
    today = timezone.localdate()
    for back in range(20, 0, -1):  # one a day, the oldest 20 days ago
        log_activity(operator, date=today - timedelta(days=back))
    viewer = viewer_for(world.users["pimpinan"])
    assert picture.desa_page(viewer, SEKOTONG_BARAT).last_visit == today - timedelta(days=1)
    past = today - timedelta(days=18)  # older than the 15 listed
    assert picture.desa_page(viewer, SEKOTONG_BARAT, past).last_visit == past
    before = today - timedelta(days=25)
    assert picture.desa_page(viewer, SEKOTONG_BARAT, before).last_visit is None


def test_a_desa_with_few_activities_all_after_the_day_has_no_last_visit(world):
    log_activity(world.users["operator"], date=timezone.localdate() - timedelta(days=1))
    viewer = viewer_for(world.users["pimpinan"])
    day = timezone.localdate() - timedelta(days=3)
    assert picture.desa_page(viewer, SEKOTONG_BARAT, day).last_visit is None


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("value", [0, 0.05, 2.25, 11.09, 11.15, 1234.56, 87.0])
def test_scores_read_as_floatformat_writes_them(language, value):
    from django.template.defaultfilters import floatformat
    from django.utils import translation

    from sejuk.web.templatetags.sejuk_tags import skor

    with translation.override(language):
        assert skor(value) == floatformat(value, 1)
        assert skor(value) == skor(value)  # kept, the same again
