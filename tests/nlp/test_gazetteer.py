import pytest

from sejuk.nlp.gazetteer import HAMLET, default_gazetteer
from sejuk.reference.aliases import KABKOTA_ALIASES, PROVINCE_ALIASES
from sejuk.reference.wilayah import load_regions


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def first(gaz, query, **kw):
    found = gaz.search(query, **kw)
    assert found, f"nothing found for {query!r}"
    return found[0].region.code


def test_the_full_address_of_a_village_finds_that_village_first(gaz):
    assert first(gaz, "Desa Sekotong Barat, Kecamatan Sekotong, Lombok Barat") == "52.01.07.2002"


def test_a_candidate_carries_its_full_path(gaz):
    top = gaz.search("Sekotong Barat")[0]
    assert top.path == ("Sekotong Barat, Sekotong, Kabupaten Lombok Barat, Nusa Tenggara Barat")


@pytest.mark.parametrize(
    "query",
    [
        "Desa Sekotong Barat",
        "Ds. Sekotong Barat",
        "ds sekotong barat",
        "DESA SEKOTONG BARAT",
    ],
)
def test_village_prefixes_are_understood(gaz, query):
    assert first(gaz, query) == "52.01.07.2002"


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Kel. Gerung Utara", "52.01.01.1001"),
        ("Kelurahan Gerung Utara", "52.01.01.1001"),
        ("Kec. Sekotong", "52.01.07"),
        ("Kecamatan Sekotong", "52.01.07"),
        ("Kab. Lombok Barat", "52.01"),
        ("Kabupaten Lombok Barat", "52.01"),
        ("Kota Bima", "52.72"),
        ("Kab. Bima", "52.06"),
    ],
)
def test_level_prefixes_pick_the_level(gaz, query, code):
    assert first(gaz, query) == code


@pytest.mark.parametrize(
    ("variant", "official"),
    [
        ("Waylayap", "Way Layap"),
        ("Way Layap", "Way Layap"),
        ("Batukumbung", "Batu Kumbung"),
        ("Batu Kumbung", "Batu Kumbung"),
        ("Seirampah", "Sei Rampah"),
        ("Sei Rampah", "Sei Rampah"),
    ],
)
def test_spelling_variants_that_differ_in_word_breaks_meet(gaz, variant, official):
    assert gaz.search(variant)[0].region.name == official


def test_same_named_villages_are_all_offered_and_the_rest_of_the_query_picks_one(gaz):
    paseban = [c for c in gaz.search("Paseban") if c.region.name == "Paseban"]
    assert len(paseban) >= 5
    assert len({c.score for c in paseban}) == 1  # nothing to choose by: a tie
    chosen = gaz.search("Paseban, Kencong, Jember")[0]
    assert chosen.region.name == "Paseban" and "Kencong" in chosen.path
    assert chosen.score > gaz.search("Paseban, Kencong, Jember")[1].score


def test_a_misspelt_village_is_found_within_the_kecamatan_the_query_names(gaz):
    assert first(gaz, "Ds. Sekotong Barrat Kec. Sekotong") == "52.01.07.2002"


def test_a_region_inside_the_users_area_ranks_first_among_equals(gaz):
    candidates = gaz.search("Paseban", within=["33.10"])  # Kabupaten Klaten
    assert candidates[0].region.code.startswith("33.10.")


PROVINCE_SHORT_NAMES = {
    "NTB": "52",
    "NTT": "53",
    "DKI Jakarta": "31",
    "Jakarta": "31",
    "Kaltim": "64",
    "Kalteng": "62",
    "Kalsel": "63",
    "Kalbar": "61",
    "Kaltara": "65",
    "Sulsel": "73",
    "Sulut": "71",
    "Sulteng": "72",
    "Sultra": "74",
    "Sulbar": "76",
    "Sumut": "12",
    "Sumbar": "13",
    "Sumsel": "16",
    "Jabar": "32",
    "Jateng": "33",
    "Jatim": "35",
    "DIY": "34",
    "Kepri": "21",
    "Babel": "19",
    "Malut": "82",
}


@pytest.mark.parametrize(("alias", "code"), PROVINCE_SHORT_NAMES.items())
def test_province_short_names(gaz, alias, code):
    assert first(gaz, alias) == code


@pytest.mark.parametrize(
    ("alias", "code"),
    [
        ("PPU", "64.09"),
        ("Sergai", "12.18"),
        ("Bartim", "62.13"),
        ("TTU", "53.03"),
        ("Sidrap", "73.14"),
        ("Tanjab Barat", "15.06"),
        ("OKU Selatan", "16.09"),
        ("Kukar", "64.02"),
    ],
)
def test_kabupaten_short_names(gaz, alias, code):
    assert first(gaz, alias) == code


def test_every_alias_names_an_existing_region():
    regions = load_regions()
    provinces = {r.code for r in regions if r.level == 1}
    kabkota = {r.name for r in regions if r.level == 2}
    assert set(PROVINCE_ALIASES) <= provinces
    assert not set(KABKOTA_ALIASES) - kabkota


def test_scan_reports_the_cue_word_before_a_name(gaz):
    text = "Patroli di Dsn. Tawun Ds. Sekotong Barat Kec. Sekotong"
    mentions = {m.surface: m for m in gaz.scan(text)}
    assert mentions["Sekotong Barat"].cue_level == 4
    assert "52.01.07.2002" in mentions["Sekotong Barat"].codes()
    assert mentions["Sekotong"].cue_level in (3, None)
    if "Tawun" in mentions:
        assert mentions["Tawun"].cue_level == HAMLET


def test_scan_counts_acronyms_only_in_capitals(gaz):
    upper = [m.surface for m in gaz.scan("Polres PPU menggelar patroli")]
    lower = [m.surface for m in gaz.scan("ppu menggelar patroli")]
    assert "PPU" in upper
    assert "ppu" not in lower


def test_scan_gives_offsets_into_the_text(gaz):
    text = "Kegiatan di Kabupaten Lombok Barat hari ini"
    mentions = [m for m in gaz.scan(text) if "52.01" in m.codes()]
    assert {m.surface for m in mentions} == {"Kabupaten Lombok Barat", "Lombok Barat"}
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.surface


def test_fuzzy_match_finds_close_names_only(gaz):
    assert [h.code for h in gaz.fuzzy("Sekotong Barrat", level=4, within="52.01")][:1] == [
        "52.01.07.2002"
    ]
    assert gaz.fuzzy("Qwxyz Plumbus", level=4) == []


def test_ancestors_and_children(gaz):
    assert [a.code for a in gaz.ancestors("52.01.07.2002")] == ["52.01.07", "52.01", "52"]
    assert {c.code for c in gaz.children("52.01.07")} >= {"52.01.07.2002"}
    assert len(gaz.children(None)) == 38


def test_scan_for_names_only_skips_lower_case_words_without_a_cue(gaz):
    text = "patroli baru di desa sekotong barat lalu ke Gerung"
    every = {m.surface for m in gaz.scan(text)}
    names = {m.surface for m in gaz.scan(text, names_only=True)}
    assert "baru" in every and "baru" not in names
    assert {"sekotong barat", "Gerung"} <= names


def test_lookup_by_compact_key(gaz):
    assert [h.code for h in gaz.lookup_key("sekotongbarat", level=4)] == ["52.01.07.2002"]


@pytest.mark.parametrize(
    ("query", "code"),
    [("Kep. Selayar", "73.01"), ("Kab. Kep. Seribu", "31.01"), ("Kep Riau", "21")],
)
def test_kepulauan_may_be_written_short(gaz, query, code):
    assert first(gaz, query) == code
