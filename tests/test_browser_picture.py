"""The picture in a served Sejuk, on a phone: the commander of Polres Lombok Barat opens
the home page, finds the desa where an operator just recorded clashes at the top of the
ranking with its parts, opens the desa page, and from it the incident that raised its
tension."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "gambaran-kerawanan-14"
DESA = "52.01.07.2002"  # Sekotong Barat


def api(served: Served, token: str, path: str, body: dict) -> dict:
    request = urllib.request.Request(
        served.url + path,
        data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served")) as instance:
        for name, role in (("kapolres.lobar", "pimpinan"), ("ops.lobar", "operator")):
            instance.sejuk(
                "users", "create", "--username", name, "--unit", "Polres Lombok Barat",
                "--role", role, "--password-stdin", stdin=PASSWORD + "\n",
            )  # fmt: skip
        out = instance.sejuk("users", "token", "ops.lobar", "--name", "uji")
        token = out.rsplit(":", 1)[1].strip()
        for _ in range(3):
            report = api(instance, token, "/api/reports", {
                "category": "bentrokan", "urgency": "darurat", "region": DESA,
                "description": "Dua kelompok pendukung saling lempar batu di lapangan desa.",
            })  # fmt: skip
            api(instance, token, f"/api/reports/{report['id']}/incident", {
                "types": ["bentrokan"], "injured": 4, "damaged_buildings": 1,
            })  # fmt: skip
        yield instance


def test_a_commander_walks_from_the_ranking_to_the_record_that_raised_a_desa(browser, served):
    page = phone(browser)
    sign_in(page, served, "kapolres.lobar", PASSWORD)
    picture = page.locator("section.picture")
    expect(picture).to_contain_text("Desa paling rawan")
    ranking = picture.locator("table.tension").first.locator("tbody tr")
    first = ranking.first
    expect(first).to_contain_text("Sekotong Barat")
    # On a phone the home shows the first five; the whole ranking is a link away.
    assert ranking.count() > 5
    assert sum(ranking.nth(i).is_visible() for i in range(ranking.count())) == 5
    expect(picture.get_by_role("link", name="Semua peringkat")).to_be_visible()
    expect(first).to_contain_text("Kejadian")
    first.get_by_role("link", name="Sekotong Barat").click()
    expect(page.locator("h1")).to_contain_text("Sekotong Barat")
    expect(page.locator("ul.parts")).to_contain_text("3 kejadian")
    page.locator("a[href^='/kejadian/']").first.click()
    expect(page.locator("main")).to_contain_text("Bentrokan")
    assert "/kejadian/" in page.url
    # Phone-sized: nothing wider than the screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
