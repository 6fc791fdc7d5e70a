"""The fetcher respects a site's robots.txt for article pages (RFC 9309): a page it
disallows is not asked, its feed's summary stands in and the refusal is recorded on the
article and the source, and the page is not asked again at the next round; the rules are
read once per site while fresh; no robots.txt (4xx) allows everything, a server error
disallows everything."""

from __future__ import annotations

import pytest

from sejuk.media import fetch
from sejuk.media.fetch import Fetcher, RobotsRefused
from sejuk.media.intake import poll_all
from sejuk.media.models import Article, Source
from tests.media.outlets import lombok_outlet, outlet

pytestmark = pytest.mark.django_db

CLOSED = b"User-agent: *\nDisallow: /a/\n\nUser-agent: Googlebot\nDisallow: /\n"


@pytest.fixture(autouse=True)
def _no_pause(settings):
    settings.FEEDS_HOST_DELAY_MS = 0


def _asked(fake) -> list[str]:
    return [path for path, _ in fake.requests]


def test_a_page_robots_txt_disallows_is_not_asked_and_the_refusal_is_recorded():
    with outlet() as fake:
        fake.serve("/robots.txt", CLOSED, "text/plain")
        source = Source.objects.create(name="Kabar Lombok", feed_url=lombok_outlet(fake))
        done = poll_all()
        asked = _asked(fake)
        assert asked.count("/robots.txt") == 1  # read once for the site
        assert "/a/ajakan-geruduk" not in asked and "/a/hoaks-kotak-suara" not in asked
        assert "/b/ajakan-geruduk" in asked  # allowed
        assert done.articles == 3 and not done.failed
        refused = Article.objects.get(url=fake.url + "/a/ajakan-geruduk")
        assert "robots.txt" in refused.fetch_note
        assert refused.text == "Akun ajak geruduk kantor panitia"  # the feed's summary
        assert Article.objects.get(url=fake.url + "/b/ajakan-geruduk").fetch_note == ""
        source.refresh_from_db()
        assert source.healthy and "robots.txt" in source.last_refusal
        assert "/a/" in source.last_refusal

        fake.requests.clear()
        fake.files["/rss.xml"] = (fake.files["/rss.xml"][0] + b" ", "application/rss+xml")
        poll_all()  # the feed changed: its entries are listed again
        assert _asked(fake) == ["/rss.xml"]  # no page asked again, robots.txt still fresh


def test_rules_are_read_again_once_they_expire(monkeypatch):
    with outlet() as fake:
        fake.serve("/robots.txt", b"User-agent: *\nDisallow: /a/\n", "text/plain")
        fake.serve("/b/x", b"<p>x</p>")
        fetcher = Fetcher(delay_ms=0)
        fetcher.get_page(fake.url + "/b/x")
        fetcher.get_page(fake.url + "/b/x")
        assert _asked(fake).count("/robots.txt") == 1
        monkeypatch.setattr(fetch, "ROBOTS_TTL", -1.0)
        fetch.forget_robots()
        fetcher.get_page(fake.url + "/b/x")
        fetcher.get_page(fake.url + "/b/x")
        assert _asked(fake).count("/robots.txt") == 3


def test_no_robots_txt_allows_every_page():
    with outlet() as fake:  # /robots.txt answers 404
        fake.serve("/a/x", b"<p>x</p>")
        assert Fetcher(delay_ms=0).get_page(fake.url + "/a/x").status == 200
        assert _asked(fake) == ["/robots.txt", "/a/x"]


def test_a_server_error_on_robots_txt_disallows_every_page():
    with outlet() as fake:
        fake.statuses["/robots.txt"] = 503
        fake.serve("/a/x", b"<p>x</p>")
        with pytest.raises(RobotsRefused, match=r"robots\.txt situs tidak dapat dibaca .*503"):
            Fetcher(delay_ms=0).get_page(fake.url + "/a/x")
        assert _asked(fake) == ["/robots.txt"]


def test_rules_for_sejuk_by_name_are_followed():
    with outlet() as fake:
        fake.serve("/robots.txt", b"User-agent: Sejuk\nDisallow: /b/\n", "text/plain")
        fake.serve("/b/x", b"<p>x</p>")
        with pytest.raises(RobotsRefused):
            Fetcher(delay_ms=0).get_page(fake.url + "/b/x")
