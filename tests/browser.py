"""Driving Debian's headless Chromium with Playwright, for the browser journeys."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import requires_program
from tests.served import Served

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def chromium() -> Iterator[Browser]:
    # Debian's Chromium, driven by Playwright, which never downloads a browser of its own.
    executable = requires_program("chromium", "chromium")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def phone(browser: Browser) -> Page:
    """A fresh page the size of a cheap Android phone."""
    return browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID").new_page()


def sign_in(page: Page, served: Served, username: str, password: str) -> None:
    page.goto(served.url + "/masuk/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    expect(page.locator("header")).to_contain_text(f"Keluar ({username})")
