"""Media services: store a prepared publication in its story, the stories and signals a
viewer may see (the area rule: a story is where the reader placed it), the analyst's
review, the hoax set right, and the confirmed signals per desa that the tension picture
reads (``signals_for``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from sejuk.accounts.access import Viewer, get_or_deny, require, scoped
from sejuk.errors import Invalid
from sejuk.jobs.services import enqueue
from sejuk.nlp.signals import SIGNALS
from sejuk.regions.models import Region

from . import dedupe, learning
from .models import Article, Band, Review, Signal, Story
from .reading import Prepared

LEARN_JOB = "media-belajar"


# --- storing -------------------------------------------------------------------------


def same_story(prepared: Prepared) -> int | None:
    """The story of the stored article most like this one, if like enough: candidates
    share a band value (an index look-up), then the stored signatures are compared."""
    mine = set(prepared.bands)
    rows = Band.objects.filter(value__in=[v for _, v in prepared.bands]).values_list(
        "article_id", "band", "value"
    )
    ids = {a for a, b, v in rows if (b, v) in mine}
    best, best_story = dedupe.SAME_STORY, None
    for story_id, sig in Article.objects.filter(pk__in=ids).values_list("story_id", "signature"):
        s = dedupe.similarity(prepared.signature, dedupe.from_bytes(sig))
        if s >= best:
            best, best_story = s, story_id
    return best_story


def _region(code: str | None) -> str | None:
    return code if code and Region.objects.filter(pk=code).exists() else None


def store(prepared: Prepared) -> Article | None:
    """The publication in its story (a new one when it is like none stored), with its
    bands and the story's signals. Called inside the caller's transaction; None when an
    article of that address is stored already."""
    inc = prepared.incoming
    if inc.url and Article.objects.filter(url=inc.url).exists():
        return None
    story_id = same_story(prepared)
    when = prepared.published_at
    if story_id is None:
        story = Story.objects.create(
            title=(inc.title or inc.text.split("\n", 1)[0])[:500],
            text=inc.text,
            first_published=when,
            latest_published=when,
            region_id=_region(prepared.place_code) or _region(inc.source_region),
            kind=prepared.kind,
            incident_types=prepared.incident_types,
            event_date=prepared.event_date,
            unit_name=prepared.unit_name[:200],
            reading={**prepared.reading, "clarifies": prepared.clarifies},
        )
    else:
        story = Story.objects.select_for_update().get(pk=story_id)
        story.first_published = min(story.first_published, when)
        story.latest_published = max(story.latest_published, when)
        story.save(update_fields=["first_published", "latest_published"])
    article = Article.objects.create(
        story=story,
        source_id=inc.source_id,
        channel=inc.channel,
        url=inc.url[:1000],
        outlet=inc.outlet[:200],
        title=inc.title[:500],
        text=inc.text,
        published_at=when,
        seen_where=inc.seen_where[:300],
        fetch_note=inc.fetch_note[:300],
        signature=dedupe.to_bytes(prepared.signature),
        added_by_id=inc.added_by_id,
    )
    Band.objects.bulk_create(Band(article=article, band=b, value=v) for b, v in prepared.bands)
    _add_signals(story, prepared)
    return article


def _add_signals(story: Story, prepared: Prepared) -> None:
    have = {s.kind: s for s in story.signals.all()}
    classifier = learning.latest() if prepared.signals else None
    for found in prepared.signals:
        old = have.get(found["kind"])
        if old is None:
            Signal.objects.create(
                story=story,
                kind=found["kind"],
                weight=found["weight"],
                evidence=found["evidence"],
                model_score=(
                    learning.score(classifier, found["kind"], story.title, story.text)
                    if classifier is not None
                    else None
                ),
            )
        elif found["weight"] > old.weight:
            old.weight, old.evidence = found["weight"], found["evidence"]
            old.save(update_fields=["weight", "evidence"])
    refresh_severity(story)


def refresh_severity(story: Story) -> None:
    total = story.signals.exclude(review=Review.REJECTED).aggregate(w=Sum("weight"))["w"]
    Story.objects.filter(pk=story.pk).update(severity=total or 0)


# --- reading under the area rule -------------------------------------------------------


def visible(viewer: Viewer) -> QuerySet[Story]:
    """The stories placed in the viewer's area."""
    return scoped(
        Story.objects.select_related("region"), viewer, "media.read", region_field="region__code"
    )


@dataclass(frozen=True)
class StoryFilter:
    signal: str = ""
    region: str = ""
    outlet: str = ""
    since: date | None = None
    until: date | None = None
    q: str = ""
    unreviewed: bool = False  # the review queue: stories with a signal not yet reviewed
    unlogged: bool = False  # police activities the news reports, not linked to any logged


def list_stories(viewer: Viewer, flt: StoryFilter = StoryFilter()) -> QuerySet[Story]:
    """Newest first, and on one day the most severe first."""
    qs = visible(viewer)
    if flt.signal:
        if flt.signal not in SIGNALS:
            raise Invalid("Saringan tidak valid.", {"signal": "jenis sinyal tidak dikenal"})
        qs = qs.filter(
            pk__in=Signal.objects.filter(kind=flt.signal)
            .exclude(review=Review.REJECTED)
            .values("story_id")
        )
    if flt.region:
        qs = qs.filter(Q(region_id=flt.region) | Q(region__code__startswith=flt.region + "."))
    if flt.outlet:
        qs = qs.filter(
            pk__in=Article.objects.filter(outlet__icontains=flt.outlet).values("story_id")
        )
    if flt.since:
        qs = qs.filter(first_published__date__gte=flt.since)
    if flt.until:
        qs = qs.filter(first_published__date__lte=flt.until)
    if flt.q:
        qs = qs.filter(Q(title__icontains=flt.q) | Q(text__icontains=flt.q))
    if flt.unreviewed:
        qs = qs.filter(pk__in=Signal.objects.filter(review=Review.NEW).values("story_id"))
    if flt.unlogged:
        qs = unlogged(qs)
    return qs.annotate(published_day=TruncDate("first_published")).order_by(
        "-published_day", "-severity", "-id"
    )


ACTIVITY = "activity"  # the reader's kind of a text about a police activity


def unlogged(qs: QuerySet[Story]) -> QuerySet[Story]:
    """Stories the reader reads as a police activity that no logged activity is linked
    to: offered to Humas to log."""
    return qs.filter(kind=ACTIVITY, activities__isnull=True)


def is_unlogged(story: Story) -> bool:
    return story.kind == ACTIVITY and not story.activities.exists()


def get_story(viewer: Viewer, story_id: int) -> Story:
    return get_or_deny(visible(viewer), "media", story_id)


def lock_visible(viewer: Viewer, story_id: int) -> Story:
    """A story the viewer may read, its row locked for a step of the other work (an
    activity logged from it)."""
    return get_or_deny(visible(viewer).select_for_update(of=("self",)), "media", story_id)


def lock_story(viewer: Viewer, story_id: int) -> Story:
    """A story the viewer may review, its row locked for the step."""
    require(viewer, "media.write")
    return get_or_deny(visible(viewer).select_for_update(of=("self",)), "media", story_id)


# --- the analyst's steps -----------------------------------------------------------------


def review_signal(viewer: Viewer, story_id: int, signal_id: int, verdict: str) -> Signal:
    """Confirm or reject a signal of a story; the classifier learns from it later."""
    if verdict not in (Review.CONFIRMED, Review.REJECTED):
        raise Invalid("Pilihan tidak valid.", {"verdict": "pilih benar atau salah"})
    story = lock_story(viewer, story_id)
    signal = story.signals.filter(pk=signal_id).first()
    if signal is None:
        raise Invalid("Sinyal tidak ada pada berita ini.", {"signal": "sinyal tidak dikenal"})
    signal.review = verdict
    signal.reviewed_by_id = viewer.user_id
    signal.reviewed_at = timezone.now()
    signal.save(update_fields=["review", "reviewed_by", "reviewed_at"])
    refresh_severity(story)
    enqueue(LEARN_JOB, key=LEARN_JOB)
    return signal


def mark_clarified(viewer: Viewer, story_id: int, url: str) -> Story:
    """A hoax set right, with the address of the clarification."""
    url = url.strip()
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        raise Invalid(
            "Tautan klarifikasi belum benar.", {"url": "isi alamat lengkap, diawali https://"}
        ) from None
    story = lock_story(viewer, story_id)
    if not story.signals.filter(kind="hoaks").exclude(review=Review.REJECTED).exists():
        raise Invalid(
            "Berita ini tidak memuat sinyal hoaks yang masih berlaku.",
            {"url": "hanya hoaks yang dapat ditandai sudah diklarifikasi"},
        )
    story.clarified_url = url[:1000]
    story.clarified_at = timezone.now()
    story.save(update_fields=["clarified_url", "clarified_at"])
    return story


def link_incident(story: Story, incident_id: int) -> Story:
    """The incident recorded from a locked story (the links tier records it)."""
    if story.incident_id is not None:
        raise Invalid("Berita ini sudah tercatat sebagai kejadian.", {"types": "sudah dicatat"})
    story.incident_id = incident_id
    story.save(update_fields=["incident"])
    return story


def link_activity(story: Story, activity_id: int) -> Story:
    story.activities.add(activity_id)
    return story


def activity_ids(story: Story) -> list[int]:
    return list(story.activities.values_list("pk", flat=True))


# --- what the tension picture reads --------------------------------------------------------


@dataclass(frozen=True)
class MediaSignal:
    desa: str  # Kemendagri code of the desa or kelurahan
    day: date  # the event's day, else the story's first publication (UTC date)
    kind: str  # a code of sejuk.nlp.signals.SIGNALS
    weight: int
    story_id: int  # the evidence


def signals_for(prefix: str, since: date, until: date) -> list[MediaSignal]:
    """Confirmed signals of stories placed in a desa or kelurahan under ``prefix`` (a
    region code: "52.01" is all of Lombok Barat; "" is everywhere), on a day from
    ``since`` to ``until`` (both included). A story placed only at a kecamatan or above
    is no desa's. Not under any viewer's area: the picture applies it when it shows."""
    qs = Signal.objects.filter(review=Review.CONFIRMED, story__region__isnull=False)
    if prefix:
        qs = qs.filter(
            Q(story__region_id=prefix) | Q(story__region__code__startswith=prefix.rstrip(".") + ".")
        )
    # The database narrows to the window (a day either side for the publication's
    # zone); the exact day is the event's where the reader found one.
    margin = timedelta(days=1)
    qs = qs.filter(
        Q(story__event_date__range=(since, until))
        | Q(
            story__event_date__isnull=True,
            story__first_published__date__range=(since - margin, until + margin),
        )
    )
    rows = qs.values_list(
        "kind",
        "weight",
        "story_id",
        "story__region_id",
        "story__event_date",
        "story__first_published",
    )
    out = []
    for kind, weight, story_id, code, event_day, first in rows:
        if code.count(".") != 3:
            continue
        day = event_day or first.astimezone(UTC).date()
        if since <= day <= until:
            out.append(MediaSignal(code, day, kind, weight, story_id))
    out.sort(key=lambda s: (s.day, s.desa, s.kind, s.story_id))
    return out


def confirmed_on(viewer: Viewer, day: date, span: tuple[datetime, datetime]) -> list[Signal]:
    """The confirmed signals of the stories in the viewer's area about a day (the daily
    situation report): the event's day, else published within the day's ``span``."""
    stories = visible(viewer).filter(
        Q(event_date=day)
        | Q(event_date__isnull=True, first_published__gte=span[0], first_published__lt=span[1])
    )
    return list(
        Signal.objects.filter(review=Review.CONFIRMED, story__in=stories)
        .select_related("story", "story__region")
        .order_by("-weight", "kind", "story_id")
    )


def parse_day(value: str, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Invalid("Tanggal tidak valid.", {field: "tulis tanggal sebagai TTTT-BB-HH"}) from None


def now() -> datetime:
    return timezone.now()
