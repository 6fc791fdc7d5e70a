"""In a real browser, the page header of every role: on a cheap phone (360×740) one short
line (the brand, the most used page and "Menu") that opens to the whole menu, with or
without JavaScript; on a desktop one line with every link. Screenshots of each role's
home page at both sizes are left in the test's temporary folder to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "pendinginan-suasana-7"
PHONE_HEADER_MAX = 64  # px, closed: about a twelfth of the screen
DESKTOP = {"width": 1280, "height": 800}

# username -> the arguments of `sejuk users create` after it.
ROLES: dict[str, tuple[str, ...]] = {
    "admin.lobar": ("--unit", "Polres Lombok Barat", "--role", "admin"),
    "kapolres.lobar": ("--unit", "Polres Lombok Barat", "--role", "pimpinan"),
    "operator.lobar": ("--unit", "Polres Lombok Barat", "--role", "operator"),
    "humas.lobar": ("--unit", "Polres Lombok Barat", "--role", "humas"),
    "bripka.andi": (
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
    ),
}
PERSONAS = ("", *ROLES)  # "": a citizen without an account


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served"), setup_args=("--no-demo",)) as instance:
        for username, args in ROLES.items():
            instance.sejuk(
                "users",
                "create",
                "--username",
                username,
                *args,
                "--password-stdin",
                stdin=PASSWORD + "\n",
            )
        yield instance


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")


def home(page: Page, served: Served, username: str) -> Page:
    if username:
        sign_in(page, served, username, PASSWORD)
    page.goto(served.url + "/")
    return page


def height(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return box["height"]


def menu_items(page: Page) -> list[str]:
    return [t.strip() for t in page.locator("#menu a, #menu button").all_inner_texts() if t.strip()]


def assert_reachable(page: Page, width: int) -> None:
    """Every link and button of the menu is shown, inside the screen, and big enough for
    a thumb."""
    controls = page.locator("#menu a, #menu button")
    assert controls.count() >= 3
    for i in range(controls.count()):
        control = controls.nth(i)
        assert control.is_visible(), control.inner_text()
        box = control.bounding_box()
        assert box is not None
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, control.inner_text()
        assert box["height"] >= 40, control.inner_text()


@pytest.mark.parametrize("username", PERSONAS)
def test_on_a_phone_the_header_is_one_short_line_that_opens_to_the_whole_menu(
    browser: Browser, served: Served, shots: Path, username: str
):
    page = home(phone(browser), served, username)
    who = username or "warga"
    assert height(page, "header") <= PHONE_HEADER_MAX
    assert not page.locator("#menu").is_visible()
    assert page.locator("header .brand").is_visible()
    assert page.locator("header .quick").is_visible()
    # Nothing is wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path=shots / f"{who}-phone.png")

    page.locator("header summary").click()
    assert_reachable(page, 360)
    page.screenshot(path=shots / f"{who}-phone-menu.png", full_page=True)
    if username:
        assert f"Keluar ({username})" in menu_items(page)

    page.locator("header summary").click()
    assert not page.locator("#menu").is_visible()


@pytest.mark.parametrize("username", ["", "operator.lobar"])
def test_the_phone_menu_opens_without_javascript(browser: Browser, served: Served, username):
    page = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False
    ).new_page()
    home(page, served, username)
    assert height(page, "header") <= PHONE_HEADER_MAX
    page.locator("header summary").click()
    assert_reachable(page, 360)


@pytest.mark.parametrize("username", PERSONAS)
def test_on_a_desktop_the_whole_menu_fits_one_line_without_a_toggle(
    browser: Browser, served: Served, shots: Path, username: str
):
    page = home(browser.new_context(viewport=DESKTOP).new_page(), served, username)
    assert not page.locator("header summary").is_visible()
    assert not page.locator("header .quick").is_visible()
    assert_reachable(page, DESKTOP["width"])
    assert height(page, "header") <= PHONE_HEADER_MAX
    page.screenshot(path=shots / f"{username or 'warga'}-desktop.png")


def test_the_phone_and_the_desktop_offer_the_same_pages(browser: Browser, served: Served):
    small = home(phone(browser), served, "operator.lobar")
    small.locator("header summary").click()
    wide = home(browser.new_context(viewport=DESKTOP).new_page(), served, "operator.lobar")
    assert menu_items(small) == menu_items(wide)
    assert small.locator("header .quick").inner_text() in menu_items(small)


def test_on_a_desktop_a_table_of_cards_is_a_table(browser: Browser, served: Served):
    """Tables that become cards on a phone (audit log, tokens, leaders) keep their columns
    on a desktop: each heading above its cells."""
    page = home(browser.new_context(viewport=DESKTOP).new_page(), served, "admin.lobar")
    for path in ("/audit/", "/akun/token/", "/tokoh/"):
        page.goto(served.url + path)
        headings = page.locator("table.cards thead th")
        cells = page.locator("table.cards tbody tr").first.locator("td")
        for i in range(min(headings.count(), cells.count())):
            heading, cell = headings.nth(i).bounding_box(), cells.nth(i).bounding_box()
            assert heading and cell
            assert abs(heading["x"] - cell["x"]) < 1, (path, i)
            assert cell["y"] >= heading["y"] + heading["height"] - 1, (path, i)
