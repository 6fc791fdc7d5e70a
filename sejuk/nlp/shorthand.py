"""Shorthand of field reports and chat messages, spelled out.

Officers type their reports in WhatsApp: "giat sambang dgn tomas dan toga di ds ...,
sit aman kondusif". Every other step matches on full words, so each folded token that is
a known shorthand is read as the words it stands for. Only the words change; offsets stay
those of the token written, so evidence still points at what the officer typed.

Region cue words ("ds", "kec", "kab", "dsn") are not here: the gazetteer reads them as
cues. The table is language knowledge, kept in one place so a reader can check it.
"""

from __future__ import annotations

import re
from typing import Final

SHORTHAND: Final[dict[str, str]] = {
    # function words
    "yg": "yang",
    "dgn": "dengan",
    "dg": "dengan",
    "dlm": "dalam",
    "utk": "untuk",
    "tdk": "tidak",
    "tak": "tidak",
    "gak": "tidak",
    "sdh": "sudah",
    "udh": "sudah",
    "blm": "belum",
    "krn": "karena",
    "stlh": "setelah",
    "sblm": "sebelum",
    "jg": "juga",
    "pd": "pada",
    "kpd": "kepada",
    "thd": "terhadap",
    "sbg": "sebagai",
    "spt": "seperti",
    "tsb": "tersebut",
    "ttg": "tentang",
    "dll": "dan lain lain",
    "dsb": "dan sebagainya",
    "sbb": "sebagai berikut",
    "sd": "sampai dengan",
    "hr": "hari",
    "tgl": "tanggal",
    "pkl": "pukul",
    "jl": "jalan",
    "jln": "jalan",
    "lok": "lokasi",
    "wil": "wilayah",
    "wilkum": "wilayah hukum",
    "msy": "masyarakat",
    "masy": "masyarakat",
    "mayarakat": "masyarakat",
    "wrg": "warga",
    "anggt": "anggota",
    "org": "orang",
    "ybs": "yang bersangkutan",
    "sit": "situasi",
    "sitkamtibmas": "situasi kamtibmas",
    # police work
    "giat": "kegiatan",
    "pam": "pengamanan",
    "pamtps": "pengamanan tps",
    "bhabin": "bhabinkamtibmas",
    "binluh": "pembinaan penyuluhan",
    "dds": "door to door",
    "patrol": "patroli",
    "polmas": "perpolisian masyarakat",
    "harkamtibmas": "pemeliharaan kamtibmas",
    "anev": "analisa evaluasi",
    "ops": "operasi",
    "pospam": "pos pengamanan",
    # people and institutions
    "tomas": "tokoh masyarakat",
    "toga": "tokoh agama",
    "todat": "tokoh adat",
    "toda": "tokoh adat",
    "tomud": "tokoh pemuda",
    "topem": "tokoh pemuda",
    "kades": "kepala desa",
    "kadus": "kepala dusun",
    "pj": "penjabat",
    "babinsa": "babinsa tni",
    "danramil": "danramil tni",
    "dandim": "dandim tni",
    "paslon": "pasangan calon",
    "cabup": "calon bupati",
    "cawabup": "calon wakil bupati",
    "cagub": "calon gubernur",
    "cawagub": "calon wakil gubernur",
    "cawalkot": "calon wali kota",
    "cawawalkot": "calon wakil wali kota",
    "timses": "tim sukses",
    "walikota": "wali kota",
    "kpud": "kpu",
    "pilwakot": "pilkada wali kota",
    "pilwalkot": "pilkada wali kota",
    "pilbup": "pilkada bupati",
    "pilgub": "pilkada gubernur",
    "pilkades": "pemilihan kepala desa",
    "pemilukada": "pilkada",
    "hoax": "hoaks",
    "hoaxs": "hoaks",
}


def expand(word: str) -> str:
    """The words a folded token stands for (the token itself when it is no shorthand)."""
    return SHORTHAND.get(word, word)


_DOUBLED = re.compile(r"([a-z]{3,})2")


def doubled_word(word: str) -> str | None:
    """ "pesan2", "isu2": a word doubled with a 2, as chats write "pesan-pesan"."""
    m = _DOUBLED.fullmatch(word)
    if m is None:
        return None
    base = SHORTHAND.get(m.group(1), m.group(1))
    return f"{base} {base}"
