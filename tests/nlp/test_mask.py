"""Personal data out of a field report before it becomes an evaluation case."""

import pytest

from sejuk.nlp.mask import mask


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Hub 0812-3456-7890 atau +62 812 3456 7890.", "Hub [TELEPON] atau [TELEPON]."),
        ("NIK 5201234567890123 terlapor.", "NIK [NIK] terlapor."),
        ("Kirim ke pelapor@contoh.id segera.", "Kirim ke [EMAIL] segera."),
        ("Kapolsek Woha AKP Risa Hidayat, S.H. hadir.", "Kapolsek Woha AKP [NAMA], S.H. hadir."),
        ("Kombes Pol Budi Santoso hadir.", "Kombes Pol [NAMA] hadir."),
        ("Bersama Ustadz H. Abdul Rahman di masjid.", "Bersama Ustadz H. [NAMA] di masjid."),
        ("Pelaku bernama Joko Susilo diamankan.", "Pelaku bernama [NAMA] diamankan."),
    ],
)
def test_numbers_and_names_after_titles_are_masked(text, want):
    assert mask(text) == want


def test_names_the_caller_knows_are_masked_wherever_they_stand():
    text = "Giat sambang oleh Budi Santoso ke rumah Made Wirawan di Desa Risa."
    got = mask(text, names=["Budi Santoso", "Made Wirawan"])
    assert got == "Giat sambang oleh [NAMA] ke rumah [NAMA] di Desa Risa."


@pytest.mark.parametrize(
    "text",
    [
        "Pak Camat Woha meninjau TPS di Ibu Kota Bima.",
        "Penyuluhan kepada ibu-ibu PKK Desa Risa pukul 09.30 Wita, 12 orang.",
        "Patroli di Dsn. Tawun Ds. Sekotong Barat tgl 9/12/2024.",
    ],
)
def test_places_units_groups_dates_and_counts_stay(text):
    assert mask(text) == text
