"""Incident types and the kind of text on reports of kinds the reader had not seen:
damage told as a state, gang assaults, money politics told as handing out goods and cash,
crowds brought in, edited videos; legal penalties and burnt tyres are no intimidation and
no damage.

Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


def incident(text):
    record = extract(text)
    return record.kind.value, {lab.code for lab in record.incident_types}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Massa pendukung salah satu calon menyerang kantor camat Woha, Senin (2/12/2024). "
            "Kaca jendela kantor camat pecah terkena lemparan batu.",
            "perusakan",
        ),
        (
            "Seorang saksi pasangan calon tewas dikeroyok sekelompok orang di Desa Risa, Minggu "
            "(17/11/2024).",
            "kriminal_umum",
        ),
        (
            "Terjadi insiden berdarah di Desa Risa usai pencoblosan, Rabu (27/11/2024); seorang "
            "warga dibacok orang tak dikenal.",
            "kriminal_umum",
        ),
        (
            "Tim sukses seorang calon kedapatan membagikan sembako dan uang tunai kepada warga "
            "Desa Risa sehari sebelum pemungutan suara, Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Ratusan massa pendukung didatangkan dari sejumlah kampung dengan truk ke kantor KPU "
            "Kabupaten Bima, Senin (2/12/2024).",
            "pengerahan_massa",
        ),
        (
            "Puluhan warga menggelar aksi di depan kantor KPU Kabupaten Bima menuntut pleno "
            "ditunda, Senin (2/12/2024).",
            "unjuk_rasa",
        ),
        (
            "Sebuah video editan berisi fitnah terhadap salah satu calon bupati beredar di grup "
            "WhatsApp warga Bima, Sabtu (23/11/2024).",
            "hoaks",
        ),
        (
            "Orang tak dikenal merobek baliho pasangan calon di Desa Risa, Kamis (3/10/2024).",
            "perusakan",
        ),
    ],
)
def test_disturbances_told_in_words_the_reader_lacked(text, want):
    kind, found = incident(text)
    assert kind == "incident"
    assert want in found


def test_goods_handed_out_with_cash_are_money_politics_not_a_social_activity():
    text = (
        "Tim sukses seorang calon kedapatan membagikan sembako dan uang tunai kepada warga "
        "Desa Risa sehari sebelum pemungutan suara, Selasa (26/11/2024)."
    )
    record = extract(text)
    assert "other" not in {lab.code for lab in record.activity_types}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Penyebar hoaks itu ditangkap Polres Bima. Ancaman pidananya enam tahun penjara, "
            "kata Kasat Reskrim, Senin (2/12/2024).",
            "intimidasi",
        ),
        (
            "Pelaku diancam dengan pidana penjara paling lama lima tahun.",
            "intimidasi",
        ),
        (
            "Massa berunjuk rasa di depan kantor KPU sambil membakar ban bekas, Senin (2/12/2024).",
            "perusakan",
        ),
    ],
)
def test_false_friends_of_disturbances(text, absent):
    _, found = incident(text)
    assert absent not in found


# -- a second round of composed reports ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # poll watchers and witnesses kept out or driven off
        (
            "Dua saksi pasangan calon dihalang-halangi saat hendak masuk ke TPS 05 Desa "
            "Sukamaju, Kecamatan Cibeber, Rabu (27/11/2024).",
            "intimidasi",
        ),
        (
            "Seorang pengawas TPS diusir sekelompok orang dari TPS 02 Desa Sukamaju, Rabu "
            "(27/11/2024).",
            "intimidasi",
        ),
        (
            "Relawan salah satu calon diteriaki dan disuruh pulang oleh sekelompok pemuda di "
            "Desa Sukamaju, Minggu (24/11/2024).",
            "intimidasi",
        ),
        # people carried in by the truckload, and those who sent them
        (
            "Puluhan orang yang diangkut dengan tiga mobil bak terbuka tiba di kantor PPK "
            "Cibeber saat rekapitulasi, Jumat (29/11/2024).",
            "pengerahan_massa",
        ),
        (
            "Polisi menelusuri siapa yang mengerahkan ratusan massa ke kantor KPU Cianjur, "
            "Senin (2/12/2024).",
            "pengerahan_massa",
        ),
    ],
)
def test_disturbances_told_in_words_of_a_second_round(text, want):
    kind, found = incident(text)
    assert kind == "incident"
    assert want in found


def test_a_crowd_that_turns_up_pays_no_visit_and_officials_at_the_site_neither():
    text = (
        "Ratusan orang mendatangi kantor PPK Cibeber menuntut penghitungan ulang, Jumat "
        "(29/11/2024). Ketua Bawaslu bersama Kapolsek Cibeber mendatangi lokasi untuk "
        "menenangkan massa."
    )
    record = extract(text)
    assert record.kind.value == "incident"
    assert "sambang" not in {lab.code for lab in record.activity_types}


def test_a_hoax_named_as_what_counselling_fights_is_no_incident():
    text = (
        "Polsek Cibeber Ajak Pelajar Lawan Hoaks\n\n"
        "CIANJUR – Polsek Cibeber memberikan penyuluhan kepada pelajar SMK di Desa Sukamaju, "
        "Senin (4/11/2024). Petugas menjelaskan cara mengenali berita bohong menjelang "
        "pilkada."
    )
    record = extract(text)
    assert record.kind.value == "activity"
    assert "penyuluhan" in {lab.code for lab in record.activity_types}
    assert not record.incident_types


def test_what_a_cyber_patrol_found_leaves_the_patrol_the_subject():
    text = (
        "Patroli Siber Polres Sumbawa Temukan Unggahan Provokatif\n\n"
        "SUMBAWA – Tim Siber Polres Sumbawa menemukan 12 unggahan provokatif dan ujaran "
        "kebencian yang menyerang pasangan calon bupati dalam patroli siber, Sabtu "
        "(23/11/2024). Pemilik akun diberi peringatan."
    )
    record = extract(text)
    assert record.kind.value == "activity"
    assert "patroli_siber" in {lab.code for lab in record.activity_types}
    assert "paslon_timses" not in {lab.code for lab in record.participants}


# Third round: words a second set of composed texts showed missing.
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (  # a video cut so that it says what was never said
            "Polres Sumbawa menyelidiki rekaman pidato seorang calon bupati yang telah "
            "disunting lalu disebar di grup warga Desa Labuhan Badas, Jumat (15/11/2024).",
            "hoaks",
        ),
        (
            "Kasat Reskrim menyebut foto yang beredar di Desa Labuhan Badas, Jumat (15/11/2024), "
            "merupakan hasil rekayasa.",
            "hoaks",
        ),
        (  # damage told as the state the things were found in
            "Lima spanduk pasangan calon di Desa Labuhan Badas, Kecamatan Labuhan Badas, "
            "didapati warga dalam kondisi sobek, Minggu (10/11/2024) pagi.",
            "perusakan",
        ),
        (
            "Tiang bendera posko pemenangan di Desa Labuhan Badas ditemukan patah, Minggu "
            "(10/11/2024).",
            "perusakan",
        ),
        (  # burning tyres stages a protest
            "Puluhan pemuda membakar ban di simpang empat Desa Labuhan Badas, Senin "
            "(2/12/2024), menolak hasil pleno.",
            "unjuk_rasa",
        ),
        (
            "Ratusan pendemo memadati halaman kantor KPU Kabupaten Sumbawa, Senin (2/12/2024).",
            "unjuk_rasa",
        ),
        (  # a protest named by its manner, or by the police who guard it
            "Puluhan mahasiswa mendatangi kantor Bawaslu, Senin (2/12/2024). Polres Sumbawa "
            "menurunkan personel untuk mengawal aksi tersebut.",
            "unjuk_rasa",
        ),
        (
            "Puluhan warga menggelar aksi damai di depan kantor KPU Kabupaten Sumbawa, Senin "
            "(2/12/2024).",
            "unjuk_rasa",
        ),
        (  # election materials gone
            "Surat suara cadangan dari TPS 05 Desa Labuhan Badas dilaporkan raib, Kamis "
            "(28/11/2024).",
            "kriminal_umum",
        ),
    ],
)
def test_disturbances_told_in_words_of_a_third_round(text, want):
    kind, found = incident(text)
    assert kind == "incident"
    assert want in found


def test_a_circulating_message_that_incites_is_no_advice():
    text = (
        "Pesan berantai di grup WhatsApp warga Desa Labuhan Badas menghasut warga untuk "
        "beramai-ramai mendatangi kantor PPS, Senin (2/12/2024)."
    )
    record = extract(text)
    assert record.kind.value == "incident"
    assert "provokasi" in {lab.code for lab in record.incident_types}
    assert "sambang" not in {lab.code for lab in record.activity_types}


def test_advice_still_names_a_disturbance_only_to_warn():
    text = (
        "Bhabinkamtibmas Desa Labuhan Badas menyampaikan pesan agar warga tidak terhasut "
        "ajakan provokasi, Senin (18/11/2024)."
    )
    assert "provokasi" not in incident(text)[1]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Dua simpatisan terlibat adu jotos di depan TPS 04 Desa Labuhan Badas, Rabu "
            "(27/11/2024).",
            "bentrokan",
        ),
        (
            "Seorang pria diduga memberikan uang Rp50.000 kepada pemilih di Desa Labuhan Badas, "
            "Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Tim sukses dilaporkan menjanjikan uang kepada warga Desa Labuhan Badas bila "
            "calonnya menang, Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Beredar informasi tidak benar soal kotak suara yang dibuka di Desa Labuhan Badas, "
            "Senin (2/12/2024).",
            "hoaks",
        ),
        (
            "Seorang pria menyebar video lama kericuhan seolah-olah terjadi di Desa Labuhan "
            "Badas, Kamis (28/11/2024).",
            "hoaks",
        ),
        (
            "Seorang warga Desa Labuhan Badas dilaporkan karena menghina salah satu calon "
            "bupati di Facebook, Senin (2/12/2024).",
            "ujaran_kebencian",
        ),
        (
            "Ketua KPPS Desa Labuhan Badas didatangi sekelompok orang yang memintanya mengubah "
            "hasil penghitungan, Kamis (28/11/2024).",
            "intimidasi",
        ),
        (
            "Massa pendukung paslon memblokir jalan menuju kantor PPK Labuhan Badas, Kamis "
            "(28/11/2024).",
            "unjuk_rasa",
        ),
        (
            "Puluhan orang menyegel kantor KPU Kabupaten Sumbawa, Kamis (28/11/2024), menuntut "
            "pleno diulang.",
            "unjuk_rasa",
        ),
        (
            "Seorang anggota PPS di Desa Labuhan Badas tewas ditikam usai rekapitulasi, Kamis "
            "(28/11/2024).",
            "kriminal_umum",
        ),
        (
            "Polisi menangkap pria yang memanas-manasi warga Desa Labuhan Badas, Kamis "
            "(28/11/2024).",
            "provokasi",
        ),
        (
            "Pelaku mengajak warga Desa Labuhan Badas menyerbu kantor PPS, Kamis (28/11/2024).",
            "provokasi",
        ),
    ],
)
def test_disturbances_told_in_plain_everyday_words(text, want):
    kind, found = incident(text)
    assert kind == "incident"
    assert want in found


@pytest.mark.parametrize(
    "text",
    [
        "Kapolres Sumbawa memberikan uang santunan kepada anak yatim di Desa Labuhan Badas, "
        "Senin (18/11/2024).",
        "Kapolres menegaskan siapa pun yang memberikan uang kepada pemilih akan ditindak, Senin "
        "(18/11/2024).",
        "Personel Polres Sumbawa memblokade jalan menuju kantor KPU untuk pengamanan pleno, "
        "Senin (2/12/2024).",
        "Kapolsek meminta warga tidak menyebarkan informasi yang tidak benar, Senin (18/11/2024).",
    ],
)
def test_false_friends_of_the_plain_words(text):
    assert incident(text)[1] == set()
