"""/dev/chat/: a developer talks to Sejuk as a citizen or as the signed-in officer; the
page exists only with SEJUK_CHAT_SIMULATOR."""

from __future__ import annotations

import pytest

from sejuk.activities.models import Activity
from tests.channels.conftest import run_jobs
from tests.channels.test_officer import FIELD_REPORT

pytestmark = pytest.mark.django_db


def test_the_simulator_is_off_unless_set(client, settings):
    settings.CHAT_SIMULATOR = False
    assert client.get("/dev/chat/").status_code == 404


def test_a_developer_talks_as_a_citizen(client, settings):
    settings.CHAT_SIMULATOR = True
    client.post("/dev/chat/", {"text": "halo", "sebagai": "warga"})
    run_jobs()
    page = client.get("/dev/chat/").content.decode()
    assert "halo" in page and "Apa yang terjadi?" in page


def test_a_developer_talks_as_the_signed_in_bhabinkamtibmas(client, settings, world):
    settings.CHAT_SIMULATOR = True
    client.force_login(world.users["bhabin"])
    client.post("/dev/chat/", {"text": FIELD_REPORT, "sebagai": "petugas"})
    run_jobs()
    assert "benar? balas YA" in client.get("/dev/chat/?sebagai=petugas").content.decode()
    client.post("/dev/chat/", {"text": "YA", "sebagai": "petugas"})
    run_jobs()
    assert Activity.objects.get().created_by == world.users["bhabin"]
