"""Activity types, participant categories and incident types, with the words behind each.

Each label has the phrases that signal it (language knowledge: how Indonesian releases
and field reports name these things). A phrase counts only where the sentence says it
happened: not in a plan ("akan"), a wish ("agar", "semoga"), an example or a definition
("seperti", "adalah"), and, for disturbances, not where the text warns against them
("tidak mudah terprovokasi", "hindari politik uang").

Participants are the groups the police met or worked with. Leaders, students and the
press count wherever the text says they were there; groups that releases name as
background just as often (KPU, the regional government, TNI, residents, candidates)
count only with a word of taking part near them: "dihadiri", "bersama", "dengan",
"menyambangi", "melibatkan".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from . import context
from .document import Document, Match
from .lexicon import Lexicon, each, words_of
from .normalize import words
from .record import Evidence, Label
from .taxonomy import ACTIVITY_TYPES, INCIDENT_TYPES, PARTICIPANTS

ACTIVITY = Lexicon(
    {
        "patroli_dialogis": (
            r"patroli dialogis",
            r"patroli humanis",
            r"patroli dialog",
        ),
        "sambang": (
            *words_of("sambang sambangi sambangan menyambangi menyambang disambangi"),
            r"silaturahmi",
            r"silaturahim",
            r"bersilaturahmi",
            r"kunjungan(?! kerja)",
            r"berkunjung",
            r"mengunjungi",
            r"dikunjungi",
            r"door to door",
            r"anjangsana",
            r"menemui",
            r"mendatangi",
            # headline forms: "Bhabinkamtibmas Datangi Warga", "Kapolsek Kunjungi Ponpes"
            r"datangi",
            r"kunjungi",
            r"temui",
            r"jumat curhat",
            r"minggu kasih",
            r"ngopi bareng",
            r"ngopi kamtibmas",
            r"curhat kamtibmas",
            r"safari (?:jumat|subuh|ramadan|ramadhan|kamtibmas|religi)",
            r"cangkrukan",
            r"tatap muka dengan",
            # at someone's home: "di rumah warga", "kediaman tokoh adat"
            r"di rumah (?:para )?(?:tokoh|warga|ketua|kepala)",
            *each("dirumah kediaman", r" (?:para )?(?:tokoh|warga|ketua|kepala)"),
            r"pendekatan (?:kepada|dengan) (?:para )?(?:tokoh|warga|masyarakat)",
            r"berbincang (?:\w+ )?dengan",
            r"menyapa (?:\w+ )?(?:warga|masyarakat)",
            r"mendengarkan (?:aspirasi|keluhan)",
        ),
        "dialog": (
            r"dialog",
            r"berdialog",
            r"dialog interaktif",
            r"dialog kebangsaan",
            r"diskusi",
            r"berdiskusi",
            r"audiensi",
            r"focus group discussion",
            r"fgd",
            r"sarasehan",
            r"coffee morning",
            r"pertemuan dengan",
            r"menggelar pertemuan",
            r"duduk bersama",
            r"rembuk",
        ),
        "deklarasi_damai": (
            r"deklarasi",
            r"deklarasi damai",
            r"ikrar damai",
            r"pakta integritas",
            r"penandatanganan (?:piagam|pakta|komitmen)",
        ),
        "mediasi": (
            r"mediasi",
            r"dimediasi",
            r"memediasi",
            r"restorative justice",
            r"restoratif justice",
            r"keadilan restoratif",
            r"problem solving",
            r"islah",
            r"sepakat berdamai",
            r"sepakat damai",
            r"mendamaikan",
        ),
        "penyuluhan": (
            r"penyuluhan",
            r"sosialisasi",
            r"pembinaan penyuluhan",
            r"imbauan",
            r"himbauan",
            r"mengimbau",
            r"menghimbau",
            r"pesan pesan kamtibmas",
            r"pesan kamtibmas",
            r"pesan pesan keamanan",
            r"pesan keamanan",
            r"edukasi",
            r"memberikan pemahaman kepada",
            r"ceramah kamtibmas",
            r"police goe?s to (?:school|campus|kampus|sekolah)",
        ),
        "patroli_bersama": (
            r"patroli bersama",
            r"patroli gabungan",
            r"patroli skala besar",
            r"patroli sinergitas",
            r"patroli tiga pilar",
            r"patroli bersama tni",
        ),
        "pengamanan": (
            *each(
                "melakukan memberikan melaksanakan dilakukan diberikan dilaksanakan", " pengamanan"
            ),
            r"pengamanan (?:ketat|terhadap|kampanye|tps|psu|pilkada|pemungutan|rekapitulasi"
            r"|debat|gudang|logistik|jalannya|pelaksanaan|kegiatan|rapat|pleno|di)",
            r"mengamankan (?:jalannya|pelaksanaan|kegiatan|kampanye|tps|rapat|pleno|lokasi)",
            r"apel gelar pasukan",
            # personnel put on the ground or at the polls: "mengerahkan 250 personel",
            # "30 personel dikerahkan untuk menjaga TPS"
            *each(
                "mengerahkan menerjunkan menurunkan menyiagakan",
                r"(?: \w+){0,3} (?:personel|personil|pasukan)",
            ),
            *each(
                "personel personil",
                r"(?: \w+){0,3} (?:dikerahkan|diterjunkan|disiagakan)",
            ),
            r"menjaga (?:keamanan )?(?:tps|gudang|logistik|kotak suara|lokasi)",
            # (at the polls: warga "berjaga di pos kamling" keep their own watch)
            r"berjaga(?: jaga)? di (?:tps|gudang|lokasi|kantor|depan|sekitar)",
            # checks on the polls and the ballots: "pengecekan gudang logistik"
            *each(
                "pengecekan pemantauan mengecek memantau",
                r" (?:kesiapan |keamanan )?(?:tps|gudang|logistik|kotak suara)",
            ),
            r"penjagaan",
            r"pengawalan",
            r"pos pengamanan",
        ),
        "patroli_siber": (
            r"patroli siber",
            r"patroli cyber",
            r"siber patrol",
            r"cyber patrol",
        ),
        "doa_bersama": (
            r"doa bersama",
            r"doa lintas agama",
            r"doa untuk",
            r"istighosah",
            r"istigasah",
            r"zikir bersama",
            r"dzikir bersama",
            r"berdoa bersama",
        ),
        "koordinasi": (
            r"koordinasi dengan",
            r"rapat koordinasi",
            r"rakor",
            # a meeting the police hold with others: "menggelar rapat bersama para camat"
            *each("menggelar mengadakan memimpin", r" rapat(?! (?:pleno|paripurna))"),
            r"berkoordinasi",
        ),
        "other": (
            r"jumat bersih",
            r"bakti sosial",
            r"baksos",
            r"bantuan sosial",
            r"bansos",
            r"sembako",
            r"tali asih",
            r"donor darah",
            r"kerja bakti",
            r"gotong royong",
            r"olahraga bersama",
            r"pembagian bantuan",
            r"turnamen",
        ),
    }
)

PARTICIPANT = Lexicon(
    {
        "tokoh_agama": (
            r"tokoh agama",
            r"tokoh gereja",
            r"tokoh tokoh agama",
            r"tokoh (?:lintas |antar |antarumat |umat )(?:agama|beragama)",
            r"pengurus (?:masjid|musala|mushola|musholla|gereja|pura|vihara|klenteng"
            r"|rumah ibadah|rumah ibadat)",
            r"dkm",
            r"majelis jemaat",
            r"pedanda",
            r"pemuka (?:\w+ )?agama",
            r"ulama",
            r"ustadz",
            r"ustaz",
            r"ustad",
            r"kyai",
            r"kiai",
            r"tgh",
            r"pendeta",
            r"pastor",
            r"biksu",
            r"romo",
            r"habib",
            r"tuan guru",
            r"fkub",
            r"mui",
            r"pengasuh (?:pondok )?pesantren",
            r"pimpinan (?:pondok )?pesantren",
            r"imam masjid",
            r"takmir",
        ),
        "tokoh_adat": (
            r"tokoh adat",
            r"pemuka adat",
            r"ketua adat",
            r"lembaga adat",
            r"pemangku adat",
            r"tetua adat",
            r"tua tua adat",
            r"kepala adat",
            r"mantir adat",
            r"damang",
            r"raja adat",
            r"majelis adat",
            r"ondoafi",
            r"kepala suku",
            r"dewan adat",
            r"ninik mamak",
            # Adat leaders by their regional titles: Lio (Ende), Melayu (Riau, Jambi),
            # Bali.
            r"mosalaki",
            # (not the regions named after one: Datuk Bandar, Datuk Lima Puluh)
            r"datuk(?! (?:bandar|lima|tanah|nan))",
            r"datok(?! pining)",
            r"penghulu (?:suku|adat)",
            r"bendesa",
            r"kelian adat",
            r"tua adat",
            r"tokoh tokoh adat",
            r"tuha peut",
            r"tuha lapan",
        ),
        "tokoh_masyarakat": (
            r"tokoh masyarakat",
            r"tokoh tokoh masyarakat",
            r"pemuka masyarakat",
            r"sesepuh",
            r"tokoh setempat",
            r"tokoh berpengaruh",
            r"tokoh lokal",
            r"cerdik pandai",
            r"cadiak pandai",
            r"tetua (?:kampung|desa|masyarakat)",
        ),
        "tokoh_pemuda": (
            r"tokoh pemuda",
            r"karang taruna",
            r"knpi",
            r"organisasi kepemudaan",
            r"pemuda katolik",
            r"pemuda muhammadiyah",
            r"gamki",
        ),
        "mahasiswa": (
            r"mahasiswa",
            r"mahasiswi",
            r"bem",
            # student organisations
            r"pmii",
            r"hmi",
            r"gmni",
            r"kammi",
            r"gmki",
            r"pmkri",
            r"civitas akademika",
            r"sivitas akademika",
        ),
        "pelajar": (
            r"pelajar",
            r"siswa",
            r"siswi",
            r"osis",
            r"murid",
            r"santri",
            r"santriwati",
            r"peserta didik",
        ),
        "perempuan": (
            r"kaum perempuan",
            r"ibu ibu",
            r"emak emak",
            r"pkk",
            r"kaum ibu",
            r"majelis taklim",
            r"organisasi perempuan",
            r"tokoh perempuan",
            r"tokoh wanita",
            r"aktivis perempuan",
            r"kelompok perempuan",
            r"kaum wanita",
            r"bundo kanduang",
            r"muslimat",
            r"fatayat",
            r"aisyiyah",
        ),
        "penyelenggara_pemilu": (
            r"kpu",
            r"komisi pemilihan umum",
            r"bawaslu",
            r"badan pengawas pemilu",
            r"panwaslu",
            r"panwascam",
            r"panwas",
            r"ppk",
            r"pps",
            r"kpps",
            r"pantarlih",
            r"penyelenggara pemilu",
            r"penyelenggara pilkada",
            r"pengawas tps",
        ),
        "pemerintah_daerah": (
            r"pemda",
            r"pemkab",
            r"pemkot",
            r"pemprov",
            r"pemerintah kabupaten",
            r"pemerintah kota",
            r"pemerintah provinsi",
            r"pemerintah daerah",
            r"bupati",
            r"wali kota",
            r"gubernur",
            r"camat",
            r"lurah",
            r"kepala desa",
            r"keuchik",
            r"geuchik",
            r"kepala kampung",
            # the head of a village or district by its regional name
            r"wali nagari",
            r"kepala nagari",
            r"kepala distrik",
            r"kepala pekon",
            r"kepala lembang",
            r"kepala gampong",
            # the head of a hamlet is of the village government ("perangkat desa")
            r"kepala dusun",
            r"kepala lingkungan",
            r"kepala jorong",
            r"kelian dinas",
            r"sekretaris desa",
            r"sekdes",
            r"badan permusyawaratan desa",
            r"perangkat (?:desa|kampung|kelurahan|nagari|gampong|pekon)",
            r"aparat desa",
            r"aparatur desa",
            r"muspika",
            r"forkopimda",
            r"forkopimcam",
            r"bakesbangpol",
            r"kesbangpol",
            r"satpol pp",
            r"sekda",
            r"penjabat bupati",
            r"penjabat gubernur",
            # regional agencies that join the police on the ground
            r"dinas perhubungan",
            r"dishub",
            r"dinas kesehatan",
            r"dinkes",
            r"bpbd",
            r"damkar",
            r"pemadam kebakaran",
        ),
        "tni": (
            r"tni",
            r"babinsa",
            r"koramil",
            r"kodim",
            r"dandim",
            r"danramil",
            r"korem",
            r"danrem",
            r"kodam",
            r"pangdam",
            r"lanal",
            r"lanud",
            r"prajurit",
        ),
        "paslon_timses": (
            r"pasangan calon",
            r"calon bupati",
            r"calon wakil bupati",
            r"calon gubernur",
            r"calon wakil gubernur",
            r"calon wali kota",
            r"calon wakil wali kota",
            r"tim sukses",
            r"tim pemenangan",
            r"tim kampanye",
            r"relawan",
            r"simpatisan",
            r"pendukung",
            r"partai politik",
            r"parpol",
            r"kandidat",
            r"kubu",
        ),
        "warga": (
            r"warga",
            r"masyarakat",
            r"pedagang",
            r"pengemudi",
            r"penumpang",
            r"nelayan",
            r"petani",
            r"penduduk",
            r"jamaah",
            r"jemaah",
            r"jemaat",
            r"umat (?:islam|muslim|kristiani|kristen|nasrani|katolik|hindu|buddha|budha"
            r"|konghucu|beragama)",
            r"pengunjung",
            r"pengendara",
            # people at work met on a patrol or a visit
            r"pelaku (?:usaha|wisata|umkm)",
            r"pengusaha",
            r"buruh",
            r"karyawan",
            r"tukang ojek",
            r"ojek",
            r"sopir",
        ),
        "ormas": (
            r"ormas",
            r"organisasi kemasyarakatan",
            r"organisasi masyarakat",
            r"lsm",
            r"banser",
            r"ansor",
            r"pemuda pancasila",
            # the mass religious organisations, by their boards (a school or campus
            # named after one is no organisation met)
            r"nahdlatul ulama",
            r"pcnu",
            r"pwnu",
            r"mwcnu",
            r"pengurus nu",
            *each("pengurus pimpinan", r" (?:wilayah |daerah |cabang |ranting )?muhammadiyah"),
        ),
        "media": (
            r"insan pers",
            r"wartawan",
            r"jurnalis",
            r"awak media",
            r"rekan media",
            r"media massa",
            r"insan media",
            r"pwi",
        ),
    }
)

INCIDENT = Lexicon(
    {
        "provokasi": (
            r"provokasi",
            r"memprovokasi",
            r"provokator",
            r"provokatif",
            r"menghasut",
            r"hasutan",
        ),
        "ujaran_kebencian": (r"ujaran kebencian", r"hate speech"),
        "hoaks": (
            r"hoaks",
            r"berita bohong",
            r"kabar bohong",
            r"berita palsu",
            r"informasi palsu",
            r"disinformasi",
        ),
        "intimidasi": (
            r"intimidasi",
            r"mengintimidasi",
            r"diintimidasi",
            r"ancaman",
            r"mengancam",
            r"diancam",
            r"pengancaman",
            r"teror",
            # coercion of voters or poll workers: "memaksa petugas mengubah hasil"
            r"memaksa(?:nya)?",
            r"dipaksa",
        ),
        "bentrokan": (
            r"bentrok",
            r"bentrokan",
            r"ricuh",
            r"kericuhan",
            r"rusuh",
            r"kerusuhan",
            r"saling serang",
            r"perang batu",
            r"lempar batu",
            r"saling lempar",
            r"tawuran",
            r"perkelahian",
            r"baku hantam",
            r"keributan",
            r"bertikai",
            r"chaos",
        ),
        "perusakan": (
            r"perusakan",
            r"pengrusakan",
            r"merusak",
            r"dirusak",
            r"pembakaran",
            r"membakar",
            r"dibakar",
            r"terbakar",
            r"ludes",
            r"pencopotan",
            r"dicopot",
            r"dicoret coret",
            r"merobek",
            r"dirobek",
        ),
        "unjuk_rasa": (
            r"unjuk rasa",
            r"demonstrasi",
            r"demo",
            r"aksi massa",
            r"berunjuk rasa",
            r"orasi",
            r"menggeruduk",
            r"long march",
            r"massa(?: \w+){0,3}(?= menuntut\b)",  # "menuntut ..." may say what for
            r"aksi protes",
        ),
        "politik_uang": (
            r"politik uang",
            r"money politics?",
            r"serangan fajar",
            r"bagi bagi uang",
            # money handed to voters: "membagikan uang kepada warga", "amplop berisi uang"
            r"membagikan (?:amplop|uang)",
            r"membagi bagikan (?:amplop|uang)",
            r"pembagian (?:amplop|uang)",
            r"amplop berisi uang",
        ),
        "penolakan_hasil": (
            r"menolak hasil",
            r"penolakan hasil",
            r"tolak hasil",
            r"tidak menerima hasil",
            r"dugaan kecurangan",
            r"menuding curang",
            # a recount or a re-vote demanded: "menuntut penghitungan ulang"
            r"menuntut (?:pemungutan suara ulang|psu|penghitungan (?:suara )?ulang"
            r"|hitung (?:suara )?ulang|perhitungan (?:suara )?ulang|pemilihan ulang)",
        ),
        "pengerahan_massa": (r"pengerahan massa", r"mobilisasi massa", r"mengerahkan massa"),
        "kriminal_umum": (
            r"pencurian",
            r"penganiayaan",
            r"pengeroyokan",
            r"pembunuhan",
            r"narkoba",
            r"perampokan",
            r"pemerasan",
        ),
    }
)

# Words of taking part. Strong ones hold for the list that follows them in the sentence;
# weak ones only for the words right after them.
TAKING_PART = words("""
    menghadiri melibatkan dilibatkan mengundang diundang didampingi menyambangi mengunjungi
    menemui bertemu silaturahmi bersilaturahmi sambang merangkul kunjungan dialog berdialog
    diskusi berdiskusi audiensi pertemuan gabungan oleh dipimpin berinteraksi berbincang
    menyapa mendatangi sinergitas bersinergi dimediasi memediasi mediasi mempertemukan
    mendengarkan menampung dibantu
    """)
# Attendance: holds for the whole list that follows, to the end of the sentence.
ATTENDING = words(
    "dihadiri hadir dihadirkan menghadirkan diikuti mengikuti turut beserta termasuk disaksikan"
)
NEAR_PART = words("dengan bersama kepada para bagi")
# "ke rumah warga", "ke permukiman warga": where a visit went, so whom it met.
_VISITED = words("rumah kediaman permukiman pemukiman lingkungan pangkalan pos posko kampung")
# A group named in a time phrase is no one met: "jelang pleno KPU", "usai pelantikan
# bupati", "pasca putusan Bawaslu". The phrase ends at a word of taking part ("usai
# bertemu KPU") but not at "oleh" ("menjelang penetapan oleh KPU").
_TIME_BEFORE = words("jelang menjelang usai seusai pasca paska setelah sesudah sebelum selepas")
# Participant categories that need a word of taking part nearby.
NEED_PART = frozenset({"penyelenggara_pemilu", "pemerintah_daerah", "tni", "warga",
                       "paslon_timses", "media"})  # fmt: skip
# "masyarakat" after these words is no group of people: "ketertiban masyarakat".
_NOT_PEOPLE_BEFORE = words(
    "ketertiban tokoh perpolisian pembinaan pelayanan kehidupan pengaduan kepercayaan"
)
# A group named after a building is where it happened: "di Gedung PKK".
_BUILDING = words("gedung aula sekretariat markas wisma graha")
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


_MEETING = words("koordinasi rakor rapat sektoral")
_TALK = words("menyapa berdialog berbincang dialog imbauan mengimbau pesan berinteraksi")


def activity_types(doc: Document) -> list[Found]:
    out = _talking_patrols(doc) + _joint_patrols(doc)
    for code, m in ACTIVITY.find(doc):
        if (
            context.is_irrealis(doc, m.first)
            or context.is_generic(doc, m.first)
            or context.in_example_list(doc, m.first)
        ):
            continue
        if code == "pengamanan" and context.is_negated(doc, m.first, window=4):
            continue
        if code == "pengamanan" and not _MEETING.isdisjoint(context.words_before(doc, m.first, 3)):
            continue  # "rakor lintas sektoral pengamanan Pilkada": what a meeting was about
        if code == "dialog" and _patrol_talk(doc, m):
            continue
        if code == "koordinasi" and doc.words[m.first - 1] in ("dibawah", "bawah"):
            continue  # "di bawah koordinasi Kapolda": who leads, not a meeting
        if code == "sambang" and not _CROWD.isdisjoint(
            context.words_before(doc, m.first, 10, clause=True)
        ):
            continue  # "ratusan massa mendatangi kantor KPU": a crowd's visit, no sambang
        out.append(Found(code, m, "kata kegiatan"))
    return out


# A crowd as the one who visits: "massa pendukung mendatangi", "sekelompok orang menemui".
_CROWD = words("massa pendukung sekelompok demonstran pengunjuk")


def _talking_patrols(doc: Document) -> list[Found]:
    """A patrol that talks with people on its way ("patroli itu berbincang dengan
    nelayan") is a dialogic patrol, named so or not."""
    out = []
    for _, m in _PATROL.find(doc):
        s = doc.sentence(m.first)
        talks = not _TALK.isdisjoint(doc.first_words[s.first : s.last])
        if talks and not context.is_irrealis(doc, m.first):
            out.append(Found("patroli_dialogis", m, "patroli sambil berdialog"))
    return out


# Other forces a patrol may go out with: "patroli dialogis bersama Koramil dan Satpol
# PP", "patroli tiga pilar".
_OTHER_FORCES = words("tni koramil kodim babinsa danramil satpol linmas brimob")
_ANY_PATROL = Lexicon({"patroli": (r"patroli(?! (?:bersama|gabungan|siber|cyber|skala))",)})


def _joint_patrols(doc: Document) -> list[Found]:
    """A patrol with another force in its clause is a joint patrol, named so or not."""
    out = []
    for _, m in _ANY_PATROL.find(doc):
        if context.is_irrealis(doc, m.first):
            continue
        s = doc.sentence(m.first)
        words_ = doc.first_words[s.first : s.last]
        norm = " ".join(words_)
        joint = "tiga pilar" in norm or any(
            w in NEAR_PART and not _OTHER_FORCES.isdisjoint(words_[k + 1 : k + 4])
            for k, w in enumerate(words_)
        )
        if joint:
            out.append(Found("patroli_bersama", m, "patroli bersama satuan lain"))
    return out


_PATROL = Lexicon(
    {"patroli": (r"patroli(?! (?:dialogis|bersama|gabungan|siber|cyber|sambang|skala))",)}
)


def _patrol_talk(doc: Document, m: Match) -> bool:
    """ "dialog dengan nelayan" in a report of a dialogic patrol is the patrol's
    talk, not a dialogue of its own."""
    return (
        m.words in ("dialog", "berdialog")
        and "patroli dialogis" in doc.norm
        and doc.words[m.first - 1] not in ("menggelar", "mengadakan", "melaksanakan")
    )


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
    for code, m in PARTICIPANT.find(doc):
        if seen.get(code, 0) >= 3:
            continue  # three pieces of evidence for a group are enough to show why
        before = doc.words[m.first - 1] if m.first > 0 else ""
        if code == "warga" and (before in _NOT_PEOPLE_BEFORE or _the_public(doc, m)):
            continue
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
        if before in _BUILDING:
            continue  # "di Gedung PKK", "Aula MUI": where, not who
        if not incident and code == "paslon_timses" and before in _CANDIDATES_THING:
            continue
        if incident and code == "paslon_timses":
            out.append(Found(code, m, "pihak dalam kejadian"))
            continue
        in_list = listed_until[0] == doc.sent_of[m.first] and (
            m.first - listed_until[1] <= 3 or _named_between(doc, listed_until[1], m.first)
        )
        if code in NEED_PART and not in_list and not _taking_part(doc, m):
            continue
        out.append(Found(code, m, "pihak yang hadir atau ditemui"))
        seen[code] = seen.get(code, 0) + 1
        if code.startswith("tokoh_"):
            out.extend(_leader_list(doc, m))
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
    return (
        bool(before) and before[-1] in ("seluruh", "segenap", "tengah", "kalangan")
    ) or after == "luas"


def _taking_part(doc: Document, m: Match) -> bool:
    before = context.words_before(doc, m.first, 60)  # the sentence before it
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


# Said after the group: "Tokoh agama ... dilibatkan", "paslon turut hadir".
_PART_AFTER = words("hadir dilibatkan menghadiri mengikuti")


def incident_types(doc: Document) -> list[Found]:
    out = []
    for code, m in INCIDENT.find(doc):
        if context.is_warning(doc, m.first) or context.is_irrealis(doc, m.first):
            continue
        out.append(Found(code, m, "kata kejadian"))
    return out


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
