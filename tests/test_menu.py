"""The menu in the page header shows each persona exactly what they may open: every link
a persona sees answers them (no 403, no 404, no detour to the sign-in page), and every
page of the menu they do not see would have refused them.

Personas as in tests/test_permissions.py: an anonymous visitor; the admin, pimpinan,
operator and humas of Polres Lombok Barat; the Bhabinkamtibmas of Desa Sekotong Barat; an
operator of Polres Lombok Tengah.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from sejuk.accounts.access import CAPABILITIES
from sejuk.web.menu import ADMIN_SITE, EVERYONE, MENU, SIGNED_IN, SIGNED_OUT
from tests.personas import PERSONAS

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """The links of a page, or of its <header> only, in order."""

    def __init__(self, within: str) -> None:
        super().__init__()
        self.within = within
        self.depth = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.within:
            self.depth += 1
        elif tag == "a" and self.depth:
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.within:
            self.depth -= 1


def header_links(html: str) -> list[str]:
    parser = Links("header")
    parser.feed(html)
    return parser.links


def all_links(html: str) -> list[str]:
    parser = Links("html")
    parser.feed(html)
    return list(dict.fromkeys(parser.links))


def sign_in(client, world, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)


def opens(response) -> bool:
    """A page that opened for the user: 200, or a redirect that is not to sign in."""
    if response.status_code == 200:
        return True
    if response.status_code in (301, 302):
        to = response["Location"]
        return not to.startswith((reverse("login"), reverse("admin:login")))
    return False


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_menu_link_opens_for_the_persona_who_sees_it(client, world, persona):
    sign_in(client, world, persona)
    links = header_links(client.get("/").content.decode())
    assert links, "the header has no links"
    refused = {}
    for href in dict.fromkeys(links):
        response = client.get(href)
        if not opens(response):
            refused[href] = response.status_code
    assert refused == {}, persona


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_menu_leaves_out_no_page_the_persona_may_open(client, world, persona):
    """A page guarded by a permission is hidden only from those it refuses. (Pages for
    visitors, such as the public report form, are left out of an officer's menu on
    purpose: officers record reports with their own form.)"""
    sign_in(client, world, persona)
    shown = set(header_links(client.get("/").content.decode()))
    for item in MENU:
        href = reverse(item.url_name)
        if href not in shown and item.who not in (SIGNED_IN, SIGNED_OUT, EVERYONE):
            assert not opens(client.get(href)), (persona, href)


def test_every_menu_entry_is_guarded_by_a_capability_the_permission_table_knows():
    for item in MENU:
        assert item.who in CAPABILITIES or item.who in (EVERYONE, SIGNED_IN, SIGNED_OUT, ADMIN_SITE)
        assert not item.quick_for or item.quick_for in CAPABILITIES or item.quick_for == SIGNED_OUT


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_link_of_the_home_page_opens_for_the_persona_who_sees_it(client, world, persona):
    sign_in(client, world, persona)
    links = all_links(client.get("/").content.decode())
    refused = {h: client.get(h).status_code for h in links if not opens(client.get(h))}
    assert refused == {}, persona


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_shows_the_same_menu(client, world, persona):
    sign_in(client, world, persona)
    home = header_links(client.get("/").content.decode())
    for path in ("/wilayah/", "/satuan/", "/lapor/", "/cek/"):
        assert header_links(client.get(path).content.decode()) == home, path


def test_humas_sees_neither_reports_nor_leaders_but_activities_and_bulletins(client, world):
    client.force_login(world.users["humas"])
    links = header_links(client.get("/").content.decode())
    assert reverse("reports:queue") not in links and reverse("leaders:index") not in links
    assert reverse("activities:index") in links and reverse("bulletins:index") in links


def test_the_home_page_offers_leaders_and_administration_only_to_those_who_may_open_them(
    client, world
):
    for persona, leaders, admin in (
        ("anon", False, False),
        ("humas", False, False),
        ("bhabin", True, False),
        ("admin", True, True),
    ):
        sign_in(client, world, persona)
        links = all_links(client.get("/").content.decode())
        assert (reverse("leaders:index") in links) is leaders, persona
        assert (reverse("admin:index") in links) is admin, persona
        client.logout()


def test_the_audit_log_is_in_the_menu_of_those_who_read_it(client, world):
    for persona, sees in (("admin", True), ("pimpinan", True), ("operator", False)):
        client.force_login(world.users[persona])
        links = header_links(client.get("/").content.decode())
        assert (reverse("audit") in links) is sees, persona
