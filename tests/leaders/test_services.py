import pytest

from sejuk.accounts.access import OutsideArea, OutsideAreaInput, RoleDenied, viewer_for
from sejuk.accounts.models import AuditEvent
from sejuk.errors import Invalid
from sejuk.leaders import services
from sejuk.leaders.models import Leader
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def viewer(world, persona):
    return viewer_for(world.users[persona])


def names(qs):
    return sorted(x.name for x in qs)


def test_each_role_sees_the_leaders_of_its_area(world):
    assert names(services.leaders(viewer(world, "operator"))) == ["Pak Lalu Made", "Ustaz Hamid"]
    assert names(services.leaders(viewer(world, "bhabin"))) == ["Ustaz Hamid"]
    assert names(services.leaders(viewer(world, "neighbour"))) == ["Ibu Baiq Sari"]
    with pytest.raises(RoleDenied):
        services.leaders(viewer(world, "humas"))


def test_a_polda_sees_every_polres_below_it(world):
    from tests.personas import make_user

    kapolda = make_user("kapolda_ntb", "Polda Nusa Tenggara Barat", "pimpinan")
    assert len(names(services.leaders(viewer_for(kapolda)))) == 3


def test_a_bhabinkamtibmas_records_a_leader_of_their_desa_with_a_normalised_phone(world):
    leader = services.create_leader(
        viewer(world, "bhabin"),
        services.LeaderInput(
            region=SEKOTONG_BARAT,
            name="Amaq Sahnan",
            category="tokoh_masyarakat",
            phone="0812-3456-7890",
        ),
    )
    assert leader.phone == "+6281234567890"
    assert leader.created_by == world.users["bhabin"]


def test_a_leader_outside_the_area_cannot_be_recorded_and_nothing_is_written(world):
    before = Leader.objects.count()
    with pytest.raises(OutsideAreaInput) as caught:
        services.create_leader(
            viewer(world, "bhabin"),
            services.LeaderInput(region=GERUNG_UTARA, name="X", category="tokoh_adat"),
        )
    assert caught.value.fields == {"region": "di luar wilayah Anda"}
    assert Leader.objects.count() == before


def test_bad_input_is_explained_field_by_field(world):
    with pytest.raises(Invalid) as caught:
        services.create_leader(
            viewer(world, "operator"),
            services.LeaderInput(region="52.01.07", name="", category="raja", phone="12ab"),
        )
    assert caught.value.fields == {
        "region": "harus desa/kelurahan",
        "name": "wajib diisi",
        "category": "pilih salah satu kategori",
        "phone": "Nomor harus diawali 0, 62, atau +62.",
    }


def test_a_leader_of_another_area_is_not_found_and_not_changed(world):
    other = world.leaders["other"]
    with pytest.raises(OutsideArea):
        services.update_leader(viewer(world, "bhabin"), other.pk, services.LeaderInput(name="X"))
    other.refresh_from_db()
    assert other.name == "Pak Lalu Made"


def test_moving_a_leader_out_of_the_area_is_refused(world):
    own = world.leaders["own"]
    with pytest.raises(OutsideAreaInput):
        services.update_leader(
            viewer(world, "bhabin"), own.pk, services.LeaderInput(region=GERUNG_UTARA)
        )


def test_deactivated_leaders_leave_the_list_but_are_kept(world):
    own = world.leaders["own"]
    services.deactivate_leader(viewer(world, "operator"), own.pk)
    assert "Ustaz Hamid" not in names(services.leaders(viewer(world, "operator")))
    assert Leader.objects.filter(pk=own.pk, active=False).exists()


def test_filters_by_region_category_and_name(world):
    v = viewer(world, "operator")
    assert names(services.leaders(v, services.LeaderFilter(region="52.01.07"))) == ["Ustaz Hamid"]
    assert names(services.leaders(v, services.LeaderFilter(category="tokoh_adat"))) == [
        "Pak Lalu Made"
    ]
    assert names(services.leaders(v, services.LeaderFilter(q="hamid"))) == ["Ustaz Hamid"]
    with pytest.raises(Invalid):
        list(services.leaders(v, services.LeaderFilter(category="raja")))


def test_the_csv_export_holds_the_area_only_is_audited_and_is_formula_safe(world):
    services.update_leader(
        viewer(world, "operator"),
        world.leaders["own"].pk,
        services.LeaderInput(notes='=HYPERLINK("x")'),
    )
    csv = services.export_csv(viewer(world, "bhabin"), services.LeaderFilter())
    lines = csv.strip().splitlines()
    assert lines[0].startswith("kode_desa,desa,nama")
    assert len(lines) == 2 and "Ustaz Hamid" in lines[1]
    assert "'=HYPERLINK" in lines[1]
    event = AuditEvent.objects.get(action="export")
    assert event.actor == world.users["bhabin"] and event.detail["rows"] == 1
