"""Page links for every list: ``{% page_url number %}`` is this page's address with the
page (``halaman``) replaced and every other filter kept, escaped once (by the template's
autoescape, as any attribute)."""

from __future__ import annotations

from typing import Any

from django import template

register = template.Library()

PAGE = "halaman"


@register.simple_tag(takes_context=True)
def page_url(context: dict[str, Any], number: int) -> str:
    query = context["request"].GET.copy()
    query[PAGE] = str(number)
    return "?" + query.urlencode()
