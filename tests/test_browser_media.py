"""In a real browser: the cyber patrol's review. A fake outlet on the loopback address
serves a feed; `sejuk media poll` takes it in; an operator opens /media/, sees the
republished release as one story with its signals and their words, opens it and confirms
a signal. Sejuk runs as `make run` runs it; Chromium is Debian's, driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.media.outlets import lombok_outlet, outlet
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "patroli-siber-aman-7"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    env = {"SEJUK_FEEDS_SCHEDULE": "0", "SEJUK_FEEDS_HOST_DELAY_MS": "0"}
    with (
        outlet() as fake,
        serve(
            tmp_path_factory.mktemp("served"), setup_args=("--no-demo",), extra_env=env
        ) as instance,
    ):
        instance.sejuk(
            "users",
            "create",
            "--username",
            "siber.lobar",
            "--unit",
            "Polres Lombok Barat",
            "--role",
            "operator",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        feed = lombok_outlet(fake)
        instance.sejuk(
            "shell",
            "-c",
            "from sejuk.media.models import Source; "
            f"Source.objects.create(name='Kabar Lombok', feed_url='{feed}', checked=True)",
        )
        said = instance.sejuk("media", "poll")
        assert "3 artikel baru" in said
        yield instance


def test_an_operator_confirms_a_signal_of_a_republished_story(served: Served, browser) -> None:
    page = phone(browser)
    sign_in(page, served, "siber.lobar", PASSWORD)
    page.goto(served.url + "/media/")
    row = page.locator("tr", has_text="geruduk kantor panitia")
    expect(row).to_contain_text("Ajakan pengerahan massa")
    expect(row).to_contain_text("Kabar Lombok")
    row.get_by_role("link").click()
    expect(page.locator("h1")).to_contain_text("geruduk")
    expect(page.locator("h2", has_text="Sumber")).to_contain_text("(2)")
    signal = page.locator("#sinyal tr", has_text="Ajakan pengerahan massa")
    expect(signal).to_contain_text("«geruduk»")
    signal.get_by_role("button", name="Benar").click()
    expect(page.locator(".messages")).to_contain_text("dikonfirmasi")
    expect(page.locator("#sinyal tr", has_text="Ajakan pengerahan massa")).to_contain_text(
        "Dikonfirmasi oleh siber.lobar"
    )


def test_an_operator_logs_an_activity_the_news_reported(served: Served, browser) -> None:
    from tests.media.test_unlogged_activities import ACTIVITY, URL

    code = (
        "from sejuk.media.intake import take_in; from sejuk.media.reading import Incoming; "
        f"take_in(Incoming(text={ACTIVITY!r}, channel='tempel', url={URL!r}, "
        "title='Polsek Sekotong gelar Cooling System'))"
    )
    served.sejuk("shell", "-c", code)
    page = phone(browser)
    sign_in(page, served, "siber.lobar", PASSWORD)
    page.goto(served.url + "/media/?belum_tercatat=1")
    row = page.locator("tr", has_text="Polsek Sekotong gelar Cooling System")
    row.get_by_role("link", name="Catat sebagai kegiatan").click()
    expect(page.get_by_text("Dari berita")).to_be_visible()
    expect(page.locator("[name=date]")).to_have_value("2024-12-09")
    expect(page.locator("[name=summary]")).to_contain_text(f"Sumber berita: {URL}")
    page.fill("[name=start_time]", "09:00")
    page.get_by_role("button", name="Simpan kegiatan").click()
    expect(page.locator(".messages")).to_contain_text("tersimpan dan ditautkan")
    expect(page.locator("h1")).to_contain_text("Cooling System")
    expect(page.locator("#kegiatan-belum-tercatat")).to_have_count(0)
