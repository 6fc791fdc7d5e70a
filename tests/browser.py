"""Driving Debian's headless Chromium with Playwright, for the browser journeys."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.served import Served

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@contextmanager
def chromium() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (.ci/run does)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
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
