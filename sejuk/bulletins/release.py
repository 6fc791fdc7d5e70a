"""A press-release draft from an activity: the facts in the words of a release, poured
into a template of the registry (``release_templates.TEMPLATES``).

Only what was recorded is said. The officer's description goes into the draft when it
was written for the record; when it is the pasted field message itself ("Giat patroli
... 3 pers"), by the page or the API, it is shorthand, so it is shown beside the draft for
Humas, not inside it. Findings are always the officer's own sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from string import Formatter

from sejuk import dates
from sejuk.activities.models import Activity
from sejuk.reference.aliases import PROVINCE_ALIASES
from sejuk.reference.taxonomy import ACTIVITY_TYPES, ELECTIONS, PARTICIPANTS
from sejuk.reference.wilayah import bare_name
from sejuk.regions.models import Kind, Level, Region
from sejuk.regions.services import parent_codes
from sejuk.units.models import Unit, UnitLevel

from .release_templates import ReleaseTemplate, by_key, templates_for

QUOTE_SLOT = "[tulis kutipan pimpinan di sini]"
SITUATION_WORDS = {
    "kondusif": "aman dan kondusif",
    "waspada": "perlu diwaspadai",
    "rawan": "rawan dan memerlukan perhatian",
}
# How a release places the activity in the election calendar: "pasca Pilkada ...".
PHASE_WORDS = {
    "pra_tahapan": "jelang",
    "pencalonan": "pada tahap pencalonan",
    "kampanye": "pada masa kampanye",
    "masa_tenang": "pada masa tenang",
    "pemungutan": "pada tahap pemungutan suara",
    "rekapitulasi": "pada tahap rekapitulasi suara",
    "sengketa": "selama sengketa hasil",
    "pasca": "pasca",
}
KIND_WORDS: dict[str, str] = {
    Kind.DESA: "Desa",
    Kind.KELURAHAN: "Kelurahan",
    Kind.KECAMATAN: "Kecamatan",
}


@dataclass(frozen=True)
class Draft:
    activity_id: int
    template: str
    templates: list[tuple[str, str]]  # (key, name) the user may switch to
    title: str
    paragraphs: list[str]
    dateline: str
    notes: dict[str, str] = field(default_factory=dict)  # the officer's words, for reference

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}\n"


def compose(activity: Activity, template_key: str = "") -> Draft:
    order = list(ACTIVITY_TYPES)
    types = sorted((t.code for t in activity.types.all()), key=order.index)
    offered = templates_for(types)
    chosen = by_key(template_key) if template_key else None
    template = chosen if chosen in offered else offered[0]
    slots = facts(activity)
    paragraphs = [p for p in (fill(text, slots) for text in template.paragraphs) if p]
    dateline = slots["dateline"]
    paragraphs[0] = f"{dateline} – {paragraphs[0]}"
    notes = {}
    if activity.summary:
        notes["Uraian petugas"] = activity.summary
    if activity.findings:
        notes["Hasil/temuan"] = activity.findings
    return Draft(
        activity_id=activity.pk,
        template=template.key,
        templates=[(t.key, f"{_type_label(t)} · {t.name}") for t in offered],
        title=fill(template.title, slots) or _fallback_title(slots),
        paragraphs=paragraphs,
        dateline=dateline,
        notes=notes,
    )


def _type_label(template: ReleaseTemplate) -> str:
    return ACTIVITY_TYPES.get(template.key.split(".")[0], "")


def _fallback_title(slots: dict[str, str]) -> str:
    return f"Kegiatan {slots['satuan']} di {slots['desa']}"


def fill(text: str, slots: dict[str, str]) -> str:
    """The text with its slots filled, or "" when a slot it needs is empty."""
    names = {name for _, name, _, _ in Formatter().parse(text) if name}
    if any(not slots.get(n) for n in names if not n.startswith("opsi_")):
        return ""
    return text.format_map({n: slots.get(n, "") for n in names})


def facts(activity: Activity) -> dict[str, str]:
    """Every slot a template may use, in the words of a release."""
    region = activity.region
    chain = _region_chain(region)
    unit = activity.unit
    polres = polres_of(unit)
    local = activity.local_times()
    pasted = " ".join(activity.raw_text.split())
    prose = not pasted or " ".join(activity.summary.split()) != pasted
    officers = [str(o) for o in activity.officers.all()]
    return {
        "satuan": unit.name,
        "rantai": unit.name if polres == unit else f"{unit.name} {polres.name}",
        "polres": polres.name,
        "tempat": _place(activity, chain),
        "desa": _named(region),
        "dateline": dateline(region, chain),
        "hari_tanggal": dates.release_date(local.day),
        "jam": dates.clock_in_zone(local.start, local.zone),
        "peserta": _participants(activity),
        "personel": f"{activity.personnel_count} personel" if activity.personnel_count else "",
        "opsi_petugas": f", yakni {_and(officers)}" if officers else "",
        "uraian": _sentence(activity.summary) if prose else "",
        "temuan": _sentence(activity.findings),
        "situasi": SITUATION_WORDS.get(activity.situation, ""),
        "pimpinan": commanders(unit, polres),
        "kutipan": QUOTE_SLOT,
        "opsi_momen": _moment(activity),
    }


def commanders(unit: Unit, polres: Unit) -> str:
    """ "Kapolres Lombok Barat AKBP X melalui Kapolsek Sekotong Iptu Y": the commander
    above, through the acting unit's own, each with rank and name when known."""
    own = _commander(unit)
    if polres == unit:
        return own
    return f"{_commander(polres)} melalui {own}"


def _commander(unit: Unit) -> str:
    title = unit.commander_title or f"Pimpinan {unit.name}"
    officer = unit.commander
    if officer is None or not officer.active:
        return title
    return f"{title} {officer}".strip()


def polres_of(unit: Unit) -> Unit:
    """The Polres a Polsek reports to; a Polres, Polda or Mabes speaks for itself."""
    if unit.level == UnitLevel.POLSEK and unit.parent is not None:
        return unit.parent
    return unit


def _region_chain(region: Region) -> list[Region]:
    """The region and those above it, most specific first."""
    above = Region.objects.filter(code__in=parent_codes(region.code)).order_by("-level")
    return [region, *above]


def _named(region: Region) -> str:
    """ "Desa Sekotong Barat", "Kecamatan Sekotong", "Kabupaten Lombok Barat"."""
    if region.level == Level.PROVINSI:
        return f"Provinsi {region.name}"
    word = KIND_WORDS.get(region.kind)
    return f"{word} {region.name}" if word else region.name


def _place(activity: Activity, chain: list[Region]) -> str:
    parts = [_named(r) for r in chain]
    if activity.dusun:
        dusun = activity.dusun
        parts.insert(0, dusun if dusun.lower().startswith("dusun") else f"Dusun {dusun}")
    if activity.landmark:
        parts.insert(0, activity.landmark)
    if activity.online:
        parts.insert(0, "secara daring")
    return ", ".join(parts)


def dateline(region: Region, chain: list[Region] | None = None) -> str:
    """ "Lombok Barat, NTB": the kabupaten/kota without its kind, and the province as
    releases shorten it (a short name is kept whole: "Bali", "Jawa Timur")."""
    chain = chain if chain is not None else _region_chain(region)
    kabkota = next((r for r in chain if r.level == Level.KABKOTA), None)
    province = next((r for r in chain if r.level == Level.PROVINSI), None)
    place = bare_name(kabkota.name, Level.KABKOTA) if kabkota else ""
    if province is None:
        return place
    short = province.name
    aliases = PROVINCE_ALIASES.get(province.code, ())
    if len(short) > 12 and aliases and " " not in aliases[0]:
        short = aliases[0]
    return f"{place}, {short}" if place else short


def _participants(activity: Activity) -> str:
    words = []
    order = list(PARTICIPANTS)
    found = sorted(activity.participants.all(), key=lambda p: order.index(p.category))
    for p in found:
        label = _lower_first(PARTICIPANTS.get(p.category, p.category))
        words.append(f"{label} ({p.count} orang)" if p.count else label)
    return _and(words)


def _moment(activity: Activity) -> str:
    election = ELECTIONS.get(activity.election, "")
    if not election:
        return ""
    phase = PHASE_WORDS.get(activity.phase, "dalam rangka")
    return f", {phase} {election}"


def _lower_first(label: str) -> str:
    """ "Tokoh agama" -> "tokoh agama"; "TNI" and "Ormas"-like acronyms keep their case."""
    if len(label) > 1 and label[1].islower():
        return label[0].lower() + label[1:]
    return label


def _and(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} dan {items[-1]}"


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    if text and text[-1] not in '.!?”"':
        text += "."
    return text[:1].upper() + text[1:]
