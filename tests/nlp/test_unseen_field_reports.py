"""Field-report shorthand and unit names the reader had not seen.

Every report is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Giat pam rapat pleno di PPK Woha, jml pers 4 org. Sit aman.", 4),
        ("Lapor, Bhabinkamtibmas hadiri rapat pleno PPS Desa Risa. Pers pam 8 org.", 8),
    ],
)
def test_personnel_counts_in_shorthand(text, count):
    assert extract(text).personnel_count.value == count


def test_a_short_report_of_attending_with_a_security_detail_is_an_activity():
    text = "Lapor, Kapolsek Woha bsm Danramil hadiri rapat pleno PPK Woha. Pers pam 8 org."
    record = extract(text)
    assert record.kind.value == "activity"
    assert "pengamanan" in {lab.code for lab in record.activity_types}
    assert "tni" in {lab.code for lab in record.participants}


def test_a_polres_named_after_its_island():
    record = extract(
        "Kapolres Pulau Buru AKBP Budi Santoso memimpin patroli dialogis di Namlea, Senin "
        "(9/12/2024)."
    )
    assert record.unit.name == "Polres Pulau Buru"
    assert record.unit.region_code == "81.04"  # Kabupaten Buru
