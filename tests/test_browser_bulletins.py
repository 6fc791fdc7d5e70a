"""Bulletins in a served Sejuk: Humas turns the seed-style patrol into a release on a
phone, edits it and downloads the DOCX, and finds the Polres's morning report that the
scheduler of `sejuk serve` made without anyone asking; and two `sejuk bulletin run-due`
processes racing for the same morning make each report once."""

from __future__ import annotations

import json
import subprocess
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.browser import phone, sign_in
from tests.served import REPO, SEJUK, Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "rilis-pagi-sejuk-7"
SEED = (
    "Giat patroli dialogis cooling system di Dsn. Tawun Ds. Sekotong Barat, 3 pers, "
    "situasi aman kondusif"
)


def user(instance: Served, username: str, unit: str, role: str, *extra: str) -> None:
    instance.sejuk(
        "users", "create", "--username", username, "--unit", unit, "--role", role, *extra,
        "--password-stdin", stdin=PASSWORD + "\n",
    )  # fmt: skip


def api(served: Served, token: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(
        served.url + path,
        data=json.dumps(body).encode() if body is not None else None,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    # The demo data gives Polres Lombok Barat its users; from hour 0 its report of
    # yesterday is due at once, so the scheduler makes it as the server starts.
    env = {"SEJUK_BULLETIN_SCHEDULE": "1", "SEJUK_DAILY_REPORT_HOUR": "0"}
    with serve(tmp_path_factory.mktemp("served"), extra_env=env) as instance:
        user(instance, "humas.lobar", "Polres Lombok Barat", "humas")
        user(
            instance, "bripka.andi", "Polsek Sekotong", "bhabinkamtibmas", "--name", "Andi",
            "--rank", "Bripka", "--villages", "52.01.07.2002",
        )  # fmt: skip
        instance.sejuk(
            "units", "commander", "Polres Lombok Barat", "--name", "Bambang Wiratama",
            "--rank", "AKBP",
        )  # fmt: skip
        yield instance


@pytest.fixture(scope="module")
def patrol(served: Served) -> int:
    """The seed-style patrol, logged as the officer's phone logs it: the pasted message is
    read, then saved with the time the officer adds."""
    out = served.sejuk("users", "token", "bripka.andi", "--name", "uji")
    token = out.rsplit(":", 1)[1].strip()
    values = api(served, token, "/api/activities/read", {"text": SEED})["values"]
    payload = {
        "region": values["region"],
        "dusun": values.get("dusun", ""),
        # The form's default when the message names no day: today where the officer is.
        "date": values.get("date") or str(datetime.now(ZoneInfo("Asia/Makassar")).date()),
        "start_time": "16:30",
        "types": values["types"],
        "summary": values["summary"],
        "situation": values.get("situation", ""),
        "personnel_count": values.get("personnel_count"),
        "raw_text": SEED,
    }
    return int(api(served, token, "/api/activities", payload)["id"])


def test_humas_turns_the_patrol_into_a_release_in_one_click_and_downloads_it(
    browser, served, patrol, tmp_path
):
    page = phone(browser)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, served, "humas.lobar", PASSWORD)
    page.goto(f"{served.url}/kegiatan/{patrol}/")
    page.click("text=Buat rilis")

    expect(page.locator("h1")).to_have_text("Rilis pers")
    body = page.locator("textarea[name=body]")
    text = body.input_value()
    assert text.startswith("Lombok Barat, NTB – Personel Polsek Sekotong Polres Lombok Barat")
    assert "Dusun Tawun, Desa Sekotong Barat, Kecamatan Sekotong" in text
    assert "pukul 16.30 WITA" in text and "terpantau aman dan kondusif" in text
    assert "Kapolres Lombok Barat AKBP Bambang Wiratama" in text
    assert "Giat" not in text  # the field shorthand stays beside the draft
    page.screenshot(path=str(tmp_path / "release-editor.png"), full_page=True)

    edited = text.replace("[tulis kutipan pimpinan di sini]", "Terima kasih kepada warga.")
    body.fill(edited)
    page.click("#copy")
    expect(page.locator("#copy-status")).to_have_text("Teks tersalin.")
    with page.expect_download() as download:
        page.click("button[value=docx]")
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("rilis-") and saved.suffix == ".docx"
    paragraphs = [p.text for p in Document(saved).paragraphs if p.text.strip()]
    assert any("“Terima kasih kepada warga.” ujar Kapolres" in p for p in paragraphs)
    assert errors == []


def test_the_polres_finds_its_morning_report_without_asking(browser, served):
    page = phone(browser)
    sign_in(page, served, "humas.lobar", PASSWORD)
    page.goto(served.url + "/buletin/")
    # The scheduler started with the server; give it the time a cold start needs.
    for _ in range(90):
        if page.locator("ol.bulletins a", has_text="PDF").count():
            break
        page.wait_for_timeout(1000)
        page.reload()
    entry = page.locator("ol.bulletins li", has_text="Polres Lombok Barat").first
    expect(entry).to_contain_text("kegiatan")
    with page.expect_download() as download:
        entry.locator("a", has_text="PDF").click()
    pdf = PdfReader(download.value.path())
    text = pdf.pages[0].extract_text()
    assert "LAPORAN SITUASI HARIAN" in text and "Polres Lombok Barat" in text


def test_two_processes_racing_for_the_same_morning_make_each_report_once(served):
    day = date(2024, 12, 8)
    racers = [
        subprocess.Popen(
            [SEJUK, "bulletin", "run-due", "--date", str(day)],
            env=served.env,
            cwd=REPO,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [racer.communicate(timeout=300) for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0], outputs
    rows = served.sejuk(
        "shell",
        "--no-imports",
        "-c",
        "from sejuk.bulletins.models import Bulletin; "
        f"[print(b.unit.name, b.state, bool(b.pdf), bool(b.docx)) for b in "
        f"Bulletin.objects.filter(day='{day}').order_by('unit__name')]",
    ).splitlines()
    assert rows and len(rows) == len(set(rows))
    assert all(row.endswith("siap True True") for row in rows), rows
    made = sum(int(out.split("Laporan pagi: ")[1].split(" dibuat")[0]) for out, _ in outputs)
    assert made == len(rows)  # every report made once, by one of the two
