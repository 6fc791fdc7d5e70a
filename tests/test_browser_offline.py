"""In a real browser on a phone-sized screen with the network switched off and on
(Playwright's offline mode): the demo Bhabinkamtibmas opens the activity form, loses the
signal, logs two activities (one with a photo) and one the server will refuse, reloads
the page with no signal, and when the signal returns each arrives once, the refused one
shows its reason and is fixed and resent; a send cut off after the server got it makes
no second record; an edit made offline that meets a newer version shows both. Sejuk
runs as `make run` runs it (tests/served.py); Chromium is Debian's."""

from __future__ import annotations

import io
import json
import time
from collections.abc import Iterator

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Page, Route, expect

from tests.browser import sign_in
from tests.served import Served, serve

pytestmark = pytest.mark.browser
PASSWORD = "tanpa-sinyal-dusun-7"
OUTSIDE = "52.02.02.2001"  # a desa of Kabupaten Lombok Tengah, outside Polres Lombok Barat


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serve(tmp_path_factory.mktemp("served")) as instance:
        instance.sejuk(
            "shell",
            "-c",
            "from sejuk.accounts.models import User\n"
            "u = User.objects.get(username='demo.bhabin')\n"
            f"u.set_password('{PASSWORD}'); u.save()",
        )
        yield instance


def query(served: Served, code: str) -> object:
    """What the server holds, read by a Python snippet that prints JSON."""
    out = served.sejuk("shell", "-c", "import json\n" + code)
    return json.loads(out.strip().splitlines()[-1])


def villages(served: Served) -> list[str]:
    return query(  # type: ignore[return-value]
        served,
        "from sejuk.accounts.models import User\n"
        "o = User.objects.get(username='demo.bhabin').officer\n"
        "print(json.dumps(sorted(o.villages.values_list('code', flat=True))))",
    )


def sent(served: Served, summary: str) -> list[list[int]]:
    """Each activity of that summary: its id and its number of photos."""
    return query(  # type: ignore[return-value]
        served,
        "from django.db.models import Count\n"
        "from sejuk.activities.models import Activity\n"
        f"qs = Activity.objects.filter(summary={summary!r}).annotate(n=Count('photos'))\n"
        "print(json.dumps([[a.pk, a.n] for a in qs]))",
    )


def photo_file() -> dict[str, object]:
    out = io.BytesIO()
    Image.new("RGB", (1200, 900), (40, 120, 90)).save(out, "JPEG")
    return {"name": "sambang.jpg", "mimeType": "image/jpeg", "buffer": out.getvalue()}


def phone_context(browser) -> BrowserContext:  # type: ignore[no-untyped-def]
    return browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")


def ready_offline(page: Page) -> None:
    """Wait until the service worker has kept the field pages on the phone."""
    for _ in range(100):
        kept = page.evaluate(
            "() => navigator.serviceWorker.ready.then(() => caches.open('sejuk-halaman'))"
            ".then(c => c.keys()).then(k => k.map(r => new URL(r.url).pathname))"
        )
        if "/kegiatan/baru/" in kept and "/kegiatan/kotak-keluar/" in kept:
            return
        time.sleep(0.2)
    raise AssertionError(f"field pages not kept: {kept}")


def log(page: Page, region: str, summary: str, *, photo: bool = False) -> None:
    page.fill("input[name=region]", region)
    page.fill("input[name=start_time]", "09:30")
    page.check("input[name=types][value=sambang]")
    page.fill("textarea[name=summary]", summary)
    if photo:
        page.set_input_files("input[name=photo]", files=[photo_file()])
    page.click("button[value=simpan]")
    expect(page.locator("#outbox-status")).to_contain_text("tersimpan di ponsel")


def test_activities_logged_offline_arrive_once_when_the_signal_returns(browser, served):
    desa = villages(served)
    context = phone_context(browser)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    sign_in(page, served, "demo.bhabin", PASSWORD)
    page.goto(served.url + "/kegiatan/baru/")
    ready_offline(page)

    context.set_offline(True)
    page.reload()
    expect(page.locator("h1")).to_have_text("Kegiatan baru")
    log(page, desa[0], "Sambang pos kamling tanpa sinyal", photo=True)
    log(page, desa[-1], "Sambang tokoh agama tanpa sinyal")
    log(page, OUTSIDE, "Sambang di luar wilayah")
    expect(page.locator("#outbox-badge .count")).to_have_text("3")

    # Still there after a reload with no signal.
    page.reload()
    expect(page.locator("#outbox-badge .count")).to_have_text("3")
    assert sent(served, "Sambang pos kamling tanpa sinyal") == []

    # The first send reaches the server, but its answer is lost on the way back.
    cut: list[str] = []

    def lose_the_answer(route: Route) -> None:
        if not cut:
            route.fetch()
            cut.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/kegiatan/kirim/", lose_the_answer)
    context.set_offline(False)
    page.goto(served.url + "/kegiatan/kotak-keluar/")
    page.click("#outbox-send")
    items = page.locator("#outbox-list li")
    expect(items.filter(has_text="terkirim")).to_have_count(2, timeout=30_000)
    refused = items.filter(has_text="Sambang di luar wilayah")
    expect(refused).to_contain_text("ditolak")
    expect(refused.locator(".reason")).to_contain_text("di luar")
    assert cut, "the first send was not cut off"

    assert [n for _, n in sent(served, "Sambang pos kamling tanpa sinyal")] == [1]
    assert [n for _, n in sent(served, "Sambang tokoh agama tanpa sinyal")] == [0]
    assert sent(served, "Sambang di luar wilayah") == []
    expect(page.locator("#outbox-badge .count")).to_have_text("1")

    # Fixed and sent again: it arrives, once.
    page.unroute("**/kegiatan/kirim/")
    refused.locator("a", has_text="Perbaiki").click()
    expect(page.locator("input[name=region]")).to_have_value(OUTSIDE)
    page.fill("input[name=region]", desa[0])
    page.click("button[value=simpan]")
    expect(page.locator("h1")).to_contain_text("Sambang")
    assert len(sent(served, "Sambang di luar wilayah")) == 1
    page.goto(served.url + "/kegiatan/kotak-keluar/")
    expect(page.locator("#outbox-badge")).to_be_hidden()
    assert errors == []
    context.close()


def test_an_edit_made_offline_over_a_newer_version_shows_both(browser, served):
    desa = villages(served)
    (made,) = query(
        served,
        "from sejuk.accounts.access import viewer_for\n"
        "from sejuk.accounts.models import User\n"
        "from sejuk.activities import services\n"
        "import datetime as dt\n"
        "v = viewer_for(User.objects.get(username='demo.bhabin'))\n"
        "a = services.create_activity(v, services.ActivityInput(region="
        f"'{desa[0]}', date=dt.date.today(), start_time=dt.time(8), types=['sambang'], "
        "summary='Versi pertama'))\n"
        "print(json.dumps([a.pk]))",
    )
    context = phone_context(browser)
    page = context.new_page()
    sign_in(page, served, "demo.bhabin", PASSWORD)
    page.goto(f"{served.url}/kegiatan/{made}/ubah/")
    context.set_offline(True)
    # Meanwhile, at the Polsek, someone else saves a change.
    query(
        served,
        "from sejuk.accounts.access import viewer_for\n"
        "from sejuk.accounts.models import User\n"
        "from sejuk.activities import services\n"
        "from django.db import transaction\n"
        "v = viewer_for(User.objects.get(username='demo.operator'))\n"
        "with transaction.atomic():\n"
        f"    services.update_activity(v, {made}, services.ActivityInput(summary='Versi kantor'))\n"
        "print(json.dumps(1))",
    )
    page.fill("textarea[name=summary]", "Versi ponsel")
    page.click("button[value=simpan]")
    expect(page.locator("#outbox-status")).to_contain_text("tersimpan di ponsel")

    context.set_offline(False)
    page.goto(served.url + "/kegiatan/kotak-keluar/")
    item = page.locator("#outbox-list li", has_text="Versi ponsel")
    expect(item).to_contain_text("bertabrakan", timeout=30_000)
    expect(item.locator("table")).to_contain_text("Versi kantor")
    expect(item.locator("table")).to_contain_text("Versi ponsel")
    item.locator("button", has_text="Pakai versi saya").click()
    expect(item).to_contain_text("terkirim", timeout=30_000)
    assert sent(served, "Versi ponsel") and not sent(served, "Versi kantor")
    context.close()


def sign_out(page: Page) -> None:
    button = page.locator("header button", has_text="Keluar")
    if not button.is_visible():
        page.click("header summary:text('Menu')")  # folded on a phone
    button.click()


def test_a_message_pasted_offline_is_read_on_arrival_and_signing_out_warns_first(browser, served):
    (name,) = query(
        served,
        "from sejuk.regions.models import Region\n"
        f"print(json.dumps([Region.objects.get(code='{villages(served)[0]}').name]))",
    )
    context = phone_context(browser)
    page = context.new_page()
    sign_in(page, served, "demo.bhabin", PASSWORD)
    page.goto(served.url + "/kegiatan/baru/")
    ready_offline(page)
    context.set_offline(True)
    page.reload()

    # The reader needs the server: with no signal the message is kept, to be read later.
    message = (
        f"Kemarin pukul 19.30 WITA sambang ke pos kamling Desa {name} bersama "
        "tokoh agama, situasi kondusif"
    )
    page.fill("textarea[name=text]", message)
    page.click("button[value=baca]")
    expect(page.locator("#outbox-status")).to_contain_text("dibaca server saat kegiatan terkirim")
    page.click("button[value=simpan]")
    expect(page.locator("#outbox-status")).to_contain_text("tersimpan di ponsel")
    log(page, OUTSIDE, "Menunggu saat keluar")

    # Signing out with something that cannot be sent: a warning, and staying is possible.
    dialogs: list[str] = []
    page.once("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_out(page)
    expect(page.locator("header")).to_contain_text("Keluar (demo.bhabin)")
    page.wait_for_timeout(500)
    assert dialogs and "belum terkirim" in dialogs[0]

    context.set_offline(False)
    page.goto(served.url + "/kegiatan/kotak-keluar/")
    page.click("#outbox-send")
    items = page.locator("#outbox-list li")
    (
        expect(items.filter(has_text="terkirim")).to_have_count(1, timeout=30_000),
        items.all_inner_texts(),
    )
    expect(items.filter(has_text="ditolak")).to_have_count(1)
    ((made, _),) = sent(served, message)
    page.goto(f"{served.url}/kegiatan/{made}/")
    expect(page.locator(".needs-check")).to_contain_text("Perlu dicek")
    expect(page.locator("dl.facts")).to_contain_text("19.30 WITA")
    page.click("button:text('Sudah dicek, benar')")
    expect(page.locator(".needs-check")).to_have_count(0)

    # The refused one is still waiting: signing out warns, and going on forgets it.
    page.once("dialog", lambda d: d.accept())
    sign_out(page)
    expect(page.locator("header")).not_to_contain_text("demo.bhabin")
    left = page.evaluate(
        "() => new Promise(r => { const o = indexedDB.open('sejuk-kotak-keluar', 1);"
        " o.onsuccess = () => { const q = o.result.transaction('items').objectStore('items')"
        ".getAll(); q.onsuccess = () => r(q.result.length); }; })"
    )
    assert left == 0
    context.close()
