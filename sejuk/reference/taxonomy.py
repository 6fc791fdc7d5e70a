"""Every label set of Sejuk, defined once, with its Indonesian label.

The codes are the exact spellings of the extraction contract (``shared/eval/README.md``);
the Django apps import these tables for their model choices and forms, and the text reader
returns only codes found here. A label set is an ordered mapping code -> Indonesian label,
so a form lists the choices in a sensible order.
"""

from __future__ import annotations

from typing import Final

KINDS: Final[dict[str, str]] = {
    "activity": "Kegiatan",
    "incident": "Kejadian",
    "other": "Lainnya",
}

UNIT_LEVELS: Final[dict[str, str]] = {
    "mabes": "Mabes Polri",
    "polda": "Polda",
    "polres": "Polres/Polresta/Polrestabes",
    "polsek": "Polsek",
}

ACTIVITY_TYPES: Final[dict[str, str]] = {
    "patroli_dialogis": "Patroli dialogis",
    "sambang": "Sambang / silaturahmi",
    "dialog": "Dialog / diskusi",
    "deklarasi_damai": "Deklarasi damai",
    "mediasi": "Mediasi / problem solving",
    "penyuluhan": "Penyuluhan / sosialisasi / imbauan",
    "patroli_bersama": "Patroli bersama / gabungan",
    "pengamanan": "Pengamanan",
    "patroli_siber": "Patroli siber",
    "doa_bersama": "Doa bersama",
    "koordinasi": "Koordinasi",
    "other": "Kegiatan lain",
}

PARTICIPANTS: Final[dict[str, str]] = {
    "tokoh_agama": "Tokoh agama",
    "tokoh_adat": "Tokoh adat",
    "tokoh_masyarakat": "Tokoh masyarakat",
    "tokoh_pemuda": "Tokoh pemuda",
    "mahasiswa": "Mahasiswa",
    "pelajar": "Pelajar",
    "perempuan": "Perempuan",
    "penyelenggara_pemilu": "Penyelenggara pemilu (KPU, Bawaslu)",
    "pemerintah_daerah": "Pemerintah daerah",
    "tni": "TNI",
    "paslon_timses": "Paslon / tim sukses / pendukung",
    "warga": "Warga",
    "ormas": "Ormas",
    "media": "Media / pers",
}

INCIDENT_TYPES: Final[dict[str, str]] = {
    "provokasi": "Provokasi",
    "ujaran_kebencian": "Ujaran kebencian",
    "hoaks": "Hoaks",
    "intimidasi": "Intimidasi / ancaman",
    "bentrokan": "Bentrokan",
    "perusakan": "Perusakan / pembakaran",
    "unjuk_rasa": "Unjuk rasa",
    "politik_uang": "Politik uang",
    "penolakan_hasil": "Penolakan hasil",
    "pengerahan_massa": "Pengerahan massa",
    "kriminal_umum": "Kriminal umum",
    "other": "Kejadian lain",
}

SITUATIONS: Final[dict[str, str]] = {
    "kondusif": "Kondusif",
    "waspada": "Waspada",
    "rawan": "Rawan",
}

ELECTIONS: Final[dict[str, str]] = {
    "pilkada_2024": "Pilkada Serentak 2024",
    "psu_2025": "Pemungutan Suara Ulang (PSU) 2025",
    "pemilu_2024": "Pemilu 2024",
}

# Kinds of election: each known election (``ELECTIONS``, placed on the calendar in
# ``sejuk.reference.elections``) is of one; village-head elections are held by each kabupaten on
# its own day and have no label in the extraction contract.
ELECTION_KINDS: Final[dict[str, str]] = {
    "pemilu": "Pemilihan umum (Pemilu)",
    "pilkada": "Pemilihan kepala daerah (Pilkada)",
    "psu": "Pemungutan suara ulang (PSU)",
    "pilkades": "Pemilihan kepala desa (Pilkades)",
}

LABEL_SETS: Final[dict[str, dict[str, str]]] = {
    "kind": KINDS,
    "unit_level": UNIT_LEVELS,
    "activity_types": ACTIVITY_TYPES,
    "participants": PARTICIPANTS,
    "incident_types": INCIDENT_TYPES,
    "situation": SITUATIONS,
    "election": ELECTIONS,
}


def label(label_set: str, code: str) -> str:
    """The Indonesian label of a code: ``label("situation", "kondusif")`` -> "Kondusif"."""
    return LABEL_SETS[label_set][code]


def choices(label_set: str) -> list[tuple[str, str]]:
    """(code, label) pairs in order, the shape Django's ``choices`` takes."""
    return list(LABEL_SETS[label_set].items())


# Election phases an activity or incident falls in (KPU's stages, as the police speak of
# them: "jelang", "masa tenang", "pasca"). Not part of the extraction contract.
PHASES: Final[dict[str, str]] = {
    "pra_tahapan": "Sebelum tahapan",
    "pencalonan": "Pencalonan",
    "kampanye": "Kampanye",
    "masa_tenang": "Masa tenang",
    "pemungutan": "Pemungutan dan penghitungan suara",
    "rekapitulasi": "Rekapitulasi",
    "sengketa": "Sengketa hasil (MK)",
    "pasca": "Pasca penetapan",
}
