"""A citizen's report that carries a link, composed with media monitoring: whichever way
the report came in (the web form, the JSON API, a chat), the intake's first history entry
queues one background job in the intake's own transaction (so it exists only if the
report is kept); the job fetches and reads each link as a pasted link is read, outside
any write of the report. A link that cannot be read never touches the report: it is
filed all the same, and the link keeps its reason.

The links are read from the report's text: a citizen pastes a link where they write what
happened, and a chat or an SMS has no other field to carry one."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db import DatabaseError
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone

from sejuk.accounts.access import Viewer
from sejuk.crypto import decrypt
from sejuk.jobs.services import enqueue
from sejuk.media import intake as media_intake
from sejuk.media import services as media
from sejuk.media.models import ReportLink, Story
from sejuk.reports import services as reports
from sejuk.reports.models import Event, Report

log = logging.getLogger(__name__)

JOB = "media-tautan-laporan"

# A link whose site did not answer (no answer, a timeout, the server's own error) is
# asked again after each of these waits, then given up with its reason: about 7 hours in
# all, since a citizen's link to a post that is being shared is worth reading late.
RETRY_AFTER = (timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2), timedelta(hours=4))

_URL = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
_TRAILING = ".,;:!?)]}»”’"


def links_in(text: str) -> list[str]:
    """The http(s) addresses written in a text, in order, each once, without the
    punctuation that closes the sentence around them."""
    found = (m.group(0).rstrip(_TRAILING) for m in _URL.finditer(text))
    return list(dict.fromkeys(u for u in found if len(u) > len("https://")))


@receiver(post_save, sender=Event, dispatch_uid="sejuk.links.report_media")
def _report_received(sender: Any, instance: Event, created: bool, **kwargs: Any) -> None:
    if not created or instance.action != "received":
        return
    report = instance.report  # the intake's own object: no query
    if not _URL.search(report.description):
        return
    try:
        enqueue(JOB, {"report": report.pk})
    except DatabaseError:  # the report is kept whatever happens to its links
        log.exception("Tautan laporan %s tidak dapat diantrekan", report.pk)


def read_links(payload: dict[str, Any]) -> str:
    """The background job: a report's links fetched, read and kept as stories."""
    found = Report.objects.select_related("region").filter(pk=int(payload.get("report") or 0))
    report = found.first()
    if report is None:
        return "laporan tidak ada"
    # The words as they came in where masking a phone number changed the working text.
    text = (decrypt(report.source_text) if report.source_text else "") or report.description
    urls = links_in(text)
    if not urls:
        return f"laporan {report.code} tidak memuat tautan"
    region = (report.region_id, report.region.name) if report.region else None
    tried = int(payload.get("try") or 1)
    done = media_intake.read_report_links(
        report.pk, report.code, region, urls, last_try=tried >= len(RETRY_AFTER) + 1
    )
    if done.later:  # the site did not answer for now: asked again later, a few times
        wait = RETRY_AFTER[tried - 1]
        enqueue(JOB, {"report": report.pk, "try": tried + 1}, run_after=timezone.now() + wait)
    return done.summary(report.code)


@dataclass(frozen=True)
class ReportLinkShown:
    url: str
    story: Story | None  # None: not read yet, not readable, or outside the viewer's area
    error: str
    read: bool


def report_links(report: Report, viewer: Viewer) -> list[ReportLinkShown]:
    """A report's links as its case page shows them: each with its story where the
    viewer may read that story. A report whose text holds no link asks nothing."""
    if not _URL.search(report.description):
        return []
    links = list(ReportLink.objects.filter(report_id=report.pk))
    seen: dict[int, Story] = {}
    if viewer.can("media.read"):
        ids = [link.story_id for link in links if link.story_id]
        seen = {s.pk: s for s in media.visible(viewer).filter(pk__in=ids)}
    return [
        ReportLinkShown(
            link.url,
            seen.get(link.story_id) if link.story_id else None,
            link.error,
            link.read_at is not None,
        )
        for link in links
    ]


def story_reports(story: Story, viewer: Viewer) -> list[Report]:
    """The citizen reports that carried a story's link, those the viewer may see."""
    if not viewer.can("report.read"):
        return []
    ids = ReportLink.objects.filter(story=story).values("report_id")
    return list(reports.visible(viewer).filter(pk__in=ids).order_by("pk"))
