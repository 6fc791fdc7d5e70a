"""In a real browser: a citizen reports without an account, an operator verifies and
assigns, the Bhabinkamtibmas settles by musyawarah, and the citizen sees "Selesai" with
their code. Sejuk runs as `make run` runs it; Chromium is Debian's, driven by Playwright."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "musyawarah-mufakat-9"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served"), setup_args=("--no-demo",)) as instance:
        instance.sejuk(
            "users",
            "create",
            "--username",
            "operator.lobar",
            "--unit",
            "Polres Lombok Barat",
            "--role",
            "operator",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
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
            "brigpol.budi",
            "--unit",
            "Polsek Gerung",
            "--role",
            "bhabinkamtibmas",
            "--name",
            "Budi Santoso",
            "--rank",
            "Brigpol",
            "--villages",
            "52.01.01.1001",
            "--password-stdin",
            stdin=PASSWORD + "\n",
        )
        yield instance


def test_a_citizens_report_is_verified_assigned_settled_and_seen_settled(browser, served):
    citizen = phone(browser)
    citizen.goto(served.url + "/lapor/")
    citizen.select_option("select[name=category]", "provokasi")
    citizen.fill(
        "textarea[name=description]",
        "Ada selebaran berisi hasutan antarkelompok ditempel di pos ronda dekat lapangan.",
    )
    citizen.fill("input[name=place_text]", "Desa Sekotong Barat, Kecamatan Sekotong")
    citizen.click("form button[type=submit]")
    code = citizen.locator("#kode").inner_text().strip()
    assert len(code) == 14

    operator = phone(browser)
    sign_in(operator, served, "operator.lobar", PASSWORD)
    operator.goto(served.url + "/laporan/?tampil=baru")
    operator.locator("ol.results a", has_text="Provokasi").first.click()
    expect(operator.locator("h1")).to_contain_text(code)
    operator.select_option("form[action$='/langkah/'] select[name=to]", "diverifikasi")
    operator.click("form[action$='/langkah/'] button[type=submit]")
    expect(operator.locator("ul.messages")).to_contain_text(
        f"Laporan {code} diverifikasi. Berikutnya: tugaskan kepada personel"
    )
    # The assign list asks the server as the operator types: an officer of another
    # Polsek appears without a page load, and the desa's own officer is found again.
    assignees = operator.locator("select#assignees")
    expect(assignees).to_contain_text("Bripka Andi Saputra — Polsek Sekotong")
    expect(assignees).not_to_contain_text("Budi Santoso")
    operator.fill("input[name=cari]", "santoso")
    expect(assignees).to_contain_text("Brigpol Budi Santoso — Polsek Gerung")
    expect(assignees).not_to_contain_text("Andi Saputra")
    operator.fill("input[name=cari]", "saputra")
    andi = assignees.locator("option", has_text="Andi Saputra")
    expect(andi).to_have_count(1)
    assignees.select_option(andi.get_attribute("value"))
    operator.click("form[action$='/tugaskan/'] button[type=submit]")
    expect(operator.locator("ul.messages")).to_contain_text(
        f"Laporan {code} ditugaskan kepada Bripka Andi Saputra (Polsek Sekotong). "
        "Tanggapan pertama sudah diberikan."
    )
    expect(operator.locator("dl.facts")).to_contain_text("Bripka Andi Saputra")

    officer = phone(browser)
    sign_in(officer, served, "bripka.andi", PASSWORD)
    officer.goto(served.url + "/laporan/?tampil=saya")
    officer.locator("ol.results a", has_text="Provokasi").first.click()
    officer.select_option("form[action$='/langkah/'] select[name=to]", "ditangani")
    officer.click("form[action$='/langkah/'] button[type=submit]")
    form = officer.locator("form[action$='/langkah/']")
    form.locator("select[name=to]").select_option("selesai")
    form.locator("select[name=settlement]").select_option("musyawarah")
    form.locator("input[name=parties]").fill("Pemuda Dusun Tawun dan pemuda dusun tetangga")
    form.locator("textarea[name=agreement]").fill(
        "Sepakat menurunkan selebaran dan menjaga kerukunan."
    )
    form.locator("button[type=submit]").click()
    expect(officer.locator("dl.facts")).to_contain_text("Musyawarah")

    citizen.goto(served.url + "/cek/")
    citizen.fill("input[name=kode]", code.lower().replace("-", " "))
    citizen.click("form button[type=submit]")
    expect(citizen.locator(".status")).to_contain_text("Selesai")
    expect(citizen.locator("main")).to_contain_text("Musyawarah")


def test_on_a_phone_each_checkbox_of_the_report_form_sits_beside_its_label(browser, served):
    citizen = phone(browser)
    citizen.goto(served.url + "/lapor/")
    for name in ("happening_now", "anonymous"):
        box = citizen.locator(f"input[name={name}]").bounding_box()
        label = citizen.locator(f"label[for=id_{name}]").bounding_box()
        assert box and label
        middle = box["y"] + box["height"] / 2
        assert label["y"] <= middle <= label["y"] + label["height"], name
        assert box["x"] + box["width"] <= label["x"], name


def report_something(page, served):
    page.goto(served.url + "/lapor/")
    page.select_option("select[name=category]", "hoaks")
    page.fill(
        "textarea[name=description]", "Beredar pesan berantai bahwa surat suara sudah dicoblos."
    )
    page.fill("input[name=place_text]", "Desa Sekotong Barat, Kecamatan Sekotong")
    page.click("form button[type=submit]")
    return page.locator("#kode").inner_text().strip()


def test_the_citizen_copies_the_code_and_can_send_it_on_whatsapp(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=served.url)
    citizen = context.new_page()
    code = report_something(citizen, served)
    expect(citizen.locator("#tanggapan")).to_contain_text("Petugas akan menanggapi")
    expect(citizen.locator("#tanggapan")).to_contain_text("(dalam 24 jam)")  # a hoax: biasa
    citizen.click("#salin")
    expect(citizen.locator("#salin-status")).to_have_text("Kode tersalin.")
    assert citizen.evaluate("navigator.clipboard.readText()") == code
    link = citizen.locator("#wa").get_attribute("href")
    assert link.startswith("https://wa.me/?text=") and code in link


def test_without_javascript_the_code_is_shown_large_and_selectable(browser, served):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, locale="id-ID", java_script_enabled=False
    )
    citizen = context.new_page()
    code = report_something(citizen, served)
    expect(citizen.locator("#salin")).to_be_hidden()  # nothing to press that cannot work
    box = citizen.locator("#kode")
    assert box.evaluate("el => getComputedStyle(el).userSelect") == "all"
    assert float(box.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 24
    box.click()  # one tap selects the whole code
    assert citizen.evaluate("window.getSelection().toString()").strip() == code
    expect(citizen.locator("#wa")).to_be_visible()


def test_a_report_that_cannot_be_sent_keeps_what_the_citizen_typed_and_sends_again(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    citizen = context.new_page()
    citizen.goto(served.url + "/lapor/")
    citizen.select_option("select[name=category]", "provokasi")
    words = "Spanduk berisi hasutan dipasang malam tadi di simpang tiga dekat pasar desa."
    citizen.fill("textarea[name=description]", words)
    citizen.fill("input[name=place_text]", "Desa Sekotong Barat, Kecamatan Sekotong")

    # The signal drops as the citizen sends: nothing is lost, and they may send again.
    context.set_offline(True)
    citizen.click("form button[type=submit]")
    expect(citizen.locator("#keep-status")).to_contain_text("belum terkirim")
    expect(citizen.locator("textarea[name=description]")).to_have_value(words)

    # A dropped connection mid-send, then the page closed and opened again.
    context.set_offline(False)
    citizen.route(
        "**/lapor/",
        lambda route: route.abort() if route.request.method == "POST" else route.continue_(),
    )
    citizen.click("form button[type=submit]")
    expect(citizen.locator("#keep-status button", has_text="Kirim lagi")).to_be_visible()
    citizen.unroute("**/lapor/")
    citizen.goto(served.url + "/lapor/")
    expect(citizen.locator("#keep-status")).to_contain_text("dipulihkan")
    expect(citizen.locator("textarea[name=description]")).to_have_value(words)

    citizen.click("form button[type=submit]")
    code = citizen.locator("#kode").inner_text().strip()
    assert len(code) == 14
    # Sent: the draft is gone, the next report starts empty.
    citizen.goto(served.url + "/lapor/")
    expect(citizen.locator("textarea[name=description]")).to_have_value("")
    context.close()
