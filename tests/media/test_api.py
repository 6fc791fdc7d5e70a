"""The media JSON API: the stories of the viewer's area with the page's filters,
paginated as the other lists, and one story with its grouped sources, the reader's
record and its signals with their evidence words; read-only and in the schema."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sejuk.media.intake import take_in
from sejuk.media.models import Channel
from sejuk.media.reading import Incoming
from tests.media.outlets import COPY_A, COPY_B, OTHER
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.django_db


def _news() -> None:
    for text, url, outlet, day in (
        (COPY_A, "https://a.example/1", "Kabar Lombok", 8),
        (COPY_B, "https://b.example/1", "Kabar Selatan", 8),
        (OTHER, "https://a.example/2", "Kabar Lombok", 9),
    ):
        take_in(
            Incoming(
                text=text,
                channel=Channel.FEED,
                url=url,
                title=text[:40],
                outlet=outlet,
                published_at=datetime(2024, 12, day, 3, tzinfo=UTC),
            )
        )


def _ids(client, query: str = "") -> list[str]:
    answer = client.get("/api/media/stories" + query)
    assert answer.status_code == 200, answer.content
    return [item["region"] for item in answer.json()["items"]]


def test_an_operator_lists_the_area_s_stories_with_the_page_s_filters(client, world):
    _news()
    client.force_login(world.users["operator"])
    assert _ids(client) == [GERUNG_UTARA, SEKOTONG_BARAT]  # newest first
    assert _ids(client, "?signal=hoaks") == [GERUNG_UTARA]
    assert _ids(client, "?signal=pengerahan_massa") == [SEKOTONG_BARAT]
    assert _ids(client, "?region=52.01.07") == [SEKOTONG_BARAT]
    assert _ids(client, "?outlet=selatan") == [SEKOTONG_BARAT]
    assert _ids(client, "?since=2024-12-09") == [GERUNG_UTARA]
    assert _ids(client, "?until=2024-12-08") == [SEKOTONG_BARAT]
    assert _ids(client, "?q=kotak%20suara") == [GERUNG_UTARA]
    assert _ids(client, "?unreviewed=true") == [GERUNG_UTARA, SEKOTONG_BARAT]
    page = client.get("/api/media/stories?size=1&page=2").json()
    assert page["total"] == 2 and page["pages"] == 2 and page["page"] == 2
    assert [i["region"] for i in page["items"]] == [SEKOTONG_BARAT]
    release = page["items"][0]
    assert release["outlets"] == ["Kabar Lombok", "Kabar Selatan"]
    assert {s["kind"] for s in release["signals"]} == {"pengerahan_massa", "penolakan_hasil"}


def test_a_bad_filter_is_refused_in_the_one_error_shape(client, world):
    client.force_login(world.users["operator"])
    answer = client.get("/api/media/stories?signal=gosip")
    assert answer.status_code == 422
    assert "signal" in answer.json()["error"]["fields"]


def test_one_story_has_its_sources_reading_and_signals_with_evidence(client, world):
    _news()
    client.force_login(world.users["humas"])
    (item,) = [
        i for i in client.get("/api/media/stories").json()["items"] if i["region"] == SEKOTONG_BARAT
    ]
    story = client.get(f"/api/media/stories/{item['id']}").json()
    assert [s["url"] for s in story["sources"]] == ["https://a.example/1", "https://b.example/1"]
    assert story["reading"]["place"]["value"].startswith("Sekotong Barat, Sekotong")
    assert story["event_date"] == "2024-12-08"
    mobilise = next(s for s in story["signals"] if s["kind"] == "pengerahan_massa")
    assert mobilise["evidence"][0]["text"] == "geruduk" and mobilise["evidence"][0]["why"]
    assert mobilise["review"] == "baru"


def test_a_story_outside_the_area_is_not_found(client, world):
    _news()
    client.force_login(world.users["neighbour"])
    assert client.get("/api/media/stories").json()["items"] == []
    client.force_login(world.users["operator"])
    story_id = client.get("/api/media/stories").json()["items"][0]["id"]
    client.force_login(world.users["neighbour"])
    assert client.get(f"/api/media/stories/{story_id}").status_code == 404


def test_the_media_api_is_in_the_schema_and_read_only(client):
    paths = client.get("/api/openapi.json").json()["paths"]
    assert set(paths["/api/media/stories"]) == {"get"}
    assert set(paths["/api/media/stories/{story_id}"]) == {"get"}
