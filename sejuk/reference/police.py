"""How Polri names its units by default.

The default units follow the administrative map: a Polda per province, a Polres per
kabupaten/kota, a Polsek per kecamatan. Most Polres are "Polres <name>"; where a kota and
a kabupaten of one province share a name, the kota's is "Polres <name> Kota" (Polres
Bima / Polres Bima Kota). The exceptions below (Polrestabes, Polresta, Polres Metro, and
a few names of their own) are written as Polri writes them in its public releases; real
areas change, so an administrator edits units in Sejuk, and these tables only seed them.
Keys are official region names from the Kemendagri list, checked by a test.
"""

from __future__ import annotations

POLDA_NAMES: dict[str, str] = {
    "31": "Polda Metro Jaya",
    "34": "Polda Daerah Istimewa Yogyakarta",
}

POLRES_NAMES: dict[str, str] = {
    # Polrestabes: the large cities.
    "Kota Medan": "Polrestabes Medan",
    "Kota Palembang": "Polrestabes Palembang",
    "Kota Bandung": "Polrestabes Bandung",
    "Kota Semarang": "Polrestabes Semarang",
    "Kota Surabaya": "Polrestabes Surabaya",
    "Kota Makassar": "Polrestabes Makassar",
    # Polres Metro: the Jakarta area under Polda Metro Jaya.
    "Kota Administrasi Jakarta Pusat": "Polres Metro Jakarta Pusat",
    "Kota Administrasi Jakarta Utara": "Polres Metro Jakarta Utara",
    "Kota Administrasi Jakarta Barat": "Polres Metro Jakarta Barat",
    "Kota Administrasi Jakarta Selatan": "Polres Metro Jakarta Selatan",
    "Kota Administrasi Jakarta Timur": "Polres Metro Jakarta Timur",
    "Kabupaten Administrasi Kepulauan Seribu": "Polres Kepulauan Seribu",
    "Kota Tangerang": "Polres Metro Tangerang Kota",
    "Kota Bekasi": "Polres Metro Bekasi Kota",
    "Kabupaten Bekasi": "Polres Metro Bekasi",
    "Kota Depok": "Polres Metro Depok",
    # Polresta.
    "Kota Banda Aceh": "Polresta Banda Aceh",
    "Kabupaten Deli Serdang": "Polresta Deli Serdang",
    "Kota Padang": "Polresta Padang",
    "Kota Pekanbaru": "Polresta Pekanbaru",
    "Kota Jambi": "Polresta Jambi",
    "Kota Bengkulu": "Polresta Bengkulu",
    "Kota Bandar Lampung": "Polresta Bandar Lampung",
    "Kota Batam": "Polresta Barelang",
    "Kota Tanjung Pinang": "Polresta Tanjungpinang",
    "Kota Pangkal Pinang": "Polresta Pangkalpinang",
    "Kabupaten Tangerang": "Polresta Tangerang",
    "Kota Serang": "Polresta Serang Kota",
    "Kota Bogor": "Polresta Bogor Kota",
    "Kabupaten Bandung": "Polresta Bandung",
    "Kabupaten Cirebon": "Polresta Cirebon",
    "Kabupaten Banyumas": "Polresta Banyumas",
    "Kabupaten Cilacap": "Polresta Cilacap",
    "Kabupaten Magelang": "Polresta Magelang",
    "Kabupaten Pati": "Polresta Pati",
    "Kota Surakarta": "Polresta Surakarta",
    "Kota Yogyakarta": "Polresta Yogyakarta",
    "Kabupaten Sleman": "Polresta Sleman",
    "Kota Malang": "Polresta Malang Kota",
    "Kabupaten Sidoarjo": "Polresta Sidoarjo",
    "Kabupaten Banyuwangi": "Polresta Banyuwangi",
    "Kota Denpasar": "Polresta Denpasar",
    "Kota Mataram": "Polresta Mataram",
    "Kota Kupang": "Polresta Kupang Kota",
    "Kota Pontianak": "Polresta Pontianak",
    "Kota Palangkaraya": "Polresta Palangka Raya",
    "Kota Banjarmasin": "Polresta Banjarmasin",
    "Kota Samarinda": "Polresta Samarinda",
    "Kota Balikpapan": "Polresta Balikpapan",
    "Kota Manado": "Polresta Manado",
    "Kota Palu": "Polresta Palu",
    "Kota Kendari": "Polresta Kendari",
    "Kota Gorontalo": "Polresta Gorontalo Kota",
    "Kabupaten Mamuju": "Polresta Mamuju",
    "Kota Ambon": "Polresta Pulau Ambon dan Pulau-Pulau Lease",
    "Kota Jayapura": "Polresta Jayapura Kota",
    "Kota Sorong": "Polresta Sorong Kota",
    "Kabupaten Manokwari": "Polresta Manokwari",
    # Names of their own.
    "Kabupaten Solok": "Polres Solok Arosuka",
}

# Kabupaten/kota whose Polres answers to the Polda of another province: the Jakarta
# suburbs in Banten and Jawa Barat are under Polda Metro Jaya.
POLDA_OVERRIDES: dict[str, str] = {
    "Kota Tangerang": "31",
    "Kota Tangerang Selatan": "31",
    "Kota Bekasi": "31",
    "Kabupaten Bekasi": "31",
    "Kota Depok": "31",
}

# Kabupaten/kota that share one Polres: the kota is part of the named kabupaten's area.
SHARED_POLRES: dict[str, str] = {
    "Kota Sungai Penuh": "Kabupaten Kerinci",
}


def polda_name(province_code: str, province_name: str) -> str:
    return POLDA_NAMES.get(province_code, f"Polda {province_name}")


def polres_name(official_name: str, bare: str, kota_shares_name: bool) -> str:
    """The default Polres name for a kabupaten/kota. ``kota_shares_name``: this is a kota
    whose name a kabupaten of the same province also carries."""
    if official_name in POLRES_NAMES:
        return POLRES_NAMES[official_name]
    return f"Polres {bare} Kota" if kota_shares_name else f"Polres {bare}"


def polsek_name(kecamatan_name: str) -> str:
    return f"Polsek {kecamatan_name}"
