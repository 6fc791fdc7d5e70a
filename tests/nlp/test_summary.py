from sejuk.nlp.extract import extract
from sejuk.nlp.summary import describe


def test_the_summary_is_indonesian_and_shows_the_words_behind_each_field():
    text = "Polsek Sekotong menggelar patroli dialogis di Desa Sekotong Barat, Minggu (8/12/2024)."
    summary = describe(extract(text), "laporan-1")
    assert summary.splitlines()[0] == "== laporan-1 =="
    assert "Satuan    : Polsek Sekotong" in summary
    assert "Minggu, 08/12/2024" in summary
    assert "«Desa Sekotong Barat»" not in summary  # the evidence is the name itself
    assert "«Sekotong Barat»" in summary
    assert "Patroli dialogis «patroli dialogis»" in summary
