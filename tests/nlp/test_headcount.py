"""How many took part: the counts a field report or a release gives, per group and in all.

The reports are composed for these tests in the style officers write to their group.
"""

import pytest

from sejuk.nlp.extract import extract


def counts(text):
    record = extract(text)
    return {h.category: h.count for h in record.headcounts}, record.participant_total.value


def test_counts_per_group_after_a_target_label_and_their_sum_as_total():
    text = (
        "Giat sambang Bhabinkamtibmas Polsek Woha ke Ds. Risa, Senin 16/12/24.\n"
        "Sasaran : 12 org warga, 2 tomas\n"
        "Sit aman kondusif."
    )
    per_group, total = counts(text)
    assert per_group == {"warga": 12, "tokoh_masyarakat": 2}
    assert total == 14


def test_a_count_of_those_present_is_the_total():
    text = (
        "Giat penyuluhan kamtibmas di Balai Desa Risa, Kec. Woha. Hadir 8 orang. "
        "Sit aman terkendali."
    )
    per_group, total = counts(text)
    assert per_group == {}
    assert total == 8


def test_an_approximate_total_with_a_shorthand_label():
    text = (
        "Lapor, giat doa bersama di Masjid Baiturrahman Dsn. Krajan. "
        "Jml peserta +- 25 org. Pers 3 org. Sit kondusif."
    )
    record = extract(text)
    assert record.participant_total.value == 25
    assert record.personnel_count.value == 3  # the officers are no participants


def test_a_group_before_its_count():
    per_group, total = counts(
        "Bhabinkamtibmas menggelar silaturahmi dengan tokoh agama sebanyak 6 orang dan warga "
        "sekitar 40 orang di Desa Sekaran."
    )
    assert per_group == {"tokoh_agama": 6, "warga": 40}
    assert total == 46


def test_a_release_that_says_how_many_attended():
    per_group, total = counts(
        "Kapolres Bima menggelar dialog kebangsaan di Aula Polres, Rabu (11/12/2024). "
        "Kegiatan itu dihadiri sekitar 150 mahasiswa dan 20 tokoh pemuda."
    )
    assert per_group == {"mahasiswa": 150, "tokoh_pemuda": 20}
    assert total == 170


def test_a_counted_group_is_a_participant():
    record = extract(
        "Giat binluh Bhabinkamtibmas Desa Risa.\nSasaran : 15 org ibu2 PKK, 3 toga\nSit aman."
    )
    codes = {lab.code for lab in record.participants}
    assert {"perempuan", "tokoh_agama"} <= codes


@pytest.mark.parametrize(
    "text",
    [
        # victims, the officers, the polls, dates and numbers of an address are no headcount
        "Keributan di depan TPS 05 membuat 3 orang warga luka ringan, 2 orang diamankan.",
        "Patroli dialogis dengan 4 personel di RT 03 RW 02 Dusun II, Sabtu 14/12/2024.",
        "Sebanyak 250 personel gabungan mengamankan rapat pleno yang diikuti 3 pasangan calon.",
        "Giat sambang ke pos kamling pkl 20.00 wita, personel yang hadir 2 orang.",
    ],
)
def test_numbers_that_count_no_participants(text):
    per_group, total = counts(text)
    assert per_group == {} and total is None


def test_the_counts_point_at_the_words_they_came_from():
    text = "Giat sambang.\nSasaran : 12 org warga, 2 tomas"
    record = extract(text)
    shown = {text[e.start : e.end] for h in record.headcounts for e in h.evidence}
    assert shown == {"12 org warga", "2 tomas"}
