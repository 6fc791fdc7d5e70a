from datetime import date
from typing import Any

from django import template
from django.http import HttpRequest

from sejuk import dates
from sejuk.accounts.access import current_viewer

register = template.Library()


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    """``{{ counts|get_item:code }}``: a dict's value by a variable key."""
    return mapping.get(key) if mapping else None


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
