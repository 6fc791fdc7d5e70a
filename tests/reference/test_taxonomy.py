from sejuk.reference import taxonomy

CONTRACT = {
    "activity_types": "patroli_dialogis sambang dialog deklarasi_damai mediasi penyuluhan "
    "patroli_bersama pengamanan patroli_siber doa_bersama koordinasi other",
    "participants": "tokoh_agama tokoh_adat tokoh_masyarakat tokoh_pemuda mahasiswa pelajar "
    "perempuan penyelenggara_pemilu pemerintah_daerah tni paslon_timses warga ormas media",
    "incident_types": "provokasi ujaran_kebencian hoaks intimidasi bentrokan perusakan "
    "unjuk_rasa politik_uang penolakan_hasil pengerahan_massa kriminal_umum other",
    "situation": "kondusif waspada rawan",
    "election": "pilkada_2024 psu_2025 pemilu_2024",
    "kind": "activity incident other",
    "unit_level": "mabes polda polres polsek",
}


def test_every_label_set_has_exactly_the_codes_of_the_contract():
    for name, codes in CONTRACT.items():
        assert list(taxonomy.LABEL_SETS[name]) == codes.split(), name


def test_every_code_has_an_indonesian_label():
    for labels in taxonomy.LABEL_SETS.values():
        assert all(label and label[0].isupper() for label in labels.values())


def test_choices_are_ready_for_a_django_field():
    assert taxonomy.choices("situation")[0] == ("kondusif", "Kondusif")
    assert taxonomy.label("election", "psu_2025").startswith("Pemungutan Suara Ulang")
