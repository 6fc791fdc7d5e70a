"""In a real browser on a phone-sized screen: a Bhabinkamtibmas pastes the message they
already wrote and saves it as read, without typing; finds the activity in the list and in
the Polres recap; changes one thing later and only that thing changes. The form is in
parts with the rarely used ones folded. Sejuk runs as `make run` runs it
(tests/served.py); Chromium is Debian's, driven by Playwright."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "patroli-sore-2024"
MESSAGE = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat kemarin "
    "pkl 09.30 Wita, 3 pers.\nSituasi aman kondusif"
)
SEKOTONG_BARAT = "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"


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

    # The reader filled the form and marked the words it used; the desa is named, its
    # code only in small grey text; the time read is in the time box.
    expect(page.locator("mark", has_text="Sekotong Barat")).to_be_visible()
    expect(page.locator("input[name=start_time]")).to_have_value("09:30")
    expect(page.locator("input[name=region]")).to_have_value(SEKOTONG_BARAT)
    expect(page.locator("input[name=dusun]")).to_have_value("Tawun")
    expect(page.locator("input[name=personnel_count]")).to_have_value("3")
    expect(page.locator("input[name=types][value=patroli_dialogis]")).to_be_checked()
    expect(page.locator("input[name=situation][value=kondusif]")).to_be_checked()

    # Saved as read, in one go, with no typing.
    page.click("button[value=simpan]")

    expect(page.locator("h1")).to_contain_text("Patroli dialogis")
    expect(page.locator("dl.facts")).to_contain_text("pukul 09.30 WITA")
    expect(page.locator("dl.facts")).to_contain_text(SEKOTONG_BARAT)
    detail_url = page.url
    page.screenshot(path=str(tmp_path / "detail.png"), full_page=True)

    page.goto(served.url + "/kegiatan/?sumber=text")
    expect(page.locator("ol.results li").first).to_contain_text("Sekotong Barat")
    page.locator("ol.results a").first.click()
    assert page.url == detail_url
    assert errors == []


def test_changing_one_thing_later_changes_only_that_thing(browser, served):
    page = phone(browser)
    sign_in(page, served, "bripka.andi", PASSWORD)
    page.goto(served.url + "/kegiatan/?sumber=text")
    page.locator("ol.results a").first.click()
    detail_url = page.url

    # The warga who came, with their count, in the folded part of the form.
    page.click("a:text('Ubah')")
    page.click("summary:text('Peserta dan jumlahnya')")
    page.check("input[name=participants][value=warga]")
    page.fill("input[name=jumlah_warga]", "12")
    page.click("button[value=simpan]")
    expect(page.locator("dl.facts")).to_contain_text("Warga (12)")

    # Then only the number of officers: the start time, the counts, the text stay.
    page.click("a:text('Ubah')")
    expect(page.locator("input[name=start_time]")).to_have_value("09:30")
    expect(page.locator("input[name=jumlah_warga]")).to_have_value("12")
    page.fill("input[name=personnel_count]", "4")
    page.fill("input[name=reason]", "satu personel menyusul")
    page.click("button[value=simpan]")
    assert page.url == detail_url
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text("Warga (12)")
    expect(facts).to_contain_text("pukul 09.30 WITA")
    last = page.locator("ol.history > li").last
    expect(last).to_contain_text("satu personel menyusul")
    assert last.locator("li").all_inner_texts() == ["Jumlah personel: 3 → 4"]


def test_the_form_is_short_on_a_phone_in_parts_with_required_fields_marked(
    browser, served, tmp_path
):
    page = phone(browser)
    sign_in(page, served, "bripka.andi", PASSWORD)
    page.goto(served.url + "/kegiatan/baru/")
    form = "document.querySelector('form.activity')"
    folded = page.evaluate(f"{form}.getBoundingClientRect().height")
    page.screenshot(path=str(tmp_path / "form.png"), full_page=True)
    # Nothing runs wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate(f"{form}.querySelectorAll('details').forEach(d => d.open = true)")
    unfolded = page.evaluate(f"{form}.getBoundingClientRect().height")
    assert folded < 0.7 * unfolded, (folded, unfolded)
    assert folded < 2400, folded

    legends = page.locator("form.activity fieldset.part > legend").all_inner_texts()
    assert legends == ["Apa yang dilakukan", "Kapan dan di mana", "Siapa", "Hasil dan situasi"]
    for name in ("types", "summary", "date", "start_time", "region"):
        label = page.locator(f"form.activity .field:has([name={name}]) > label").first
        expect(label.locator("abbr.required")).to_have_attribute("title", "wajib diisi")
    # Nothing required is hidden in a fold.
    assert page.locator("form.activity details [required]").count() == 0


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
