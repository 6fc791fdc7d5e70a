"""What kind of text it is, the situation it reports, online or not, and the election.

- kind: a disturbance that happened (incident), a police activity that happened
  (activity), or neither (plans, general statements: other). Each side is weighed by its
  words said as happening, double in the headline and the lead.
- situation: only a situation the text reports ("keadaan kembali kondusif", "acara
  berakhir tertib", "tidak ditemukan hal menonjol"), never one it aims at ("guna
  mewujudkan suasana yang kondusif"); null when it reports none.
- online: the activity was held online ("secara daring", "virtual", "zoom").
- election: the re-votes of 2025 (PSU), the regional elections of 2024 (Pilkada), or the
  general election of 2024 (Pemilu), by the words the text uses.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import context
from .document import Document, Match
from .labels import Found
from .lexicon import Lexicon, each, words_of
from .normalize import words
from .record import Evidence, Value
from .taxonomy import ELECTIONS

# Words between "situasi" and its adjective that do not turn it around ("situasi di desa
# itu aman", but not "situasi tidak kondusif" or "belum aman").
_NOT_NEGATED = r"(?: (?!tidak\b|tak\b|belum\b|bukan\b)\w+)"
# ... nor put it in the past ("situasi sempat memanas namun kini terkendali" is calm now).
_NOW = r"(?: (?!tidak\b|tak\b|belum\b|bukan\b|sempat\b|sebelumnya\b)\w+)"
_SITUATION = Lexicon(
    {
        "kondusif": (
            *each(
                "situasi suasana kondisi keadaan kamtibmas wilayah",
                # (six words: "situasi kota pasca penetapan paslon terpilih terpantau aman",
                # "paslon" read as two)
                rf"{_NOT_NEGATED}{{0,6}} (?:telah |sudah |kembali |tetap |terpantau |masih )?"
                r"(?:aman|kondusif|terkendali)",
            ),
            # Calm restored: "namun kini sudah kembali kondusif".
            r"kembali (?:aman|kondusif|normal|tenang|pulih)",
            *each("sudah telah", r" (?:kembali )?(?:kondusif|normal)"),
            *each(
                "berjalan berlangsung berakhir selesai",
                # "berakhir pukul 17.00 Wita dengan aman": the hour may come between
                r"(?: (?:pada )?(?:pukul|pkl|jam) \d+(?: \d+)?(?: wib| wita| wit)?)?"
                r" (?:dengan )?(?:aman|lancar|kondusif|tertib|damai)",
            ),
            # What a patrol found: "tidak ditemukan hal-hal yang menonjol", "tidak ada
            # kejadian berarti"; a problem or disturbance it did not find needs no adjective.
            r"tidak (?:ditemukan|menemukan|ada|terdapat) (?:adanya )?"
            r"(?:hal|hal hal|kejadian|permasalahan|masalah)(?: yang)? (?:menonjol|berarti)",
            *each(
                "tidak belum",
                r" (?:ditemukan|menemukan) (?:adanya )?(?:permasalahan|masalah|gangguan)",
            ),
            *each("tidak belum", r" (?:ada|terdapat) (?:adanya )?gangguan"),
            r"aman terkendali",
            r"nihil gangguan",
            r"tanpa (?:adanya )?gangguan",
            r"terciptanya situasi(?: \w+)? (?:yang )?(?:aman|kondusif)",
        ),
        "waspada": (
            *each("situasi suasana kondisi status", r"(?: \w+){0,3} (?:waspada|siaga)"),
            # Tension held in check is not calm: "masih tegang namun terkendali".
            *each(
                "situasi suasana kondisi keadaan",
                rf"{_NOW}{{0,5}} (?:tegang|memanas|panas|genting)"
                r",? (?:namun|tetapi|tapi|meski|walau|walaupun)(?: \w+){0,3}"
                r" (?:terkendali|kondusif|aman)",
            ),
            # Not yet calm: "kondisi belum kondusif".
            *each(
                "situasi suasana kondisi keadaan",
                r"(?: \w+){0,5} belum (?:sepenuhnya )?(?:aman|kondusif|normal|pulih|terkendali)",
            ),
            r"perlu diwaspadai",
            r"siaga satu",
            r"siaga 1",
        ),
        "rawan": (
            *each(
                "situasi suasana kondisi keadaan",
                r"(?: \w+){0,5} (?:rawan|mencekam|memanas|tegang"
                r"|(?:tidak|tak) (?:aman|kondusif|terkendali))",
            ),
        ),
    }
)
_PURPOSE = words("""
    untuk guna agar supaya demi bertujuan tujuan menjaga jaga menciptakan ciptakan
    mewujudkan wujudkan memastikan pastikan menjamin harapan diharapkan semoga mendukung
    menuju memelihara mempertahankan menjadikan upaya mengupayakan
    """)
# Unrest said as over: "sempat memanas", "sebelumnya tegang".
_PAST = words("sempat sebelumnya tadinya semula")
_ONLINE = Lexicon(
    {
        "online": (
            *words_of("daring virtual zoom vicon vidcon webinar gmeet teleconference"),
            r"google meet",
            r"video konferensi",
            r"telekonferensi",
            r"secara online",
            r"video conference",
            r"live streaming",
            r"siaran langsung",
        )
    }
)
_ELECTION = Lexicon(
    {
        "psu_2025": (r"psu", r"pemungutan suara ulang", r"pilkada ulang"),
        "pilkada_2024": (
            r"pilkada",
            r"pemilihan kepala daerah",
            r"pemilihan bupati",
            r"pemilihan gubernur",
            r"pemilihan wali kota",
            r"calon bupati",
            r"calon gubernur",
            r"calon wali kota",
            r"pasangan calon",
        ),
        "pemilu_2024": (
            r"pemilu 2024",
            r"pemilihan umum 2024",
            r"pileg",
            r"pilpres",
            r"capres",
            r"cawapres",
            r"caleg",
            r"pemilihan presiden",
            r"pemilihan legislatif",
        ),
    }
)
_ACTIVITY_WORDS = Lexicon(
    {
        "activity": (
            r"cooling system",
            *each("melaksanakan menggelar melakukan", " kegiatan"),
            r"kegiatan (?:ini|tersebut)",
            # an officer at someone else's event: "menghadiri musyawarah dusun"
            r"menghadiri",
            r"hadiri",
        )
    }
)


def kind(doc: Document, activity: Sequence[Found], incident: Sequence[Found]) -> Value:
    act = sum(_weight(doc, f.match) for f in activity)
    act += 0.5 * sum(
        _weight(doc, m)
        for _, m in _ACTIVITY_WORDS.find(doc)
        if not context.is_irrealis(doc, m.first) and not context.is_generic(doc, m.first)
    )
    inc = sum(_weight(doc, f.match) for f in incident)
    if inc >= 1.5 and inc > act:
        return Value(
            "incident",
            _evidence(incident, "kata kejadian"),
            f"bobot kejadian {inc:.1f} > kegiatan {act:.1f}",
        )
    if act >= 1:
        return Value(
            "activity",
            _evidence(activity, "kata kegiatan"),
            f"bobot kegiatan {act:.1f}, kejadian {inc:.1f}",
        )
    if inc > 0:
        return Value("incident", _evidence(incident, "kata kejadian"))
    return Value("other", (), "tidak ada kegiatan atau kejadian yang dilaporkan terjadi")


def _weight(doc: Document, m: Match) -> float:
    s = doc.sentence(m.first)
    if s.role == "headline":
        return 2.0
    return 1.5 if s.number in doc.lead else 1.0


def _evidence(found: Sequence[Found], why: str) -> tuple[Evidence, ...]:
    return tuple(Evidence(f.match.start, f.match.end, f.match.text, why) for f in found[:5])


def situation(doc: Document) -> Value:
    reported: list[tuple[str, Match]] = []
    for code, m in _SITUATION.find(doc):
        before = context.words_before(doc, m.first, 20)
        if not context.IRREALIS.isdisjoint(before):
            continue
        if _aimed_at(doc, m, before):
            continue
        if code != "kondusif" and not _PAST.isdisjoint(m.words.split()):
            continue  # "suasana sempat memanas": a moment that has passed
        reported.append((code, m))
    if not reported:
        return Value(None, (), "teks tidak melaporkan situasi")
    # The gravest situation reported wins: a report of unrest outweighs "kondusif".
    for code in ("rawan", "waspada", "kondusif"):
        found = [m for c, m in reported if c == code]
        if found:
            return Value(
                code,
                tuple(
                    Evidence(m.start, m.end, m.text, "situasi yang dilaporkan") for m in found[:3]
                ),
            )
    return Value(None)


def _aimed_at(doc: Document, m: Match, before: list[str]) -> bool:
    """A situation the text aims at ("guna memastikan ... berlangsung tertib"), not one it
    reports ("rapat pleno yang berakhir damai", "sehingga acara berjalan tertib")."""
    if before and before[-1] in ("yang", "sehingga", "telah", "sudah", "pun"):
        return False
    if m.words.startswith(("berjalan", "berlangsung", "berakhir", "selesai", "tidak", "belum")):
        clause = context.words_before(doc, m.first, 12, clause=True)
        return not _PURPOSE.isdisjoint(clause)
    return not _PURPOSE.isdisjoint(before[-10:])


def online(doc: Document) -> Value:
    for _, m in _ONLINE.find(doc):
        if not context.is_irrealis(doc, m.first):
            return Value(True, (Evidence(m.start, m.end, m.text, "kegiatan daring"),))
    return Value(False, (), "tidak ada tanda kegiatan daring")


def election(doc: Document) -> Value:
    found: dict[str, list[Match]] = {}
    for code, m in _ELECTION.find(doc):
        found.setdefault(code, []).append(m)
    pilkada, pemilu = len(found.get("pilkada_2024", ())), len(found.get("pemilu_2024", ()))
    if found.get("psu_2025") and (pilkada or not pemilu):
        code = "psu_2025"  # the re-votes of 2025 followed the Pilkada
    elif pilkada and pilkada >= pemilu:
        code = "pilkada_2024"
    elif pemilu:
        code = "pemilu_2024"  # a PSU too, when the text is about the general election
    else:
        return Value(None, (), "tidak menyebut pemilihan")
    ms = found.get(code) or found["psu_2025"]
    return Value(code, tuple(Evidence(m.start, m.end, m.text, ELECTIONS[code]) for m in ms[:3]))
