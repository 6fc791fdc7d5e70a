"""The header menu, from the rule the pages themselves enforce.

Each entry names its page and who may open it in the terms that page checks: a
capability of ``sejuk.accounts.access.CAPABILITIES`` (the page's service calls
``require`` with the same one), the Django admin's own test (``admin.site.has_permission``),
or whether one is signed in. So the menu never offers a page that answers 403, and a
change of the permission table changes the menu with it. tests/test_menu.py opens every
link for every persona, and every link a persona does not see.

On a phone the header shows the brand, the viewer's most used page (``quick``) and a
"Menu" toggle that opens the rest (sejuk.css, without JavaScript).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse

from sejuk.accounts.access import ANONYMOUS, Viewer, current_viewer

# Who may open a page that no capability guards.
EVERYONE = "everyone"
SIGNED_IN = "signed_in"
SIGNED_OUT = "signed_out"  # open to all, offered only to visitors (officers have their own forms)
ADMIN_SITE = "admin_site"


@dataclass(frozen=True)
class MenuItem:
    label: str
    url_name: str
    who: str  # a capability, or one of EVERYONE, SIGNED_IN, SIGNED_OUT, ADMIN_SITE
    # The item a phone shows beside the brand, for the first viewer this holds for.
    quick_for: str = ""


MENU: tuple[MenuItem, ...] = (
    MenuItem("Laporan", "reports:queue", "report.read", quick_for="report.triage"),
    MenuItem("Pesan", "channels:inbox", "report.read"),
    MenuItem("Kegiatan", "activities:index", "activity.read", quick_for="activity.read"),
    MenuItem("Peta", "maps:index", "activity.read"),
    MenuItem("Patroli", "patrols:index", "patrol.plan"),
    MenuItem("Tokoh", "leaders:index", "leader.read"),
    MenuItem("Media", "media:index", "media.read"),
    MenuItem("Buletin", "bulletins:index", "bulletin.read"),
    MenuItem("Lapor", "reports:report", SIGNED_OUT, quick_for=SIGNED_OUT),
    MenuItem("Cek laporan", "reports:check", SIGNED_OUT),
    MenuItem("Wilayah", "regions:search", EVERYONE),
    MenuItem("Satuan", "units:search", EVERYONE),
    MenuItem("Audit", "audit", "audit.read"),
    MenuItem("Admin", "admin:index", ADMIN_SITE),
    MenuItem("Akun", "tokens", SIGNED_IN),
    MenuItem("Masuk", "login", SIGNED_OUT),
)


def permitted(who: str, viewer: Viewer, request: HttpRequest | None) -> bool:
    """Whether ``viewer`` may open a page guarded by ``who``."""
    if who == EVERYONE:
        return True
    if who == SIGNED_IN:
        return viewer.is_authenticated
    if who == SIGNED_OUT:
        return not viewer.is_authenticated
    if who == ADMIN_SITE:
        return request is not None and admin.site.has_permission(request)
    return viewer.can(who)


@dataclass(frozen=True)
class Link:
    label: str
    href: str
    current: bool


@dataclass(frozen=True)
class Menu:
    links: tuple[Link, ...]
    quick: Link | None


def menu_for(request: HttpRequest | None) -> Menu:
    """The links ``request``'s viewer may open, in menu order, and their quick link."""
    viewer = current_viewer(request) if request is not None else ANONYMOUS
    path = request.path if request is not None else ""
    links: list[Link] = []
    quick: Link | None = None
    for item in MENU:
        if not permitted(item.who, viewer, request):
            continue
        href = reverse(item.url_name)
        link = Link(item.label, href, path.startswith(href))
        links.append(link)
        if quick is None and item.quick_for and permitted(item.quick_for, viewer, request):
            quick = link
    return Menu(tuple(links), quick)


def may_open(request: HttpRequest | None, url_name: str) -> bool:
    """Whether the viewer may open the menu's page ``url_name`` (for a link elsewhere on a
    page, such as the home page's cards)."""
    viewer = current_viewer(request) if request is not None else ANONYMOUS
    item = next(i for i in MENU if i.url_name == url_name)
    return permitted(item.who, viewer, request)
