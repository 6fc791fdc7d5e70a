from datetime import date, datetime
from functools import lru_cache
from typing import Any

from django import template
from django.http import HttpRequest
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language

from sejuk import dates
from sejuk.accounts.access import ANONYMOUS, current_viewer
from sejuk.accounts.workplace import zone_for
from sejuk.reference.zones import zone_of
from sejuk.web.menu import Menu, may_open, menu_for

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``{{ counts|get_item:code }}``: a dict's value by a variable key."""
    return mapping.get(key) if mapping else None


@register.filter
def skor(value: float | None) -> str:
    """A score with one decimal, as ``floatformat:1`` writes it in the active language
    ("11,1"). The commander's picture writes a few hundred (each line's score and parts),
    mostly the same few values: each is worked out once per language and process."""
    if value is None:
        return ""
    return _one_decimal(float(value), get_language())


@lru_cache(maxsize=4096)
def _one_decimal(value: float, language: str | None) -> str:
    return str(floatformat(value, 1))


@register.filter
def tanggal(day: date | None) -> str:
    """``{{ day|tanggal }}``: "Minggu, 8 Desember 2024", whatever the interface language."""
    return dates.full_date(day) if day else ""


@register.filter
def can(request: HttpRequest, capability: str) -> bool:
    """``{% if request|can:"bulletin.read" %}``: whether the viewer has a capability (to
    show a link; the view checks again)."""
    if not isinstance(request, HttpRequest):
        return False
    return current_viewer(request).can(capability)


@register.filter
def waktu(moment: datetime | None, region_code: str) -> str:
    """``{{ report.created_at|waktu:report.region_id }}``: "05/12/2026 13.21 WITA", the
    moment on the clocks of the place, with its zone, wherever the reader sits."""
    return waktu_di(moment, zone_of(region_code or ""))


@register.filter
def waktu_di(moment: datetime | None, zone: str) -> str:
    """``{{ token.created_at|waktu_di:zona }}``: "05/12/2026 13.21 WITA", the moment on
    the clocks of a zone (WIB, WITA, WIT), with its name."""
    if moment is None:
        return ""
    there = dates.local(moment, zone)
    return f"{dates.short_date(there.date())} {dates.clock_in_zone(there, zone)}"


@register.simple_tag(takes_context=True)
def zona_saya(context: template.Context) -> str:
    """``{% zona_saya as zona %}``: the zone where the viewer's unit works (WIB, WITA or
    WIT), by the lookup the report pages use."""
    request = context.get("request")
    if not isinstance(request, HttpRequest):
        return zone_for(ANONYMOUS)
    return zone_for(current_viewer(request))


@register.simple_tag(takes_context=True)
def menu(context: template.Context) -> Menu:
    """``{% menu as m %}``: the header links the viewer may open (sejuk.web.menu)."""
    request = context.get("request")
    return menu_for(request if isinstance(request, HttpRequest) else None)


@register.filter
def opens(request: HttpRequest, url_name: str) -> bool:
    """``{% if request|opens:"leaders:index" %}``: whether the viewer may open a page of
    the menu, by the menu's own rule."""
    return may_open(request if isinstance(request, HttpRequest) else None, url_name)
