"""The patrol plan in a served Sejuk with the demo Polres, on a phone: the demo commander
asks for a plan for 3 teams for tomorrow, reads each team's route with its reasons,
publishes it, and finds the stops among the activity plans (*Rencana kegiatan*)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "patroli-tiga-tim-16"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # `sejuk setup` as `make run` does it: the packaged boundaries and the demo Polres.
    with serve(tmp_path_factory.mktemp("served")) as instance:
        instance.sejuk(
            "shell",
            "-c",
            "from sejuk.accounts.models import User\n"
            "u = User.objects.get(username='demo.pimpinan')\n"
            f"u.set_password('{PASSWORD}'); u.save()",
        )
        yield instance


def test_the_demo_commander_plans_three_teams_for_tomorrow_and_publishes(
    browser: Browser, served: Served, tmp_path: Path
):
    page = phone(browser)
    sign_in(page, served, "demo.pimpinan", PASSWORD)
    page.click("summary[aria-controls=menu]")
    page.click("nav#menu >> text=Patroli")
    expect(page.locator("h1")).to_have_text("Rencana patroli")
    # The defaults are the request: the commander's Polres, tomorrow, 3 teams, 6 hours.
    expect(page.locator("input[name=teams]")).to_have_value("3")
    page.click("button:has-text('Susun rencana')")

    teams = page.locator("section.team")
    expect(teams).to_have_count(3)
    for n in range(3):
        route = teams.nth(n).locator("ol.route > li")
        assert route.count() >= 2, f"team {n + 1} has a route"
        expect(route.first.locator("a[href^='/desa/']")).to_be_visible()
        expect(route.first.locator("ul.reasons li").first).to_be_visible()
    expect(page.locator("section.left-out")).to_contain_text("melebihi anggaran waktu")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=str(tmp_path / "rencana-patroli.png"))
    first_desa = teams.nth(0).locator("ol.route > li a[href^='/desa/']").first.inner_text()

    page.click("button:has-text('Terbitkan rencana')")
    expect(page.locator("ul.messages")).to_contain_text("Rencana diterbitkan")
    expect(page.locator("button:has-text('Terbitkan rencana')")).to_have_count(0)

    page.click("a:has-text('cetak / salin untuk WhatsApp') >> nth=0")
    expect(page.locator("#wa-text")).to_contain_text(first_desa)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(served.url + "/kegiatan/rencana/")
    expect(page.locator("main")).to_contain_text(f"Patroli tim 1 (1): {first_desa}")
