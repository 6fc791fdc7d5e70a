"""The three time zones of Indonesia (Keppres 41/1987), per region.

A region's zone follows its province: west (WIB), central (WITA), east (WIT). Province
codes are stable, so the table is keyed by them.
"""

from __future__ import annotations

_WITA = {"51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"}
_WIT = {"81", "82", "91", "92", "93", "94", "95", "96"}
ZONE_TZ = {"WIB": "Asia/Jakarta", "WITA": "Asia/Makassar", "WIT": "Asia/Jayapura"}


def zone_of(code: str) -> str:
    """WIB, WITA or WIT for any region code, by its province."""
    province = code[:2]
    if province in _WIT:
        return "WIT"
    if province in _WITA:
        return "WITA"
    return "WIB"
