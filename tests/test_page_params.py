"""Pages answer any query string without a server error. The API is fuzzed from its
schema (`make fuzz`); pages have no schema, so this walks every page that takes no path
argument with every query parameter any view reads, each set to values people and
scanners really send: superscript and other non-ASCII digits, huge and negative numbers,
dates that do not exist, very long text."""

from __future__ import annotations

import re

import pytest
from django.http import QueryDict
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

NASTY = [
    "²",
    "٣",
    "-1",
    "99999999999999999999999999",
    "999999999999",
    "2024-02-30",
    "x" * 5000,
]


def names_read(client, page: str, monkeypatch) -> set[str]:  # type: ignore[no-untyped-def]
    """The query parameters a page reads, seen by watching the request's QueryDict (the
    page runs for real; only the reading is observed)."""
    seen: set[str] = set()
    original_get, original_getlist = QueryDict.get, QueryDict.getlist

    def get(self, key, default=None):  # type: ignore[no-untyped-def]
        seen.add(key)
        return original_get(self, key, default)

    def getlist(self, key, default=None):  # type: ignore[no-untyped-def]
        seen.add(key)
        return original_getlist(self, key, default)

    with monkeypatch.context() as m:
        m.setattr(QueryDict, "get", get)
        m.setattr(QueryDict, "getlist", getlist)
        client.get(page)
    return {name for name in seen if re.fullmatch(r"[a-z_]+", name)}


def plain_pages() -> list[str]:
    """Every page route without path arguments (the API is fuzzed separately)."""
    routes: list[str] = []

    def walk(patterns: list, prefix: str) -> None:  # type: ignore[type-arg]
        for p in patterns:
            route = prefix + str(p.pattern)
            if isinstance(p, URLResolver):
                walk(p.url_patterns, route)
            elif isinstance(p, URLPattern) and "<" not in route and not route.startswith("api"):
                routes.append("/" + route.lstrip("^").rstrip("$"))

    walk(get_resolver().url_patterns, "")
    return [r for r in routes if "keluar" not in r and "setlang" not in r]


def test_the_walk_finds_pages_and_the_parameters_they_read(client, world, monkeypatch):
    # A walk over nothing would pass whatever the pages do.
    assert {"/kegiatan/", "/laporan/", "/buletin/"} <= set(plain_pages())
    client.force_login(world.users["operator"])
    assert {"halaman", "satuan", "dari", "q"} <= names_read(client, "/kegiatan/", monkeypatch)


@pytest.mark.parametrize("persona", ["operator", "bhabin"])
def test_no_page_answers_a_server_error_to_any_query_value(client, world, persona, monkeypatch):
    # One parameter at a time: a page refuses a bad date before it reads the unit, so
    # setting them all at once would hide what a bad unit does.
    client.force_login(world.users[persona])
    client.raise_request_exception = False
    failures = []
    for page in plain_pages():
        for name in sorted(names_read(client, page, monkeypatch)):
            for value in NASTY:
                response = client.get(page, {name: value})
                if response.status_code >= 500:
                    failures.append((page, name, value[:20], response.status_code))
    assert failures == [], "\n".join(map(str, failures))
