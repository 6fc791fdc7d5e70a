"""Two people editing one activity: an edit made on a version another change has replaced
is refused (409 on the API, a clear Indonesian message on the page that says who changed
what), never a silent overwrite. Real concurrent edits: tests/activities/test_concurrent_edits.py.
"""

from __future__ import annotations

from datetime import time

import pytest

from sejuk.activities.models import Activity
from tests.factories import log_activity
from tests.html_form import form_data, pressed

pytestmark = pytest.mark.django_db
FORM = "//form[contains(@class, 'activity')]"


def patch(client, activity_id, body):
    return client.patch(f"/api/activities/{activity_id}", body, content_type="application/json")


def test_an_api_edit_on_an_old_version_is_refused_with_409_and_changes_nothing(client, world):
    activity = log_activity(world.users["bhabin"], situation="kondusif", personnel_count=2)
    client.force_login(world.users["operator"])
    seen = client.get(f"/api/activities/{activity.pk}").json()
    assert seen["version"] == 1
    first = patch(client, activity.pk, {"situation": "waspada", "version": 1})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = patch(client, activity.pk, {"personnel_count": 5, "version": 1})
    assert stale.status_code == 409
    error = stale.json()["error"]
    assert error["code"] == "konflik"
    assert "sudah diubah oleh operator_lobar" in error["message"]
    assert error["fields"] == {"version": "versi Anda 1, versi sekarang 2"}
    fresh = Activity.objects.get(pk=activity.pk)
    assert (fresh.personnel_count, fresh.situation, fresh.version) == (2, "waspada", 2)
    assert fresh.changes.filter(action="updated").count() == 1


def test_an_api_edit_without_a_version_applies_to_the_latest(client, world):
    activity = log_activity(world.users["bhabin"], situation="kondusif")
    client.force_login(world.users["operator"])
    assert patch(client, activity.pk, {"situation": "waspada"}).json()["version"] == 2
    assert patch(client, activity.pk, {"personnel_count": 4}).json()["version"] == 3


def test_a_stale_edit_on_the_page_says_who_changed_what_and_keeps_what_was_typed(client, world):
    activity = log_activity(world.users["bhabin"], situation="kondusif", personnel_count=2)
    client.force_login(world.users["operator"])
    opened = form_data(client.get(f"/kegiatan/{activity.pk}/ubah/").content.decode(), FORM)
    assert opened["version"] == ["1"]

    # Meanwhile the Bhabinkamtibmas, on a phone, marks the situation waspada.
    other = client.__class__()
    other.force_login(world.users["bhabin"])
    assert patch(other, activity.pk, {"situation": "waspada"}).status_code == 200

    opened["personnel_count"] = ["5"]
    opened["reason"] = ["jumlah personel dikoreksi"]
    refused = client.post(f"/kegiatan/{activity.pk}/ubah/", pressed(opened, "action", "simpan"))
    html = refused.content.decode()
    assert refused.status_code == 409
    assert "sudah diubah oleh bhabin_sekotong" in html and "belum disimpan" in html
    assert "Situasi: Kondusif → Waspada" in html  # what the other person changed
    fresh = Activity.objects.get(pk=activity.pk)
    assert (fresh.situation, fresh.personnel_count, fresh.version) == ("waspada", 2, 2)

    # The form keeps what was typed, now on the latest version: saving again is a choice.
    again = form_data(html, FORM)
    assert again["personnel_count"] == ["5"] and again["version"] == ["2"]
    again["situation"] = ["waspada"]
    saved = client.post(f"/kegiatan/{activity.pk}/ubah/", pressed(again, "action", "simpan"))
    assert saved.status_code == 302
    fresh = Activity.objects.get(pk=activity.pk)
    assert (fresh.situation, fresh.personnel_count, fresh.version) == ("waspada", 5, 3)


def test_every_change_raises_the_version_and_the_history_names_it(client, world):
    activity = log_activity(world.users["bhabin"], start_time=time(16, 30))
    client.force_login(world.users["operator"])
    patch(client, activity.pk, {"summary": "Patroli sore, diperbaiki."})
    client.post(f"/kegiatan/{activity.pk}/hapus/", {"reason": "tercatat dua kali"})
    fresh = Activity.objects.get(pk=activity.pk)
    assert fresh.version == 3
    assert list(fresh.changes.values_list("action", "version")) == [
        ("created", 1),
        ("updated", 2),
        ("deleted", 3),
    ]
