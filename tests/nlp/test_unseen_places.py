"""Places on texts of kinds the reader had not seen: the unit's own kabupaten before its
province for a village name the country repeats; the venue before an attending
official's title; a kelurahan with no cue word inside the acting Polsek's kecamatan.

Every text is composed for these tests; the places are real regions.
"""

from sejuk.nlp.extract import extract

PALLANGGA = "73.06.07"


def place(text):
    found = extract(text).place
    return found.code if found else None


def test_a_village_name_the_country_repeats_is_the_one_in_the_units_kabupaten():
    # "Sindangsari" names some twenty-five desa of Jawa Barat, one of them in Karawang.
    text = (
        "Polsek Rengasdengklok Polres Karawang Polda Jabar melaksanakan sambang ke Desa "
        "Sindangsari, Selasa (8/10/2024), menyampaikan imbauan kamtibmas."
    )
    assert place(text) == "32.15.07.2011"


def test_the_venue_outweighs_the_title_of_an_official_who_attended():
    text = (
        "Bertempat di Halaman Kantor Camat Pallangga, Polsek Somba Opu menggelar apel kesiapan "
        "Pilkada, Senin (25/11/2024), turut hadir Camat Somba Opu Rahman dan unsur Muspika."
    )
    assert place(text).startswith(PALLANGGA)  # Kecamatan Pallangga, not Somba Opu


def test_a_kelurahan_without_a_cue_inside_the_polseks_kecamatan():
    text = (
        "Bhabinkamtibmas Paseban Polsek Senen melaksanakan sambang ke warga RW 03, Senin "
        "(2/12/2024), usai pemungutan suara Pilkada."
    )
    assert place(text) == "31.71.04.1003"


def test_the_next_item_of_an_address_a_locative_opened():
    # "Simpang Pematang" is a kecamatan of Mesuji made of ordinary words.
    text = (
        "Sat Binmas Polres Mesuji menyambangi tukang ojek di kawasan Pangkalan Ojek Pomela, "
        "Simpang Pematang, menjelang Pilkada 2024."
    )
    assert place(text).startswith("18.11.05")


def test_a_bhabinkamtibmas_written_in_lower_case_names_no_village():
    text = "Bhabinkamtibmas yang bertugas di Kota Makassar menyambangi warga."
    assert place(text) == "73.71"


def test_a_provinces_name_after_an_address_is_the_province_not_a_village_named_so():
    # Kecamatan Tingginambut (Puncak Jaya) has a desa called "Papua".
    text = "Kericuhan pecah di Distrik Tingginambut, Puncak Jaya, Papua, Rabu (2/4/2025)."
    assert place(text) == "94.02.08"


def test_a_village_called_dusun_where_villages_are_called_so():
    # In Tebo and Bungo (Jambi) the desa are called "dusun".
    text = (
        "Warga Dusun Teluk Kuali, Kecamatan Tebo Ulu, Kabupaten Tebo, mengamankan dua pria "
        "yang membagikan amplop kepada pemilih, Jumat (4/4/2025)."
    )
    assert place(text) == "15.09.03.2011"


def test_a_hamlet_still_a_hamlet_under_its_village():
    text = (
        "Bhabinkamtibmas menyambangi warga Dusun Krajan, Desa Sukamaju, Kecamatan Cibeber, "
        "Kabupaten Cianjur, Senin (4/11/2024)."
    )
    record = extract(text)
    assert record.place.code == "32.03.03.2013"
    assert record.place.dusun == "Krajan"


def test_a_small_word_after_a_cue_word_is_no_village():
    # "Yang" is a desa of Maluku Utara; "kepala desa yang tidak netral" names none.
    text = (
        "Bawaslu Kabupaten Kuningan menegaskan kepala desa yang tidak netral dapat dikenai "
        "sanksi pidana."
    )
    assert place(text) == "32.08"


def test_two_villages_of_one_kecamatan_patrolled_give_their_kecamatan():
    text = (
        "KWANDANG – Tim patroli Polsek Kwandang menyusuri Desa Molingkapoto dan Desa Posso, "
        "Minggu (24/11/2024) malam, dan berbincang dengan warga yang berjaga."
    )
    assert place(text) == "75.05.02"
