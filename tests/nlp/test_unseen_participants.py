"""Participants on texts of kinds the reader had not seen: groups named as the topic,
the site, the addressee of a statement or the umbrella of a list are not people met;
groups met under titles and words the reader lacked are.

Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp import labels
from sejuk.nlp.document import Document
from sejuk.nlp.extract import extract


def participants(text, incident=False):
    return {f.code for f in labels.participants(Document(text), incident)}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # the press a statement was made to
        ("Situasi di Desa Risa aman, ujar Kapolsek Woha kepada wartawan, Senin.", "media"),
        ("Kapolres mengatakan kepada awak media bahwa pleno berjalan tertib.", "media"),
        # the public as the umbrella of a list, or at large
        ("Rapat dihadiri berbagai elemen masyarakat, antara lain camat dan kepala desa.", "warga"),
        ("Kapolres bertemu unsur masyarakat, mulai dari tokoh adat hingga tokoh pemuda.", "warga"),
        (
            "Kapolsek merangkul berbagai elemen masyarakat. Tokoh agama dan tokoh adat hadir.",
            "warga",
        ),
        ("Kapolsek bersama tokoh agama maupun masyarakat umum menjaga kerukunan.", "warga"),
        # leaders of religion and of the community, the word tokoh said once
        ("Bhabinkamtibmas bersilaturahmi dengan tokoh agama dan masyarakat Desa Risa.", "warga"),
        # an election office as the site guarded
        (
            "Polsek Woha dan Koramil menggelar pengamanan bersama di kantor KPU dan gudang "
            "logistik KPU.",
            "penyelenggara_pemilu",
        ),
        ("Personel gabungan berjaga di depan kantor Bawaslu sejak pagi.", "penyelenggara_pemilu"),
        # candidates as what was decided on
        ("Polres mengamankan rapat pleno penetapan pasangan calon bupati.", "paslon_timses"),
    ],
)
def test_a_group_named_as_topic_site_addressee_or_umbrella_is_no_participant(text, absent):
    assert absent not in participants(text)


def test_people_of_many_kinds_who_came_are_residents():
    text = "Deklarasi damai dihadiri berbagai elemen masyarakat dan tokoh agama."
    assert "warga" in participants(text)


def test_a_visit_to_a_groups_office_meets_the_group():
    text = "Kapolres menyambangi satu per satu kantor partai politik di Kota Bima."
    assert "paslon_timses" in participants(text)


def test_an_institution_that_comments_on_an_incident_is_no_party():
    text = "Kotak suara dibakar massa. KPU menyoroti pentingnya menjaga keamanan logistik."
    assert "penyelenggara_pemilu" not in {lab.code for lab in extract(text).participants}


@pytest.mark.parametrize(
    "text",
    [
        "Rapat pleno penetapan pasangan calon gubernur diwarnai kericuhan di kantor KPU.",
        "Kericuhan terjadi usai KPU menetapkan tiga pasangan calon bupati.",
    ],
)
def test_candidates_decided_on_in_an_incident_are_no_party(text):
    assert "paslon_timses" not in participants(text, incident=True)


def test_leaders_met_under_a_shared_tokoh_are_each_counted():
    found = participants("Kapolsek berdialog dengan tokoh agama dan masyarakat setempat.")
    assert {"tokoh_agama", "tokoh_masyarakat"} <= found


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Bhabinkamtibmas mendampingi petugas pantarlih mendatangi rumah warga.",
            "penyelenggara_pemilu",
        ),
        ("Kapolsek bertemu tim kemenangan salah satu calon di Desa Risa.", "paslon_timses"),
        ("Bhabinkamtibmas berbincang dengan para juru kampanye di posko.", "paslon_timses"),
        ("Kapolsek menyambangi kelompok pemuda yang berkumpul di pos ronda.", "tokoh_pemuda"),
        ("Bhabinkamtibmas menyapa mama-mama pedagang di pasar Desa Risa.", "perempuan"),
        ("Kapolsek bersilaturahmi dengan Ketua RW 03 dan Ketua RT 01.", "tokoh_masyarakat"),
        ("Kapolres bersilaturahmi dengan pimpinan dayah di Desa Risa.", "tokoh_agama"),
        ("Kapolres bertemu panglima laot untuk menjaga kamtibmas di pesisir.", "tokoh_adat"),
        ("Kapolres bersilaturahmi dengan Teungku Imum di meunasah gampong.", "tokoh_agama"),
        ("Giat patroli bsm Babinsa Koramil Woha.", "tni"),
    ],
)
def test_groups_met_under_words_the_reader_lacked(text, present):
    assert present in participants(text)


def test_a_long_list_after_who_led_still_takes_part():
    text = (
        "Kegiatan dipimpin oleh Kapolsek Woha AKP Risa Hidayat, S.H., M.H., bersama dengan "
        "personel Polsek Woha, Danramil Woha dan Camat Woha."
    )
    assert {"tni", "pemerintah_daerah"} <= participants(text)


@pytest.mark.parametrize(
    ("text", "present"),
    [
        (
            "Seorang anggota KPPS diancam oleh orang tak dikenal di TPS 03 Desa Risa.",
            "penyelenggara_pemilu",
        ),
        ("Warga menggerebek sebuah rumah yang diduga tempat pembagian uang.", "warga"),
    ],
)
def test_in_an_incident_the_victims_and_the_actors_are_parties(text, present):
    assert present in {lab.code for lab in extract(text).participants}


def test_a_crowd_is_no_residents():
    record = extract("Massa mengamuk dan merusak kantor PPK Woha, Senin (2/12/2024).")
    assert "warga" not in {lab.code for lab in record.participants}


# -- a second round of composed texts ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # youths met as a group, the word "tokoh" not said
        (
            "Bhabinkamtibmas berbincang dengan beberapa pemuda di pos ronda Desa Lape.",
            "tokoh_pemuda",
        ),
        ("Kapolsek ngopi bareng pemuda di pos kamling Desa Lape.", "tokoh_pemuda"),
        # Maluku's customary heads, a congregation's shepherd and elders
        ("Kapolres bertemu para raja petuanan di Namrole.", "tokoh_adat"),
        ("Kapolres berdialog dengan kepala soa dan saniri negeri di balai desa.", "tokoh_adat"),
        ("Usai ibadah, gembala jemaat memimpin doa bagi kelancaran pilkada.", "tokoh_agama"),
        ("Kapolsek bersilaturahmi dengan para penatua gereja di Desa Lape.", "tokoh_agama"),
        # the election bodies by their full names
        (
            "Bhabinkamtibmas berkoordinasi dengan Kelompok Penyelenggara Pemungutan Suara di "
            "Desa Lape.",
            "penyelenggara_pemilu",
        ),
        (
            "Kapolsek bertemu Panitia Pemilihan Kecamatan Lape di kantor camat.",
            "penyelenggara_pemilu",
        ),
        # the one who received what was handed over took part
        ("Kotak suara tiba pukul 11.00 dan diterima ketua PPS Desa Lape.", "penyelenggara_pemilu"),
    ],
)
def test_groups_met_under_words_of_a_second_round(text, want):
    assert want in participants(text)


def test_one_young_man_is_no_group_of_youths():
    text = "Seorang pemuda ditangkap karena menyebarkan hoaks tentang calon bupati Sumbawa."
    assert "tokoh_pemuda" not in participants(text, incident=True)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Warga Desa Lape, Kecamatan Lape, menggerebek sebuah rumah yang dipakai membagikan "
            "amplop kepada pemilih, Selasa (26/11/2024).",
            "warga",
        ),
        (
            "Seorang anggota PPS di Desa Lape, Kecamatan Lape, melapor ke polisi setelah "
            "diancam sekelompok orang, Senin (25/11/2024).",
            "penyelenggara_pemilu",
        ),
    ],
)
def test_a_party_to_an_incident_named_with_its_village(text, want):
    assert want in participants(text, incident=True)


@pytest.mark.parametrize(
    "text",
    [
        "Penganiayaan di Desa Lape dipicu perdebatan soal pilihan calon bupati, Kamis "
        "(28/11/2024).",
        "Keduanya bertengkar karena perbedaan pilihan pasangan calon.",
    ],
)
def test_candidates_as_the_subject_of_an_argument_are_no_party(text):
    assert "paslon_timses" not in participants(text, incident=True)


# -- what the tune half still showed --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Bhabinkamtibmas Sapa Nelayan di Dermaga Desa Risa", "warga"),
        ("Kapolsek Woha Temui Tim Sukses Jelang Pleno", "paslon_timses"),
    ],
)
def test_a_headline_says_the_verb_of_meeting_by_its_stem(text, want):
    assert want in participants(text)


def test_an_official_who_opens_the_clause_of_an_incident_is_a_party():
    text = (
        "Ketua KPPS Desa Labuhan Badas, Kecamatan Labuhan Badas, melapor ke Polsek setelah "
        "menerima ancaman dari orang tak dikenal, Selasa (3/12/2024)."
    )
    assert "penyelenggara_pemilu" in participants(text, incident=True)


def test_a_group_addressed_in_the_passive_is_met():
    text = (
        "Puluhan warga Desa Labuhan Badas, Kecamatan Labuhan Badas, diimbau menolak politik "
        "uang oleh Bhabinkamtibmas, Kamis (14/11/2024)."
    )
    assert "warga" in participants(text)


def test_forces_listed_beside_the_police_that_open_the_sentence_come_along():
    text = (
        "SUMBAWA – Personel Polsek Labuhan Badas, anggota Koramil dan Satpol PP berpatroli "
        "ke Desa Labuhan Badas, Senin (25/11/2024)."
    )
    assert "tni" in participants(text)


def test_forces_in_a_list_inside_a_sentence_are_no_company():
    text = (
        "Kapolsek menegaskan pentingnya koordinasi antara Kepala Desa, Bhabinkamtibmas, dan "
        "Babinsa untuk menjaga keamanan."
    )
    assert "tni" not in participants(text)


def test_the_imam_of_a_village_is_a_religious_leader():
    text = "Bhabinkamtibmas menyambangi Imam Kampung Labuhan Badas, Senin (18/11/2024)."
    assert "tokoh_agama" in participants(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Bhabinkamtibmas menyampaikan sosialisasi pilkada damai di hadapan jamaah salat "
            "Jumat di Desa Labuhan Badas, Jumat (22/11/2024).",
            "warga",
        ),
        (
            "Kapolres Timor Tengah Selatan bersilaturahmi dengan usif dan fetor setempat, Senin "
            "(18/11/2024).",
            "tokoh_adat",
        ),
    ],
)
def test_groups_met_under_words_of_a_third_round(text, want):
    assert want in participants(text)


def test_the_office_a_matter_would_be_reported_to_takes_no_part_in_counselling():
    text = (
        "Kanit Binmas Polsek Woha menerangkan kepada puluhan siswa bahwa menjual suara dapat "
        "dipidana, dan menguraikan cara melapor ke Bawaslu bila menemukan pelanggaran."
    )
    assert "penyelenggara_pemilu" not in participants(text)
    assert "pelajar" in participants(text)


def test_the_office_that_took_a_report_of_an_incident_is_a_party_to_it():
    text = "Dua saksi yang dihalangi masuk TPS di Desa Risa lalu melapor ke Panwaslu Kecamatan."
    assert "penyelenggara_pemilu" in participants(text, incident=True)
