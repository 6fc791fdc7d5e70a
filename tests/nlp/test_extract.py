"""The whole reader on reports written for these tests."""

import json
from datetime import date

from sejuk.nlp.extract import extract
from sejuk.nlp.pipeline import STEPS

FIELD_REPORT = (
    "Giat sambang dan patroli dialogis Polsek Lingsar, Polres Lombok Barat, Polda NTB pd Sabtu "
    "(14/12/2024) pkl 19.30 Wita di Dsn Karang Bongkot Ds. Batu Kumbung Kec. Lingsar. Personel "
    "2 org berbincang dgn warga dan toga di pos kamling. Sit aman kondusif, tdk ditemukan hal "
    "menonjol. Giat utk menjaga kamtibmas stlh Pilkada 2024."
)

NEWS_INCIDENT = (
    "DOMPU - Massa dari kubu dua calon bupati terlibat perkelahian di Kelurahan Bada, "
    "Kecamatan Dompu, Kabupaten Dompu, Jumat (29/11/2024) sore. Dua baliho dan sebuah sepeda "
    "motor dirusak. Kapolres Dompu menyebut keadaan sudah kembali kondusif."
)


def test_a_field_report_becomes_a_full_record():
    got = extract(FIELD_REPORT).to_contract()
    assert got == {
        "kind": "activity",
        "unit": {"name": "Polsek Lingsar", "level": "polsek", "region_code": "52.01.12"},
        "event_date": "2024-12-14",
        "place": {
            "code": "52.01.12.2002",
            "name": "Batu Kumbung",
            "level": "desa",
            "dusun": "Karang Bongkot",
        },
        "activity_types": ["patroli_dialogis", "sambang"],
        "participants": ["tokoh_agama", "warga"],
        "incident_types": [],
        "online": False,
        "situation": "kondusif",
        "personnel_count": 2,
        "election": "pilkada_2024",
    }


def test_a_news_report_of_a_clash_becomes_an_incident():
    got = extract(NEWS_INCIDENT).to_contract()
    assert got["kind"] == "incident"
    assert got["unit"]["region_code"] == "52.05"
    assert got["place"]["code"] == "52.05.01.1001"
    assert got["event_date"] == "2024-11-29"
    assert set(got["incident_types"]) == {"bentrokan", "perusakan"}
    assert got["situation"] == "kondusif"


def test_every_field_points_at_the_words_it_came_from():
    record = extract(FIELD_REPORT)
    for evidence in (
        record.unit.evidence,
        record.place.evidence,
        record.event_date.evidence,
        record.situation.evidence,
        record.personnel_count.evidence,
        *(lab.evidence for lab in record.activity_types),
    ):
        assert evidence
        for e in evidence:
            assert FIELD_REPORT[e.start : e.end] == e.text and e.why


def test_the_time_carries_its_zone():
    when = extract(FIELD_REPORT).event_date
    assert (when.time, when.zone) == ("19:30", "WITA")


def test_the_contract_is_plain_json():
    json.dumps(extract(NEWS_INCIDENT).to_contract())


def test_the_users_area_narrows_a_village_name():
    text = "Bhabinkamtibmas mengunjungi pos kamling Desa Paseban, Senin (16/12/2024)."
    assert extract(text, area=("33.10",)).place.code.startswith("33.10.")


def test_relative_dates_use_the_publication_date():
    text = "Bhabinkamtibmas Polsek Lingsar menyambangi ketua RT kemarin."
    assert extract(text, published=date(2024, 12, 18)).event_date.value == date(2024, 12, 17)


def test_the_steps_are_a_registry_that_names_what_ran():
    record = extract("Patroli.")
    assert record.steps == tuple(name for name, _ in STEPS)
    assert len(set(record.steps)) == len(STEPS)


def test_empty_text_gives_an_empty_record():
    got = extract("").to_contract()
    assert got["kind"] == "other" and got["unit"] is None and got["place"] is None


def test_the_office_of_a_camat_names_the_kecamatan():
    text = "Polres Palopo mengamankan rapat pleno PPK di Kantor Camat Wara, Kamis (28/11/2024)."
    place = extract(text).place
    assert place is not None and place.code == "73.73.01"


def test_a_name_repeated_in_one_province_does_not_outvote_the_dateline():
    text = (
        "Lombok Barat - Polsek Kuripan menyambangi warga Desa Kuripan, Kecamatan Kuripan, "
        "Rabu (4/12/2024)."
    )
    record = extract(text)
    assert record.unit is not None and record.unit.region_code == "52.01.15"
    assert record.place is not None and record.place.code == "52.01.15.2001"


def test_yogyakartas_own_words_for_kecamatan_and_desa():
    text = (
        "Bhabinkamtibmas Polsek Patuk menyambangi warga Padukuhan Doga, Kalurahan "
        "Nglanggeran, Kapanewon Patuk, Gunungkidul, Rabu (23/10/2024)."
    )
    place = extract(text).place
    assert place is not None and place.code == "34.03.04.2008"


def test_the_kecamatan_election_committee_names_its_kecamatan():
    text = "Personel Polres Lombok Tengah menjaga gudang logistik PPK Pujut, Jumat (29/11/2024)."
    place = extract(text).place
    assert place is not None and place.code == "52.02.04"
