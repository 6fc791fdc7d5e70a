import pytest

from sejuk.nlp.police import (
    POLDA_OVERRIDES,
    POLRES_NAMES,
    SHARED_POLRES,
    parse_unit_name,
    polres_name,
)
from sejuk.nlp.wilayah import load_regions


@pytest.mark.parametrize(
    ("name", "level", "place", "kota"),
    [
        ("Polres PPU", "polres", "ppu", False),
        ("Polresta Sidoarjo", "polres", "sidoarjo", False),
        ("Polrestabes Medan", "polres", "medan", True),
        ("Polres Metro Jakarta Selatan", "polres", "jakarta selatan", False),
        ("Polres Bima Kota", "polres", "bima", True),
        ("Polda Kaltim", "polda", "kaltim", False),
        ("Polsek Sekotong", "polsek", "sekotong", False),
        ("Mabes Polri", "mabes", "", False),
        ("POLRES OKU SELATAN", "polres", "oku selatan", False),
    ],
)
def test_a_unit_name_splits_into_level_and_place(name, level, place, kota):
    parsed = parse_unit_name(name)
    assert parsed is not None
    assert (parsed.level, parsed.place, parsed.kota) == (level, place, kota)


def test_a_name_that_is_not_a_unit_is_refused():
    assert parse_unit_name("Bawaslu Lombok Barat") is None
    assert parse_unit_name("Polresmana") is None


def test_a_kota_that_shares_its_name_with_a_kabupaten_is_named_with_kota():
    assert polres_name("Kota Bima", "Bima", kota_shares_name=True) == "Polres Bima Kota"
    assert polres_name("Kabupaten Bima", "Bima", kota_shares_name=False) == "Polres Bima"
    assert polres_name("Kota Medan", "Medan", kota_shares_name=False) == "Polrestabes Medan"


def test_every_naming_table_key_is_an_official_kabupaten_or_kota():
    kabkota = {r.name for r in load_regions() if r.level == 2}
    for table in (POLRES_NAMES, POLDA_OVERRIDES, SHARED_POLRES):
        assert not set(table) - kabkota
    assert not set(SHARED_POLRES.values()) - kabkota
