"""In a real browser, on a cheap phone (360×740) and a desktop (1280×800): the demo
commander opens *Peta*, sees the desa of Polres Lombok Barat coloured with the demo
activities and reports on them, switches the colouring, taps a desa and follows its
card to the desa's activities; no request leaves Sejuk's own origin. Screenshots are left
in the test's temporary folder to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.browser import sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "peta-sejuk-lombok-9"
SIZES = {"phone": {"width": 360, "height": 740}, "desktop": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # `sejuk setup` as `make run` does it: the packaged boundaries and the demo Polres.
    with serve(tmp_path_factory.mktemp("served")) as instance:
        instance.sejuk(
            "shell",
            "-c",
            "from sejuk.accounts.models import User\n"
            "for u in User.objects.filter(username__in=['demo.pimpinan', 'demo.operator']):\n"
            f"    u.set_password('{PASSWORD}'); u.save()",
        )
        yield instance


def open_map(page: Page, served: Served, size: str) -> None:
    sign_in(page, served, "demo.pimpinan", PASSWORD)
    if size == "phone":
        page.click("summary[aria-controls=menu]")
    page.click("nav#menu >> text=Peta")
    expect(page.locator("#map")).to_have_attribute("data-ready", "1", timeout=20000)


def fills(page: Page) -> set[str]:
    return set(
        page.eval_on_selector_all(
            "#map path.region", "paths => paths.map(p => p.getAttribute('fill'))"
        )
    )


@pytest.mark.parametrize("size", SIZES)
def test_the_commander_reads_the_map_of_the_polres_and_reaches_a_desa(
    browser: Browser, served: Served, size: str, tmp_path: Path
):
    context = browser.new_context(viewport=SIZES[size], locale="id-ID")
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    open_map(page, served, size)

    # The desa of Polres Lombok Barat, coloured by tension, with the demo points.
    assert page.get_attribute("#map", "data-level") == "4"
    assert page.get_attribute("#map", "data-measure") == "kerawanan"
    assert page.locator("#map path.region").count() > 100
    tension = fills(page)
    assert tension, "desa coloured by their tension level"
    expect(page.locator("#map .marker-cluster").first).to_be_visible()
    legend = page.locator(".map-legend")
    if size == "phone":
        legend.locator("summary").click()
    expect(legend).to_contain_text("sangat rawan")
    page.screenshot(path=str(tmp_path / f"peta-{size}.png"))

    # Switched to coverage: days since the last visit.
    page.click("#map-settings > summary")
    page.select_option("select[name=measure]", "cakupan")
    expect(page.locator("#map")).to_have_attribute("data-measure", "cakupan")
    expect(legend).to_contain_text("belum pernah dikunjungi")
    coverage = fills(page)
    assert len(coverage) >= 2, "desa in different coverage classes"
    page.click("#map-settings > summary")

    # The colouring switched to the number of activities.
    page.click("#map-settings > summary")
    page.select_option("select[name=measure]", "kegiatan")
    expect(page.locator("#map")).to_have_attribute("data-measure", "kegiatan")
    expect(legend).to_contain_text("per desa")
    assert fills(page) != coverage
    # Points off, so a tap lands on a desa.
    for box in page.locator("input[name=kinds]").all():
        box.uncheck()
    expect(page.locator("#map")).to_have_attribute("data-ready", "1")
    page.click("#map-settings > summary")

    # A tap on a desa opens its card, named with its kecamatan and kabupaten.
    tapped = False
    for region in page.locator("#map path.region").all()[:40]:
        try:
            region.click(timeout=1000)
        except PlaywrightTimeout:  # covered by the legend or a control: try another desa
            continue
        tapped = True
        break
    assert tapped
    card = page.locator("#map-card")
    expect(card).to_be_visible()
    expect(card).to_contain_text("Kab. Lombok Barat")
    expect(card).to_contain_text("Kunjungan terakhir")
    page.screenshot(path=str(tmp_path / f"peta-{size}-kartu.png"))
    card.locator("a", has_text="Halaman desa").click()
    page.wait_for_url("**/desa/52.01.*/")
    expect(page.locator("body")).to_contain_text("Kab. Lombok Barat")

    outside = [u for u in requests if not u.startswith((served.url + "/", "data:", "blob:"))]
    assert outside == []
    context.close()


def test_an_officer_taps_the_place_of_an_activity_and_the_desa_fills_in(
    browser: Browser, served: Served
):
    page = browser.new_context(viewport=SIZES["phone"], locale="id-ID").new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    sign_in(page, served, "demo.operator", PASSWORD)
    page.goto(served.url + "/kegiatan/baru/")
    page.click("summary:has-text('Lokasi rinci')")
    picker = page.locator(".picker .small-map")
    expect(picker.locator("path").first).to_be_visible()
    # Tap the middle of a desa of the Polres: its point on the screen, from the map.
    page.wait_for_function("document.querySelector('.picker .leaflet-pane path')")
    box = picker.bounding_box()
    assert box is not None
    for fx, fy in ((0.75, 0.4), (0.5, 0.5), (0.3, 0.7), (0.6, 0.3), (0.4, 0.4)):
        page.mouse.click(box["x"] + box["width"] * fx, box["y"] + box["height"] * fy)
        expect(page.locator(".picker-status")).not_to_have_text("Mencari desa di titik ini…")
        if page.locator("input[name=region_code]").count():
            break
    code = page.input_value("input[name=region_code]")
    assert code.startswith("52.") and code.count(".") == 3
    assert page.input_value("#id_region").startswith("Desa ") or page.input_value(
        "#id_region"
    ).startswith("Kel. ")
    assert page.input_value("#id_lat") and page.input_value("#id_lng")
    expect(page.locator(".picker-status")).to_contain_text("Titik di ")
    outside = [u for u in requests if not u.startswith((served.url + "/", "data:", "blob:"))]
    assert outside == []


def test_an_activity_page_shows_its_place_on_a_small_map(browser: Browser, served: Served):
    page = browser.new_context(viewport=SIZES["phone"], locale="id-ID").new_page()
    sign_in(page, served, "demo.operator", PASSWORD)
    page.goto(served.url + "/kegiatan/")
    page.locator("ol.results a").first.click()
    small = page.locator(".small-map")
    expect(small.locator("path.leaflet-interactive, path").first).to_be_visible()
    expect(small.locator(".leaflet-marker-pane, .leaflet-overlay-pane").first).to_be_attached()


def test_a_citizen_s_gps_point_shows_on_a_map_and_names_the_desa(browser: Browser, served: Served):
    # The centre of Desa Sekotong Barat in the shipped boundaries.
    where = {"latitude": -8.74804, "longitude": 115.99327}
    context = browser.new_context(
        viewport=SIZES["phone"], locale="id-ID", geolocation=where, permissions=["geolocation"]
    )
    page = context.new_page()
    page.goto(served.url + "/lapor/")
    expect(page.locator(".picker")).to_be_hidden()
    page.click("#gps")
    picker = page.locator(".picker")
    expect(picker).to_be_visible()
    expect(page.locator("#id_lat")).to_have_value("-8.748040")
    expect(page.locator("#id_lng")).to_have_value("115.993270")
    expect(picker.locator(".picker-status")).to_contain_text("Titik di Desa Sekotong Barat")
    assert page.input_value("#id_region") == "52.01.07.2002"
    context.close()
