"""Behind a reverse proxy (nginx with TLS in front of `sejuk serve`): with
SEJUK_TRUSTED_PROXY set to the proxy's address, the client address and the scheme are
taken from the proxy's X-Forwarded-For and X-Forwarded-Proto; from any other address
those headers are ignored. Checked against a real served Sejuk over real connections,
from two loopback addresses: 127.0.0.1 plays the proxy, 127.0.0.2 a stranger."""

from __future__ import annotations

import http.client
import json
import re
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.served import Served, serve, serve_again

PROXY = "127.0.0.1"
STRANGER = "127.0.0.2"
PASSWORD = "Sekotong-Barat-2024"

pytestmark = pytest.mark.browser  # a served instance, like the browser journeys


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str


def call(
    served: Served,
    method: str,
    path: str,
    *,
    source: str = PROXY,
    headers: dict[str, str] | None = None,
    body: str | None = None,
) -> Answer:
    url = urllib.parse.urlsplit(served.url)
    connection = http.client.HTTPConnection(
        url.hostname, url.port, timeout=30, source_address=(source, 0)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read().decode())
    finally:
        connection.close()


def through_proxy(client: str) -> dict[str, str]:
    """What nginx adds (proxy_add_x_forwarded_for, $scheme) for a client over TLS."""
    return {"X-Forwarded-For": client, "X-Forwarded-Proto": "https"}


def report(served: Served, headers: dict[str, str], *, source: str = PROXY) -> int:
    body = json.dumps(
        {
            "category": "hoaks",
            "description": "Kabar bohong tentang surat suara beredar di grup warga dusun.",
            "region": "52.01.07.2002",
        }
    )
    return call(
        served,
        "POST",
        "/api/public/reports",
        source=source,
        headers={"Content-Type": "application/json", **headers},
        body=body,
    ).status


def sign_in(
    served: Served,
    password: str,
    headers: dict[str, str],
    *,
    source: str = PROXY,
    scheme: str = "https",
) -> int:
    """Sign in as budi the way a browser does; ``scheme`` is that of the page it shows."""
    page = call(served, "GET", "/masuk/", source=source, headers=headers)
    cookie = re.search(r"csrftoken=([^;]+)", page.headers["Set-Cookie"])
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.body)
    assert cookie and token, page.status
    origin = f"{scheme}://{urllib.parse.urlsplit(served.url).netloc}"
    form = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token[1], "username": "budi", "password": password}
    )
    return call(
        served,
        "POST",
        "/masuk/",
        source=source,
        body=form,
        headers={
            **headers,
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie[1]}",
            "Origin": origin,
            "Referer": origin + "/masuk/",
        },
    ).status


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Sejuk behind TLS at the proxy: SEJUK_HTTPS=1 and the proxy's address trusted."""
    env = {
        "SEJUK_HTTPS": "1",
        "SEJUK_TRUSTED_PROXY": PROXY,
        "SEJUK_RATE_REPORT": "3/h",
        "SEJUK_LOGIN_FAILURE_LIMIT": "3",
    }
    data_dir = tmp_path_factory.mktemp("proxied")
    with serve(data_dir, setup_args=("--no-demo",), extra_env=env) as served:
        served.sejuk(
            *("users", "create", "--username", "budi", "--unit", "Polres Lombok Barat"),
            *("--role", "operator", "--password-stdin"),
            stdin=PASSWORD + "\n",
        )
        yield served


def test_pages_behind_the_tls_proxy_answer_instead_of_redirecting_forever(proxied):
    assert call(proxied, "GET", "/", headers=through_proxy("198.51.100.7")).status == 200
    # Plain HTTP reaching the proxy is still sent to https.
    plain = call(proxied, "GET", "/", headers={"X-Forwarded-For": "198.51.100.7"})
    assert plain.status == 301 and plain.headers["Location"].startswith("https://")


def test_a_stranger_claiming_https_in_a_header_is_not_believed(proxied):
    answer = call(proxied, "GET", "/", source=STRANGER, headers=through_proxy("198.51.100.7"))
    assert answer.status == 301 and answer.headers["Location"].startswith("https://")


def test_each_citizen_behind_the_proxy_has_their_own_report_limit(proxied):
    first, second = "198.51.100.21", "198.51.100.22"
    assert [report(proxied, through_proxy(first)) for _ in range(3)] == [201] * 3
    assert report(proxied, through_proxy(first)) == 429
    assert report(proxied, through_proxy(second)) == 201
    # A client cannot escape its limit by sending its own X-Forwarded-For: nginx appends
    # the address it saw, and only the last one is the client.
    assert report(proxied, through_proxy(f"203.0.113.99, {first}")) == 429


def test_a_lock_out_behind_the_proxy_locks_out_only_the_client_who_guessed(proxied):
    guesser, officer = through_proxy("198.51.100.31"), through_proxy("198.51.100.32")
    assert [sign_in(proxied, "salah-sandi", guesser) for _ in range(3)] == [200, 200, 429]
    assert sign_in(proxied, PASSWORD, guesser) == 429
    assert sign_in(proxied, PASSWORD, officer) == 302  # the real budi still signs in
    locked_out_from = proxied.sejuk(
        "shell",
        "-c",
        "from sejuk.accounts.models import AuditEvent; "
        "print(sorted(set(AuditEvent.objects.filter(action='locked_out')"
        ".values_list('ip', flat=True))))",
    )
    assert locked_out_from.splitlines()[-1] == "['198.51.100.31']"


def test_forwarded_headers_from_any_other_address_are_ignored(proxied):
    # The same Sejuk without TLS, so a stranger's plain requests reach it: the addresses
    # it claims count as its own.
    with serve_again(proxied, {"SEJUK_HTTPS": "0"}) as direct:
        claimed = [through_proxy(f"192.0.2.{n}") for n in range(1, 6)]
        statuses = [report(direct, headers, source=STRANGER) for headers in claimed]
        assert statuses == [201, 201, 201, 429, 429]
        guesses = [
            sign_in(direct, "salah-sandi", h, source=STRANGER, scheme="http") for h in claimed[:3]
        ]
        assert guesses == [200, 200, 429]
        assert sign_in(direct, PASSWORD, claimed[4], source=STRANGER, scheme="http") == 429
