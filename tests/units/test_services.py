import pytest

from sejuk.errors import Invalid
from sejuk.units import services
from sejuk.units.models import Unit
from tests.factories import officer, unit

pytestmark = pytest.mark.django_db


def test_there_is_a_polda_per_province_a_polres_per_kabkota_and_a_polsek_per_kecamatan():
    counts = services.unit_counts()
    assert counts == {"mabes": 1, "polda": 38, "polres": 513, "polsek": 7285}
    # 514 kabupaten/kota, less Kota Sungai Penuh, which Polres Kerinci covers.


def test_polres_are_named_as_polri_names_them():
    names = set(Unit.objects.filter(level="polres").values_list("name", flat=True))
    assert {
        "Polrestabes Medan",
        "Polresta Sidoarjo",
        "Polres Metro Jakarta Selatan",
        "Polres Bima",
        "Polres Bima Kota",
        "Polres Lombok Barat",
        "Polresta Barelang",
    } <= names


def test_units_form_a_chain_from_polsek_to_mabes():
    polsek = unit("Polsek Sekotong")
    assert polsek.parent.name == "Polres Lombok Barat"
    assert polsek.parent.parent.name == "Polda Nusa Tenggara Barat"
    assert polsek.parent.parent.parent.name == "Mabes Polri"
    assert list(polsek.area.values_list("code", flat=True)) == ["52.01.07"]


def test_polres_kerinci_covers_kerinci_and_kota_sungai_penuh():
    kerinci = unit("Polres Kerinci")
    assert set(kerinci.area.values_list("code", flat=True)) == {"15.01", "15.72"}
    polsek_in_sungai_penuh = Unit.objects.filter(
        level="polsek", home_region__code__startswith="15.72."
    )
    assert polsek_in_sungai_penuh.count() == 8
    assert {p.parent for p in polsek_in_sungai_penuh} == {kerinci}


def test_jakarta_suburbs_answer_to_polda_metro_jaya():
    assert unit("Polres Metro Depok").parent.name == "Polda Metro Jaya"
    assert unit("Polres Metro Tangerang Kota").parent.name == "Polda Metro Jaya"
    assert unit("Polresta Tangerang").parent.name == "Polda Banten"
    metro = set(unit("Polda Metro Jaya").area.values_list("code", flat=True))
    assert {"31", "32.76", "36.71"} <= metro
    banten = set(unit("Polda Banten").area.values_list("code", flat=True))
    assert "36.71" not in banten and "36.03" in banten and "36" not in banten


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Polres PPU", "Polres Penajam Paser Utara"),
        ("Polres Sergai", "Polres Serdang Bedagai"),
        ("Polres Bartim", "Polres Barito Timur"),
        ("Polres TTU", "Polres Timor Tengah Utara"),
        ("Polres Sidrap", "Polres Sidenreng Rappang"),
        ("Polres Tanjab Barat", "Polres Tanjung Jabung Barat"),
        ("Polres OKU Selatan", "Polres Ogan Komering Ulu Selatan"),
        ("Polres Kukar", "Polres Kutai Kartanegara"),
        ("Polres Lobar", "Polres Lombok Barat"),
        ("Polres Kotim", "Polres Kotawaringin Timur"),
        ("Polda Kaltim", "Polda Kalimantan Timur"),
        ("Polda NTB", "Polda Nusa Tenggara Barat"),
        ("Polda Metro Jaya", "Polda Metro Jaya"),
        ("Polda DIY", "Polda Daerah Istimewa Yogyakarta"),
        ("Polres Bima Kota", "Polres Bima Kota"),
        ("Polres Bima", "Polres Bima"),
        ("Polresta Sidoarjo", "Polresta Sidoarjo"),
        ("Polrestabes Surabaya", "Polrestabes Surabaya"),
        ("Polsek Sekotong", "Polsek Sekotong"),
        ("Mabes Polri", "Mabes Polri"),
    ],
)
def test_names_and_abbreviations_in_releases_resolve_to_the_unit(query, expected):
    assert services.find_units(query)[0].unit.name == expected


def test_a_polsek_name_that_repeats_is_settled_by_the_area():
    everywhere = services.find_units("Polsek Kencong")
    assert len(everywhere) >= 1
    in_jember = services.find_units("Polsek Kencong", within=["35.09"])
    assert in_jember[0].unit.home_region_id.startswith("35.09.")


def test_an_alias_given_by_an_administrator_resolves():
    kerinci = unit("Polres Kerinci")
    kerinci.aliases = "Polres Sungai Penuh, Polres Kerinci-Sungai Penuh"
    kerinci.save()
    assert services.find_units("Polres Sungai Penuh")[0].unit == kerinci


def test_reloading_keeps_an_administrators_edits():
    lobar = unit("Polres Lombok Barat")
    lobar.name = "Polres Lombok Barat (diubah)"
    lobar.save()
    result = services.load_default_units()
    assert sum(result.created.values()) == 0
    lobar.refresh_from_db()
    assert lobar.name == "Polres Lombok Barat (diubah)"


def test_a_bhabinkamtibmas_is_assigned_villages_inside_the_unit_area():
    andi = officer(name="Andi", unit_name="Polsek Sekotong")
    services.assign_villages(andi, ["52.01.07.2002", "52.01.07.2003"])
    andi.refresh_from_db()
    assert andi.is_bhabinkamtibmas
    assert set(andi.villages.values_list("code", flat=True)) == {"52.01.07.2002", "52.01.07.2003"}


def test_a_village_outside_the_area_is_refused_and_nothing_changes():
    andi = officer(name="Andi", unit_name="Polsek Sekotong")
    with pytest.raises(Invalid, match="di luar wilayah Polsek Sekotong"):
        services.assign_villages(andi, ["52.01.07.2002", "52.01.01.1001"])
    assert andi.villages.count() == 0


def test_a_kecamatan_is_not_a_village():
    andi = officer(name="Andi", unit_name="Polsek Sekotong")
    with pytest.raises(Invalid, match="bukan desa/kelurahan"):
        services.assign_villages(andi, ["52.01.07"])


def test_a_desa_may_have_no_bhabinkamtibmas_and_an_officer_many_desa():
    from sejuk.regions.models import Region

    assert Region.objects.get(code="52.01.07.2004").bhabinkamtibmas.count() == 0
    budi = officer(name="Budi", unit_name="Polres Lombok Barat")
    services.assign_villages(budi, ["52.01.07.2004", "52.01.01.1001", "52.01.02.2001"])
    assert budi.villages.count() == 3
