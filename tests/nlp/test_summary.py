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


def test_the_summary_shows_the_landmark_the_counts_and_an_election_off_the_calendar():
    text = (
        "Giat sambang di Masjid Nurul Huda Ds. Risa, Senin 14/12/2026, jelang pilkades.\n"
        "Sasaran : 12 org warga, 2 tomas"
    )
    summary = describe(extract(text))
    assert "Tempat    : Masjid Nurul Huda" in summary
    assert "Jumlah    : 14 orang (Warga 12, Tokoh masyarakat 2)" in summary
    assert "Pemilihan : Pemilihan kepala desa (Pilkades)" in summary
