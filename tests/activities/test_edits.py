"""Changing one thing about an activity changes that thing only.

The operator of Polres Lombok Barat opens an activity the Bhabinkamtibmas of Desa
Sekotong Barat logged with everything filled in, changes one field and saves, on the page
(the form posted as a browser posts it, from the values the page itself wrote: see
tests/html_form.py) and through the API. Every other field must stay as it was, and the
history must name the changed field and nothing else.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import pytest

from sejuk.accounts.access import viewer_for
from sejuk.activities.history import snapshot
from sejuk.activities.models import Activity, Change
from sejuk.activities.services import create_activity
from tests.factories import activity_input
from tests.html_form import form_data, pressed
from tests.personas import GERUNG_UTARA

pytestmark = pytest.mark.django_db
DAY = date.today() - timedelta(days=3)
FORM = "//form[contains(@class, 'activity')]"


def full_activity(world: Any) -> Activity:
    """An activity with every field a person can fill, each with a value."""
    return create_activity(
        viewer_for(world.users["bhabin"]),
        activity_input(
            dusun="Tawun",
            landmark="Masjid Nurul Huda",
            lat=-8.79,
            lng=115.98,
            online=False,
            date=DAY,
            start_time=time(9, 30),
            end_time=time(11, 0),
            types=["patroli_dialogis", "sambang"],
            participants={"warga": 12, "tokoh_agama": 2, "tni": None},
            personnel_count=3,
            officer_ids=[world.officers["sekotong"].pk],
            leader_ids=[world.leaders["own"].pk],
            summary="Patroli dialogis keliling dusun.\nSambang ke pos kamling.",
            findings="Tidak ditemukan hal menonjol.\nWarga menerima hasil pilkada.",
            situation="kondusif",
            follow_up=True,
            follow_up_note="Sambang ulang minggu depan.",
            election="pilkada_2024",
            phase="pasca",
        ),
    )


def _set(name: str, value: Any) -> Any:
    def change(data: dict[str, list[str]], world: Any) -> None:
        data[name] = [str(v) for v in value(world)] if callable(value) else value

    return change


def _drop(name: str) -> Any:
    def change(data: dict[str, list[str]], world: Any) -> None:
        data.pop(name, None)

    return change


# (what the person changes on the form, the same change through the API, the history's
# names of what changed)
EDITS = {
    "unit": (
        _set("unit_id", lambda w: [w.users["operator"].unit_id]),
        lambda w: {"unit_id": w.users["operator"].unit_id},
        {"unit"},
    ),
    "region": (_set("region", [GERUNG_UTARA]), {"region": GERUNG_UTARA}, {"region"}),
    "dusun": (_set("dusun", ["Tawun Daya"]), {"dusun": "Tawun Daya"}, {"dusun"}),
    "landmark": (_set("landmark", ["Pos kamling"]), {"landmark": "Pos kamling"}, {"landmark"}),
    "online": (_set("online", ["on"]), {"online": True}, {"online"}),
    "date": (
        _set("date", [(DAY - timedelta(days=1)).isoformat()]),
        {"date": (DAY - timedelta(days=1)).isoformat()},
        {"starts_at", "ends_at"},
    ),
    "start_time": (_set("start_time", ["08:15"]), {"start_time": "08:15"}, {"starts_at"}),
    "end_time": (_set("end_time", ["12:00"]), {"end_time": "12:00"}, {"ends_at"}),
    "types": (
        _set("types", ["patroli_dialogis"]),
        {"types": ["patroli_dialogis"]},
        {"types"},
    ),
    "participant": (
        _set("participants", ["tokoh_agama", "tni", "warga", "pelajar"]),
        {"participants": {"warga": 12, "tokoh_agama": 2, "tni": None, "pelajar": None}},
        {"participants"},
    ),
    "participant count": (
        _set("jumlah_warga", ["15"]),
        {"participants": {"warga": 15, "tokoh_agama": 2, "tni": None}},
        {"participants"},
    ),
    "personnel_count": (
        _set("personnel_count", ["5"]),
        {"personnel_count": 5},
        {"personnel_count"},
    ),
    "officers": (_drop("officer_ids"), {"officer_ids": []}, {"officers"}),
    "leaders": (_drop("leader_ids"), {"leader_ids": []}, {"leaders"}),
    "summary": (_set("summary", ["Patroli sore."]), {"summary": "Patroli sore."}, {"summary"}),
    "findings": (_set("findings", ["Aman."]), {"findings": "Aman."}, {"findings"}),
    "situation": (_set("situation", ["waspada"]), {"situation": "waspada"}, {"situation"}),
    "follow_up": (_drop("follow_up"), {"follow_up": False}, {"follow_up"}),
    "follow_up_note": (
        _set("follow_up_note", ["Mediasi"]),
        {"follow_up_note": "Mediasi"},
        {"follow_up_note"},
    ),
    "election": (_set("election", ["psu_2025"]), {"election": "psu_2025"}, {"election"}),
    "phase": (_set("phase", ["kampanye"]), {"phase": "kampanye"}, {"phase"}),
}


def _changed(before: dict[str, Any], after: dict[str, Any]) -> set[str]:
    return {k for k in after if before[k] != after[k]}


def _last_change(activity: Activity) -> Change:
    change = activity.changes.order_by("-id").first()
    assert change is not None
    return change


@pytest.mark.parametrize("what", list(EDITS))
def test_the_operator_changes_one_field_on_the_page_and_nothing_else_moves(client, world, what):
    activity = full_activity(world)
    before = snapshot(Activity.objects.get(pk=activity.pk))
    client.force_login(world.users["operator"])
    page = client.get(f"/kegiatan/{activity.pk}/ubah/")
    data = form_data(page.content.decode(), FORM)
    EDITS[what][0](data, world)
    data["reason"] = ["koreksi"]
    response = client.post(f"/kegiatan/{activity.pk}/ubah/", pressed(data, "action", "simpan"))
    assert response.status_code == 302, response.content.decode()[:3000]
    after = snapshot(Activity.objects.get(pk=activity.pk))
    assert _changed(before, after) == EDITS[what][2]
    assert set(_last_change(activity).fields) == EDITS[what][2]


@pytest.mark.parametrize("what", list(EDITS))
def test_the_operator_changes_one_field_through_the_api_and_nothing_else_moves(client, world, what):
    activity = full_activity(world)
    before = snapshot(Activity.objects.get(pk=activity.pk))
    client.force_login(world.users["operator"])
    change = EDITS[what][1]
    body = change(world) if callable(change) else change
    response = client.patch(f"/api/activities/{activity.pk}", body, content_type="application/json")
    assert response.status_code == 200, response.json()
    after = snapshot(Activity.objects.get(pk=activity.pk))
    assert _changed(before, after) == EDITS[what][2]
    assert set(_last_change(activity).fields) == EDITS[what][2]


def test_saving_the_edit_form_untouched_changes_nothing(client, world):
    activity = full_activity(world)
    before = snapshot(Activity.objects.get(pk=activity.pk))
    client.force_login(world.users["operator"])
    page = client.get(f"/kegiatan/{activity.pk}/ubah/").content.decode()
    assert 'value="09:30"' in page and 'value="11:00"' in page
    data = pressed(form_data(page, FORM), "action", "simpan")
    response = client.post(f"/kegiatan/{activity.pk}/ubah/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert snapshot(Activity.objects.get(pk=activity.pk)) == before
    assert _last_change(activity).fields == {}


def test_the_edit_form_shows_the_participant_counts(client, world):
    activity = full_activity(world)
    client.force_login(world.users["operator"])
    data = form_data(client.get(f"/kegiatan/{activity.pk}/ubah/").content.decode(), FORM)
    assert data["jumlah_warga"] == ["12"] and data["jumlah_tokoh_agama"] == ["2"]
    assert sorted(data["participants"]) == ["tni", "tokoh_agama", "warga"]


def test_a_count_typed_beside_a_box_left_unticked_says_those_people_came(client, world):
    activity = full_activity(world)
    client.force_login(world.users["operator"])
    data = form_data(client.get(f"/kegiatan/{activity.pk}/ubah/").content.decode(), FORM)
    data["jumlah_pelajar"] = ["30"]  # typed, the box beside it forgotten
    response = client.post(f"/kegiatan/{activity.pk}/ubah/", pressed(data, "action", "simpan"))
    assert response.status_code == 302
    counts = dict(
        Activity.objects.get(pk=activity.pk).participants.values_list("category", "count")
    )
    assert counts == {"warga": 12, "tokoh_agama": 2, "tni": None, "pelajar": 30}
