from collections import Counter

from sejuk.reference.wilayah import bare_name, kind_of, load_regions
from sejuk.reference.zones import zone_of


def test_the_installed_list_has_every_region_of_the_2025_decree():
    levels = Counter(r.level for r in load_regions())
    assert levels == {1: 38, 2: 514, 3: 7285, 4: 83762}


def test_kinds_split_kabupaten_from_kota_and_desa_from_kelurahan():
    kinds = Counter(r.kind for r in load_regions())
    assert kinds["kabupaten"] == 416 and kinds["kota"] == 98
    assert kinds["desa"] == 75266 and kinds["kelurahan"] == 8496


def test_fourth_segment_tells_desa_from_kelurahan():
    assert kind_of("52.01.07.2002", "Sekotong Barat") == "desa"
    assert kind_of("52.01.01.1001", "Gerung Utara") == "kelurahan"
    assert kind_of("91.03.01.3001", "Contoh Adat") == "desa"  # desa adat is a desa


def test_parents_come_before_children():
    seen = set()
    for region in load_regions():
        assert region.parent_code is None or region.parent_code in seen
        seen.add(region.code)


def test_time_zone_follows_the_province():
    assert zone_of("12.18") == "WIB"  # Sumatera Utara
    assert zone_of("61.01.01") == "WIB"  # Kalimantan Barat
    assert zone_of("52.01.07.2002") == "WITA"  # Nusa Tenggara Barat
    assert zone_of("64.09") == "WITA"  # Kalimantan Timur
    assert zone_of("82.71") == "WIT"  # Maluku Utara
    assert zone_of("96.71") == "WIT"  # Papua Barat Daya


def test_bare_name_drops_the_kind_of_kabupaten_and_kota():
    assert bare_name("Kabupaten Lombok Barat", 2) == "Lombok Barat"
    assert bare_name("Kota Administrasi Jakarta Pusat", 2) == "Jakarta Pusat"
    assert bare_name("Kota Bima", 2) == "Bima"
    assert bare_name("Kota Baru", 4) == "Kota Baru"  # a desa keeps its name
