"""Which election a text speaks of: the kind its words name, placed on the calendar of
known elections by the text's own date."""

from datetime import date

from sejuk.nlp.extract import extract


def test_pilkada_in_a_message_of_december_2026_is_no_known_election():
    record = extract(
        "Giat sambang Bhabinkamtibmas ke tomas Ds. Risa, Senin 14/12/2026, "
        "menyampaikan pesan kamtibmas jelang pilkada."
    )
    assert record.event_date.value == date(2026, 12, 14)
    assert record.election_kind.value == "pilkada"
    assert record.election.value is None
    assert record.to_contract()["election"] is None


def test_pilkada_in_december_2024_is_pilkada_2024():
    record = extract("Patroli dialogis pasca pilkada di Desa Risa, Senin (9/12/2024).")
    assert record.election.value == "pilkada_2024"


def test_the_publication_date_decides_when_the_text_gives_no_event_date():
    text = "Bhabinkamtibmas mengajak warga menjaga kondusivitas usai pilkada."
    assert extract(text, published=date(2024, 12, 2)).election.value == "pilkada_2024"
    assert extract(text, published=date(2027, 3, 2)).election.value is None


def test_a_year_named_with_the_election_decides():
    record = extract("Sosialisasi anti hoaks menyongsong Pilkada 2029 di Desa Risa.")
    assert record.election_kind.value == "pilkada"
    assert record.election.value is None


def test_a_village_head_election_is_an_election_kind_without_a_contract_label():
    record = extract(
        "Polsek Woha mengamankan pemungutan suara pilkades serentak di Desa Risa, "
        "Rabu (10/9/2025). Situasi aman kondusif."
    )
    assert record.election_kind.value == "pilkades"
    assert record.election.value is None
    assert record.to_contract()["election"] is None


def test_a_revote_demanded_in_december_2024_belongs_to_the_pilkada():
    record = extract(
        "Massa menuntut pemungutan suara ulang di depan kantor KPU Kabupaten Bima, "
        "Senin (2/12/2024)."
    )
    assert record.election.value == "pilkada_2024"


def test_a_revote_of_2025_is_the_psu():
    record = extract("Polres Magetan mengamankan PSU di 4 TPS, Sabtu (22/3/2025).")
    assert record.election.value == "psu_2025"
