"""The whole reader on more reports written for these tests: WhatsApp field reports and
press releases of the kinds the reader meets, with the fields a person would read in them.

Each case checks only what the text makes certain; the names, places and facts are made
up for the tests (the places are real regions, so the codes can be checked).
"""

import pytest

from sejuk.nlp.extract import extract

REPORTS = {
    "sambang_kades": (
        "Lapor Dan, giat sambang Bhabin Polsek Woha ke Ds. Risa Kec. Woha, Kamis 19/12/24 pkl "
        "10.00 Wita. Bertemu kades dan tomas, sampaikan pesan kamtibmas agar tdk terprovokasi "
        "isu hoax pasca Pilkada. 3 pers. Sit aman kondusif."
    ),
    "patroli_pasar": (
        "Giat patroli dialogis Unit Samapta Polsek Sape di pasar Desa Naru, Jumat 20/12/2024 "
        "pkl 08.30 wita, 3 pers, dialog dgn pedagang & tukang ojek, situasi aman kondusif."
    ),
    "silaturahmi_ulama": (
        "Polres Sumbawa Barat Rangkul Ulama Jelang Pleno\n\n"
        "Taliwang - Kapolres Sumbawa Barat AKBP Budi Santoso bersama pejabat utama menggelar "
        "silaturahmi bersama ulama serta pemuka masyarakat di Masjid Agung Taliwang, "
        "Kamis (5/12/2024). Dalam kesempatan itu Kapolres meminta para ulama ikut menyejukkan "
        "umat agar menerima hasil pleno dengan lapang dada.\n"
        '"Perbedaan pilihan adalah hal biasa, mari kita jaga persatuan," ujarnya. Kegiatan '
        "berlangsung tertib dan penuh keakraban."
    ),
    "massa_kpu": (
        "Ratusan Massa Geruduk Kantor KPU Kabupaten Bima, Tuntut Hitung Ulang\n\n"
        "BIMA - Ratusan massa pendukung salah satu calon bupati menggeruduk kantor KPU "
        "Kabupaten Bima, Senin (2/12/2024). Mereka menolak hasil rekapitulasi tingkat kabupaten "
        "dan menuntut penghitungan ulang. Massa sempat membakar ban di depan kantor sehingga "
        "arus lalu lintas tersendat.\n"
        "Sebanyak 250 personel gabungan dikerahkan untuk mengamankan aksi tersebut. Kapolres "
        "Bima menyebut situasi sempat memanas namun kini terkendali."
    ),
    "doa_psu": (
        "Polda Jatim Gelar Doa Bersama Lintas Agama Sambut PSU di Magetan\n\n"
        "Magetan - Kepolisian Daerah Jawa Timur bersama Pemkab Magetan, Kodim 0804 dan FKUB "
        "menggelar doa bersama lintas agama di Alun-alun Magetan, Jumat (21/3/2025) malam, "
        "sehari sebelum PSU. Acara dihadiri sekitar 500 warga."
    ),
    "keributan_wa": (
        "Monitor, telah terjadi keributan antar pendukung paslon bupati di Dsn Krajan Ds "
        "Sekaran Kec Kasiman Kab Bojonegoro tgl 30/11/24 sekira pkl 23.00 wib, 1 org luka "
        "ringan, pelaku sdh diamankan Polsek Kasiman. Sit sdh kondusif."
    ),
    "dialog_virtual": (
        "Polres Lombok Timur menggelar dialog kebangsaan secara virtual melalui zoom meeting "
        "bersama mahasiswa dan organisasi kepemudaan, Rabu (18/12/2024). Dialog bertema "
        "menjaga persatuan usai Pilkada serentak."
    ),
}

EXPECTED = {
    "sambang_kades": {
        "kind": "activity",
        "unit": ("Polsek Woha", "polsek", "52.06.03"),
        "event_date": "2024-12-19",
        "place": "52.06.03.2007",
        "activity_types": {"sambang", "penyuluhan"},
        "participants": {"tokoh_masyarakat", "pemerintah_daerah"},
        "situation": "kondusif",
        "personnel_count": 3,
        "election": "pilkada_2024",
    },
    "patroli_pasar": {
        "kind": "activity",
        "unit": ("Polsek Sape", "polsek", "52.06.06"),
        "event_date": "2024-12-20",
        "place": "52.06.06.2005",
        "activity_types": {"patroli_dialogis"},
        "participants": {"warga"},
        "situation": "kondusif",
        "personnel_count": 3,
        "election": None,
    },
    "silaturahmi_ulama": {
        "kind": "activity",
        "unit": ("Polres Sumbawa Barat", "polres", "52.07"),
        "event_date": "2024-12-05",
        "place": "52.07.02",
        "activity_types": {"sambang"},
        "participants": {"tokoh_agama", "tokoh_masyarakat"},
        "situation": "kondusif",
        "personnel_count": None,
    },
    "massa_kpu": {
        "kind": "incident",
        "unit": ("Polres Bima", "polres", "52.06"),
        "event_date": "2024-12-02",
        "place": "52.06",
        # (tyres burnt in a protest are no damage)
        "incident_types": {"unjuk_rasa", "penolakan_hasil"},
        "participants": {"paslon_timses"},
        "situation": "kondusif",
        "personnel_count": 250,
        "election": "pilkada_2024",
    },
    "doa_psu": {
        "kind": "activity",
        "unit": ("Polda Jatim", "polda", "35"),
        "event_date": "2025-03-21",
        "place": "35.20",
        "activity_types": {"doa_bersama"},
        "participants": {"tokoh_agama", "pemerintah_daerah", "tni", "warga"},
        "situation": None,
        "election": "psu_2025",
    },
    "keributan_wa": {
        "kind": "incident",
        "unit": ("Polsek Kasiman", "polsek", "35.22.20"),
        "event_date": "2024-11-30",
        "place": "35.22.20.2009",
        "incident_types": {"bentrokan"},
        "situation": "kondusif",
        "personnel_count": None,
        "election": "pilkada_2024",
    },
    "dialog_virtual": {
        "kind": "activity",
        "unit": ("Polres Lombok Timur", "polres", "52.03"),
        "event_date": "2024-12-18",
        "activity_types": {"dialog"},
        "participants": {"mahasiswa", "tokoh_pemuda"},
        "online": True,
        "election": "pilkada_2024",
    },
}


@pytest.mark.parametrize("name", sorted(REPORTS))
def test_a_composed_report_is_read_as_a_person_would(name):
    got = extract(REPORTS[name]).to_contract()
    want = EXPECTED[name]
    read = {
        "kind": got["kind"],
        "unit": got["unit"]
        and (got["unit"]["name"], got["unit"]["level"], got["unit"]["region_code"]),
        "event_date": got["event_date"],
        "place": got["place"] and got["place"]["code"],
        "activity_types": set(got["activity_types"]),
        "participants": set(got["participants"]),
        "incident_types": set(got["incident_types"]),
        "online": got["online"],
        "situation": got["situation"],
        "personnel_count": got["personnel_count"],
        "election": got["election"],
    }
    assert {k: read[k] for k in want} == want


def test_the_hamlet_of_a_field_report_is_kept_as_written():
    place = extract(REPORTS["keributan_wa"]).place
    assert place is not None and place.dusun == "Krajan"
