"""How Polri names its units by default, checked against the region list."""

from sejuk.reference.police import (
    POLDA_OVERRIDES,
    POLRES_NAMES,
    SHARED_POLRES,
    polres_name,
)
from sejuk.reference.wilayah import load_regions


def test_a_kota_that_shares_its_name_with_a_kabupaten_is_named_with_kota():
    assert polres_name("Kota Bima", "Bima", kota_shares_name=True) == "Polres Bima Kota"
    assert polres_name("Kabupaten Bima", "Bima", kota_shares_name=False) == "Polres Bima"
    assert polres_name("Kota Medan", "Medan", kota_shares_name=False) == "Polrestabes Medan"


def test_every_naming_table_key_is_an_official_kabupaten_or_kota():
    kabkota = {r.name for r in load_regions() if r.level == 2}
    for table in (POLRES_NAMES, POLDA_OVERRIDES, SHARED_POLRES):
        assert not set(table) - kabkota
    assert not set(SHARED_POLRES.values()) - kabkota
