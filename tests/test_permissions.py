"""Every endpoint, every role: the expected answer, checked against the running URL
configuration. An endpoint added without an entry here fails
``test_every_endpoint_has_an_entry``; an entry that no longer matches an endpoint fails
too. Objects outside a user's area answer 404, never 403, so IDs cannot be probed.

Personas (tests/personas.py): an anonymous visitor; the admin, pimpinan, operator and
humas of Polres Lombok Barat; the Bhabinkamtibmas of Desa Sekotong Barat; an operator of
the neighbouring Polres Lombok Tengah. Targets: a leader in Sekotong Barat ("own"), one
in Gerung (same Polres, another Polsek: "other"), one in Lombok Tengah ("neighbour").
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from sejuk.accounts.models import ApiToken, AuditEvent
from sejuk.accounts.tokens import create_token
from sejuk.api import api
from sejuk.leaders.models import Leader
from tests.personas import PERSONAS, SEKOTONG_BARAT

P = PERSONAS  # anon, admin, pimpinan, operator, humas, bhabin, neighbour


def row(*statuses: int) -> dict[str, int]:
    assert len(statuses) == len(P)
    return dict(zip(P, statuses, strict=True))


def everyone(status: int) -> dict[str, int]:
    return dict.fromkeys(P, status)


#                 anon admin pimp oper humas bhab neigh
PUBLIC = everyone(200)
SIGNED_IN_PAGE = row(302, 200, 200, 200, 200, 200, 200)
LEADER_READ_PAGE = row(302, 200, 200, 200, 403, 200, 200)
LEADER_WRITE_PAGE = row(302, 200, 403, 200, 403, 200, 200)
LEADER_READ_API = row(401, 200, 200, 200, 403, 200, 200)

# (method, route as in the URL configuration, target) -> persona -> status.
# Targets: a leader ("own"/"other"/"neighbour"), or the operator's API token.
PAGES: dict[tuple[str, str, str], dict[str, int]] = {
    ("GET", "", ""): PUBLIC,
    ("GET", "wilayah/", ""): PUBLIC,
    ("GET", "wilayah/<str:code>/", ""): PUBLIC,
    ("GET", "satuan/", ""): PUBLIC,
    ("GET", "satuan/<int:unit_id>/", ""): PUBLIC,
    ("GET", "tokoh/", ""): LEADER_READ_PAGE,
    ("GET", "tokoh/baru/", ""): LEADER_WRITE_PAGE,
    # Creating a leader in Sekotong Barat: the neighbour's form comes back refused (422).
    ("POST", "tokoh/baru/", ""): row(302, 302, 403, 302, 403, 302, 422),
    ("GET", "tokoh/ekspor.csv", ""): LEADER_READ_PAGE,
    ("GET", "tokoh/<int:leader_id>/", "own"): row(302, 200, 200, 200, 403, 200, 404),
    ("GET", "tokoh/<int:leader_id>/", "other"): row(302, 200, 200, 200, 403, 404, 404),
    ("GET", "tokoh/<int:leader_id>/", "neighbour"): row(302, 404, 404, 404, 403, 404, 200),
    ("POST", "tokoh/<int:leader_id>/", "own"): row(302, 302, 403, 302, 403, 302, 404),
    ("POST", "tokoh/<int:leader_id>/", "other"): row(302, 302, 403, 302, 403, 404, 404),
    ("POST", "tokoh/<int:leader_id>/nonaktifkan/", "own"): row(302, 302, 403, 302, 403, 302, 404),
    ("POST", "tokoh/<int:leader_id>/nonaktifkan/", "other"): row(302, 302, 403, 302, 403, 404, 404),
    ("GET", "masuk/", ""): row(200, 302, 302, 302, 302, 302, 302),
    ("POST", "keluar/", ""): everyone(302),
    ("GET", "akun/sandi/", ""): SIGNED_IN_PAGE,
    ("GET", "akun/token/", ""): SIGNED_IN_PAGE,
    # The operator's own token: the operator and their Polres administrator may revoke it.
    ("POST", "akun/token/<int:token_id>/cabut/", "token"): row(302, 302, 404, 302, 404, 404, 404),
    ("GET", "audit/", ""): row(302, 200, 200, 403, 403, 403, 403),
    ("POST", "i18n/setlang/", ""): everyone(302),
    ("GET", "favicon.ico", ""): everyone(301),
}

API: dict[tuple[str, str, str], dict[str, int]] = {
    ("GET", "/api/regions", ""): PUBLIC,
    ("GET", "/api/regions/{code}", ""): PUBLIC,
    ("GET", "/api/units", ""): PUBLIC,
    ("GET", "/api/units/{unit_id}", ""): PUBLIC,
    ("GET", "/api/officers", ""): row(401, 200, 200, 200, 403, 403, 200),
    ("GET", "/api/officers/{officer_id}", "sekotong"): row(401, 200, 200, 200, 403, 403, 404),
    ("GET", "/api/leaders", ""): LEADER_READ_API,
    ("POST", "/api/leaders", ""): row(401, 201, 403, 201, 403, 201, 422),
    ("GET", "/api/leaders/export.csv", ""): LEADER_READ_API,
    ("GET", "/api/leaders/{leader_id}", "own"): row(401, 200, 200, 200, 403, 200, 404),
    ("GET", "/api/leaders/{leader_id}", "other"): row(401, 200, 200, 200, 403, 404, 404),
    ("GET", "/api/leaders/{leader_id}", "neighbour"): row(401, 404, 404, 404, 403, 404, 200),
    ("PATCH", "/api/leaders/{leader_id}", "own"): row(401, 200, 403, 200, 403, 200, 404),
    ("PATCH", "/api/leaders/{leader_id}", "other"): row(401, 200, 403, 200, 403, 404, 404),
    ("DELETE", "/api/leaders/{leader_id}", "own"): row(401, 204, 403, 204, 403, 204, 404),
    ("DELETE", "/api/leaders/{leader_id}", "other"): row(401, 204, 403, 204, 403, 404, 404),
    ("GET", "/api/accounts/me", ""): row(401, 200, 200, 200, 200, 200, 200),
    ("GET", "/api/accounts/audit", ""): row(401, 200, 200, 403, 403, 403, 403),
}

# Served by django-ninja itself, not by a handler of ours.
API_BUILT_IN = {("GET", "api/openapi.json"): PUBLIC, ("GET", "api/docs"): PUBLIC}


def django_routes() -> set[str]:
    def walk(patterns: list[Any], prefix: str = "") -> Any:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                yield prefix + str(p.pattern)

    return {r for r in walk(get_resolver().url_patterns) if not r.startswith(("admin/", "api/"))}


def api_operations() -> set[tuple[str, str]]:
    schema = api.get_openapi_schema()
    return {
        (method.upper(), path) for path, methods in schema["paths"].items() for method in methods
    }


def test_every_endpoint_has_an_entry():
    assert django_routes() == {route for _, route, _ in PAGES}
    assert api_operations() == {(m, path) for m, path, _ in API}


@pytest.fixture
def targets(world):
    create_token(world.users["operator"], "uji")
    return {
        "own": world.leaders["own"].pk,
        "other": world.leaders["other"].pk,
        "neighbour": world.leaders["neighbour"].pk,
        "token": ApiToken.objects.get(user=world.users["operator"]).pk,
        "sekotong": world.officers["sekotong"].pk,
    }


def page_url(route: str, target: str, ids: dict[str, int]) -> str:
    url = "/" + route
    url = url.replace("<str:code>", "52.01.07").replace("<int:unit_id>", "1")
    for name in ("<int:leader_id>", "<int:token_id>"):
        url = url.replace(name, str(ids.get(target, 0)))
    return url


API_QUERY = {"/api/units": "?q=Polres+Lombok+Barat", "/api/regions": "?q=Sekotong"}


def api_url(path: str, target: str, ids: dict[str, int]) -> str:
    url = path.replace("{code}", "52.01.07").replace("{unit_id}", "1")
    url = url.replace("{officer_id}", str(ids.get(target, 0)))
    return url.replace("{leader_id}", str(ids.get(target, 0))) + API_QUERY.get(path, "")


FORM_DATA = {
    "tokoh/baru/": {"region": SEKOTONG_BARAT, "name": "Tokoh Baru", "category": "tokoh_pemuda"},
    "tokoh/<int:leader_id>/": {"region": "", "name": "Nama Diubah", "category": "tokoh_adat"},
    "i18n/setlang/": {"language": "id", "next": "/"},
}
API_DATA = {
    ("POST", "/api/leaders"): {
        "region": SEKOTONG_BARAT,
        "name": "Tokoh Baru",
        "category": "tokoh_pemuda",
    },
    ("PATCH", "/api/leaders/{leader_id}"): {"name": "Nama Diubah"},
}


def login(client, world, persona):
    user = world.users[persona]
    if user is not None:
        client.force_login(user)


@pytest.mark.django_db
@pytest.mark.parametrize("persona", P)
@pytest.mark.parametrize(("method", "route", "target"), list(PAGES))
def test_page_answers(client, world, targets, persona, method, route, target):
    login(client, world, persona)
    url = page_url(route, target, targets)
    data = dict(FORM_DATA.get(route, {}))
    if route == "tokoh/<int:leader_id>/":
        data["region"] = Leader.objects.get(pk=targets[target]).region_id
    response = client.post(url, data) if method == "POST" else client.get(url)
    expected = PAGES[(method, route, target)][persona]
    assert response.status_code == expected, (persona, method, url, response.status_code)
    if expected == 302 and persona == "anon" and route not in ("keluar/", "i18n/setlang/"):
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.django_db
@pytest.mark.parametrize("persona", P)
@pytest.mark.parametrize(("method", "path", "target"), list(API))
def test_api_answers(client, world, targets, persona, method, path, target):
    login(client, world, persona)
    url = api_url(path, target, targets)
    data = API_DATA.get((method, path))
    body = json.dumps(data) if data else ""
    response = client.generic(method, url, data=body, content_type="application/json")
    expected = API[(method, path, target)][persona]
    assert response.status_code == expected, (persona, method, url, response.content[:200])
    if expected >= 400:
        assert set(response.json()["error"]) == {"code", "message", "fields"}


@pytest.mark.django_db
@pytest.mark.parametrize(("method", "route"), list(API_BUILT_IN))
def test_built_in_api_pages_are_public(client, method, route):
    assert client.get("/" + route).status_code == 200


def test_the_built_in_api_routes_are_the_only_unlisted_ones():
    def walk(patterns: list[Any], prefix: str = "") -> Any:
        for p in patterns:
            if isinstance(p, URLResolver):
                yield from walk(p.url_patterns, prefix + str(p.pattern))
            else:
                yield prefix + str(p.pattern)

    api_routes = {r for r in walk(get_resolver().url_patterns) if r.startswith("api/")}
    documented = {
        "api/" + p.removeprefix("/api/").replace("{", "<").replace("}", ">") for _, p, _ in API
    }
    assert api_routes - documented - {r for _, r in API_BUILT_IN} == {"api/"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", P)
def test_the_admin_is_for_administrators_only(client, world, persona):
    login(client, world, persona)
    for model in admin.site._registry:
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
        response = client.get(url)
        if persona == "admin":
            assert response.status_code == 200, url
        else:
            assert response.status_code == 302, (persona, url)
            assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_an_administrator_of_a_polres_sees_only_its_users_and_officers_in_the_admin(client, world):
    client.force_login(world.users["admin"])
    users = client.get("/admin/accounts/user/").content.decode()
    assert "operator_lobar" in users and "operator_loteng" not in users
    officers = client.get("/admin/units/officer/").content.decode()
    assert "Andi" in officers
    leaders = client.get("/admin/leaders/leader/").content.decode()
    assert "Ustaz Hamid" in leaders and "Ibu Baiq Sari" not in leaders
    neighbour = world.users["neighbour"]
    assert client.get(f"/admin/accounts/user/{neighbour.pk}/change/").status_code == 302


@pytest.mark.django_db
def test_a_denied_look_at_another_area_is_audited(client, world, targets):
    client.force_login(world.users["bhabin"])
    assert client.get(f"/api/leaders/{targets['other']}").status_code == 404
    event = AuditEvent.objects.filter(action="denied").latest("created_at")
    assert event.actor == world.users["bhabin"]
    assert (event.object_type, event.object_id) == ("leader", str(targets["other"]))
    # A guessed ID that exists nowhere is a plain 404 and no denial.
    before = AuditEvent.objects.filter(action="denied").count()
    assert client.get("/api/leaders/999999").status_code == 404
    assert AuditEvent.objects.filter(action="denied").count() == before
