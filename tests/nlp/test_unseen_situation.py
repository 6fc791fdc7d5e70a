"""The situation on texts of kinds the reader had not seen: a calm someone vouches for
is reported; an aim stays an aim however far its purpose word; the state at the end of a
sequence is the situation; shorthand and typos of field reports.

Every sentence is composed for these tests.
"""

import pytest

from sejuk.nlp.extract import extract


def situation(text):
    return extract(text).situation.value


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a calm vouched for ("memastikan" as a speech verb) is reported
        ("Kapolsek memastikan keadaan di kampung itu sudah kondusif, Senin malam.", "kondusif"),
        # the last state of a sequence
        (
            "Suasana sempat tegang dan memanas saat massa mendorong barikade. Usai perwakilan "
            "diterima Ketua KPU, suasana berangsur kondusif.",
            "kondusif",
        ),
        (
            "Situasi memanas ketika massa mendesak masuk kantor KPU. Setelah kesepakatan "
            "dicapai, situasi mulai kondusif dan massa membubarkan diri.",
            "kondusif",
        ),
        # field-report shorthand and typos
        ("Giat patroli malam di Dsn. Tawun, kondisi terkndali.", "kondusif"),
        ("Giat sambang ke pos kamling brjlan aman lancar.", "kondusif"),
    ],
)
def test_a_situation_reported(text, want):
    assert situation(text) == want


@pytest.mark.parametrize(
    "text",
    [
        # an aim, its purpose word far before the words of calm
        (
            "Guna memastikan penyelenggaraan Pemilihan Bupati (Pilbup) Kabupaten Sumbawa "
            "tahun ini berjalan aman dan kondusif, Kapolres Sumbawa memimpin apel."
        ),
        # a modal inside the words of calm, and "seharusnya"
        "Patroli digelar terus sehingga kamtibmas dapat terjaga dan terkendali.",
        "Kapolsek menilai seharusnya keadaan menjelang pencoblosan tetap aman dan kondusif.",
    ],
)
def test_an_aim_or_a_wish_is_no_situation_reported(text):
    assert situation(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "Setelah perwakilan diterima Bupati, massa membubarkan diri dengan tertib.",
        "Aksi di depan kantor KPU Kabupaten Sumbawa berakhir pukul 15.00 tanpa kericuhan.",
        "Anggota langsung ke TKP dan memisahkan kedua pihak. Sudah terkendali.",
    ],
)
def test_calm_told_as_a_crowd_dispersing_or_an_end_without_trouble(text):
    assert situation(text) == "kondusif"


def test_a_wish_for_an_end_without_trouble_is_no_situation_reported():
    assert situation("Kapolres berharap aksi besok berlangsung tanpa kericuhan.") is None


@pytest.mark.parametrize(
    "text",
    [
        "Patroli malam di Desa Labuhan Badas usai. Suasana desa tenang dan warga beraktivitas "
        "seperti biasa.",
        "Keributan antarpendukung di Desa Labuhan Badas berhasil diredam dalam waktu singkat.",
    ],
)
def test_calm_told_as_quiet_or_as_trouble_put_down(text):
    assert situation(text) == "kondusif"
