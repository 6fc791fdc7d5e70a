"""A story the reader reads as a police activity in the area, with no activity linked,
is offered to log: on its page and under "Kegiatan belum tercatat" on /media/, a button
opens the activity form filled from the reader's record (date, desa, types, the story's
text with its address as the source); saving it logs the activity and links the story."""

from __future__ import annotations

from datetime import date

import pytest

from sejuk.activities.models import Activity
from sejuk.media.intake import take_in
from sejuk.media.models import Channel, Story
from sejuk.media.reading import Incoming
from tests.html_form import form_data
from tests.media.outlets import OTHER
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db

URL = "https://kabar-lombok.example/polsek-sekotong-cooling-system"
ACTIVITY = (
    "Polsek Sekotong menggelar kegiatan Cooling System di Desa Sekotong Barat, Kecamatan "
    "Sekotong, Kabupaten Lombok Barat, pada Senin (9/12/2024). Bhabinkamtibmas bersama "
    "Babinsa melaksanakan sambang dan dialog dengan tokoh agama dan tokoh masyarakat, "
    "mengajak warga menjaga kamtibmas yang kondusif setelah pemungutan suara."
)


def _stories() -> tuple[Story, Story]:
    activity = take_in(
        Incoming(
            text=ACTIVITY,
            channel=Channel.PASTE,
            url=URL,
            title="Polsek Sekotong gelar Cooling System",
            outlet="Kabar Lombok",
        )
    )
    other = take_in(Incoming(text=OTHER, channel=Channel.PASTE, title="Kabar bohong kotak suara"))
    assert activity is not None and other is not None
    return activity.story, other.story


def test_the_reader_reads_the_release_as_an_activity_in_its_desa():
    story, other = _stories()
    assert story.kind == "activity" and story.region_id == SEKOTONG_BARAT
    assert other.kind != "activity"


def test_an_operator_logs_an_unlogged_activity_from_the_story_and_it_is_linked(client, world):
    story, other = _stories()
    client.force_login(world.users["operator"])
    listed = client.get("/media/?belum_tercatat=1").content.decode()
    assert story.title in listed and other.title not in listed
    assert f'href="/media/{story.pk}/kegiatan-baru/"' in listed
    page = client.get(f"/media/{story.pk}/").content.decode()
    assert "belum tercatat" in page and f"/media/{story.pk}/kegiatan-baru/" in page

    form = client.get(f"/media/{story.pk}/kegiatan-baru/")
    assert form.status_code == 200
    data = form_data(form.content.decode())
    assert data["region"][0].startswith("Desa Sekotong Barat")  # the place shown by name
    assert data["date"] == ["2024-12-09"]
    assert "sambang" in data["types"] or "dialog" in " ".join(data["types"])
    assert data["summary"][0].rstrip().endswith(f"Sumber berita: {URL}")
    assert "data-direct" in form.content.decode()  # the phone's outbox leaves it alone

    data["start_time"] = ["09:00"]
    saved = client.post(f"/media/{story.pk}/kegiatan-baru/", data)
    assert saved.status_code == 302 and saved["Location"] == f"/media/{story.pk}/"
    activity = Activity.objects.get()
    assert activity.region_id == SEKOTONG_BARAT and activity.local_date == date(2024, 12, 9)
    assert URL in activity.summary
    assert list(story.activities.all()) == [activity]
    assert story.title not in client.get("/media/?belum_tercatat=1").content.decode()
    again = client.post(f"/media/{story.pk}/kegiatan-baru/", data, follow=True)
    assert "sudah ditautkan" in again.content.decode()
    assert Activity.objects.count() == 1


def test_a_refused_activity_keeps_the_form_and_links_nothing(client, world):
    story, _ = _stories()
    client.force_login(world.users["operator"])
    data = form_data(client.get(f"/media/{story.pk}/kegiatan-baru/").content.decode())
    data["region"] = ["52.02.02.2001"]  # a desa of Lombok Tengah, outside the area
    data["start_time"] = ["09:00"]
    answer = client.post(f"/media/{story.pk}/kegiatan-baru/", data)
    assert answer.status_code == 422
    assert not Activity.objects.exists() and not story.activities.exists()


def test_humas_is_offered_the_story_but_the_form_is_for_those_who_log_activities(client, world):
    story, _ = _stories()
    client.force_login(world.users["humas"])
    listed = client.get("/media/?belum_tercatat=1").content.decode()
    assert story.title in listed and "kegiatan-baru" not in listed
    page = client.get(f"/media/{story.pk}/").content.decode()
    assert "belum tercatat" in page and "Minta operator" in page
    assert client.get(f"/media/{story.pk}/kegiatan-baru/").status_code == 403


def test_a_story_outside_the_area_cannot_be_logged(client, world):
    story, _ = _stories()
    client.force_login(world.users["neighbour"])
    assert client.get(f"/media/{story.pk}/kegiatan-baru/").status_code == 404
