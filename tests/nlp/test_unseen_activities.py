"""Activity types on texts of kinds the reader had not seen: talk during a patrol or a
visit is the patrol's or the visit's; activities told without an activity noun; a patrol
type said in a neighbouring sentence; the police response to an incident.

Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


def types(text):
    return {lab.code for lab in extract(text).activity_types}


@pytest.mark.parametrize(
    "text",
    [
        "Polsek Woha menggelar patroli dialogis di Desa Risa. Dalam patroli tersebut, petugas "
        "berdialog interaktif dengan warga dan mendengarkan aspirasi mereka.",
        "Personel Polsek Woha berpatroli di pasar Desa Risa sambil menyapa warga dan "
        "mengimbau agar tidak terlibat politik uang.",
        "Patroli menyusuri permukiman Dusun Tawun. Dalam pelaksanaan patroli, anggota juga "
        "mengadakan dialog langsung dengan warga.",
    ],
)
def test_talk_during_a_patrol_is_the_patrols(text):
    found = types(text)
    assert "patroli_dialogis" in found
    assert "dialog" not in found and "sambang" not in found


def test_talk_during_a_visit_is_the_visits():
    text = (
        "Bhabinkamtibmas menyambangi rumah kepala dusun Tawun. Dalam kunjungan tersebut, "
        "ia berdialog dengan warga tentang situasi kampung."
    )
    assert types(text) == {"sambang"}


def test_a_meeting_held_besides_a_patrol_is_its_own_activity():
    text = (
        "Selain berpatroli ke desa-desa, Polres Bima menggelar pertemuan dengan masyarakat "
        "dan menggelar dialog dengan tokoh pemuda di aula polres."
    )
    assert "dialog" in types(text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # invitations, reminders and passive appeals are counselling
        ("Kapolsek Woha mengajak masyarakat menggunakan hak pilihnya dengan bijak.", "penyuluhan"),
        ("Bhabinkamtibmas mengingatkan agar warga tidak mudah percaya kabar bohong.", "penyuluhan"),
        (
            "Warga Desa Risa dihimbau tidak terprovokasi isu SARA oleh Bhabinkamtibmas.",
            "penyuluhan",
        ),
        # talk with the people of one's beat is a visit
        ("Bhabinkamtibmas Desa Risa berinteraksi langsung dengan warga di balai dusun.", "sambang"),
        ("Bhabinkamtibmas bercengkerama dengan warga binaannya di pos ronda.", "sambang"),
        # sitting down with the poll committee about the logistics is coordination
        (
            "Kapolsek duduk satu meja dengan PPS untuk membicarakan pengamanan logistik.",
            "koordinasi",
        ),
        (
            "Kapolsek bertemu pihak PPK dan Panwascam untuk membahas kesiapan pengamanan TPS.",
            "koordinasi",
        ),
    ],
)
def test_activities_told_without_an_activity_noun(text, want):
    assert want in types(text)


def test_a_gathering_told_through_who_attended_and_spoke():
    leaders = (
        "Kapolsek Woha memimpin kegiatan cooling system di dermaga Desa Risa, Senin "
        "(30/9/2024). Turut dihadiri panglima laot, tokoh nelayan dan tokoh masyarakat. Dalam "
        "sambutannya Kapolsek meminta warga menjaga kamtibmas."
    )
    assert "dialog" in types(leaders)
    officials = (
        "Polres Bima menggelar cooling system di halaman Mapolres, Rabu (11/9/2024). Kegiatan "
        "dihadiri Wakil Bupati Bima, Dandim, Kepala Kesbangpol serta para camat dan lurah."
    )
    assert "koordinasi" in types(officials)


def test_a_patrol_with_forces_named_in_a_sentence_before_is_a_joint_patrol():
    text = (
        "Kegiatan ini melibatkan gabungan personel Polsek Woha, Koramil dan Satpol PP. "
        "Dalam kegiatan itu, tim melakukan patroli ke desa-desa."
    )
    assert "patroli_bersama" in types(text)


def test_a_patrol_that_a_programme_consists_of_is_a_patrol_done():
    text = (
        "Usai sambang, Polsek Woha melanjutkan cooling system, yaitu patroli dialogis ke "
        "pangkalan ojek Desa Risa."
    )
    assert "patroli_dialogis" in types(text)


def test_a_large_scale_patrol_is_not_joint_by_its_size():
    text = "Polres Bima menggelar patroli skala besar di pusat Kota Bima, Jumat (22/11/2024)."
    assert "patroli_bersama" not in types(text)


def test_the_police_response_to_an_incident_is_recorded():
    text = (
        "Bentrokan antarpendukung pasangan calon pecah di depan TPS 03 Desa Risa, Rabu "
        "(27/11/2024). Sebanyak 200 personel gabungan diterjunkan untuk mengamankan lokasi, "
        "dan Kapolres memediasi kedua kubu."
    )
    record = extract(text)
    assert record.kind.value == "incident"
    assert {"pengamanan", "mediasi"} <= {lab.code for lab in record.activity_types}


def test_an_invitation_during_a_patrol_is_what_the_patrol_said():
    text = (
        "Polsek Woha menggelar patroli dialogis di pasar Desa Risa dan mengajak warga "
        "menjaga kerukunan usai pilkada."
    )
    assert types(text) == {"patroli_dialogis"}


def test_a_disturbance_settled_by_mediation_told_first_is_a_mediation():
    text = (
        "Setelah dimediasi Polres Bima, dua kelompok pemuda yang sempat bentrok di Desa Risa "
        "sepakat berdamai, Jumat (11/10/2024)."
    )
    record = extract(text)
    assert record.kind.value == "activity"
    assert "mediasi" in {lab.code for lab in record.activity_types}


def test_a_patrol_whose_team_opens_the_sentence_before_is_a_joint_patrol():
    text = (
        "Personel Polsek Woha, Babinsa dan anggota Satpol PP berangkat pukul 08.00. Selain "
        "berpatroli, rombongan singgah di balai desa untuk berbincang dengan kepala dusun."
    )
    assert "patroli_bersama" in types(text)


# -- a second round of composed texts ------------------------------------------------


def test_coffee_with_people_on_a_patrol_is_the_patrols_talk():
    text = (
        "Unit Samapta Polsek Lape melaksanakan patroli dialogis di Desa Lape, Kabupaten "
        "Sumbawa, Jumat (22/11/2024) malam. Petugas ngopi bareng warga di pos ronda."
    )
    assert types(text) == {"patroli_dialogis"}


@pytest.mark.parametrize(
    "text",
    [
        "Kapolres Sumbawa menggelar tatap muka dengan para tokoh adat di aula kantor camat "
        "Lape, Kamis (21/11/2024).",
        "Kapolres Sumbawa menggelar halalbihalal bersama tokoh agama dan tokoh pemuda di "
        "aula Polres Sumbawa, Selasa (1/4/2025).",
    ],
)
def test_a_meeting_held_as_an_event_is_a_dialogue_not_a_visit(text):
    found = types(text)
    assert "dialog" in found
    assert "sambang" not in found


def test_counselling_named_in_a_comparison_is_not_held():
    text = (
        "Kapolres Sumbawa bersilaturahmi ke rumah tokoh adat di Desa Lape, Kamis "
        '(21/11/2024). "Nasihat beliau lebih didengar warga daripada imbauan kami," '
        "ujarnya."
    )
    assert "penyuluhan" not in types(text)


# -- what the tune half still showed --------------------------------------------------


def test_a_meeting_held_as_an_event_is_a_dialogue_in_its_headline_too():
    text = (
        "Kapolsek Woha Tatap Muka dengan Tetua Kampung\n\n"
        "BIMA – Kapolsek Woha mengadakan tatap muka dengan tetua kampung dan tokoh pemuda di "
        "balai Desa Risa, Rabu (6/11/2024)."
    )
    found = types(text)
    assert "dialog" in found
    assert "sambang" not in found


def test_a_headline_naming_only_what_the_body_plans_reports_no_activity():
    text = (
        "Kapolres Sumbawa: Pengamanan Pilkada Libatkan 500 Personel\n\n"
        "SUMBAWA – Kapolres Sumbawa menyatakan sebanyak 500 personel akan diterjunkan pada "
        "hari pemungutan suara. Ia berharap warga menjaga suasana tetap sejuk.\n"
    )
    assert extract(text).kind.value == "other"


def test_voters_who_come_to_a_tps_pay_no_visit():
    text = (
        "Pemilih Muda Antusias Datangi TPS\n\nRatusan pemilih muda di Kecamatan Labuhan Badas "
        "mendatangi TPS sejak pagi, Rabu (27/11/2024).\n"
    )
    assert "sambang" not in types(text)


def test_a_cyber_patrol_is_held_online():
    text = (
        "Tim Siber Polres Sumbawa melaksanakan patroli siber di media sosial menjelang "
        "pemungutan suara, Senin (25/11/2024)."
    )
    assert extract(text).online.value is True


def test_meeting_leaders_where_they_are_is_a_visit():
    text = "Kapolsek Labuhan Badas bertemu para kepala suku di balai adat, Senin (18/11/2024)."
    assert "sambang" in types(text)


def test_a_feature_on_the_role_of_an_officer_reports_no_activity():
    text = (
        "Peran Bhabinkamtibmas sebagai Ujung Tombak Cooling System\n\n"
        "Bhabinkamtibmas adalah polisi yang paling dekat dengan warga desa. Dalam program "
        "cooling system, mereka diharapkan rutin menyambangi tokoh masyarakat.\n"
    )
    assert extract(text).kind.value == "other"
