"""A scheduled round over the news sources, against a fake outlet on the loopback
address: articles read from their pages, republished copies grouped into one story,
signals raised with their words, the story placed in its desa; a second round asks with
the feed's tag and takes nothing twice; a failing source shows its error."""

from __future__ import annotations

import pytest

from sejuk.background import REGISTRY
from sejuk.jobs.runner import run_due
from sejuk.media.models import Article, Source, Story
from tests.media.outlets import lombok_outlet, outlet
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT


@pytest.fixture(autouse=True)
def _no_pause(settings):
    settings.FEEDS_HOST_DELAY_MS = 0


@pytest.mark.django_db
def test_a_scheduled_round_groups_the_republished_release_into_one_story():
    with outlet() as fake:
        Source.objects.create(name="Kabar Lombok", feed_url=lombok_outlet(fake))
        (done,) = [o for o in run_due(REGISTRY, "uji") if o.job.name == "media-umpan"]
    assert done.ok, done.result
    assert "3 artikel baru" in done.result
    assert Story.objects.count() == 2
    release = Story.objects.get(region_id=SEKOTONG_BARAT)
    assert release.articles.count() == 2
    assert release.first_published < release.latest_published
    assert str(release.event_date) == "2024-12-08"
    signals = {s.kind: s for s in release.signals.all()}
    assert set(signals) == {"pengerahan_massa", "penolakan_hasil"}
    assert {e["text"] for e in signals["pengerahan_massa"].evidence} == {"geruduk"}
    assert {e["text"] for e in signals["penolakan_hasil"].evidence} == {"menolak hasil"}
    hoax = Story.objects.get(region_id=GERUNG_UTARA)
    assert [s.kind for s in hoax.signals.all()] == ["hoaks"]
    # The page's text, not the feed's one-line description, was read.
    assert "segel masih utuh" in hoax.text
    assert "Hak cipta" not in hoax.text


@pytest.mark.django_db
def test_a_second_round_asks_with_the_tag_and_takes_nothing_twice():
    with outlet() as fake:
        source = Source.objects.create(name="Kabar Lombok", feed_url=lombok_outlet(fake))
        run_due(REGISTRY, "uji")
        from sejuk.media.intake import poll_all

        done = poll_all()
        feed_asks = [h for path, h in fake.requests if path == "/rss.xml"]
    assert done.articles == 0 and done.unchanged == 1
    assert "If-None-Match" not in feed_asks[0]
    assert feed_asks[-1]["If-None-Match"].startswith('"')
    assert "If-Modified-Since" in feed_asks[-1]
    assert Article.objects.count() == 3
    source.refresh_from_db()
    assert source.healthy and source.last_error == "" and source.articles_total == 3


@pytest.mark.django_db
def test_a_failing_source_shows_its_error_and_the_others_are_still_read():
    from sejuk.media.intake import poll_all

    with outlet() as fake:
        broken = Source.objects.create(name="Hilang", feed_url=fake.url + "/tidak-ada.xml")
        Source.objects.create(name="Kabar Lombok", feed_url=lombok_outlet(fake))
        done = poll_all()
    assert done.articles == 3
    broken.refresh_from_db()
    assert "404" in broken.last_error and not broken.healthy
    assert done.failed and "Hilang" in done.failed[0]


@pytest.mark.django_db
def test_an_address_that_answers_with_a_web_page_is_no_feed():
    from sejuk.media.intake import poll_all

    with outlet() as fake:
        url = fake.serve("/beranda", b"<html><body><p>Selamat datang</p></body></html>")
        source = Source.objects.create(name="Salah alamat", feed_url=url)
        done = poll_all()
    source.refresh_from_db()
    assert done.failed and "bukan umpan RSS/Atom" in source.last_error
    assert source.last_success_at is None


def test_a_host_is_asked_at_most_once_per_delay(settings):
    import time

    from sejuk.media.fetch import Fetcher

    with outlet() as fake:
        fake.serve("/x", b"<p>x</p>")
        fetcher = Fetcher(delay_ms=300)
        start = time.monotonic()
        for _ in range(3):
            fetcher.get(fake.url + "/x")
        took = time.monotonic() - start
    assert took >= 0.6


def test_only_web_addresses_are_fetched():
    from sejuk.media.fetch import Fetcher, FetchError

    with pytest.raises(FetchError, match="http"):
        Fetcher().get("file:///etc/passwd")
