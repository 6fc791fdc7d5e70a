"""What a feed lists and what an article page says: the feed's entries (feedparser), and
the page's main text with its title, outlet and publication date (trafilatura, Apache-2.0:
boilerplate, menus and comments left out)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from time import struct_time

import feedparser
import trafilatura
from trafilatura.settings import Document


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    published: datetime | None


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    outlet: str
    published: date | None


def _when(value: struct_time | None) -> datetime | None:
    if not value:
        return None
    return datetime(*value[:6], tzinfo=UTC)


_TAG = re.compile(r"<[^>]+>")


def _plain(summary: str) -> str:
    """A feed's summary as text (it may carry markup)."""
    return " ".join(html.unescape(_TAG.sub(" ", summary)).split())


class NotAFeed(ValueError):
    """The answer is no RSS or Atom feed (a web page, an error page)."""


def feed_entries(body: bytes) -> list[Entry]:
    """The entries of an RSS or Atom feed that link to a page."""
    parsed = feedparser.parse(body)
    if not parsed.get("version") and not parsed.entries:
        raise NotAFeed("jawaban server bukan umpan RSS/Atom")
    out = []
    for e in parsed.entries:
        link = str(e.get("link", "")).strip()
        if not link:
            continue
        out.append(
            Entry(
                url=link,
                title=str(e.get("title", "")).strip(),
                summary=_plain(str(e.get("summary", ""))),
                published=_when(e.get("published_parsed") or e.get("updated_parsed")),
            )
        )
    return out


def read_page(html: bytes | str, url: str = "") -> Page | None:
    """The article of a page, or None where no main text is found."""
    doc = trafilatura.bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
    )
    if not isinstance(doc, Document) or not (doc.text or "").strip():
        return None
    published = None
    if doc.date:
        try:
            published = date.fromisoformat(doc.date[:10])
        except ValueError:
            published = None
    return Page(
        title=(doc.title or "").strip(),
        text=(doc.text or "").strip(),
        outlet=(doc.sitename or doc.hostname or "").strip(),
        published=published,
    )
