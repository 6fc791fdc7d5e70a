"""Disturbances and police work told without the word for them, and the sentences where a
disturbance is only staged, judged, counted or argued about.

A report says "the recording was joined from old speeches", "they came on five trucks",
"cash was tucked into the rice bags", "the chief brought both sides together"; a drill,
a court's ruling, crime statistics and an opinion column use the same words of trouble
without reporting any. Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


def read(text):
    record = extract(text)
    return (
        record.kind.value,
        {lab.code for lab in record.activity_types},
        {lab.code for lab in record.incident_types},
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Beredar video calon wali kota Bima yang ternyata digabungkan dari dua acara "
            "berbeda, Senin (18/11/2024).",
            "hoaks",
        ),
        (
            "Seorang warga Dompu dilaporkan karena menulis status yang menjelekkan agama "
            "tetangganya, Senin (18/11/2024).",
            "ujaran_kebencian",
        ),
        (
            "Di depan kantor PPK Woha, seorang pemuda menyerukan kepada massa untuk turun ke "
            "jalan, Selasa (3/12/2024).",
            "provokasi",
        ),
        (
            "Anggota KPPS TPS 09 Desa Risa merasa terintimidasi setelah rumahnya dilempari "
            "kotoran, Rabu (27/11/2024).",
            "intimidasi",
        ),
        (
            "Seorang saksi paslon dihajar tiga orang di parkiran kantor PPK Woha, Kamis "
            "(28/11/2024).",
            "kriminal_umum",
        ),
        (
            "Sekitar 200 orang tiba di kantor PPK Woha menumpang 8 truk dari kecamatan lain, "
            "Sabtu (30/11/2024).",
            "pengerahan_massa",
        ),
        (
            "Gakkumdu menemukan kantong gula yang diselipkan selembar uang Rp100.000 di rumah "
            "warga Desa Risa, Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Puluhan warga memalang jalan masuk ke kantor distrik dengan kayu, Senin (2/12/2024).",
            "unjuk_rasa",
        ),
        (
            "Baliho paslon nomor 1 di simpang Desa Risa ditemukan tersobek dan roboh, Senin "
            "(18/11/2024).",
            "perusakan",
        ),
        (
            "Dua kelompok massa saling serbu di perbatasan Desa Risa dan Desa Rato, Kamis "
            "(28/11/2024).",
            "bentrokan",
        ),
        (
            "Warga Desa Risa menerima kiriman beras dan uang dari tim salah satu calon pada "
            "malam pencoblosan, Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Tim sukses seorang calon kedapatan menyebar amplop ke rumah-rumah warga Desa Risa, "
            "Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Petugas KPPS TPS 02 Desa Risa mendapat pesan bernada ancaman dari nomor tak "
            "dikenal, Kamis (28/11/2024).",
            "intimidasi",
        ),
        (
            "Puluhan mahasiswa membentangkan spanduk tuntutan di depan kantor Bawaslu Bima, "
            "Senin (2/12/2024).",
            "unjuk_rasa",
        ),
        (
            "Tim pemenangan paslon nomor 2 menolak menandatangani berita acara rekapitulasi di "
            "kantor KPU Bima, Kamis (5/12/2024).",
            "penolakan_hasil",
        ),
        (
            "Saksi paslon nomor 1 menyatakan keberatan atas hasil pleno PPK Woha dan meminta "
            "penghitungan ulang, Jumat (29/11/2024).",
            "penolakan_hasil",
        ),
    ],
)
def test_a_disturbance_told_without_its_noun_is_an_incident(text, want):
    kind, _, incidents = read(text)
    assert kind == "incident"
    assert want in incidents


def test_a_strangers_visit_with_gifts_is_money_politics_not_a_police_visit():
    kind, activities, incidents = read(
        "Seorang pria mendatangi rumah-rumah warga Desa Risa sambil membagikan kantong gula, "
        "Selasa (26/11/2024). Di setiap kantong terselip uang Rp50.000."
    )
    assert kind == "incident"
    assert incidents == {"politik_uang"}
    assert "sambang" not in activities


def test_evidence_found_at_a_home_is_a_search_not_a_visit():
    kind, activities, incidents = read(
        "Polisi menemukan amplop berisi uang di rumah warga Desa Risa. Pemiliknya diduga "
        "anggota tim sukses, Selasa (26/11/2024)."
    )
    assert "sambang" not in activities
    assert kind == "incident" and "politik_uang" in incidents


@pytest.mark.parametrize(
    "text",
    [
        # a drill of crowd control
        "Polres Bima menggelar simulasi pengamanan pilkada, Rabu (13/11/2024). Dalam "
        "skenario, personel berperan sebagai massa yang ricuh dan membakar ban.",
        # a court's ruling on a past case
        "Pengadilan Negeri Raba Bima memvonis terdakwa yang membagikan uang kepada pemilih "
        "dengan hukuman empat bulan penjara, Kamis (19/12/2024).",
        # crime statistics
        "Polres Bima mencatat pencurian masih mendominasi selama November, disusul "
        "penganiayaan dan penipuan.",
    ],
)
def test_trouble_that_is_staged_judged_or_counted_is_no_incident(text):
    kind, _, incidents = read(text)
    assert kind != "incident"
    assert incidents == set()


def test_an_opinion_column_reports_nothing():
    kind, _, incidents = read(
        "Opini: Amplop, Beras dan Suara Kita\n\nOleh: Rahmawati, warga Kota Bima\n\n"
        "Politik uang masih terjadi di banyak desa karena pemilih dibiarkan miskin pendidikan "
        "politik."
    )
    assert kind == "other"
    assert incidents == set()


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Perwakilan ketiga paslon meneken kesepakatan menjaga pilkada tetap sejuk di "
            "halaman Polres Bima, Sabtu (16/11/2024).",
            "deklarasi_damai",
        ),
        (
            "Jamaah Masjid Raya dan personel Polsek Woha bermunajat bersama untuk keselamatan "
            "bangsa, Jumat (22/11/2024).",
            "doa_bersama",
        ),
        (
            "Kapolsek Woha mempertemukan kedua keluarga yang berselisih soal spanduk di "
            "mapolsek, Senin (18/11/2024).",
            "mediasi",
        ),
        (
            "Kapolsek Woha duduk bersama PPK dan camat untuk menyepakati jadwal pergeseran "
            "kotak suara, Jumat (22/11/2024).",
            "koordinasi",
        ),
        (
            "Tiga personel Polsek Woha standby di gudang logistik PPK sejak pukul 07.00, Rabu "
            "(27/11/2024).",
            "pengamanan",
        ),
        (
            "Personel Polsek Woha dan anggota Koramil berkeliling kampung dengan sepeda motor, "
            "Senin (25/11/2024).",
            "patroli_bersama",
        ),
        (
            "Aipda Rudi, Bhabinkamtibmas Desa Risa, menyempatkan diri mampir ke warung kopi "
            "warga dan berbincang soal persiapan pencoblosan, Senin (25/11/2024).",
            "sambang",
        ),
        (
            "Polsek Woha menempatkan dua personel di setiap TPS di Desa Risa, Rabu (27/11/2024).",
            "pengamanan",
        ),
        (
            "Kapolres Bima bertukar pikiran dengan para tokoh pemuda di aula Polres soal "
            "pilkada damai, Senin (18/11/2024).",
            "dialog",
        ),
        (
            "Kapolres Bima menyambangi kantor KPU Bima untuk menyamakan persepsi soal "
            "rekapitulasi, Senin (2/12/2024).",
            "koordinasi",
        ),
        (
            "Personel Samapta Polres Bima berkeliling kota sambil menyapa warga dan pedagang, "
            "Senin (25/11/2024).",
            "patroli_dialogis",
        ),
    ],
)
def test_police_work_told_without_an_activity_noun_is_an_activity(text, want):
    kind, activities, _ = read(text)
    assert kind == "activity"
    assert want in activities


def test_trouble_brought_under_control_is_a_reported_calm_and_a_hope_is_not():
    told = extract(
        "Keributan di depan TPS 03 Desa Risa, Rabu (27/11/2024), dapat diredam dan warga "
        "kembali ke rumah."
    )
    assert told.situation.value == "kondusif"
    hoped = extract("Kapolsek meminta personel bersiaga agar keributan dapat diredam.")
    assert hoped.situation.value is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Tim pemenangan ketiga paslon meneken kesepakatan damai di aula Polres Bima, Sabtu "
            "(16/11/2024).",
            "paslon_timses",
        ),
        (
            "Warga yang berkumpul di pos ronda diingatkan Bhabinkamtibmas agar menolak pemberian "
            "uang, Selasa (19/11/2024).",
            "warga",
        ),
    ],
)
def test_the_group_that_signs_or_is_reminded_took_part(text, want):
    assert want in {lab.code for lab in extract(text).participants}


def test_sitting_down_to_settle_a_plan_is_coordination_not_a_dialogue():
    _, activities, _ = read(
        "Kapolsek Woha duduk bersama Ketua PPK dan camat membahas jadwal pergeseran kotak "
        "suara, Jumat (22/11/2024)."
    )
    assert activities == {"koordinasi"}


def test_sitting_down_with_officials_far_from_the_plan_settled_is_still_coordination():
    _, activities, _ = read(
        "Kapolsek Woha duduk bersama Ketua PPK, Panwascam dan camat Woha di kantor kecamatan, "
        "Jumat (22/11/2024), membahas rute pengiriman kotak suara ke desa-desa."
    )
    assert activities == {"koordinasi"}


def test_a_budget_for_security_is_no_security_held():
    kind, activities, _ = read(
        "Anggaran pengamanan Pilkada Bima sebesar Rp5 miliar telah dicairkan pemerintah daerah."
    )
    assert "pengamanan" not in activities
    assert kind == "other"


def test_a_crowd_named_with_where_it_came_from_is_a_party_to_the_protest():
    record = extract(
        "Ratusan warga dari Kecamatan Woha dan Kecamatan Belo mendatangi kantor KPU Kabupaten "
        "Bima dan berunjuk rasa, Selasa (10/12/2024)."
    )
    assert record.kind.value == "incident"
    assert "warga" in {lab.code for lab in record.participants}
