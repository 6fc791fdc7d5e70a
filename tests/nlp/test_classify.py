from sejuk.nlp import classify, labels
from sejuk.nlp.document import Document


def kind(text):
    doc = Document(text)
    return classify.kind(doc, labels.activity_types(doc), labels.incident_types(doc)).value


def test_a_police_activity_that_happened_is_an_activity():
    text = "Polsek Lingsar melaksanakan patroli dialogis lalu menyambangi pos kamling."
    assert kind(text) == "activity"


def test_a_disturbance_that_happened_is_an_incident():
    text = "Pendukung kedua kandidat terlibat tawuran di depan balai desa. Tiga motor dibakar."
    assert kind(text) == "incident"


def test_plans_and_general_statements_are_other():
    text = (
        "Polres akan menyiapkan pengamanan gudang logistik. Bantuan tokoh adat "
        "dapat meredam gesekan."
    )
    assert kind(text) == "other"


def situation(text):
    return classify.situation(Document(text)).value


def test_a_reported_situation_is_read():
    assert situation("Sampai pukul 22.00, keadaan di lokasi terpantau tetap kondusif.") == (
        "kondusif"
    )
    assert situation("Selama sambang tidak ditemukan kejadian menonjol.") == "kondusif"
    assert situation("Petugas tidak menemukan gangguan di sepanjang rute.") == "kondusif"
    assert situation("Rapat pleno yang berlangsung tertib itu dipuji saksi.") == "kondusif"
    assert situation("Suasana di kampung itu masih mencekam.") == "rawan"


def test_a_situation_aimed_at_is_not_reported():
    assert situation("Sambang itu bertujuan mewujudkan keadaan tenang dan kondusif.") is None
    assert situation("Warga berharap pencoblosan nanti berlangsung damai.") is None
    assert situation("Patroli digelar guna memastikan rekapitulasi berjalan tertib.") is None


def test_a_problem_denied_in_passing_is_no_situation():
    assert situation("Tidak ada masalah dengan jadwal itu, katanya.") is None


def test_online_activities():
    assert classify.online(Document("Rapat koordinasi digelar secara daring.")).value is True
    assert classify.online(Document("Rapat berlangsung di balai desa.")).value is False


def test_the_election_by_its_words():
    assert classify.election(Document("Jelang PSU Pilkada, polisi patroli."))[0].value == "psu_2025"
    assert classify.election(Document("Jelang Pilkada serentak."))[0].value == "pilkada_2024"
    general = Document("Pengamanan kampanye caleg Pemilu 2024.")
    assert classify.election(general)[0].value == "pemilu_2024"
    assert classify.election(Document("Patroli malam di pasar."))[0].value is None


def test_a_revote_of_the_general_election_is_the_general_election():
    text = "PSU Pemilu 2024 digelar di dua TPS setelah ditemukan pemilih ganda caleg."
    assert classify.election(Document(text))[0].value == "pemilu_2024"


def test_tension_held_in_check_is_waspada_not_kondusif():
    text = "Kapolresta menyebut situasi masih tegang namun terkendali di sekitar posko."
    assert situation(text) == "waspada"
    assert situation("Kondisi di kampung itu belum sepenuhnya kondusif.") == "waspada"


def test_a_situation_said_not_to_be_calm_is_rawan():
    assert situation("Situasi di desa itu tidak kondusif sejak pengumuman hasil.") == "rawan"


def test_unrest_that_has_passed_gives_way_to_the_calm_now():
    text = "Suasana di balai desa sempat memanas, namun kini sudah kembali kondusif."
    assert situation(text) == "kondusif"


def test_a_situation_word_in_one_sentence_does_not_swallow_the_next():
    text = (
        "Para tetua siap mendukung ketenangan di wilayah ulayat mereka. "
        "Pertemuan berjalan aman dan lancar."
    )
    assert situation(text) == "kondusif"


def test_the_hour_between_ending_and_calm_does_not_hide_it():
    assert situation("Pawai itu berakhir pukul 16.30 WIB dengan tertib.") == "kondusif"


def test_a_situation_said_six_words_after_its_noun():
    text = "Kapolres menyebut situasi kota pasca penetapan paslon terpilih terpantau aman."
    assert situation(text) == "kondusif"


def test_an_officer_attending_a_village_meeting_is_an_activity():
    text = (
        "Bhabinkamtibmas Hadiri Musyawarah Dusun\n"
        "Bhabinkamtibmas menghadiri musyawarah dusun bersama warga, Kamis malam."
    )
    assert kind(text) == "activity"


def test_more_ways_to_say_calm_and_online():
    assert situation("Kegiatan selesai pukul 11.00 Wita dengan aman dan tertib.") == "kondusif"
    assert classify.online(Document("Kapolres mengikuti vidcon bersama Kapolda.")).value
    assert classify.online(Document("Rapat dilaksanakan via Google Meet.")).value


def test_no_disturbance_yet_is_calm():
    text = "Sejak awal kampanye hingga kini belum ada gangguan kamtibmas di wilayah itu."
    assert situation(text) == "kondusif"


def test_a_visit_prompted_by_a_hoax_is_an_activity():
    text = (
        "Hoaks Video Kotak Suara Beredar, Bhabinkamtibmas Datangi Warga\n"
        "Menyusul beredarnya video hoaks itu, Bhabinkamtibmas mendatangi warga Dusun Ireng."
    )
    assert kind(text) == "activity"


def test_one_disturbance_in_the_lead_outweighs_one_later_police_step():
    text = (
        "GARUT, Kabar.id - Gudang logistik PPS di Desa Sukamaju dibakar orang tak dikenal "
        "pada Senin malam. Tidak ada korban jiwa.\n\nPolisi kemudian melakukan pengamanan di "
        "lokasi kejadian."
    )
    assert kind(text) == "incident"


def test_a_crowd_that_comes_to_an_office_makes_no_visit_by_the_police():
    text = (
        "Puluhan massa pendukung salah satu kandidat bupati mendatangi kantor Panwascam dan "
        "menuntut hitung suara ulang. Polisi mengawal aksi itu."
    )
    assert kind(text) == "incident"
