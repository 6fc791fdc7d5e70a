import pytest

from sejuk.nlp.document import Document
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.police_units import choose_unit, find_unit_mentions, parse_unit_name


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def unit(gaz, text, area=()):
    doc = Document(text)
    return choose_unit(doc, gaz, find_unit_mentions(doc, gaz), {}, area)


@pytest.mark.parametrize(
    ("text", "level", "code"),
    [
        ("Polda Kaltim menerima audiensi mahasiswa.", "polda", "64"),
        ("Polres OKU Selatan memusnahkan barang bukti.", "polres", "16.09"),
        ("Polresta Sidoarjo mengamankan rapat pleno.", "polres", "35.15"),
        ("Polres Bima Kota menggelar patroli.", "polres", "52.72"),
        ("Polres Bima menggelar patroli.", "polres", "52.06"),
        ("Polrestabes Medan menggelar patroli.", "polres", "12.71"),
        ("Polresta Barelang menggelar patroli.", "polres", "21.71"),
        ("Polresta Pulau Ambon dan Pulau-Pulau Lease menggelar deklarasi.", "polres", "81.71"),
        ("Polres Limapuluh Kota menggelar patroli.", "polres", "13.07"),
        ("Kepolisian Daerah (Polda) Jawa Timur meningkatkan patroli.", "polda", "35"),
        ("Polda Metro Jaya menutup jalan protokol.", "polda", "31"),
        ("Kapolri meninjau pos pengamanan TPS.", "mabes", None),
    ],
)
def test_every_naming_form_gives_level_and_region(gaz, text, level, code):
    found = unit(gaz, text)
    assert (found.level, found.region_code) == (level, code)


def test_the_lowest_unit_of_a_chain_is_the_one_that_acted(gaz):
    found = unit(gaz, "Personel Polsek Kuripan, Polres Lombok Barat, Polda NTB menggelar patroli.")
    assert (found.name, found.region_code) == ("Polsek Kuripan", "52.01.15")
    assert found.chain == ("Polres Lombok Barat", "Polda NTB")


def test_a_sub_unit_makes_its_unit_the_actor(gaz):
    found = unit(gaz, "Sat Binmas Polres Padang Lawas memberi pembinaan kepada pelajar.")
    assert (found.level, found.region_code) == ("polres", "12.21")


def test_a_chief_speaking_through_his_spokesman_does_not_outweigh_the_unit_that_acted(gaz):
    text = (
        "Bhabinkamtibmas Polsek Gerung mendatangi ketua RT. Kapolres Lombok Barat melalui "
        "Kasi Humas Polres Lombok Barat memuji kesigapan warga."
    )
    assert unit(gaz, text).name == "Polsek Gerung"


def test_a_former_chief_is_no_unit(gaz):
    assert unit(gaz, "Eks Kapolres Dompu itu sekarang mengajar di sekolah polisi.") is None


def test_a_text_without_police_has_no_unit(gaz):
    assert unit(gaz, "Massa berunjuk rasa di depan kantor KPU.") is None


def test_lower_case_names_are_read_too(gaz):
    assert unit(gaz, "laporan diterima polsek sekotong kemarin").region_code == "52.01.07"


def test_a_polres_named_elsewhere_places_a_polsek_of_a_common_name(gaz):
    text = (
        "Kpd Yth Kapolres Lampung Timur\nDari: Kapolsek Sukadana\nPersonil Polsek Sukadana patroli."
    )
    assert unit(gaz, text).region_code == "18.07.01"


def test_kepulauan_written_short_is_still_the_polres_of_the_islands(gaz):
    found = unit(gaz, "Polres Kep. Meranti menggelar patroli dialogis di pasar.")
    assert (found.name, found.region_code) == ("Polres Kep. Meranti", "14.10")


def test_a_special_polres_name_in_a_title_case_headline(gaz):
    found = unit(gaz, "Polresta Pulau Ambon Sambangi Warga Negeri Passo")
    assert (found.name, found.region_code) == ("Polresta Pulau Ambon", "81.71")


def test_a_capitalised_unit_name_stops_before_a_headline_verb(gaz):
    found = unit(gaz, "Polsek Kawasan Bandara Laksanakan Sambang ke Warga")
    assert found.name == "Polsek Kawasan Bandara"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Polsek Kota Selong menggelar patroli malam.", "52.03.07"),
        ("Polsek Kota Bangkinang menyambangi warga.", "14.01.01"),
        ("Polsek Kota Kefamenanu menggelar patroli.", "53.03.05"),
    ],
)
def test_the_polsek_of_a_main_town_is_its_kecamatan(gaz, text, code):
    assert unit(gaz, text).region_code == code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Polres Tojo Una-Una menggelar patroli dialogis.", "72.09"),
        ("Polres KKT menggelar deklarasi damai.", "81.03"),
        ("Polres Atim menyambangi tokoh adat.", "11.03"),
    ],
)
def test_hyphenated_names_and_more_short_names(gaz, text, code):
    assert unit(gaz, text).region_code == code


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


def test_a_chief_followed_by_a_headline_verb_names_no_unit_of_that_name(gaz):
    text = (
        "Kapolres Cek Kesiapan TPS di Pulau Terluar\n\n"
        "SELAYAR – Kapolres Kepulauan Selayar mengecek kesiapan TPS di Desa Jinato, Senin "
        "(25/11/2024).\n"
    )
    found = unit(gaz, text)
    assert (found.level, found.region_code) == ("polres", "73.01")
