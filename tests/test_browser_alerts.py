"""In a real browser on a phone: a citizen reports something happening right now (a
darurat report); the desa's Bhabinkamtibmas sees the bell count it, opens the alert,
follows its link and marks it handled; the Polres operator then sees who handled it.
The alert is raised and delivered by the background runner of `sejuk serve`."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import expect

from tests.browser import phone, sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "peringatan-dini-5"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served"), setup_args=("--no-demo",)) as instance:
        for username, args in {
            "operator.lobar": ("--unit", "Polres Lombok Barat", "--role", "operator"),
            "bripka.andi": (
                "--unit",
                "Polsek Sekotong",
                "--role",
                "bhabinkamtibmas",
                "--name",
                "Andi Saputra",
                "--villages",
                "52.01.07.2002",
            ),
        }.items():
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


def test_a_darurat_report_rings_the_bell_and_is_handled_on_a_phone(browser, served):
    citizen = phone(browser)
    citizen.goto(served.url + "/lapor/")
    citizen.select_option("select[name=category]", "bentrokan")
    citizen.fill(
        "textarea[name=description]",
        "Dua kelompok pemuda saling lempar batu di dekat lapangan desa, warga ketakutan.",
    )
    citizen.fill("input[name=place_text]", "Desa Sekotong Barat, Kecamatan Sekotong")
    citizen.check("input[name=happening_now]")
    citizen.click("form button[type=submit]")
    code = citizen.locator("#kode").inner_text().strip()

    officer = phone(browser)
    sign_in(officer, served, "bripka.andi", PASSWORD)
    bell = officer.locator("header a.bell")
    for _ in range(30):  # the runner raises it within seconds of the report
        if bell.locator(".count").count():
            break
        officer.wait_for_timeout(1000)
        officer.reload()
    expect(bell.locator(".count")).to_have_text("1")
    assert bell.bounding_box()["y"] < 60  # in the closed header's one line
    bell.click()
    alert = officer.locator("li.alert").first
    expect(alert).to_contain_text(f"Laporan darurat {code}")
    expect(officer.locator("header a.bell .count")).to_have_count(0)  # read now
    alert.locator("button", has_text="Sudah ditangani").click()
    expect(officer.locator("ul.messages")).to_contain_text("ditandai sudah ditangani")
    officer.locator("li.alert a", has_text="Lihat").first.click()
    expect(officer.locator("h1")).to_contain_text(code)

    operator = phone(browser)
    sign_in(operator, served, "operator.lobar", PASSWORD)
    operator.goto(served.url + "/peringatan/")
    expect(operator.locator("li.alert").first).to_contain_text("Sudah ditangani oleh bripka.andi")
