"""What the words around a match say about it: done, planned, warned against, quoted.

A release about a peace patrol also warns against hoaxes and provocation, plans next
week's security and defines what a "cooling system" is. The same word ("provokasi",
"patroli", "kondusif") is an event in one sentence and not in the next. These word lists
and the small functions over them let each step ask: is this match said as something
that happened, or as a plan, a wish, a warning or a definition?
"""

from __future__ import annotations

from itertools import pairwise

from .document import Document
from .normalize import words

# Plans, wishes, abilities, obligations and requests: the thing has not (yet) happened.
IRREALIS = words("""
    akan berencana rencana rencananya merencanakan direncanakan dijadwalkan menyiapkan
    mempersiapkan persiapan disiapkan siap dapat bisa harus perlu hendaknya diharapkan
    harapkan berharap harapannya semoga mari ayo jangan agar supaya bila apabila jika
    ingin seharusnya sebaiknya semestinya mestinya hendaknya
    """)
# General statements: definitions, examples, programmes described in the abstract. (Not
# "yaitu", "yakni": "melanjutkan cooling system, yaitu patroli ke pangkalan ojek" names
# what was done.)
GENERIC = words("""
    seperti merupakan adalah misalnya mengedepankan bentuk metode strategi pendekatan
    program sistem peran penghargaan
    """)
# ("meraih penghargaan pengamanan Pilkada terbaik": what was praised, not a report.)
# Words around a disturbance named only to warn against it or to prevent it.
WARNING = words("""
    tidak jangan hindari menghindari hindarkan mencegah pencegahan cegah potensi
    antisipasi mengantisipasi meredam redam isu bahaya anti menangkal tangkal waspada
    terpancing terprovokasi terpengaruh menolak tolak memerangi melawan larangan dilarang
    kerawanan rawan risiko imbau mengimbau imbauan himbauan menghimbau mengingatkan
    mengajak meminta berpesan pesan pentingnya bijak menjaga tanpa bebas rentan menekan
    ajak perangi berantas memberantas mengenali kenali mewaspadai siapa siapapun
    ingatkan peringatkan memperingatkan peringatan melarang
    """)
# ("siapa pun yang membagikan uang akan ditindak": whoever might, a threat of the law.)
# Verbs and phrases that attribute a statement: the date after them is when it was said.
SPEECH = words("""
    ujar ujarnya kata katanya ungkap ungkapnya jelas jelasnya tutur tuturnya sebut sebutnya
    terang terangnya tambah tambahnya tegas tegasnya ucap ucapnya imbuh imbuhnya beber
    bebernya papar paparnya pungkas pungkasnya tutup tutupnya mengatakan menyampaikan
    menjelaskan menegaskan mengungkapkan menyebutkan keterangan keterangannya konfirmasi
    dikonfirmasi rilis wartawan
    """)


_EXAMPLES = frozenset(("seperti", "misalnya", "contohnya"))
_NEGATION = frozenset(("tidak", "bukan", "tanpa", "belum"))


def words_before(doc: Document, token: int, window: int, clause: bool = False) -> list[str]:
    """Up to ``window`` words before ``token`` in its sentence (or clause), one a token
    (the first word of a spelled-out shorthand)."""
    first = doc.clause_start(token) if clause else doc.sentences[doc.sent_of[token]].first
    lo = token - window
    return doc.first_words[first if first > lo else lo : token]


# Plans hold over the list that follows them: "kami menyiapkan tiga langkah: pengawalan
# logistik, sambang ke tokoh adat, dan patroli malam".
PLAN = words(
    "akan rencana berencana rencananya menyiapkan mempersiapkan disiapkan dijadwalkan persiapan"
)


def is_irrealis(doc: Document, token: int, window: int = 8) -> bool:
    """A plan, wish or request: "akan", "agar", "dapat", "diharapkan" before it in its
    clause, or a plan word earlier in its sentence."""
    if not IRREALIS.isdisjoint(words_before(doc, token, window, clause=True)):
        return True
    return not PLAN.isdisjoint(words_before(doc, token, 16))


def is_generic(doc: Document, token: int, window: int = 8) -> bool:
    return not GENERIC.isdisjoint(words_before(doc, token, window, clause=True))


def in_example_list(doc: Document, token: int, window: int = 14) -> bool:
    """Part of a list of examples: "cara kerja, misalnya dialog, mediasi dan
    penyuluhan" names ways of working, not what was done."""
    return not _EXAMPLES.isdisjoint(words_before(doc, token, window))


def is_warning(doc: Document, token: int, window: int = 14) -> bool:
    """Named to warn against it: "tidak mudah terprovokasi", "menghindari politik uang,
    hoaks dan ujaran kebencian". ("orang tak dikenal merobek ...": the unknown doer is no
    negation.)"""
    before = words_before(doc, token, window)
    for k, w in enumerate(before):
        if w not in WARNING:
            continue
        if w == "tidak" and before[k + 1 : k + 2] in _UNKNOWN:
            continue
        if w == "pesan" and before[k + 1 : k + 2] and before[k + 1] in _MESSAGE_KINDS:
            continue  # "pesan berantai yang menghasut warga": a message sent, no advice
        if w == "siapa" and before[k + 1 : k + 2] != ["pun"]:
            continue  # "menelusuri siapa yang mengerahkan massa": asked, no threat
        return True
    return False


# Sentences where a disturbance is staged, judged or counted, not reported as it happens:
# a riot-control drill ("dalam skenario, personel berperan sebagai massa yang membakar
# ban"), a court's ruling on a past case ("terdakwa terbukti membagikan uang"), crime
# statistics ("pencurian mendominasi, disusul penganiayaan").
STAGED = words("simulasi simulasikan mensimulasikan skenario berperan memerankan peragaan gladi")
JUDGED = words("vonis divonis memvonis terdakwa dakwaan didakwa")
COUNTED = words("mendominasi disusul statistik kriminalitas")
# What keeps happening, told as a habit of elections: "bentrokan antarpendukung kerap
# terjadi dari satu pemilihan ke pemilihan berikutnya".
HABITUAL = words("kerap kerapkali acap acapkali seringkali lazim")
NOT_HAPPENING = STAGED | JUDGED | COUNTED | HABITUAL
# A statement of the law: what an act is liable to, by which article ("Setiap orang yang
# memberikan uang ... diancam pidana penjara", "diatur dalam Pasal 187A", "dapat
# dipidana") ...
LAW = words("""
    diatur mengatur dipidana dipenjara penjara pasal dijerat undang uu ketentuan terbukti
    didiskualifikasi diskualifikasi
    """)
# ... or a threat of a penalty ("diancam pidana", "terancam hukuman"; not "diancam oleh
# sekelompok orang", an intimidation) ...
_THREATENED = words("diancam terancam ancaman dikenai dikenakan sanksi hukuman")
_PENALTY = words("pidana hukuman penjara kurungan denda sanksi")
# ... unless the sentence tells a case: a suspect, an arrest ("Pria yang membagikan
# amplop itu ditangkap dan dijerat Pasal 187A"). ("Pelaku" is no case by itself: "sanksi
# bagi pelaku politik uang" is the law's.)
A_CASE = words("""
    tersangka terduga ditangkap diamankan tertangkap menangkap mengamankan kedapatan
    dilaporkan ditahan dugaan diduga kasus perkara korban
    """)


def is_not_happening(doc: Document, token: int) -> bool:
    """Said in a drill, a court's ruling, a count of cases or a statement of the law: its
    sentence names one."""
    s = doc.sentence(token)
    said = doc.first_words[s.first : s.last]
    if not NOT_HAPPENING.isdisjoint(said):
        return True
    return states_the_law(said)


def states_the_law(said: list[str]) -> bool:
    """A sentence that states what an act is liable to under the law, of anyone, with no
    case told in it."""
    if not A_CASE.isdisjoint(said):
        return False
    if not LAW.isdisjoint(said):
        return True
    return any(a in _THREATENED and b in _PENALTY for a, b in pairwise(said))


# The subject of a definition: "politik uang merupakan kejahatan demokrasi".
DEFINING = words("merupakan adalah ialah tergolong termasuk")


def is_defined(doc: Document, first: int, last: int) -> bool:
    """The match is what its sentence defines: a defining word right after it."""
    end = min(last + 2, doc.sentence(first).last)
    return not DEFINING.isdisjoint(doc.first_words[last:end])


_UNKNOWN = (["dikenal"], ["diketahui"], ["dikenali"], ["teridentifikasi"])
# "pesan" is advice ("berpesan agar", "pesan kamtibmas") unless it names a message that
# was sent or circulated.
# ("pesan bernada ancaman", "pesan berisi hinaan": a message received.)
_MESSAGE_KINDS = words(
    "berantai singkat suara whatsapp wa teks elektronik gelap ancaman bernada berisi"
)


def is_attribution(doc: Document, token: int, window: int = 10) -> bool:
    """Follows "ujar Kapolres X," or "dalam keterangannya": when something was said."""
    return not SPEECH.isdisjoint(words_before(doc, token, window))


# What something is compared with: "lebih didengar daripada imbauan kami".
_COMPARED = words("daripada ketimbang dibanding dibandingkan")


def in_comparison(doc: Document, token: int) -> bool:
    return not _COMPARED.isdisjoint(words_before(doc, token, 2, clause=True))


def is_negated(doc: Document, token: int, window: int = 3) -> bool:
    words = words_before(doc, token, window, clause=True)
    return not _NEGATION.isdisjoint(words)
