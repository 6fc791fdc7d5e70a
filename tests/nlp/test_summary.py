from sejuk.nlp.extract import extract
from sejuk.nlp.summary import describe


def test_the_summary_is_indonesian_and_shows_the_words_behind_each_field():
    text = (
        "Bhabinkamtibmas Polsek Sekotong menyambangi nelayan di Desa Pelangan, Jumat (13/12/2024)."
    )
    summary = describe(extract(text), "laporan-1")
    assert summary.splitlines()[0] == "== laporan-1 =="
    assert "Satuan    : Polsek Sekotong" in summary
    assert "Jumat, 13/12/2024" in summary
    assert "«Desa Pelangan»" not in summary  # the evidence is the name itself
    assert "«Pelangan»" in summary
    assert "Sambang / silaturahmi «menyambangi»" in summary
