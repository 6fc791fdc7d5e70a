"""The landmark of an activity: the building or spot it was held at, as written.

"di Masjid Nurul Huda Dsn. Tawun", "di Balai Desa Risa", "ke pos kamling", "Lokasi :
Musholla Al Ikhlas". No code exists for a building: the landmark is free text beside the
coded place, the words the writer used.

A landmark starts with a word for a kind of building or spot ("masjid", "balai desa",
"pos kamling") after a word of place ("di", "ke", "bertempat di", "Lokasi :"), and runs
on over its name: the words written with a capital after it (or, in a report written in
lower case, the few words after it that are no ordinary words), up to a comma, a region
cue ("Dsn.", "Desa", "Kec."), a date or a time. Words like "lapangan" or "jalan" are
ordinary words too ("turun ke lapangan"): without a name after them they are no landmark.
"""

from __future__ import annotations

from .common_words import is_word_form
from .document import Document, watch
from .gazetteer import CUES
from .lexicon import Lexicon, words_of
from .normalize import words
from .record import Evidence, Value

LANDMARK = Lexicon(
    {
        # Kinds of building or spot that are a landmark by themselves.
        "named": (
            *words_of("masjid mesjid musala mushola musholla musholah surau langgar gereja"),
            *words_of("pura vihara klenteng kapel posko pendopo pendapa tps gor"),
            *words_of("ponpes pesantren madrasah sekolah kampus universitas poskamling"),
            r"pondok pesantren",
            r"pos kamling",
            r"pos ronda",
            r"pos siskamling",
            r"pos (?:pam|pengamanan|yan|pelayanan|polisi)",
            r"balai (?:desa|kelurahan|dusun|warga|adat|pertemuan|kampung|nagari|pekon|banjar"
            r"|lingkungan|rakyat|kota|latihan)",
            r"kantor (?:desa|kelurahan|camat|kecamatan|lurah|kepala desa|kpu|kpud|bawaslu"
            r"|panwaslu|panwascam|ppk|pps|bupati|wali kota|gubernur|dprd)",
            r"gudang (?:logistik|kpu)",
            r"alun alun",
            r"rumah (?:warga|makan|adat|kepala desa|kepala dusun|ketua|tokoh|ibadah|dinas)",
        ),
        # Ordinary words that are a landmark only with a name after them.
        "needs_name": (
            *words_of("aula gedung pasar lapangan taman pelabuhan dermaga terminal stadion"),
            *words_of("wisma graha sekretariat hotel warung kedai kafe cafe pantai jalan jl"),
            *words_of("simpang bundaran kediaman rumah kantor sd smp sma smk mts"),
        ),
    }
)
# Words before a landmark that say where: "di", "ke", "bertempat di", "Lokasi :".
_PLACE_WORDS = words("di ke bertempat berlokasi lokasi tempat dari")
# Words that may stand between the place word and the landmark: "di halaman Kantor
# Camat", "di depan Masjid".
_BEFORE_IT = words("halaman depan belakang samping sekitar area kawasan pelataran teras")
# Words a name runs over although written in lower case: "Pos Kamling RT 03", "Masjid Al
# Ikhlas".
_IN_A_NAME = words("rt rw no al nurul dan")
_STOP = words("""
    dan serta bersama dengan dgn pada pukul pkl jam untuk yang guna dalam oleh sambil
    yakni yaitu sekitar sekira tgl tanggal hari
    """) | frozenset(("senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"))
_CUE_WORDS = watch(frozenset(CUES))
_MAX_NAME = 7
# Words after which a region's cue word is part of the building's name.
_OFFICES = words("kantor balai aula gedung pendopo")


def landmark(doc: Document) -> Value:
    for kind, m in LANDMARK.find(doc):
        if doc.role(m.first) == "caption":
            continue
        start = _start(doc, m.first)
        if start is None:
            continue
        end = _name_end(doc, m.last, capital=doc.is_capitalized(m.first))
        if kind == "needs_name" and end == m.last:
            continue
        first = doc.tokens[start].start
        last = doc.tokens[end - 1].end
        text = doc.text[first:last]
        return Value(text, (Evidence(first, last, text, "lokasi kegiatan"),))
    return Value(None, (), "teks tidak menyebut bangunan atau tempat kegiatan")


def _start(doc: Document, first: int) -> int | None:
    """Where the landmark starts (at "halaman" in "di halaman Kantor Camat"), if a word of
    place stands before it in its sentence."""
    s = doc.sentence(first)
    k = first
    if k > s.first and doc.first_words[k - 1] in _BEFORE_IT:
        k -= 1
    if k > s.first and doc.first_words[k - 1] in _PLACE_WORDS:
        return k
    return None


def _name_end(doc: Document, at: int, capital: bool) -> int:
    """The end of the landmark's name that starts at token ``at`` (exclusive)."""
    s = doc.sentence(at - 1)
    folded = doc.folded
    end = at
    while end < s.last and end - at < _MAX_NAME:
        gap = doc.gaps[end]
        if gap.strip(" -'’"):
            break  # a comma, a full stop, a bracket, a line break
        word = folded[end]
        office = folded[end - 1] in _OFFICES  # "Kantor Camat Dayun", "Balai Desa Risa"
        if word in _STOP or (word in _CUE_WORDS and word != "kota" and not office):
            break
        if word.isdigit():
            if folded[end - 1] not in _IN_A_NAME and not doc.is_capitalized(end - 1):
                break
        elif capital:
            if not doc.is_capitalized(end) and word not in _IN_A_NAME:
                break
        elif is_word_form(word) and word not in _IN_A_NAME:
            break
        end += 1
    return end
