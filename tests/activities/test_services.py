from datetime import UTC, date, time, timedelta

import pytest

from sejuk.accounts.access import OutsideArea, OutsideAreaInput, RoleDenied, viewer_for
from sejuk.activities import services
from sejuk.activities.models import Activity, Change
from sejuk.errors import Invalid
from tests.factories import activity_input, log_activity
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def viewer(world, persona):
    return viewer_for(world.users[persona])


def test_a_bhabinkamtibmas_logs_an_activity_of_their_desa(world):
    a = log_activity(
        world.users["bhabin"],
        participants={"tokoh_agama": 3, "warga": None},
        personnel_count=3,
        situation="kondusif",
        dusun="Tawun",
    )
    assert a.unit == world.users["bhabin"].unit  # their own unit when none is given
    assert a.region_id == SEKOTONG_BARAT and a.dusun == "Tawun"
    assert list(a.types.values_list("code", flat=True)) == ["patroli_dialogis"]
    assert dict(a.participants.values_list("category", "count")) == {
        "tokoh_agama": 3,
        "warga": None,
    }
    assert a.source == "form" and a.created_by == world.users["bhabin"]
    assert [c.action for c in a.changes.all()] == ["created"]


def test_times_are_kept_in_the_zone_of_the_place(world):
    a = log_activity(
        world.users["bhabin"], date=date(2024, 12, 8), start_time=time(16, 30), end_time=time(18, 0)
    )
    assert a.local_date == date(2024, 12, 8)
    assert a.starts_at.astimezone(UTC).hour == 8  # 16.30 WITA is 08.30 UTC
    local = a.local_times()
    assert (local.zone, local.start, local.end) == ("WITA", time(16, 30), time(18, 0))


def test_an_activity_at_2330_wit_on_the_8th_is_the_8th_in_papua(world):
    from tests.personas import make_user

    papua = make_user("op_jayapura", "Polresta Jayapura Kota", "operator")
    kelurahan = (
        __import__("sejuk.regions.models", fromlist=["Region"])
        .Region.objects.filter(code__startswith="91.71.", level=4)
        .first()
    )
    a = log_activity(papua, region=kelurahan.code, date=date(2024, 12, 8), start_time=time(23, 30))
    assert a.local_date == date(2024, 12, 8)
    assert a.starts_at.astimezone(UTC).date() == date(2024, 12, 8)
    assert a.starts_at.astimezone(UTC).hour == 14


def test_a_patrol_past_midnight_ends_the_next_day(world):
    a = log_activity(world.users["bhabin"], start_time=time(22, 0), end_time=time(1, 30))
    assert a.ends_at - a.starts_at == timedelta(hours=3, minutes=30)


def test_missing_and_bad_fields_are_named_and_nothing_is_written(world):
    before = Activity.objects.count()
    with pytest.raises(Invalid) as caught:
        services.create_activity(
            viewer(world, "operator"),
            services.ActivityInput(
                region="99.99",
                types=["terbang"],
                summary=" ",
                personnel_count=0,
                situation="tegang",
                lat=50.0,
            ),
        )
    assert caught.value.fields == {
        "date": "wajib diisi",
        "start_time": "wajib diisi",
        "region": "kode wilayah tidak dikenal",
        "summary": "wajib diisi",
        "situation": "pilihan tidak dikenal",
        "types": "jenis tidak dikenal: terbang",
        "personnel_count": "antara 1 dan 10.000",
        "lat": "di luar wilayah Indonesia",
    }
    assert "Kegiatan belum dapat disimpan" in caught.value.message
    assert Activity.objects.count() == before


def test_a_date_in_the_future_belongs_to_a_plan(world):
    with pytest.raises(Invalid) as caught:
        log_activity(world.users["operator"], date=date.today() + timedelta(days=5))
    assert "rencana" in caught.value.fields["date"]


def test_a_bhabinkamtibmas_cannot_log_in_another_desa(world):
    with pytest.raises(OutsideAreaInput):
        log_activity(world.users["bhabin"], region=GERUNG_UTARA)
    with pytest.raises(RoleDenied):
        log_activity(world.users["pimpinan"])  # commanders read, they do not log


def test_a_unit_outside_ones_own_is_refused(world):
    from sejuk.units.models import Unit

    loteng = Unit.objects.get(name="Polres Lombok Tengah")
    with pytest.raises(OutsideAreaInput):
        log_activity(world.users["operator"], unit_id=loteng.pk)


def test_who_sees_what(world):
    own = log_activity(world.users["bhabin"])
    gerung = log_activity(world.users["operator"], region=GERUNG_UTARA)
    seen = lambda p: set(services.list_activities(viewer(world, p)).values_list("pk", flat=True))  # noqa: E731
    assert seen("operator") == seen("pimpinan") == seen("humas") == {own.pk, gerung.pk}
    assert seen("bhabin") == {own.pk}
    assert seen("neighbour") == set()
    with pytest.raises(OutsideArea):
        services.get_activity(viewer(world, "bhabin"), gerung.pk)


def test_a_bhabinkamtibmas_sees_what_they_took_part_in_elsewhere(world):
    joint = log_activity(
        world.users["operator"], region=GERUNG_UTARA, officer_ids=[world.officers["sekotong"].pk]
    )
    assert services.get_activity(viewer(world, "bhabin"), joint.pk) == joint


def test_every_change_is_kept_with_who_what_and_why(world):
    a = log_activity(world.users["bhabin"], situation="kondusif")
    services.update_activity(
        viewer(world, "operator"),
        a.pk,
        services.ActivityInput(situation="waspada", types=["patroli_dialogis", "sambang"]),
        "ada selisih paham",
    )
    change = a.changes.get(action="updated")
    assert change.by == world.users["operator"] and change.reason == "ada selisih paham"
    assert change.fields == {
        "situation": ["kondusif", "waspada"],
        "types": [["patroli_dialogis"], ["patroli_dialogis", "sambang"]],
    }


def test_deleting_needs_a_reason_and_keeps_the_record(world):
    a = log_activity(world.users["bhabin"])
    with pytest.raises(Invalid):
        services.delete_activity(viewer(world, "bhabin"), a.pk, "")
    services.delete_activity(viewer(world, "bhabin"), a.pk, "tercatat dua kali")
    assert not services.list_activities(viewer(world, "operator")).filter(pk=a.pk).exists()
    a.refresh_from_db()
    assert a.deleted_reason == "tercatat dua kali"
    assert Change.objects.filter(activity=a, action="deleted").exists()


def test_corrections_keep_what_the_reader_guessed_beside_what_was_saved(world):
    reader = {
        "contract": {
            "place": {"code": "52.01.07.2003"},
            "activity_types": ["sambang"],
            "situation": "kondusif",
            "personnel_count": 3,
            "participants": [],
            "unit": None,
            "event_date": None,
            "online": False,
            "election": None,
        }
    }
    a = services.create_activity(
        viewer(world, "bhabin"),
        activity_input(situation="kondusif", personnel_count=3),
        source="text",
        raw_text="pesan",
        reader=reader,
    )
    assert a.corrections["place_code"] == {"reader": "52.01.07.2003", "saved": SEKOTONG_BARAT}
    assert a.corrections["activity_types"] == {"reader": ["sambang"], "saved": ["patroli_dialogis"]}
    assert "situation" not in a.corrections and "personnel_count" not in a.corrections


def test_filters(world):
    log_activity(world.users["bhabin"], situation="waspada", types=["sambang"])
    log_activity(
        world.users["operator"], region=GERUNG_UTARA, date=date.today() - timedelta(days=10)
    )
    v = viewer(world, "operator")
    f = services.ActivityFilter
    assert services.list_activities(v, f(situation="waspada")).count() == 1
    assert services.list_activities(v, f(type="sambang")).count() == 1
    assert services.list_activities(v, f(start=date.today() - timedelta(days=3))).count() == 1
    assert services.list_activities(v, f(region="52.01.01")).count() == 1
    with pytest.raises(Invalid):
        services.list_activities(v, f(type="terbang"))
