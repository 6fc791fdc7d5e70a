"""JSON API for media monitoring, read-only: the stories in the viewer's area with the
filters of ``/media/``, and one story with its grouped sources, the reader's record and
its signals with their evidence words."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.nlp.signals import SIGNALS
from sejuk.openapi import OneOf
from sejuk.paging import page_of

from . import services
from .models import Article, Signal, Story

router = Router(tags=["media"], auth=signed_in)


class EvidenceOut(Schema):
    text: str
    why: str


class SignalOut(Schema):
    id: int
    kind: str
    label: str
    weight: int
    evidence: list[EvidenceOut]
    review: str = Field(description="baru, benar (dikonfirmasi) atau salah (ditolak)")
    model_score: float | None = Field(
        description="peluang analis mengonfirmasi, menurut pengklasifikasi"
    )


class StoryOut(Schema):
    id: int
    title: str
    first_published: dt.datetime
    latest_published: dt.datetime
    region: str | None
    region_name: str
    kind: str = Field(description="bacaan: activity, incident atau other")
    incident_types: list[str]
    event_date: dt.date | None
    severity: int
    outlets: list[str]
    clarified_url: str
    activities: list[int] = Field(description="kegiatan tercatat yang ditautkan")
    incident: int | None
    signals: list[SignalOut]


class SourceOut(Schema):
    outlet: str
    channel: str
    url: str
    title: str
    published_at: dt.datetime
    seen_where: str
    fetch_note: str


class StoryDetailOut(StoryOut):
    text: str
    unit_name: str
    reading: dict[str, Any] = Field(description="tiap isian bacaan dengan kata asalnya")
    sources: list[SourceOut]


class StoryParams(Schema):
    signal: Annotated[str, OneOf(SIGNALS, blank=True)] = ""
    region: str = Field("", max_length=13, description="kode wilayah: yang di bawahnya juga")
    outlet: str = Field("", max_length=100)
    since: dt.date | None = Field(None, description="terbit pertama sejak (termasuk)")
    until: dt.date | None = Field(None, description="terbit pertama sampai (termasuk)")
    q: str = Field("", max_length=100)
    unreviewed: bool = Field(False, description="hanya yang sinyalnya belum ditinjau")
    unlogged: bool = Field(False, description="hanya kegiatan Polri yang belum tercatat")
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


class StoryPage(Schema):
    items: list[StoryOut]
    total: int
    page: int
    pages: int


def _signal(s: Signal) -> dict[str, Any]:
    return {
        "id": s.pk,
        "kind": s.kind,
        "label": s.get_kind_display(),
        "weight": s.weight,
        "evidence": [{"text": e.get("text", ""), "why": e.get("why", "")} for e in s.evidence],
        "review": s.review,
        "model_score": s.model_score,
    }


def story_out(story: Story) -> dict[str, Any]:
    articles: list[Article] = list(story.articles.all())
    return {
        "id": story.pk,
        "title": story.title,
        "first_published": story.first_published,
        "latest_published": story.latest_published,
        "region": story.region_id,
        "region_name": story.region.name if story.region else "",
        "kind": story.kind,
        "incident_types": story.incident_types,
        "event_date": story.event_date,
        "severity": story.severity,
        "outlets": list(dict.fromkeys(a.outlet or a.get_channel_display() for a in articles)),
        "clarified_url": story.clarified_url,
        "activities": [a.pk for a in story.activities.all()],
        "incident": story.incident_id,
        "signals": [_signal(s) for s in story.signals.all()],
    }


def story_detail_out(story: Story) -> dict[str, Any]:
    return {
        **story_out(story),
        "text": story.text,
        "unit_name": story.unit_name,
        "reading": story.reading,
        "sources": [
            {
                "outlet": a.outlet,
                "channel": a.channel,
                "url": a.url,
                "title": a.title,
                "published_at": a.published_at,
                "seen_where": a.seen_where,
                "fetch_note": a.fetch_note,
            }
            for a in story.articles.all()
        ],
    }


@router.get("/stories", response=StoryPage, summary="Berita dan unggahan di wilayah Anda")
def index(request: HttpRequest, params: Query[StoryParams]) -> dict[str, Any]:
    flt = services.StoryFilter(
        signal=params.signal,
        region=params.region,
        outlet=params.outlet,
        since=params.since,
        until=params.until,
        q=params.q,
        unreviewed=params.unreviewed,
        unlogged=params.unlogged,
    )
    qs = services.list_stories(current_viewer(request), flt).prefetch_related(
        "signals", "articles", "activities"
    )
    return page_of(qs, params.page, params.size, story_out)


@router.get(
    "/stories/{story_id}",
    response=StoryDetailOut,
    summary="Satu berita: sumber, bacaan dan sinyal dengan kata buktinya",
)
def detail(request: HttpRequest, story_id: int) -> dict[str, Any]:
    return story_detail_out(services.get_story(current_viewer(request), story_id))
