from sejuk.nlp import labels
from sejuk.nlp.document import Document


def codes(found):
    return sorted({f.code for f in found})


def activity(text):
    return codes(labels.activity_types(Document(text)))


def test_each_activity_type_is_read_from_its_words():
    assert activity("Polsek melaksanakan patroli dialogis ke pasar ikan.") == ["patroli_dialogis"]
    assert activity("Bhabinkamtibmas menyambangi rumah ketua RT.") == ["sambang"]
    assert activity("Ketiga paslon membacakan deklarasi damai di alun-alun.") == ["deklarasi_damai"]
    assert activity("Kedua kubu dimediasi di aula Polres.") == ["mediasi"]
    assert activity("Bhabinkamtibmas menyampaikan penyuluhan soal bahaya hoaks.") == ["penyuluhan"]
    assert activity("Personel melaksanakan patroli gabungan bersama TNI.") == ["patroli_bersama"]
    assert activity("Polres melakukan pengamanan kampanye terbuka.") == ["pengamanan"]
    assert activity("Tim melakukan patroli siber di media sosial.") == ["patroli_siber"]
    assert activity("Forkopimda menggelar doa bersama lintas agama.") == ["doa_bersama"]
    assert activity("Kapolsek berkoordinasi dengan Panwascam.") == ["koordinasi"]
    assert activity("Anggota ikut kerja bakti dan membagikan sembako.") == ["other"]


def test_a_patrol_that_talks_with_people_is_a_dialogic_patrol():
    assert "patroli_dialogis" in activity("Patroli itu berbincang dengan nelayan di dermaga.")
    assert "patroli_dialogis" not in activity("Patroli malam digelar di sekitar gudang KPU.")


def test_planned_wished_and_example_activities_do_not_count():
    assert activity("Polres akan menggelar patroli gabungan pekan depan.") == []
    assert activity("Cara kerja polisi misalnya dialog, mediasi dan sosialisasi.") == []


def test_under_the_coordination_of_a_chief_is_no_coordination_meeting():
    assert activity("Operasi itu berada di bawah koordinasi Kapolda.") == []
    assert activity("Satgas bekerja dibawah koordinasi Wakapolres.") == []


def test_a_wound_on_the_head_is_no_visit_to_a_village_head():
    assert activity("Seorang warga luka di kepala terkena lemparan.") == []


def participants(text, incident=False):
    return codes(labels.participants(Document(text), incident))


def test_leaders_students_and_press_count_wherever_they_are_there():
    assert participants("Dialog diikuti mahasiswa, pemuka adat serta ulama.") == [
        "mahasiswa",
        "tokoh_adat",
        "tokoh_agama",
    ]
    assert participants("Kapolda berdiskusi bersama wartawan di Mapolda.") == ["media"]


def test_one_word_tokoh_for_a_list_of_groups():
    assert participants("Petugas mendatangi tokoh-tokoh agama, adat dan pemuda.") == [
        "tokoh_adat",
        "tokoh_agama",
        "tokoh_pemuda",
    ]


def test_background_groups_count_only_when_they_take_part():
    assert participants("Deklarasi dihadiri KPU, Bawaslu, Forkopimda serta jajaran Kodim.") == [
        "pemerintah_daerah",
        "penyelenggara_pemilu",
        "tni",
    ]
    assert participants("KPU akan menetapkan calon terpilih bulan depan.") == []
    assert participants("Kanit Binmas bertukar pikiran bersama nelayan di dermaga.") == ["warga"]


def test_the_public_at_large_and_order_are_no_residents_met():
    assert (
        participants("Kapolres meminta seluruh masyarakat ikut menjaga ketertiban masyarakat.")
        == []
    )


def test_a_candidate_is_no_regional_government():
    assert participants("Silaturahmi itu dihadiri kedua calon bupati serta tim suksesnya.") == [
        "paslon_timses"
    ]


def test_in_an_incident_the_supporters_are_the_parties():
    assert participants("Keributan antarpendukung dua kubu pecah di pasar.", incident=True) == [
        "paslon_timses"
    ]


def incidents(text):
    return codes(labels.incident_types(Document(text)))


def test_disturbances_that_happened_are_incident_types():
    text = (
        "Massa pendukung terlibat bentrokan dan membakar dua rumah. Mereka berunjuk rasa "
        "menolak hasil rekapitulasi."
    )
    assert incidents(text) == ["bentrokan", "penolakan_hasil", "perusakan", "unjuk_rasa"]


def test_disturbances_named_in_warnings_are_not():
    text = "Warga diminta tidak terprovokasi dan menghindari politik uang serta hoaks."
    assert incidents(text) == []


def test_labels_carry_their_evidence_in_the_order_of_the_label_set():
    found = labels.activity_types(Document("Polsek melaksanakan patroli dialogis dan sambang."))
    out = labels.to_labels(found, labels.LABEL_NAMES["activity_types"])
    assert [lab.code for lab in out] == ["patroli_dialogis", "sambang"]
    assert out[0].evidence[0].text == "patroli dialogis"


def test_spreading_a_hoax_and_a_clash_it_sparked_are_events():
    text = "Kabar bohong yang disebar seorang admin grup berujung keributan di balai desa."
    assert incidents(text) == ["bentrokan", "hoaks"]


def test_an_institution_in_a_time_phrase_is_no_participant():
    assert participants("Jelang pleno KPU, polisi bersilaturahmi dengan tokoh agama.") == [
        "tokoh_agama"
    ]
    assert participants("Polsek menyambangi warga pasca putusan Bawaslu.") == ["warga"]
    assert participants("Kapolres menyambangi warga usai pelantikan bupati terpilih.") == ["warga"]


def test_a_meeting_after_a_time_word_still_counts():
    assert participants("Usai bertemu KPU, Kapolres menyambangi warga.") == [
        "penyelenggara_pemilu",
        "warga",
    ]


def test_customary_and_religious_leaders_by_their_local_titles():
    assert participants("Dirbinmas bersilaturahmi dengan kepala adat dan mantir adat.") == [
        "tokoh_adat"
    ]
    assert participants("Kapolsek bertemu pengurus masjid dan tokoh lintas agama.") == [
        "tokoh_agama"
    ]


def test_residents_whose_homes_or_quarters_were_visited_took_part():
    assert participants("Polres Ngada melaksanakan door to door ke rumah warga.") == ["warga"]
    assert participants("Patroli dialogis menyusuri ke permukiman warga.") == ["warga"]
    assert participants("Penyuluhan hukum digelar bagi warga dan perangkat kampung.") == [
        "pemerintah_daerah",
        "warga",
    ]


def test_money_handed_out_and_recounts_demanded_are_incidents():
    assert incidents("Seorang tim sukses kedapatan membagikan uang kepada pemilih.") == [
        "politik_uang"
    ]
    assert incidents("Ratusan massa menuntut penghitungan ulang di kantor KPU.") == [
        "penolakan_hasil",
        "unjuk_rasa",
    ]
    assert incidents("Beredar video provokatif soal penggelembungan suara.") == ["provokasi"]


def test_women_leaders_are_women_participants():
    assert participants("FGD bersama akademisi, tokoh adat dan tokoh perempuan.") == [
        "perempuan",
        "tokoh_adat",
    ]


def test_leaders_and_heads_by_their_regional_titles():
    assert participants("Kapolsek duduk bersama mosalaki dan tua adat kampung itu.") == [
        "tokoh_adat"
    ]
    assert participants("Silaturahmi ke rumah Datuk Penghulu dan bendesa setempat.") == [
        "tokoh_adat"
    ]
    assert participants("Rapat diikuti kepala distrik, wali nagari dan walikota.") == [
        "pemerintah_daerah"
    ]
    assert participants("Hadir cerdik pandai, bundo kanduang dan tokoh gereja.") == [
        "perempuan",
        "tokoh_agama",
        "tokoh_masyarakat",
    ]
    assert participants("Penyuluhan diterima para santri dan mahasiswi.") == [
        "mahasiswa",
        "pelajar",
    ]


def test_a_congregation_met_after_a_service_is_residents():
    assert participants("Usai ibadah Kapolres bertemu jemaat gereja.") == ["warga"]


def test_talking_with_people_is_a_dialogue_unless_a_dialogic_patrol_talks():
    assert "dialog" in activity("Kapolres berdialog dengan pendeta usai ibadah.")
    text = "Polsek menggelar patroli dialogis. Petugas juga berdialog dengan pedagang."
    assert "dialog" not in activity(text)


def test_a_region_named_after_a_datuk_is_no_leader():
    assert participants("Patroli menyambangi warga Kecamatan Datuk Bandar.") == ["warga"]


def test_personnel_put_at_the_polls_is_security():
    assert activity("Polres menerjunkan 75 personel ke lokasi pemungutan suara.") == ["pengamanan"]
    assert activity("Sebanyak 20 personel disiagakan sejak subuh.") == ["pengamanan"]
    assert activity("Dua anggota berjaga di TPS 04 hingga malam.") == ["pengamanan"]
    assert activity("Warga berjaga di pos kamling.") == []
    assert activity("Personel Polsek menjaga kotak suara di kantor desa.") == ["pengamanan"]


def test_a_candidates_banner_is_no_candidate_met():
    text = "Polsek memediasi warga yang berselisih soal baliho pasangan calon bupati."
    assert "paslon_timses" not in participants(text)
    assert "paslon_timses" in participants("Polsek memediasi tim sukses kedua pasangan calon.")


def test_those_who_witnessed_took_part():
    text = "Penandatanganan ikrar disaksikan Dandim dan Bupati."
    assert participants(text) == ["pemerintah_daerah", "tni"]


def test_a_meeting_the_police_hold_is_coordination():
    assert activity("Kapolres memimpin rapat bersama para kepala distrik.") == ["koordinasi"]
    assert "koordinasi" not in activity("Personel mengamankan rapat pleno KPU.")


def test_a_list_goes_on_past_the_name_and_rank_of_the_one_before():
    text = "Kapolsek berpatroli bersama Danramil 07/Sukamulya Kapten Inf Darto dan Camat Sukamulya."
    assert participants(text) == ["pemerintah_daerah", "tni"]
    text = "Kapolsek berpatroli bersama Danramil Kapten Inf Darto, Camat Sukamulya dan warga."
    assert participants(text) == ["pemerintah_daerah", "tni", "warga"]


def test_more_ways_to_name_those_met():
    assert participants("Kapolres bersilaturahmi dengan umat Katolik di paroki itu.") == ["warga"]
    assert participants("Kapolsek berbincang dengan tuha peut gampong.") == ["tokoh_adat"]
    assert participants("Kapolsek mendengarkan keluhan warga soal balap liar.") == ["warga"]


def test_those_a_patrol_serves_are_not_met():
    text = "Patroli malam menghadirkan rasa nyaman kepada masyarakat."
    assert participants(text) == []


def test_security_as_the_topic_of_a_meeting_is_no_security_work():
    assert activity("Polda menggelar rakor lintas sektoral pengamanan Pilkada.") == ["koordinasi"]


def test_the_head_of_a_hamlet_is_village_government():
    assert participants("Bhabinkamtibmas bertemu kadus dan kepala lingkungan.") == [
        "pemerintah_daerah"
    ]


def test_pesan2_kamtibmas_in_a_chat_is_counselling():
    assert activity("Menyampaikan pesan2 kamtibmas kpd pedagang pasar.") == ["penyuluhan"]


def test_a_group_a_building_is_named_after_is_no_one_met():
    assert participants("Pleno dihadiri saksi di Gedung PKK Kabupaten.") == []


def test_a_force_that_helped_took_part():
    assert participants("Personel Polres dibantu Kodim mengamankan pleno.") == ["tni"]


def test_people_at_work_are_residents():
    text = "Penyuluhan diberikan kepada pelaku wisata, pengusaha hotel dan sopir travel."
    assert participants(text) == ["warga"]


def test_a_candidate_for_village_head_is_no_village_head():
    text = "Polsek memediasi pendukung dua calon kepala desa di balai desa."
    assert "pemerintah_daerah" not in participants(text)


def test_a_patrol_with_another_force_is_a_joint_patrol():
    text = "Polsek menggelar patroli dialogis bersama Koramil dan Satpol PP di pasar."
    assert activity(text) == ["patroli_bersama", "patroli_dialogis"]
    assert "patroli_bersama" in activity("Patroli tiga pilar menyusuri gang permukiman.")
    assert "patroli_bersama" not in activity("Polsek menggelar patroli malam di pasar.")


def test_residents_named_with_their_village_before_they_attend():
    text = "Ratusan warga Desa Sesela, Kecamatan Gunungsari mengikuti doa bersama."
    assert participants(text) == ["warga"]


def test_programme_names_of_visits_talks_and_checks():
    assert activity("Satbinmas menggelar Police Goes To School di SMAN 3.") == ["penyuluhan"]
    assert activity("Kapolres melaksanakan safari Jumat di masjid raya.") == ["sambang"]
    assert activity("Kapolsek menggelar curhat kamtibmas di balai desa.") == ["sambang"]
    assert activity("Personel melakukan pengecekan gudang logistik KPU.") == ["pengamanan"]


def test_religious_student_and_youth_organisations_and_village_officials():
    assert participants("Kapolsek bersilaturahmi dengan pengurus PCNU dan Muslimat.") == [
        "ormas",
        "perempuan",
    ]
    assert participants("Dialog dengan perwakilan PMII, HMI dan GMNI.") == ["mahasiswa"]
    assert participants("Sambang ke pengurus Pemuda Katolik dan GAMKI.") == ["tokoh_pemuda"]
    assert participants("Kapolsek bertemu Sekretaris Desa dan perwakilan BPD.") == [
        "pemerintah_daerah"
    ]
    assert "ormas" not in participants("Penyuluhan di Universitas Muhammadiyah Mataram.")


def test_a_crowd_visiting_is_no_sambang_an_officer_visiting_is():
    assert activity("Ratusan massa dari kubu penantang mendatangi kantor desa.") == []
    assert activity("Bhabinkamtibmas mendatangi rumah kepala dusun.") == ["sambang"]


def test_coercion_torn_posters_and_demanded_recounts_are_incidents():
    assert incidents("Dua pria memaksa petugas KPPS mengganti angka di formulir.") == ["intimidasi"]
    assert incidents("Spanduk kandidat dirobek dan dicoret-coret di simpang pasar.") == [
        "perusakan"
    ]
    assert incidents("Tim pasangan calon menuntut penghitungan suara ulang di dua TPS.") == [
        "penolakan_hasil"
    ]
