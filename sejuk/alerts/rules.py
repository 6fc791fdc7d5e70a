"""The rules that raise an alert, how a person may receive each, and what each role
receives without choosing and cannot switch off. One table a reader can grep; the
thresholds are settings (``SEJUK_ALERT_*``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sejuk.accounts.models import Role

NAIK_RAWAN = "naik_rawan"
LONJAKAN = "lonjakan"
DARURAT = "darurat"
TERLAMBAT = "terlambat"
KEJADIAN_BERAT = "kejadian_berat"
BELUM_DIKUNJUNGI = "belum_dikunjungi"


@dataclass(frozen=True)
class Rule:
    code: str
    label: str


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        Rule(NAIK_RAWAN, "Desa naik menjadi rawan atau sangat rawan"),
        Rule(LONJAKAN, "Kerawanan desa melonjak dalam 24 jam"),
        Rule(DARURAT, "Laporan darurat masuk"),
        Rule(TERLAMBAT, "Laporan melewati batas tanggapan"),
        Rule(KEJADIAN_BERAT, "Kejadian berat dicatat"),
        Rule(BELUM_DIKUNJUNGI, "Desa rawan lama tidak dikunjungi"),
    )
}

# How a person receives a rule's alerts, from least to most.
OFF, APP, DIGEST, NOW = "mati", "aplikasi", "ringkasan", "segera"
MODES: dict[str, str] = {
    OFF: "Mati",
    APP: "Di aplikasi saja",
    DIGEST: "Di aplikasi, dan ringkasan berkala lewat e-mail/pesan",
    NOW: "Di aplikasi, dan segera lewat e-mail/pesan",
}
ORDER = list(MODES)

# The roles that receive alerts at all (humas and administrators do not: an alert asks
# for action in the field).
CARING_ROLES = (Role.BHABINKAMTIBMAS, Role.OPERATOR, Role.PIMPINAN)

_ALL = tuple(RULES)

# Without a choice of their own. The Bhabinkamtibmas hears of their own desa at once;
# the operator at once of what needs an answer now (a darurat report, a late one, a
# grave incident); the commander at once of grave incidents and desa turning.
DEFAULTS: dict[str, dict[str, str]] = {
    Role.BHABINKAMTIBMAS: dict.fromkeys(_ALL, NOW),
    Role.OPERATOR: {
        **dict.fromkeys(_ALL, DIGEST),
        DARURAT: NOW,
        TERLAMBAT: NOW,
        KEJADIAN_BERAT: NOW,
    },
    Role.PIMPINAN: {**dict.fromkeys(_ALL, DIGEST), KEJADIAN_BERAT: NOW, NAIK_RAWAN: NOW},
}

# What a role must receive, at least in the app: the alerts its work answers for.
MINIMUM: dict[str, dict[str, str]] = {
    Role.BHABINKAMTIBMAS: {DARURAT: APP, KEJADIAN_BERAT: APP, BELUM_DIKUNJUNGI: APP},
    Role.OPERATOR: {DARURAT: APP, TERLAMBAT: APP, KEJADIAN_BERAT: APP},
    Role.PIMPINAN: {KEJADIAN_BERAT: APP, NAIK_RAWAN: APP},
}


def highest(modes: Iterable[str]) -> str:
    return max(modes, key=ORDER.index, default=OFF)


def minimum(roles: Iterable[str], rule: str) -> str:
    """The least a person with ``roles`` receives of ``rule``."""
    return highest(MINIMUM.get(r, {}).get(rule, OFF) for r in roles)


def default(roles: Iterable[str], rule: str) -> str:
    return highest(DEFAULTS.get(r, {}).get(rule, OFF) for r in roles)


def effective(roles: Iterable[str], rule: str, chosen: Mapping[str, str]) -> str:
    """How a person receives ``rule``: their choice (or their roles' default), never
    below their roles' minimum; nothing for a role that receives no alerts."""
    roles = [r for r in roles if r in CARING_ROLES]
    if not roles:
        return OFF
    want = chosen.get(rule) or default(roles, rule)
    return highest((want, minimum(roles, rule)))


def choices(roles: Iterable[str], rule: str) -> list[tuple[str, str]]:
    """The modes a person may choose for ``rule``: those at or above their minimum."""
    floor = ORDER.index(minimum(roles, rule))
    return [(m, label) for m, label in MODES.items() if ORDER.index(m) >= floor]
