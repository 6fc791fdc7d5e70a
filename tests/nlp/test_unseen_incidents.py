"""Incident types and the kind of text on reports of kinds the reader had not seen:
damage told as a state, gang assaults, money politics told as handing out goods and cash,
crowds brought in, edited videos; legal penalties and burnt tyres are no intimidation and
no damage.

Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


def incident(text):
    record = extract(text)
    return record.kind.value, {lab.code for lab in record.incident_types}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Massa pendukung salah satu calon menyerang kantor camat Woha, Senin (2/12/2024). "
            "Kaca jendela kantor camat pecah terkena lemparan batu.",
            "perusakan",
        ),
        (
            "Seorang saksi pasangan calon tewas dikeroyok sekelompok orang di Desa Risa, Minggu "
            "(17/11/2024).",
            "kriminal_umum",
        ),
        (
            "Terjadi insiden berdarah di Desa Risa usai pencoblosan, Rabu (27/11/2024); seorang "
            "warga dibacok orang tak dikenal.",
            "kriminal_umum",
        ),
        (
            "Tim sukses seorang calon kedapatan membagikan sembako dan uang tunai kepada warga "
            "Desa Risa sehari sebelum pemungutan suara, Selasa (26/11/2024).",
            "politik_uang",
        ),
        (
            "Ratusan massa pendukung didatangkan dari sejumlah kampung dengan truk ke kantor KPU "
            "Kabupaten Bima, Senin (2/12/2024).",
            "pengerahan_massa",
        ),
        (
            "Puluhan warga menggelar aksi di depan kantor KPU Kabupaten Bima menuntut pleno "
            "ditunda, Senin (2/12/2024).",
            "unjuk_rasa",
        ),
        (
            "Sebuah video editan berisi fitnah terhadap salah satu calon bupati beredar di grup "
            "WhatsApp warga Bima, Sabtu (23/11/2024).",
            "hoaks",
        ),
        (
            "Orang tak dikenal merobek baliho pasangan calon di Desa Risa, Kamis (3/10/2024).",
            "perusakan",
        ),
    ],
)
def test_disturbances_told_in_words_the_reader_lacked(text, want):
    kind, found = incident(text)
    assert kind == "incident"
    assert want in found


def test_goods_handed_out_with_cash_are_money_politics_not_a_social_activity():
    text = (
        "Tim sukses seorang calon kedapatan membagikan sembako dan uang tunai kepada warga "
        "Desa Risa sehari sebelum pemungutan suara, Selasa (26/11/2024)."
    )
    record = extract(text)
    assert "other" not in {lab.code for lab in record.activity_types}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Penyebar hoaks itu ditangkap Polres Bima. Ancaman pidananya enam tahun penjara, "
            "kata Kasat Reskrim, Senin (2/12/2024).",
            "intimidasi",
        ),
        (
            "Pelaku diancam dengan pidana penjara paling lama lima tahun.",
            "intimidasi",
        ),
        (
            "Massa berunjuk rasa di depan kantor KPU sambil membakar ban bekas, Senin (2/12/2024).",
            "perusakan",
        ),
    ],
)
def test_false_friends_of_disturbances(text, absent):
    _, found = incident(text)
    assert absent not in found
