"""The installable web app: a manifest in Indonesian with PNG icons that exist, its
start page the officer's activity form; a service worker served from the root, allowed
to look after every page, told which field pages to keep and for how long
(SEJUK_OFFLINE_HOURS); every page links them, and a signed-in page loads the outbox."""

import json

import pytest
from django.contrib.staticfiles import finders
from PIL import Image

pytestmark = pytest.mark.django_db


def test_the_manifest_names_sejuk_in_indonesian_and_starts_at_the_activity_form(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["lang"] == "id" and manifest["short_name"] == "Sejuk"
    assert manifest["start_url"] == "/kegiatan/baru/" and manifest["display"] == "standalone"
    sizes = set()
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        path = finders.find(icon["src"].removeprefix("/static/"))
        assert path, icon["src"]
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"] and image.format == "PNG"
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes


def test_the_service_worker_keeps_the_field_pages_for_the_hours_set(client, settings):
    settings.OFFLINE_HOURS = 48
    response = client.get("/sw.js")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Content-Type"].startswith("text/javascript")
    config = json.loads(
        response.content.decode().split("\n", 1)[0].removeprefix("const SEJUK = ").rstrip(";")
    )
    assert config["offlineHours"] == 48
    assert {
        "/kegiatan/baru/",
        "/kegiatan/",
        "/kegiatan/rencana/",
        "/kegiatan/kotak-keluar/",
    } <= set(config["pages"])


def test_every_page_links_the_manifest_and_a_signed_in_page_loads_the_outbox(client, world):
    public = client.get("/").content.decode()
    assert 'rel="manifest"' in public and "outbox.js" not in public
    client.force_login(world.users["bhabin"])
    page = client.get("/kegiatan/baru/").content.decode()
    assert 'data-user="bhabin_sekotong"' in page and "outbox.js" in page
    assert 'id="outbox-badge"' in page and "data-sign-out" in page


def test_the_outbox_page_is_for_signed_in_people(client, world):
    assert client.get("/kegiatan/kotak-keluar/").status_code == 302
    client.force_login(world.users["bhabin"])
    page = client.get("/kegiatan/kotak-keluar/")
    assert page.status_code == 200 and "Kirim sekarang" in page.content.decode()
