from datetime import date, timedelta

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.activities import recap
from sejuk.errors import Invalid, NotFound
from sejuk.units.models import Unit
from tests.factories import log_activity
from tests.personas import GERUNG_UTARA

pytestmark = pytest.mark.django_db
TODAY = date.today()


def test_recap_counts_per_unit_below_and_per_type(world):
    log_activity(world.users["bhabin"], types=["patroli_dialogis", "sambang"])
    log_activity(world.users["bhabin"], types=["sambang"])
    log_activity(
        world.users["operator"],
        region=GERUNG_UTARA,
        types=["penyuluhan"],
        unit_id=Unit.objects.get(name="Polsek Gerung").pk,
    )
    r = recap.recap(viewer_for(world.users["pimpinan"]), TODAY - timedelta(days=7), TODAY)
    assert r.unit.name == "Polres Lombok Barat"
    rows = {row.unit.name: row for row in r.rows}
    assert rows["Polsek Sekotong"].counts == {"patroli_dialogis": 1, "sambang": 2}
    assert rows["Polsek Sekotong"].total == 2  # an activity with two types counts once
    assert rows["Polsek Gerung"].total == 1
    assert r.total == 3 and r.totals == {"patroli_dialogis": 1, "sambang": 2, "penyuluhan": 1}
    assert [code for code, _ in r.types] == ["patroli_dialogis", "sambang", "penyuluhan"]
    assert sum(n for _, n in r.weeks) == 3


def test_a_recap_for_a_unit_outside_the_area_is_not_found(world):
    loteng = Unit.objects.get(name="Polres Lombok Tengah")
    with pytest.raises(NotFound):
        recap.recap(viewer_for(world.users["operator"]), TODAY, TODAY, loteng.pk)
    with pytest.raises(Invalid):
        recap.recap(viewer_for(world.users["operator"]), TODAY, TODAY - timedelta(days=1))


def test_coverage_is_the_share_of_desa_reached_with_those_never_reached(world):
    log_activity(world.users["bhabin"])  # Sekotong Barat, yesterday
    log_activity(world.users["bhabin"], region="52.01.07.2002", date=TODAY - timedelta(days=2))
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    c = recap.coverage(viewer_for(world.users["operator"]), sekotong.pk, days=30)
    assert c.total == 9 and c.reached == 1
    assert round(c.share, 3) == round(1 / 9, 3)
    assert len(c.never) == 8 and "52.01.07.2002" not in {r.code for r in c.never}


def test_coverage_counts_only_the_last_n_days(world):
    log_activity(world.users["bhabin"], date=TODAY - timedelta(days=40))
    sekotong = Unit.objects.get(name="Polsek Sekotong")
    c = recap.coverage(viewer_for(world.users["operator"]), sekotong.pk, days=30)
    assert c.reached == 0 and [r.code for r, _ in c.stale] == ["52.01.07.2002"]
    assert len(c.never) == 8


def test_a_polda_recap_links_to_coverage_per_unit_instead_of_listing_its_desa(client, world):
    from tests.personas import make_user

    log_activity(world.users["bhabin"], types=["sambang"])
    client.force_login(make_user("pimpinan_ntb", "Polda Nusa Tenggara Barat", "pimpinan"))
    page = client.get("/kegiatan/rekap/?hari=14").content.decode()
    assert "terlalu luas untuk mendaftar desanya" in page
    assert "/kerawanan/cakupan/?satuan=" in page and "hari=14" in page
    assert "belum pernah dijangkau" not in page
    client.force_login(world.users["pimpinan"])  # a Polres still lists its desa
    page = client.get("/kegiatan/rekap/").content.decode()
    assert "belum pernah dijangkau" in page and "terlalu luas" not in page


def test_a_closed_polseks_activities_still_count_in_its_polres_recap(world):
    gerung = Unit.objects.get(name="Polsek Gerung")
    log_activity(world.users["operator"], region=GERUNG_UTARA, unit_id=gerung.pk)
    Unit.objects.filter(pk=gerung.pk).update(active=False)
    r = recap.recap(viewer_for(world.users["pimpinan"]), TODAY - timedelta(days=7), TODAY)
    rows = {row.unit.name: row.total for row in r.rows}
    assert "Polsek Gerung" not in rows and rows["Polres Lombok Barat"] == 1 and r.total == 1


def test_coverage_per_unit_below_read_at_once_is_each_units_own_coverage(world):
    log_activity(world.users["bhabin"])  # Sekotong Barat, yesterday
    log_activity(world.users["bhabin"], region="52.01.07.2002", date=TODAY - timedelta(days=40))
    log_activity(world.users["operator"], region=GERUNG_UTARA)
    polres = Unit.objects.get(name="Polres Lombok Barat")
    below = list(Unit.objects.filter(parent=polres).values_list("pk", flat=True))
    viewer = viewer_for(world.users["pimpinan"])
    together = recap.coverages(viewer, polres.pk, below, days=30, listed=5)
    for pk in [polres.pk, *below]:
        alone = recap.coverage(viewer, pk, days=30, listed=5)
        got = together[pk]
        assert (got.total, got.reached, got.never_count, got.stale_count) == (
            alone.total,
            alone.reached,
            alone.never_count,
            alone.stale_count,
        )
        assert [r.code for r in got.never] == [r.code for r in alone.never]
    assert together[polres.pk].reached == 2
