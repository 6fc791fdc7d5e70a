"""Activity types, participant categories and incident types, with the words behind each.

Each label has the phrases that signal it (language knowledge: how Indonesian releases
and field reports name these things), kept as data in ``language/*.txt``. A phrase
counts only where the sentence says it happened: not in a plan ("akan"), a wish ("agar",
"semoga"), an example or a definition ("seperti", "adalah"), and, for disturbances, not
where the text warns against them ("tidak mudah terprovokasi", "hindari politik uang").

Participants are the groups the police met or worked with. Leaders, students and the
press count wherever the text says they were there; groups that releases name as
background just as often (KPU, the regional government, TNI, residents, candidates)
count only with a word of taking part near them: "dihadiri", "bersama", "dengan",
"menyambangi", "melibatkan".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

from sejuk.reference.taxonomy import ACTIVITY_TYPES, INCIDENT_TYPES, PARTICIPANTS

from . import context
from .document import Document, Match, watch
from .lexicon import Lexicon
from .normalize import words
from .phrases import table
from .record import Evidence, Label

# The phrase tables are data: ``language/activity.txt``, ``participant.txt`` and
# ``incident.txt`` (see ``phrases``). What needs code stays below, named.
ACTIVITY = Lexicon(table("activity", ACTIVITY_TYPES))
PARTICIPANT = Lexicon(table("participant", PARTICIPANTS))
INCIDENT = Lexicon(table("incident", INCIDENT_TYPES))

# The police response to a disturbance: kept among the activity types of an incident
# report, and weighing less toward "activity" when the disturbance leads the text.
RESPONSE = frozenset(
    {"pengamanan", "patroli_bersama", "patroli_dialogis", "patroli_siber", "mediasi"}
)

# Words of taking part. Strong ones hold for the list that follows them in the sentence;
# weak ones only for the words right after them.
TAKING_PART = words("""
    menghadiri melibatkan dilibatkan mengundang diundang didampingi menyambangi mengunjungi
    menemui bertemu silaturahmi bersilaturahmi sambang merangkul kunjungan dialog berdialog
    diskusi berdiskusi audiensi pertemuan gabungan oleh dipimpin berinteraksi berbincang
    menyapa mendatangi sinergitas bersinergi dimediasi memediasi mediasi mempertemukan
    mendengarkan menampung dibantu mendampingi diterima hadapan
    sapa sambangi temui kunjungi datangi rangkul
    """)
# (The bare stems, "Sapa Jemaat", "Sambangi Nelayan", are how headlines say the verbs.)
# Attendance: holds for the whole list that follows, to the end of the sentence.
ATTENDING = words(
    "dihadiri hadir dihadirkan menghadirkan diikuti mengikuti turut beserta termasuk disaksikan"
)
NEAR_PART = words("dengan bersama bareng kepada para bagi")
# "ke rumah warga", "ke permukiman warga": where a visit went, so whom it met.
_VISITED = words("rumah kediaman permukiman pemukiman lingkungan pangkalan pos posko kampung")
# A group named in a time phrase is no one met: "jelang pleno KPU", "usai pelantikan
# bupati", "pasca putusan Bawaslu". The phrase ends at a word of taking part ("usai
# bertemu KPU") but not at "oleh" ("menjelang penetapan oleh KPU").
_TIME_BEFORE = words("jelang menjelang usai seusai pasca paska setelah sesudah sebelum selepas")
# Participant categories that need a word of taking part nearby.
NEED_PART = frozenset({"penyelenggara_pemilu", "pemerintah_daerah", "tni", "warga",
                       "paslon_timses", "media"})  # fmt: skip
# Plain nouns of a group that need a word of taking part as well, whatever their group:
# "berbincang dengan beberapa pemuda" (but "Sumpah Pemuda" is a day).
_BARE_GROUPS = frozenset({"pemuda"})
# One person is no group: "seorang pemuda ditangkap".
_ONE = words("seorang sang si")
# "masyarakat" after these words is no group of people: "ketertiban masyarakat".
_NOT_PEOPLE_BEFORE = words(
    "ketertiban tokoh perpolisian pembinaan pelayanan kehidupan pengaduan kepercayaan"
)
# A group named after a building is where it happened: "di Gedung PKK", "di kantor KPU",
# "gudang logistik KPU".
_BUILDING = words("gedung aula sekretariat markas wisma graha kantor gudang logistik")
# A visit to a group's building meets the group: "menyambangi kantor Parpol".
_VISITS = words(
    "menyambangi mengunjungi mendatangi berkunjung bersilaturahmi silaturahmi sambang kunjungan"
)
# Candidates as what was decided or disputed: "penetapan pasangan calon".
_CANDIDATE_TOPIC = words("""
    penetapan pengundian pendaftaran pencalonan pelantikan gugatan sengketa diskualifikasi
    menetapkan ditetapkan mendiskualifikasi didiskualifikasi pilihan soal tentang mengenai
    """)
# "bupati" after these words names a candidate or an office, not the government.
_CANDIDATE_BEFORE = words("calon pasangan pilkada pemilihan wakil kepala")
# A candidate's things are no candidate met: "spanduk pasangan calon", "baliho paslon".
_CANDIDATES_THING = words("""
    spanduk baliho banner poster stiker apk atribut bendera gambar foto visi misi nomor
    program kemenangan kekalahan
    """)


class Found(NamedTuple):
    code: str
    match: Match
    why: str


_MEETING = words("koordinasi rakor rapat sektoral anggaran dana biaya membahas bahas membicarakan")
_TALK = words("""
    menyapa berdialog berbincang dialog imbauan himbauan mengimbau menghimbau pesan
    berinteraksi bercengkerama ngobrol mengobrol bercakap
    """)


def activity_types(doc: Document) -> list[Found]:
    out = _talking_patrols(doc) + _joint_patrols(doc)
    for code, m in ACTIVITY.find(doc):
        if (
            context.is_irrealis(doc, m.first)
            or not context.PLAN.isdisjoint(m.words.split())  # "personel akan diterjunkan"
            or context.is_generic(doc, m.first)
            or context.in_example_list(doc, m.first)
        ):
            continue
        if code == "pengamanan" and context.is_negated(doc, m.first, window=4):
            continue
        if code == "pengamanan" and not _MEETING.isdisjoint(context.words_before(doc, m.first, 3)):
            continue  # "rakor lintas sektoral pengamanan Pilkada": what a meeting was about
        if code == "koordinasi" and doc.words[m.first - 1] in ("dibawah", "bawah"):
            continue  # "di bawah koordinasi Kapolda": who leads, not a meeting
        if code == "sambang" and _a_crowd_before(doc, m.first):
            continue  # "ratusan massa mendatangi kantor KPU": a crowd's visit, no sambang
        if code == "sambang" and _found_at_home(doc, m):
            continue  # "menemukan kantong berisi uang di rumah warga": a search, no visit
        if code in _DONE_BY_ANYONE and _someone_else_before(doc, m.first):
            continue  # "seorang pria mendatangi rumah warga": not the police's visit
        if code == "sambang" and m.last < len(doc.words) and doc.words[m.last] in _SCENE:
            continue  # "mendatangi lokasi": going to the scene of a disturbance, no visit
        if code == "penyuluhan" and _incites(doc, m):
            continue  # "mengajak warga menyerbu kantor PPS": an incitement, no counselling
        if context.in_comparison(doc, m.first):
            continue  # "lebih didengar daripada imbauan kami": compared, not held
        out.append(Found(code, m, "kata kegiatan"))
    out = _without_talk_that_planned(doc, out)
    out = _without_visits_received(doc, _without_homes_as_venues(doc, out))
    return _without_weak_appeals(doc, _without_hosted_talk(doc, _meetings_held(doc, out)))


def _without_talk_that_planned(doc: Document, found: list[Found]) -> list[Found]:
    """Sitting down together to settle a plan ("duduk bersama PPK dan camat membahas rute
    pengiriman kotak suara") is coordination: the talk found inside the same words, or a
    sitting-down later in the same sentence settled as a plan, is not a separate dialogue."""
    planned = [f.match for f in found if f.code == "koordinasi"]

    def settles_a_plan(talk: Match) -> bool:
        return any(
            (p.first <= talk.first and talk.last <= p.last)
            or (
                talk.words.startswith("duduk")
                and talk.last <= p.first
                and doc.sent_of[p.first] == doc.sent_of[talk.first]
            )
            for p in planned
        )

    return [f for f in found if f.code != "dialog" or not settles_a_plan(f.match)]


def _meetings_held(doc: Document, found: list[Found]) -> list[Found]:
    """ "menggelar tatap muka dengan tokoh adat": a face-to-face meeting held as an event
    is a dialogue, and so is every mention of it (the headline's "Tatap Muka dengan ...")."""
    meeting = [
        f for f in found if f.code == "sambang" and f.match.words.split()[0] in _MEETING_WHEN_HELD
    ]
    if not any(
        not _HOLDING.isdisjoint(context.words_before(doc, f.match.first, 2)) for f in meeting
    ):
        return found
    return [Found("dialog", f.match, f.why) if f in meeting else f for f in found]


# Meeting people face to face is a visit when the police go to them, a dialogue when it
# is held as an event ("menggelar tatap muka").
_MEETING_WHEN_HELD = words("tatap bertatap")


# Appeals told only by a verb of inviting or reminding ("mengajak warga", "mengingatkan
# agar", "dihimbau"): counselling when the text names no other activity; beside a patrol
# or a visit they are what the patrol or the visit said.
_WEAK_APPEALS = words(
    "mengajak mengingatkan dihimbau diimbau diingatkan berpesan menitipkan menitip"
)


# What an incitement urges: "mengajak warga menyerbu kantor PPS".
_ATTACKS = words("menyerang menyerbu membakar merusak mengepung menggeruduk menduduki")


def _incites(doc: Document, m: Match) -> bool:
    if m.words.split()[0] not in _WEAK_APPEALS | words("mengajak menyuruh"):
        return False
    return not _ATTACKS.isdisjoint(doc.first_words[m.last : m.last + 5])


def _without_weak_appeals(doc: Document, found: list[Found]) -> list[Found]:
    """Weak appeals beside another activity are what that activity said, unless the
    headline tells the appeal itself ("Warga Dihimbau Tak Bawa Parang ke TPS"): then the
    appeal is what the text reports, and the meeting or visit was how it was made."""
    weak = [
        f for f in found if f.code == "penyuluhan" and f.match.words.split()[0] in _WEAK_APPEALS
    ]
    if not weak or not {f.code for f in found} - {"penyuluhan", "other"}:
        return found
    if any(doc.sentence(f.match.first).role == "headline" for f in weak):
        return found
    return [f for f in found if f not in weak]


# Receiving a visit: "Kapolres menerima kunjungan Ketua KIP": the others came, no sambang.
_RECEIVING = words("menerima terima diterima menyambut")


def _without_visits_received(doc: Document, found: list[Found]) -> list[Found]:
    return [
        f
        for f in found
        if f.code != "sambang"
        or not f.match.words.startswith(("kunjungan", "silaturahmi", "silaturahim"))
        or _RECEIVING.isdisjoint(context.words_before(doc, f.match.first, 2))
    ]


def _without_homes_as_venues(doc: Document, found: list[Found]) -> list[Found]:
    """A home named as where another activity was held ("mempertemukan kedua kubu di
    rumah kepala desa") is its venue, not a visit of its own."""
    held = {doc.sent_of[f.match.first] for f in found if f.code not in _DONE_BY_ANYONE}
    return [
        f
        for f in found
        if f.code != "sambang"
        or not f.match.words.startswith(("di rumah", "dirumah", "kediaman"))
        or doc.sent_of[f.match.first] not in held
    ]


# A crowd as the one who visits: "massa pendukung mendatangi", "sekelompok orang menemui",
# "ratusan orang mendatangi", "beramai-ramai mendatangi" (but "puluhan personel
# mendatangi" is the police).
_CROWD = words(
    "massa pendukung simpatisan pemilih sekelompok demonstran pengunjuk beramai berbondong"
)
_MANY = words("puluhan ratusan ribuan")
# (Any many but the police's own: "puluhan mahasiswa", "ratusan pemilih".)
_POLICE_PEOPLE = words("personel personil anggota petugas polisi aparat bhabinkamtibmas")
# The scene of a disturbance: "mendatangi lokasi", "mendatangi TKP".
_SCENE = words("lokasi tkp")


# Visits, talks and gifts anyone can make; who makes them decides whether the police did.
_DONE_BY_ANYONE = frozenset({"sambang", "penyuluhan", "other"})
# A stranger or a suspect as the one acting: "seorang pria", "pelaku", "oknum", "OTK".
_SOMEONE_ELSE = words("pria wanita pelaku oknum terduga tersangka otk")


# Evidence found, seized or someone arrested at a home: the home is where, not whom the
# police visited ("Gakkumdu menemukan amplop di rumah warga").
_SEARCHED = words(
    "menemukan ditemukan temukan menyita disita menggeledah digeledah menangkap ditangkap"
)


def _found_at_home(doc: Document, m: Match) -> bool:
    if not m.words.startswith(("di rumah", "dirumah", "kediaman")):
        return False
    return not _SEARCHED.isdisjoint(context.words_before(doc, m.first, 12, clause=True))


def _someone_else_before(doc: Document, at: int) -> bool:
    """A stranger or suspect named before the verb in its clause ("seorang pria
    mendatangi rumah-rumah warga sambil menyerahkan paket beras")."""
    return not _SOMEONE_ELSE.isdisjoint(context.words_before(doc, at, 8, clause=True))


def _a_crowd_before(doc: Document, at: int) -> bool:
    before = context.words_before(doc, at, 10, clause=True)
    if not _CROWD.isdisjoint(before):
        return True
    return any(a in _MANY and b not in _POLICE_PEOPLE for a, b in pairwise(before))


def _talking_patrols(doc: Document) -> list[Found]:
    """A patrol that talks with people on its way ("patroli itu berbincang dengan
    nelayan") is a dialogic patrol, named so or not."""
    out = []
    for _, m in _PATROL.find(doc):
        k = doc.sent_of[m.first]
        s = doc.sentences[k]
        talks = not _TALK.isdisjoint(doc.first_words[s.first : s.last])
        if not talks and k + 1 < len(doc.sentences):
            after = doc.sentences[k + 1]
            talks = not _TALK_NEXT.isdisjoint(doc.first_words[after.first : after.last])
        if talks and not context.is_irrealis(doc, m.first):
            out.append(Found("patroli_dialogis", m, "patroli sambil berdialog"))
    return out


# Talk told in the sentence after the patrol's (appeals there may be the unit's own).
_TALK_NEXT = words("menyapa berdialog berbincang dialog berinteraksi bercengkerama")


# Other forces a patrol may go out with: "patroli dialogis bersama Koramil dan Satpol
# PP", "patroli tiga pilar".
_OTHER_FORCES = words("tni koramil kodim babinsa danramil satpol linmas brimob")
# A round of the beat told without the noun ("bersama anggota Linmas berkeliling
# kampung") is a patrol too.
_ROUNDS = (r"berkeliling", r"menyisir")
_ANY_PATROL = Lexicon(
    {"patroli": (r"patroli(?! (?:bersama|gabungan|siber|cyber))", r"berpatroli", *_ROUNDS)}
)
_POLICE = words("polsek polres polresta polda personel bhabinkamtibmas polri anggota")
# Words that join forces: "patroli bersama Koramil", "gabungan personel Polsek, Koramil
# dan Satpol PP", "melibatkan TNI".
_JOINING = NEAR_PART | words("gabungan melibatkan dari")


# Teams that are joint by their name: "patroli tiga pilar", "TNI-Polri menggelar patroli".
_JOINT_TEAMS = ("tiga pilar", "tni polri", "polri tni")


def _joint_patrols(doc: Document) -> list[Found]:
    """A patrol with another force in its sentence, or in a sentence of the two before
    that says who the team was ("Kegiatan ini melibatkan gabungan personel Polsek,
    Koramil dan Satpol PP. ... tim melakukan patroli"), is a joint patrol."""
    out = []
    for _, m in _ANY_PATROL.find(doc):
        if context.is_irrealis(doc, m.first):
            continue
        k = doc.sent_of[m.first]
        joint = False
        for n in range(k, max(k - 3, -1), -1):
            s = doc.sentences[n]
            words_ = doc.first_words[s.first : s.last]
            near = _JOINING if n < k else NEAR_PART
            said = " ".join(words_)
            joint = any(team in said for team in _JOINT_TEAMS) or any(
                w in near
                and not _OTHER_FORCES.isdisjoint(words_[j + 1 : j + 6 if n < k else j + 4])
                for j, w in enumerate(words_)
            )
            # A sentence before that opens with the team: "Personel Polsek Woha, Babinsa
            # dan anggota Satpol PP berangkat ..."
            opening = words_[:12]
            if n < k and not _POLICE.isdisjoint(opening) and not _OTHER_FORCES.isdisjoint(opening):
                joint = True
            if joint:
                break
        if joint:
            out.append(Found("patroli_bersama", m, "patroli bersama satuan lain"))
    return out


_PATROL = Lexicon(
    {"patroli": (r"patroli(?! (?:dialogis|bersama|gabungan|siber|cyber|sambang))", r"berpatroli")}
)


# Talk during a patrol or a visit. Which words are talk, not an event of their own:
_TALK_DIALOG = ("dialog", "berdialog", "dialog interaktif", "diskusi", "berdiskusi")
_TALK_SAMBANG = words(
    "berbincang menyapa mendengarkan berinteraksi bercengkerama tatap ngopi ngobrol mengobrol"
    " mampir singgah"
)
# The patrols and visits that talk may belong to.
_HOSTS = Lexicon(
    {
        "patrol": (r"patroli(?! (?:siber|cyber))", r"berpatroli", *_ROUNDS),
        "visit": (
            r"sambang",
            r"sambangi",
            r"menyambangi",
            r"menyambang",
            r"disambangi",
            r"silaturahmi",
            r"silaturahim",
            r"bersilaturahmi",
            r"kunjungan(?! kerja)",
            r"berkunjung",
            r"mengunjungi",
            r"door to door",
            r"anjangsana",
        ),
    }
)
# A sentence that opens inside the activity told before: "Dalam patroli tersebut, ...",
# "Saat kunjungan itu ...", "Di sela kegiatan ...".
_INSIDE = words("dalam saat selama ketika sambil disela sela")
# Talk held as an event of its own: "menggelar dialog", "mengadakan diskusi".
_HOLDING = words("menggelar mengadakan melaksanakan menyelenggarakan gelar adakan")


def _without_hosted_talk(doc: Document, found: list[Found]) -> list[Found]:
    """Talk during a patrol or a visit is the patrol's or the visit's, not a dialogue or
    a visit of its own: "Dalam patroli tersebut, petugas berdialog dengan warga",
    "berpatroli sambil menyapa warga", "menyambangi ... dan berdialog". Talk held as an
    event ("menggelar dialog") stays, unless its sentence opens inside the patrol."""
    hosts: dict[str, set[int]] = {"patrol": set(), "visit": set()}
    for kind, m in _HOSTS.find(doc):
        if not context.is_irrealis(doc, m.first):
            hosts[kind].add(doc.sent_of[m.first])
    if not hosts["patrol"] and not hosts["visit"]:
        return found
    # A report of a dialogic patrol: its talk is the patrol's wherever it is told.
    dialogic = any(f.code == "patroli_dialogis" and f.why == "kata kegiatan" for f in found)
    out = []
    for f in found:
        m = f.match
        if f.code == "dialog" and m.words in _TALK_DIALOG:
            held = not _HOLDING.isdisjoint(context.words_before(doc, m.first, 2))
            host = (dialogic and not held) or _hosted(doc, m, hosts["patrol"] | hosts["visit"])
        elif f.code == "sambang" and m.words.split()[0] in _TALK_SAMBANG:
            host = _hosted(doc, m, hosts["patrol"])
        elif f.code == "sambang":
            host = _visit_on_patrol(doc, m)
        else:
            host = False
        if not host:
            out.append(f)
    return out


def _visit_on_patrol(doc: Document, m: Match) -> bool:
    """A visit its sentence tells as a stop of a patrol ("menyambangi pangkalan ojek dalam
    patroli siang"): the patrol's, no visit of its own."""
    s = doc.sentence(m.first)
    said = doc.first_words[s.first : s.last]
    return any(a in _INSIDE and b in ("patroli", "berpatroli") for a, b in pairwise(said))


def _hosted(doc: Document, m: Match, host_sentences: set[int]) -> bool:
    k = doc.sent_of[m.first]
    s = doc.sentences[k]
    opens_inside = doc.first_words[s.first] in _INSIDE or (
        doc.first_words[s.first] == "di"
        and s.first + 1 < s.last
        and doc.words[s.first + 1] == "sela"
    )
    if opens_inside and host_sentences & {k, k - 1, k - 2}:
        return True
    held = not _HOLDING.isdisjoint(context.words_before(doc, m.first, 2))
    return bool(host_sentences & {k - 1, k, k + 1}) and not held


_LEADER_KINDS = {
    "masyarakat": "tokoh_masyarakat",
    "agama": "tokoh_agama",
    "adat": "tokoh_adat",
    "pemuda": "tokoh_pemuda",
}
_LIST_WORDS = words("dan serta maupun atau")


def _leader_list(doc: Document, m: Match) -> list[Found]:
    """ "tokoh-tokoh agama, adat dan pemuda": one word "tokoh" for three groups."""
    out = []
    k = m.last
    while k < len(doc.words) and k - m.last < 8:
        w = doc.words[k]
        if w in _LEADER_KINDS:
            start, end = doc.tokens[k].start, doc.tokens[k].end
            out.append(
                Found(
                    _LEADER_KINDS[w],
                    Match(k, k + 1, start, end, doc.text[start:end], w),
                    "tokoh yang ditemui",
                )
            )
        elif w not in _LIST_WORDS:
            break
        k += 1
    return out


def participants(doc: Document, incident: bool) -> list[Found]:
    out: list[Found] = []
    listed_until = (-1, -1)  # (sentence, token) where the last accepted group ended
    seen: dict[str, int] = {}
    leaders_listed: set[int] = set()  # "tokoh agama dan masyarakat": the tokoh's list
    for code, m in PARTICIPANT.find(doc):
        if seen.get(code, 0) >= 3:
            continue  # three pieces of evidence for a group are enough to show why
        before = doc.words[m.first - 1] if m.first > 0 else ""
        if code == "warga" and (
            before in _NOT_PEOPLE_BEFORE or _the_public(doc, m) or m.first in leaders_listed
        ):
            continue
        if m.words in _BARE_GROUPS and before in _ONE:
            continue  # "seorang pemuda": one young man, no group of youths
        if code == "media" and _told_to(doc, m):
            continue  # "ujarnya kepada wartawan": whom a statement was made to
        if not incident and code in _OFFICIALS and _handed_to(doc, m):
            continue  # "cara melapor ke Bawaslu": where a matter would go, no party
        if (
            code == "pemerintah_daerah"
            and m.words in ("bupati", "gubernur", "wali kota")
            and not _CANDIDATE_BEFORE.isdisjoint(context.words_before(doc, m.first, 3))
        ) or (code == "pemerintah_daerah" and before == "calon"):
            continue  # "calon kepala desa": a candidate, not the village head
        if context.is_irrealis(doc, m.first) or context.in_example_list(doc, m.first):
            continue
        if _in_time_phrase(doc, m):
            continue
        if before in _BUILDING and _VISITS.isdisjoint(context.words_before(doc, m.first - 1, 5)):
            continue  # "di Gedung PKK", "pengamanan kantor KPU": where, not who
        if code == "paslon_timses" and (
            not _CANDIDATE_TOPIC.isdisjoint(context.words_before(doc, m.first, 3, clause=True))
            or (not incident and before in _CANDIDATES_THING)
        ):
            continue  # "penetapan pasangan calon": what was decided, not who was there
        if incident and (code == "paslon_timses" or _party_to_incident(doc, m)):
            out.append(Found(code, m, "pihak dalam kejadian"))
            continue
        in_list = listed_until[0] == doc.sent_of[m.first] and (
            m.first - listed_until[1] <= 3 or _named_between(doc, listed_until[1], m.first)
        )
        needs_part = code in NEED_PART or m.words in _BARE_GROUPS
        if (
            needs_part
            and not in_list
            and not _taking_part(doc, m)
            and not _addressed(doc, m)
            and not _listed_with_police(doc, m)
        ):
            continue
        out.append(Found(code, m, "pihak yang hadir atau ditemui"))
        seen[code] = seen.get(code, 0) + 1
        if code.startswith("tokoh_"):
            listed = _leader_list(doc, m)
            out.extend(listed)
            leaders_listed.update(f.match.first for f in listed)
        listed_until = (doc.sent_of[m.first], m.last)
    return out


def _named_between(doc: Document, after: int, first: int) -> bool:
    """ "bersama Danramil 04/Kubung Kapten Inf Syafri dan Camat Kubung": only the name
    and rank of the one before lie between two groups of a list."""
    if first - after > 8:
        return False
    if doc.first_words[first - 1] in _LIST_WORDS:
        first -= 1
    elif "," not in doc.gaps[first]:
        return False
    return all(doc.is_capitalized(k) for k in range(after, first))


def _in_time_phrase(doc: Document, m: Match) -> bool:
    before = context.words_before(doc, m.first, 6, clause=True)
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if w in _TIME_BEFORE:
            return True
        if w != "oleh" and (w in TAKING_PART or w in ATTENDING or w in NEAR_PART):
            return False
    return False


def _the_public(doc: Document, m: Match) -> bool:
    """ "seluruh masyarakat", "di tengah masyarakat", "masyarakat luas": the public at
    large, addressed or described, not people met."""
    before = context.words_before(doc, m.first, 2)
    after = doc.words[m.last] if m.last < len(doc.words) else ""
    near = " ".join(context.words_before(doc, m.first, 6))
    if "rasa aman" in near or "rasa nyaman" in near:
        return True  # "rasa aman bagi masyarakat": whom the work serves, not people met
    if before and before[-1] in _UMBRELLA and _a_list_follows(doc, m.last):
        return True  # "berbagai elemen masyarakat, termasuk Bupati ...": the list's umbrella
    return (bool(before) and before[-1] in _PUBLIC) or after in ("luas", "umum")


_PUBLIC = words("seluruh segenap tengah kalangan")
# "berbagai elemen masyarakat, termasuk ...", "unsur masyarakat, mulai dari ...": the
# umbrella of the list that follows (standing alone, the words mean people who came).
_UMBRELLA = words("elemen unsur komponen lapisan golongan")
_LIST_OPENERS = words("termasuk antara mulai yakni yaitu seperti baik diantaranya di terdiri")


def _a_list_follows(doc: Document, at: int) -> bool:
    """A list opens after the umbrella: "termasuk", "mulai dari", a colon, or a next
    sentence that starts naming leaders ("... elemen masyarakat. Tokoh agama, ...")."""
    if at >= len(doc.words):
        return False
    if "." in doc.gaps[at] and doc.first_words[at] in ("tokoh", "para"):
        return True
    return ":" in doc.gaps[at] or doc.first_words[at] in _LIST_OPENERS


def _told_to(doc: Document, m: Match) -> bool:
    """ "ujarnya kepada wartawan", "mengatakan kepada awak media": the press a statement
    was made to."""
    before = context.words_before(doc, m.first, 14)
    return (
        bool(before)
        and before[-1] in ("kepada", "pada")
        and not (context.SPEECH.isdisjoint(before[:-1]))
    )


# Handing over or reporting to an office, told in an activity: the office is where a
# matter goes, not a party to the meeting ("cara melapor ke Bawaslu", "menyerahkan urusan
# hasil pemilihan kepada KPU"). In an incident the office that took the report or the
# evidence is a party to it.
_HANDING = words("""
    melapor lapor melaporkan dilaporkan mengadu mengadukan diadukan menyerahkan diserahkan
    serahkan meneruskan diteruskan melimpahkan dilimpahkan mempercayakan
    """)


def _handed_to(doc: Document, m: Match) -> bool:
    before = context.words_before(doc, m.first, 7, clause=True)
    return bool(before) and before[-1] in ("ke", "kepada") and not _HANDING.isdisjoint(before)


# A word that opens a clause and its actor: "Seorang anggota KPPS diancam", "Warga
# menggerebek".
_CLAUSE_OPENERS = words("seorang sejumlah beberapa para puluhan ratusan sekelompok")


def _party_to_incident(doc: Document, m: Match) -> bool:
    """In a report of an incident, a group that opens a clause and acts or is acted upon
    ("Warga menggerebek ...", "Seorang anggota KPPS diancam ...") is a party to it."""
    nxt = _verb_after_opening_group(doc, m)
    if nxt in context.SPEECH or nxt in _STATING:
        return False  # "KPU menyoroti ...": a statement about it, no part in it
    return nxt.startswith(("me", "di", "ber", "ter")) and len(nxt) > 4


# Who in a group of officials opens a clause: "Ketua PPS Desa X melapor", "Seorang
# anggota KPPS diancam", "Petugas PPK dipaksa".
_MEMBER = words("anggota ketua petugas komisioner staf sekretaris kepala wakil")


def _verb_after_opening_group(doc: Document, m: Match) -> str:
    """The word after a group that opens its clause (past an address that follows it),
    or "" when the group does not open its clause."""
    start = doc.clause_start(m.first)
    lead = doc.first_words[start : m.first]
    if len(lead) > 2 or not all(w in _CLAUSE_OPENERS or w in _MEMBER or w.isdigit() for w in lead):
        return ""
    s = doc.sentence(m.first)
    at = _past_address(doc, m.last, s.last)
    return doc.first_words[at] if at < s.last else ""


# A group that opens its clause and is then addressed, visited or met: "Ratusan warga
# Desa X dihimbau untuk ...", "Para nelayan disambangi Bhabinkamtibmas".
_MET_PASSIVE = words("""
    dihimbau diimbau diajak diingatkan diberi diberikan disambangi dikunjungi ditemui disapa
    dikumpulkan dibekali diundang
    """)


def _addressed(doc: Document, m: Match) -> bool:
    return _verb_after_opening_group(doc, m) in _MET_PASSIVE


# The dash after a dateline ("BANYUASIN – Personel ...") opens the sentence proper.
_DATELINE_DASH = re.compile(r"[-–—]")


def _listed_with_police(doc: Document, m: Match) -> bool:
    """A group in a list that the police open as the sentence's actors: "Personel Polsek
    X, anggota Koramil dan Satpol PP berangkat ..." (they went together); not a list in
    the middle of a sentence ("koordinasi antara Kepala Desa, Bhabinkamtibmas, dan
    Babinsa")."""
    s = doc.sentence(m.first)
    listed = False
    for k in range(m.first - 1, max(s.first, m.first - 12) - 1, -1):
        w = doc.first_words[k]
        listed = listed or "," in doc.gaps[k + 1] or w in _LIST_WORDS
        if w in _POLICE and listed and (k == s.first or _DATELINE_DASH.search(doc.gaps[k])):
            return True
        if not (doc.is_capitalized(k) or w in _LIST_WORDS or w in _IN_A_LIST):
            return False
    return False


# Words of an address put after a group: "Warga Desa Lape, Kecamatan Lape, menggerebek".
_ADDRESS = words("""
    di dari desa kelurahan kecamatan kabupaten kota dusun kampung rt rw tps distrik nagari
    gampong dan
    """)


def _past_address(doc: Document, at: int, end: int) -> int:
    """The token after the address that follows a group ("di Desa X, Kecamatan Y,"), or
    ``at`` itself when no address follows."""
    k = at
    while (
        k < end
        and k - at < 12
        and (
            doc.first_words[k] in _ADDRESS or doc.is_capitalized(k) or doc.first_words[k].isdigit()
        )
    ):
        k += 1
    if k > at and "," in doc.gaps[k]:
        return k
    # Where a group came from, with no comma: "Ratusan warga dari Distrik A dan Distrik B
    # mendatangi ..."
    if k > at and k < end and doc.first_words[at] == "dari" and not doc.is_capitalized(k):
        return k
    return at


_STATING = words("""
    menyoroti menilai meminta mengimbau memastikan berharap mengapresiasi menyatakan
    mencatat menyesalkan mengecam mengingatkan menanggapi
    """)


def _taking_part(doc: Document, m: Match) -> bool:
    before = context.words_before(doc, m.first, 60)  # the sentence before it
    if _list_after_company(doc, m.first):
        return True
    near = before[-4:]
    # One of the last three words is "dengan", "bersama"...; but "bersama-sama mengajak
    # warga" is "together", no company.
    for k in range(max(len(near) - 3, 0), len(near)):
        if near[k] in NEAR_PART and near[k + 1 : k + 2] not in (["sama"], ["bagi"]):
            return True
        if near[k] == "ke" and (k + 1 == len(near) or near[k + 1] in _VISITED):
            return True
    if not TAKING_PART.isdisjoint(before[-10:]):
        return True
    if not ATTENDING.isdisjoint(before):
        return True
    s = doc.sentence(m.first)
    after = doc.norm_of(m.last, min(s.last, m.last + 8)).split()
    return not _PART_AFTER.isdisjoint(after)


# What may stand in a list of those who came along: names and ranks (capitalised), list
# words, and these.
_IN_A_LIST = words("personel anggota para pihak jajaran unsur dari")


def _list_after_company(doc: Document, first: int) -> bool:
    """ "bersama dengan personel Polsek Woha, Danramil Woha dan Camat Woha": a group
    further down a list that "bersama" or "dengan" opened, with only names, ranks and
    list words between."""
    s = doc.sentence(first)
    words_ = doc.first_words
    for k in range(first - 1, max(s.first, first - 16) - 1, -1):
        w = words_[k]
        if w in NEAR_PART and w not in ("kepada", "bagi"):
            return k + 1 < first
        if not (doc.is_capitalized(k) or w in _LIST_WORDS or w in _IN_A_LIST):
            return False
    return False


# Said after the group: "Tokoh agama ... dilibatkan", "paslon turut hadir"; the group as
# the one who signs, pledges, prays, or is reminded ("Tim pemenangan kedua paslon
# membubuhkan tanda tangan", "warga yang berkumpul diingatkan agar ...").
_PART_AFTER = words("""
    hadir dilibatkan menghadiri mengikuti membubuhkan menandatangani meneken berjanji
    berikrar bermunajat diingatkan dihimbau diimbau diajak
    """)


def incident_types(doc: Document) -> list[Found]:
    out = []
    for code, m in INCIDENT.find(doc):
        if context.is_warning(doc, m.first) or context.is_irrealis(doc, m.first):
            continue
        if context.is_not_happening(doc, m.first):
            continue  # a drill, a court's ruling, a count of cases, the law
        if context.is_defined(doc, m.first, m.last):
            continue  # "politik uang merupakan tindak pidana": defined, not reported
        out.append(Found(code, m, "kata kejadian"))
    return _pictured(doc, out)


# Pictures and posts that can be passed around: "foto", "video", "unggahan".
_MEDIA = watch(words("foto video gambar rekaman unggahan postingan konten potret cuplikan"))
# What a hoax may show and still be a hoax of its own kind.
_ABOUT_WORDS = frozenset({"hoaks", "provokasi", "ujaran_kebencian"})


def _pictured(doc: Document, found: list[Found]) -> list[Found]:
    """A hoax told by who checked a picture ("foto kotak suara terbakar yang beredar bukan
    kejadian Pilkada, diunggah ulang dari 2019"): the burning or the riot the picture
    shows is what the hoax claims, not a disturbance here. When a sentence that tells a
    hoax names a picture, incident words in the sentences that name a picture are
    dropped, unless the sentence says the hoax set something off ("memicu keributan")."""
    hoax = {doc.sent_of[f.match.first] for f in found if f.code == "hoaks"}
    pictures = {doc.sent_of[i] for i in doc.positions(_MEDIA)}
    if not hoax & pictures:
        return found
    shown = {k for k in pictures if k not in {doc.sent_of[i] for i in doc.positions(_SET_OFF)}}
    return [f for f in found if f.code in _ABOUT_WORDS or doc.sent_of[f.match.first] not in shown]


# What a hoax set off is an event: "berujung keributan", "memicu bentrokan".
_SET_OFF = watch(words("berujung memicu menyulut menyebabkan mengakibatkan picu"))


# A gathering told through who attended and who spoke: "Turut dihadiri ...", "Dalam
# sambutannya ...".
_GATHERED = words("dihadiri hadir sambutannya arahannya")
_NOT_A_MEETING = frozenset({"penyuluhan", "other"})
# Who came decides what it was: leaders and people, a dialogue; officials, coordination.
_PEOPLE_GROUPS = frozenset({
    "tokoh_agama", "tokoh_adat", "tokoh_masyarakat", "tokoh_pemuda", "mahasiswa", "pelajar",
    "perempuan", "warga", "ormas", "paslon_timses", "media",
})  # fmt: skip
_OFFICIALS = frozenset({"pemerintah_daerah", "tni", "penyelenggara_pemilu"})


def gathering(doc: Document, activity: Sequence[Found], met: Sequence[Found]) -> list[Found]:
    """An activity told without a word for what it was, only through who attended and who
    spoke ("kegiatan cooling system ... Turut dihadiri panglima laot, tokoh nelayan ...
    Dalam sambutannya ..."): a dialogue when leaders or people came, coordination when
    more kinds of officials did. Nothing when the text says what was done, or names an
    activity in its headline or lead."""
    if not codes(activity) <= _NOT_A_MEETING or any(
        doc.sentence(f.match.first).role == "headline"
        or doc.sentence(f.match.first).number in doc.lead
        for f in activity
    ):
        return []
    cues = [
        i
        for i in doc.positions(_GATHERED)
        if not doc.skipped[i] and not context.is_irrealis(doc, i)
    ]
    if not cues:
        return []
    groups = codes(met)
    people, officials = len(groups & _PEOPLE_GROUPS), len(groups & _OFFICIALS)
    if not people and not officials:
        return []
    code = "koordinasi" if officials > people else "dialog"
    i = cues[0]
    t = doc.tokens[i]
    match = Match(i, i + 1, t.start, t.end, doc.text[t.start : t.end], doc.words[i])
    return [Found(code, match, "pertemuan: yang hadir dan yang memberi sambutan")]


_GATHERED_WATCH = watch(_GATHERED)


def without_goods_of_money_politics(
    doc: Document, activity: list[Found], incident: list[Found]
) -> list[Found]:
    """Goods handed out in a sentence that tells money politics ("membagikan sembako dan
    uang tunai kepada warga") are the money politics, not a social activity."""
    sentences = {doc.sent_of[f.match.first] for f in incident if f.code == "politik_uang"}
    if not sentences:
        return activity
    return [f for f in activity if f.code != "other" or doc.sent_of[f.match.first] not in sentences]


def to_labels(found: Iterable[Found], names: dict[str, str]) -> tuple[Label, ...]:
    """One label per code, in the order of the label set, with all its evidence."""
    by_code: dict[str, list[Evidence]] = {}
    for f in found:
        by_code.setdefault(f.code, []).append(
            Evidence(f.match.start, f.match.end, f.match.text, f.why)
        )
    return tuple(
        Label(code, names[code], tuple(by_code[code])) for code in names if code in by_code
    )


LABEL_NAMES: dict[str, dict[str, str]] = {
    "activity_types": ACTIVITY_TYPES,
    "participants": PARTICIPANTS,
    "incident_types": INCIDENT_TYPES,
}


def codes(found: Sequence[Found]) -> set[str]:
    return {f.code for f in found}
