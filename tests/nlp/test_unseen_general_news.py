"""Kind and activity types on texts of a third unseen round: general news that names an
election offence but reports none (the law stated, an offence defined), a hoax told by
who checked the picture, a disturbance told through what it left behind, and activities
told without their noun (a round of the beat, a cyber patrol told as what was searched,
counselling told as explaining the rules, an appeal in the headline, a visit received,
a home that was only the venue).

Every sentence is composed for these tests; places and names are made up or common.
"""

import pytest

from sejuk.nlp.extract import extract


def read(text):
    return extract(text)


def types(text):
    return {lab.code for lab in extract(text).activity_types}


def incidents(text):
    return {lab.code for lab in extract(text).incident_types}


def people(text):
    return {lab.code for lab in extract(text).participants}


# --- The law stated, an offence defined: no incident ---


@pytest.mark.parametrize(
    "text",
    [
        "Polres Woha: Pemberi dan Penerima Politik Uang Bisa Dipidana\n\n"
        "WOHA – Kasat Reskrim Polres Woha menjelaskan bahwa politik uang diatur dalam Pasal "
        "187A undang-undang pemilihan. Setiap orang yang memberikan uang untuk memengaruhi "
        "pemilih diancam pidana penjara paling lama enam tahun.",
        "Gakkumdu Ingatkan Ancaman Bagi Pembagi Amplop\n\n"
        "RISA – Koordinator Gakkumdu menyebut, membagikan uang kepada pemilih terancam "
        "hukuman penjara. Politik uang merupakan kejahatan terhadap demokrasi.",
    ],
)
def test_the_law_stated_about_an_offence_is_general_news(text):
    record = read(text)
    assert record.kind.value == "other"
    assert not record.incident_types


def test_a_threat_by_people_is_still_an_intimidation_beside_the_law():
    text = "Ketua PPS Desa Risa diancam oleh sekelompok orang usai penghitungan suara."
    assert incidents(text) == {"intimidasi"}


def test_an_offender_charged_under_an_article_is_still_a_case():
    text = (
        "Seorang pria yang kedapatan membagikan amplop berisi uang kepada warga Desa Risa "
        "ditangkap dan dijerat Pasal 187A."
    )
    assert incidents(text) == {"politik_uang"}


def test_counselling_that_explains_a_penalty_is_no_intimidation():
    text = (
        "Kanit Binmas Polsek Woha menerangkan kepada puluhan siswa SMA bahwa memaksa orang "
        "lain memilih calon tertentu dapat dipidana, Senin (18/11/2024)."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert {lab.code for lab in record.activity_types} == {"penyuluhan"}
    assert not record.incident_types


# --- A hoax told by who checked the picture ---


def test_an_old_picture_passed_off_as_new_is_a_hoax_not_the_fire_it_shows():
    text = (
        "Foto Kotak Suara Terbakar yang Beredar Ternyata Kejadian Lama\n\n"
        "RISA – Polres Woha memastikan foto kotak suara terbakar yang beredar di grup "
        "WhatsApp bukan kejadian Pilkada 2024. Foto itu berasal dari kerusuhan di daerah "
        "lain dan diunggah ulang dengan keterangan seolah-olah terjadi di Desa Risa."
    )
    record = read(text)
    assert record.kind.value == "incident"
    assert {lab.code for lab in record.incident_types} == {"hoaks"}


def test_a_clash_a_hoax_picture_set_off_is_an_event():
    text = (
        "Video lama yang diunggah ulang seolah-olah terjadi di Desa Risa memicu bentrokan "
        "antarwarga di balai desa."
    )
    assert incidents(text) == {"hoaks", "bentrokan"}


# --- A disturbance told through what it left behind ---


def test_a_house_stoned_is_damage_told_through_its_consequences():
    text = (
        "Dua keluarga relawan di Desa Risa mengungsi ke rumah kerabat setelah rumah mereka "
        "dilempari batu oleh orang tak dikenal pada Jumat (22/11/2024) malam."
    )
    record = read(text)
    assert record.kind.value == "incident"
    assert "perusakan" in {lab.code for lab in record.incident_types}


# --- Activities told without their noun ---


def test_a_round_of_the_beat_with_linmas_and_youths_is_a_joint_patrol():
    text = (
        "Personel Polsek Woha bersama anggota Linmas dan pemuda Desa Risa berkeliling "
        "kampung mulai pukul 22.00, Senin (25/11/2024)."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert "patroli_bersama" in {lab.code for lab in record.activity_types}


def test_walking_through_the_market_greeting_traders_is_a_dialogic_patrol():
    text = (
        "Tiga personel Polsek Woha berjalan kaki menyusuri los pasar Desa Risa, menyapa "
        "pedagang satu per satu, Senin (25/11/2024)."
    )
    assert "patroli_dialogis" in types(text)


def test_a_patrols_stop_at_a_guard_post_is_the_patrols():
    text = (
        "Patroli Malam Polsek Woha Singgah di Pos Ronda\n\n"
        "RISA – Tim patroli Polsek Woha menyusuri Desa Risa, Minggu (24/11/2024) malam, "
        "dan berbincang dengan warga yang berjaga."
    )
    assert types(text) == {"patroli_dialogis"}


def test_searching_posts_is_a_cyber_patrol():
    text = (
        "Selama masa tenang, anggota Satreskrim Polres Woha setiap hari menelusuri "
        "unggahan di Facebook dan grup percakapan warga."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert {lab.code for lab in record.activity_types} == {"patroli_siber"}


def test_an_appeal_in_the_headline_stays_beside_the_meeting_it_was_made_at():
    text = (
        "Warga Desa Risa Dihimbau Tak Bawa Parang ke TPS\n\n"
        "WOHA – Pesan itu disampaikan Kapolsek Woha saat bertatap muka dengan warga dan "
        "para rato di balai desa, Sabtu (23/11/2024)."
    )
    record = read(text)
    assert "penyuluhan" in {lab.code for lab in record.activity_types}
    assert "tokoh_adat" in {lab.code for lab in record.participants}


def test_receiving_a_visit_is_no_sambang():
    text = (
        "Kapolres Woha menerima kunjungan Ketua KIP Woha di mapolres, Senin (2/12/2024). "
        "Keduanya membahas rute pengiriman kotak suara ke tempat rekapitulasi."
    )
    assert "sambang" not in types(text)
    assert "penyelenggara_pemilu" in people(text)


def test_a_home_that_hosts_a_mediation_is_its_venue_not_a_visit():
    text = (
        "Kapolsek Woha mempertemukan perwakilan kedua kubu di rumah kepala desa Risa, "
        "Jumat (29/11/2024), hingga keduanya sepakat saling memaafkan."
    )
    assert types(text) == {"mediasi"}


def test_dropping_in_at_the_banjar_hall_and_chatting_is_a_visit():
    text = (
        "Bhabinkamtibmas Desa Risa mampir ke bale banjar saat krama banjar bergotong "
        "royong, Minggu (17/11/2024), dan mengobrol dengan bendesa adat."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert "sambang" in {lab.code for lab in record.activity_types}


# --- More general news: the law's consequences, a habit of elections, a denied claim ---


def test_disqualification_for_money_politics_stated_as_the_law_is_general_news():
    text = (
        "Politik Uang Bisa Bikin Calon Didiskualifikasi\n\n"
        "WOHA – Pasangan calon yang terbukti melakukan politik uang secara terstruktur dapat "
        "dibatalkan pencalonannya. Hal itu ditegaskan anggota KPU, Senin (18/11/2024)."
    )
    assert read(text).kind.value == "other"


def test_disturbances_told_as_a_habit_of_elections_are_general_news():
    text = (
        "Pilkada dan Budaya Kekerasan\n\n"
        "Kekerasan dalam pilkada bukan hal baru. Bentrokan antarpendukung dan perusakan "
        "baliho kerap terjadi dari satu pemilihan ke pemilihan berikutnya."
    )
    record = read(text)
    assert record.kind.value == "other"
    assert not record.incident_types


def test_a_claim_said_to_be_untrue_is_a_hoax():
    text = (
        "Sebuah unggahan di Facebook menyebut surat suara yang sudah dicoblos ditemukan di "
        "gudang KPU Woha. KPU Woha memastikan kabar itu tidak benar."
    )
    assert incidents(text) == {"hoaks"}


# --- More activities told without their noun ---


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Para pemilih pemula di SMA Negeri 2 Woha diberi pemahaman oleh Satbinmas Polres "
            "Bima tentang bahaya hoaks, Rabu (20/11/2024).",
            "penyuluhan",
        ),
        (
            "Kasat Binmas Polres Bima memberikan pemahaman hukum kepada kepala desa se-Kecamatan "
            "Woha soal larangan berpihak, Kamis (14/11/2024).",
            "penyuluhan",
        ),
        (
            "Polsek Woha dan warga Desa Risa menggelar ronda malam bersama di sekitar gudang "
            "logistik PPS, Sabtu (23/11/2024).",
            "patroli_bersama",
        ),
        (
            "Kapolsek Woha menjembatani pertemuan dua tim pemenangan yang berselisih soal "
            "baliho di Desa Risa, Jumat (15/11/2024).",
            "mediasi",
        ),
        (
            "Kapolsek Woha bertemu Ketua PPS Desa Risa untuk menyamakan langkah pengamanan "
            "kotak suara, Senin (25/11/2024).",
            "koordinasi",
        ),
    ],
)
def test_activities_told_from_another_side_or_in_other_words(text, want):
    record = read(text)
    assert record.kind.value == "activity"
    assert want in {lab.code for lab in record.activity_types}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Ratusan personel gabungan Polres Bima dan Kodim disebar ke 850 TPS di Kabupaten "
            "Bima pada hari pemungutan suara, Rabu (27/11/2024).",
            "pengamanan",
        ),
        (
            "Ketiga pasangan calon bupati membacakan ikrar siap menang dan siap kalah di "
            "hadapan Kapolres Bima, Senin (23/9/2024).",
            "deklarasi_damai",
        ),
        (
            "Usai salat Jumat di Masjid Desa Risa, Kapolsek Woha menyampaikan pesan agar "
            "jemaah menolak politik uang, Jumat (22/11/2024).",
            "penyuluhan",
        ),
        (
            "Dua kelompok pendukung yang sempat bersitegang di Desa Risa akhirnya bersalaman "
            "setelah dipertemukan Kapolsek Woha di balai desa, Minggu (1/12/2024).",
            "mediasi",
        ),
        (
            "Satuan Siber Polres Bima memantau percakapan di media sosial selama masa tenang, "
            "Selasa (26/11/2024).",
            "patroli_siber",
        ),
        (
            "Kapolres Bima duduk lesehan bersama puluhan pemuda di sebuah kafe, Sabtu "
            "(23/11/2024) malam, membicarakan cara menjaga pilkada tetap damai.",
            "dialog",
        ),
        (
            "Kapolres Bima menerima jajaran Bawaslu di ruang kerjanya, Selasa (19/11/2024). "
            "Pertemuan membahas titik-titik TPS rawan.",
            "koordinasi",
        ),
    ],
)
def test_activities_told_in_the_words_of_a_third_round(text, want):
    record = read(text)
    assert record.kind.value == "activity"
    assert want in {lab.code for lab in record.activity_types}


def test_a_visit_told_as_a_stop_of_a_patrol_is_the_patrols():
    text = (
        "Unit Samapta Polsek Woha menyambangi pangkalan ojek dalam patroli siang, Senin "
        "(18/11/2024), dan berbincang dengan para pengojek."
    )
    assert types(text) == {"patroli_dialogis"}


def test_officers_going_from_stall_to_stall_greeting_traders_is_an_activity():
    text = (
        "Pagi di Pasar Woha\n\nWOHA – Suasana pasar ramai seperti biasa, Senin (25/11/2024). "
        "Dua anggota Polsek Woha tampak berjalan dari lapak ke lapak, menyapa pedagang."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert "patroli_dialogis" in {lab.code for lab in record.activity_types}


def test_election_officers_who_quit_after_being_terrorised_tell_an_intimidation():
    text = (
        "Dua Anggota KPPS di Desa Risa Mundur Usai Diteror\n\nWOHA – Dua anggota KPPS "
        "mengundurkan diri setelah rumah mereka didatangi orang tak dikenal, Senin (25/11/2024)."
    )
    record = read(text)
    assert record.kind.value == "incident"
    assert "intimidasi" in {lab.code for lab in record.incident_types}


def test_an_award_for_the_best_security_is_no_report_of_an_activity():
    text = (
        "Polres Woha Raih Penghargaan Pengamanan Pilkada Terbaik\n\nWOHA – Polres Woha meraih "
        "penghargaan dari Polda sebagai satuan dengan pengamanan Pilkada terbaik."
    )
    assert read(text).kind.value == "other"


def test_a_field_report_of_a_patrol_that_chatted_with_the_night_watch():
    text = (
        "Lap giat patroli Polsek Woha\nHr/tgl: Kamis 21-11-2024\nGiat: patroli ke Ds Risa, "
        "berhenti di pos kamling & ngobrol dgn peronda soal kamtibmas.\nSit: aman"
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert {lab.code for lab in record.activity_types} == {"patroli_dialogis"}


def test_a_shorthand_meeting_that_discussed_security_is_coordination_only():
    text = (
        "Kapolsek Woha bsm Danramil rapat dgn PPK Woha di kantor camat, Senin 25-11-2024, "
        "bahas pengamanan pleno."
    )
    assert types(text) == {"koordinasi"}


def test_a_patrol_of_tni_and_polri_is_joint():
    text = (
        "TNI-Polri di Woha menggelar patroli menyusuri jalan utama Kecamatan Woha, Sabtu "
        "(23/11/2024) malam."
    )
    assert "patroli_bersama" in types(text)


def test_officers_put_on_standby_at_a_village_border_are_security():
    text = (
        "Cegah Bentrok, Polsek Woha Siagakan Personel di Perbatasan Desa\n\nWOHA – Polsek "
        "Woha menempatkan enam personel di perbatasan Desa Risa, Jumat (29/11/2024). Hingga "
        "malam situasi terpantau aman."
    )
    record = read(text)
    assert record.kind.value == "activity"
    assert "pengamanan" in {lab.code for lab in record.activity_types}
