"""Publications in: the scheduled poll of every active source's feed, an officer's
pasted link or post, an imported export of a social-listening tool. Each does the slow
work (fetching, extracting, reading) first, and writes each publication in a short
transaction of its own."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from sejuk.accounts.access import Viewer, require
from sejuk.errors import Invalid

from . import services
from .fetch import Fetcher, FetchError, RobotsRefused
from .models import Article, Channel, ReportLink, Source, Story
from .pages import Entry, NotAFeed, feed_entries, read_page
from .reading import Incoming, midday, prepare

MAX_IMPORT_ROWS = 5000


def take_in(incoming: Incoming) -> Article | None:
    """One publication read, then stored in a short transaction of its own; None when its
    address is stored already (also when another process stored it a moment ago)."""
    prepared = prepare(incoming, timezone.now())
    try:
        with transaction.atomic():
            return services.store(prepared)
    except IntegrityError:  # the same address, stored by another process meanwhile
        if incoming.url and Article.objects.filter(url=incoming.url).exists():
            return None
        raise


@dataclass
class Round:
    sources: int = 0
    unchanged: int = 0
    articles: int = 0
    failed: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = (
            f"{self.sources} sumber diperiksa, {self.unchanged} tanpa perubahan, "
            f"{self.articles} artikel baru"
        )
        return line + (f", {len(self.failed)} gagal" if self.failed else "")


def poll_source(source: Source, fetcher: Fetcher) -> int:
    """One source's feed, asked with the tags of its last answer; the new articles of a
    changed feed are fetched and taken in. Health is written whatever happens."""
    now = timezone.now()
    try:
        answer = fetcher.get(source.feed_url, source.etag, source.last_modified)
        added, refused = 0, ""
        if answer.status != 304:
            try:
                entries = feed_entries(answer.body)
            except NotAFeed as exc:
                raise FetchError(str(exc)) from None
            for entry in entries:
                if Article.objects.filter(url=entry.url).exists():
                    continue
                incoming = _article(source, entry, fetcher)
                if take_in(incoming) is not None:
                    added += 1
                    if incoming.fetch_note:
                        refused = f"{now:%Y-%m-%d %H:%M} {entry.url}: {incoming.fetch_note}"
            source.etag, source.last_modified = answer.etag[:300], answer.last_modified[:100]
    except FetchError as exc:
        Source.objects.filter(pk=source.pk).update(
            last_fetched_at=now, last_error=str(exc)[:2000], last_error_at=now
        )
        raise
    Source.objects.filter(pk=source.pk).update(
        last_fetched_at=now,
        last_success_at=timezone.now(),
        etag=source.etag,
        last_modified=source.last_modified,
        articles_total=source.articles_total + added,
        **({"last_refusal": refused[:2000]} if refused else {}),
    )
    return added


def _article(source: Source, entry: Entry, fetcher: Fetcher) -> Incoming:
    """An entry's page read for its text; the feed's summary where the page fails."""
    title, text, outlet, published = entry.title, entry.summary, source.name, entry.published
    note = ""
    try:
        page = read_page(fetcher.get_page(entry.url).body, entry.url)
    except RobotsRefused as exc:
        page, note = None, f"{exc}; ringkasan umpan yang dipakai"
    except FetchError:
        page = None
    if page is not None:
        title, text = page.title or title, page.text
        if published is None and page.published is not None:
            published = midday(page.published)
    return Incoming(
        text=text or title,
        channel=Channel.FEED,
        url=entry.url,
        title=title,
        outlet=outlet,
        published_at=published,
        source_id=source.pk,
        source_region=source.region_id,
        fetch_note=note,
    )


def poll_all(fetcher: Fetcher | None = None) -> Round:
    """Every active source, one after the other; one failing does not stop the rest."""
    fetcher = fetcher or Fetcher()
    done = Round()
    for source in Source.objects.filter(active=True).order_by("pk"):
        done.sources += 1
        try:
            added = poll_source(source, fetcher)
        except FetchError as exc:
            done.failed.append(f"{source.name}: {exc}")
            continue
        done.articles += added
        done.unchanged += added == 0
    return done


# --- by hand -------------------------------------------------------------------------------


def paste(viewer: Viewer, *, url: str = "", text: str = "", seen_where: str = "") -> Story:
    """A link or a post an officer saw. A link is fetched and read; a post is taken as
    written."""
    require(viewer, "media.write")
    url, text = url.strip(), text.strip()
    if not url and not text:
        raise Invalid("Isi tautan atau teks unggahan.", {"text": "tempel tautan atau teksnya"})
    title, outlet = "", ""
    if url and not text:
        try:
            fetcher = Fetcher(public_only=not settings.MEDIA_PASTE_PRIVATE)
            page = read_page(fetcher.get(url).body, url)
        except FetchError as exc:
            raise Invalid(
                f"Halaman tidak dapat diambil: {exc}.",
                {"url": "periksa alamatnya, atau tempel teksnya"},
            ) from None
        if page is None:
            raise Invalid(
                "Halaman itu tidak memuat teks berita.", {"url": "tempel teksnya di kotak teks"}
            )
        title, text, outlet = page.title, page.text, page.outlet
    if url and Article.objects.filter(url=url).exists():
        return Article.objects.get(url=url).story
    article = take_in(
        Incoming(
            text=text,
            channel=Channel.PASTE,
            url=url,
            title=title,
            outlet=outlet,
            seen_where=seen_where[:300],
            added_by_id=viewer.user_id,
        )
    )
    if article is None:  # stored by someone else meanwhile
        return Article.objects.get(url=url).story
    return article.story


MAX_REPORT_LINKS = 5


@dataclass(frozen=True)
class LinksRead:
    read: int
    failed: int
    later: int  # failed for now (no answer, a timeout, the server's error): ask again

    def summary(self, code: str) -> str:
        line = f"{self.read} tautan laporan {code} dibaca"
        line += f", {self.failed} gagal" if self.failed else ""
        return line + (f", {self.later} dicoba lagi nanti" if self.later else "")


def read_report_links(
    report_id: int,
    code: str,
    region: tuple[str, str] | None,
    urls: list[str],
    last_try: bool = True,
) -> LinksRead:
    """The links a citizen's report carried (its first ``MAX_REPORT_LINKS``), each
    fetched and read as a pasted link is (the same refusal of addresses inside the
    server's network), seen in the report's desa (``region``: its code and name; the
    report's code is not written on the story, which readers of no report may see). A
    link that cannot be read keeps its reason and is not asked again, unless the failure
    was for now (no answer, a timeout, the server's own error) and this is not the
    ``last_try``: then it keeps its reason and stays unread, for the next try. One read
    before (by anyone) joins its story."""
    fetcher = Fetcher(public_only=not settings.MEDIA_PASTE_PRIVATE)
    read, failed, later = 0, 0, 0
    for url in list(dict.fromkeys(urls))[:MAX_REPORT_LINKS]:
        link, _ = ReportLink.objects.get_or_create(report_id=report_id, url=url[:1000])
        if link.read_at is not None:
            continue  # read before, or given up on
        try:
            story, error = _report_story(fetcher, url, region), ""
        except FetchError as exc:
            story, error = None, f"Halaman tidak dapat diambil: {exc}."
            if exc.transient and not last_try:
                ReportLink.objects.filter(pk=link.pk).update(
                    error=f"{error} Akan dicoba lagi otomatis."[:2000]
                )
                later += 1
                continue
        if story is None and not error:
            error = "Halaman itu tidak memuat teks berita."
        ReportLink.objects.filter(pk=link.pk).update(
            story=story, error=error[:2000], read_at=timezone.now()
        )
        read += story is not None
        failed += story is None
    return LinksRead(read, failed, later)


def _report_story(fetcher: Fetcher, url: str, region: tuple[str, str] | None) -> Story | None:
    """The story a link's page joins, or None where the page holds no news text."""
    known = Article.objects.filter(url=url).select_related("story").first()
    if known is not None:
        return known.story
    page = read_page(fetcher.get_page(url).body, url)
    if page is None:
        return None
    article = take_in(
        Incoming(
            text=page.text,
            channel=Channel.REPORT,
            url=url,
            title=page.title,
            outlet=page.outlet,
            published_at=midday(page.published) if page.published else None,
            seen_where=f"laporan warga di {region[1]}" if region else "laporan warga",
            source_region=region[0] if region else None,
        )
    )
    if article is None:  # stored by another process meanwhile
        return Article.objects.get(url=url).story
    return article.story


IMPORT_FIELDS = ("text", "url", "title", "outlet", "published", "seen_where")


def parse_export(name: str, data: bytes) -> list[dict[str, str]]:
    """The rows of a CSV (with a header row) or JSON (a list of objects) export, with the
    fields ``IMPORT_FIELDS`` ("text" required), each row checked."""
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("Berkas harus UTF-8.", {"file": "simpan ulang sebagai UTF-8"}) from None
    if name.lower().endswith(".json"):
        try:
            rows = json.loads(raw)
        except ValueError:
            raise Invalid("Berkas JSON tidak dapat dibaca.", {"file": "periksa isinya"}) from None
        if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
            raise Invalid("JSON harus berupa daftar objek.", {"file": '[{"text": ...}, ...]'})
    elif name.lower().endswith(".csv"):
        rows = list(csv.DictReader(io.StringIO(raw)))
    else:
        raise Invalid("Pilih berkas .csv atau .json.", {"file": "jenis berkas tidak dikenal"})
    if len(rows) > MAX_IMPORT_ROWS:
        raise Invalid(
            f"Paling banyak {MAX_IMPORT_ROWS} baris sekali impor.", {"file": "bagi berkasnya"}
        )
    out = []
    for number, row in enumerate(rows, 1):
        clean = {k: str(row.get(k) or "").strip() for k in IMPORT_FIELDS}
        if not clean["text"]:
            raise Invalid(
                f"Baris {number} tidak punya teks.", {"file": f"baris {number}: kolom text kosong"}
            )
        if clean["published"]:
            try:
                datetime.fromisoformat(clean["published"])
            except ValueError:
                raise Invalid(
                    f"Baris {number}: tanggal tidak valid.",
                    {"file": f"baris {number}: published ditulis TTTT-BB-HH"},
                ) from None
        out.append(clean)
    return out


def import_export(viewer: Viewer, name: str, data: bytes) -> int:
    """Every row of an export, checked first: a wrong row changes nothing."""
    require(viewer, "media.write")
    rows = parse_export(name, data)
    added = 0
    for row in rows:
        when = None
        if row["published"]:
            when = datetime.fromisoformat(row["published"])
            if when.tzinfo is None:
                when = (
                    when.replace(tzinfo=UTC) if len(row["published"]) > 10 else midday(when.date())
                )
        if row["url"] and Article.objects.filter(url=row["url"]).exists():
            continue
        article = take_in(
            Incoming(
                text=row["text"],
                channel=Channel.IMPORT,
                url=row["url"],
                title=row["title"],
                outlet=row["outlet"],
                published_at=when,
                seen_where=row["seen_where"],
                added_by_id=viewer.user_id,
            )
        )
        added += article is not None
    return added
