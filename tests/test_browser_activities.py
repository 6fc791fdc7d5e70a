"""In a real browser on a phone-sized screen: a Bhabinkamtibmas pastes the message they
already wrote, corrects one field, saves, and finds the activity in the list and in the
Polres recap. Sejuk runs as `make run` runs it (tests/served.py); Chromium is Debian's,
driven by Playwright."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "patroli-sore-2024"
MESSAGE = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat, 3 pers, "
    "situasi aman kondusif"
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Served:
    with serve(tmp_path_factory.mktemp("served")) as instance:
        instance.sejuk(
            "users",
            "create",
            "--username",
            "bripka.andi",
            "--unit",
            "Polsek Sekotong",
            "--role",
            "bhabinkamtibmas",
            "--name",
            "Andi Saputra",
            "--rank",
            "Bripka",
            "--villages",
            "52.01.07.2002",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        instance.sejuk(
            "users",
            "create",
            "--username",
            "kapolres",
            "--unit",
            "Polres Lombok Barat",
            "--role",
            "pimpinan",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        yield instance


def test_an_officer_logs_a_patrol_from_a_pasted_message_on_a_phone(browser, served, tmp_path):
    page = phone(browser)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, served, "bripka.andi", PASSWORD)

    page.goto(served.url + "/kegiatan/baru/")
    page.fill("textarea[name=text]", MESSAGE)
    page.click("button[value=baca]")

    # The reader filled the form and marked the words it used.
    expect(page.locator("mark", has_text="Sekotong Barat")).to_be_visible()
    expect(page.locator("input[name=region]")).to_have_value("52.01.07.2002")
    expect(page.locator("input[name=dusun]")).to_have_value("Tawun")
    expect(page.locator("input[name=types][value=patroli_dialogis]")).to_be_checked()
    expect(page.locator("input[name=situation][value=kondusif]")).to_be_checked()

    # The officer corrects one field and completes the time, then saves.
    page.fill("input[name=personnel_count]", "3")
    page.fill("input[name=start_time]", "16:30")
    page.click("button[value=simpan]")

    expect(page.locator("h1")).to_contain_text("Patroli dialogis")
    expect(page.locator("dl.facts")).to_contain_text("16.30")
    expect(page.locator("dl.facts")).to_contain_text("WITA")
    expect(page.locator("dl.facts")).to_contain_text("Sekotong Barat")
    detail_url = page.url
    page.screenshot(path=str(tmp_path / "detail.png"), full_page=True)

    page.goto(served.url + "/kegiatan/?sumber=text")
    expect(page.locator("ol.results li").first).to_contain_text("Sekotong Barat")
    page.locator("ol.results a").first.click()
    assert page.url == detail_url
    assert errors == []


def test_the_commander_sees_it_in_the_polres_recap_and_coverage(browser, served):
    page = phone(browser)
    sign_in(page, served, "kapolres", PASSWORD)
    page.goto(served.url + "/kegiatan/rekap/")
    expect(page.locator("h1")).to_contain_text("Polres Lombok Barat")
    row = page.locator("table.recap tr", has_text="Polsek Sekotong")
    expect(row).to_be_visible()
    assert int(row.locator("td").last.inner_text()) >= 1
    coverage = page.locator("main").inner_text()
    assert re.search(r"\d+ dari 122 desa/kelurahan dijangkau", coverage)
    expect(page.locator("svg.chart")).to_be_visible()
