from sejuk.nlp import classify, labels
from sejuk.nlp.document import Document


def kind(text):
    doc = Document(text)
    return classify.kind(doc, labels.activity_types(doc), labels.incident_types(doc)).value


def test_a_police_activity_that_happened_is_an_activity():
    assert kind("Polsek Sekotong menggelar patroli dialogis dan menyambangi warga.") == "activity"


def test_a_disturbance_that_happened_is_an_incident():
    text = "Simpatisan dua calon bentrok di depan kantor camat. Dua rumah dibakar."
    assert kind(text) == "incident"


def test_plans_and_general_statements_are_other():
    text = "Polres akan menyiapkan pengamanan. Sinergi dengan warga dapat mencegah konflik."
    assert kind(text) == "other"


def situation(text):
    return classify.situation(Document(text)).value


def test_a_reported_situation_is_read():
    assert situation("Hingga malam, situasi terpantau aman dan kondusif.") == "kondusif"
    assert situation("Dalam patroli tidak ditemukan hal-hal yang menonjol.") == "kondusif"
    assert situation("Pilkada yang berlangsung aman itu diapresiasi warga.") == "kondusif"
    assert situation("Situasi di distrik itu masih mencekam.") == "rawan"


def test_a_situation_aimed_at_is_not_reported():
    assert situation("Patroli bertujuan menciptakan situasi yang aman dan kondusif.") is None
    assert situation("Diharapkan Pilkada dapat berjalan dengan aman.") is None
    assert situation("Kegiatan untuk memastikan tahapan berjalan dengan aman.") is None


def test_online_activities():
    assert classify.online(Document("Dialog digelar secara daring.")).value is True
    assert classify.online(Document("Dialog digelar di aula.")).value is False


def test_the_election_by_its_words():
    assert classify.election(Document("Jelang PSU Pilkada, polisi patroli.")).value == "psu_2025"
    assert classify.election(Document("Jelang Pilkada serentak.")).value == "pilkada_2024"
    general = Document("Pengamanan kampanye caleg Pemilu 2024.")
    assert classify.election(general).value == "pemilu_2024"
    assert classify.election(Document("Patroli malam di pasar.")).value is None


def test_a_revote_of_the_general_election_is_the_general_election():
    text = "PSU Pemilu 2024 digelar di dua TPS setelah ditemukan pemilih ganda caleg."
    assert classify.election(Document(text)).value == "pemilu_2024"
