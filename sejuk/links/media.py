"""A story of the news linked to the rest of the work, each step in the caller's
transaction: the story's row is locked first, then the other side is read or written
through its own app's services."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from sejuk.accounts.access import Viewer, require
from sejuk.activities import photos, reading
from sejuk.activities import services as activities
from sejuk.activities.forms import initial_from_values
from sejuk.activities.models import Activity, Source
from sejuk.errors import Invalid
from sejuk.incidents import services as incidents
from sejuk.incidents.models import Incident
from sejuk.media import services as media
from sejuk.media.models import Story
from sejuk.uploads import StoredPhoto


def record_incident(
    viewer: Viewer, story_id: int, data: incidents.IncidentInput
) -> tuple[Story, Incident]:
    """The verified incident a story reports, where the reader placed it and on its day."""
    story = media.lock_story(viewer, story_id)
    incidents.check(data)
    if story.region_id is None:
        raise Invalid(
            "Berita ini belum punya tempat; kejadian tidak dapat dicatat.",
            {"types": "tempat kejadian tidak terbaca dari berita"},
        )
    if story.incident_id is not None:
        raise Invalid("Berita ini sudah tercatat sebagai kejadian.", {"types": "sudah dicatat"})
    occurred = (
        datetime.combine(story.event_date, time(12), tzinfo=UTC)
        if story.event_date
        else story.first_published
    )
    incident = incidents.record_incident(
        viewer, data, region_id=story.region_id, occurred_at=occurred
    )
    return media.link_incident(story, incident.pk), incident


def link_activity(viewer: Viewer, story_id: int, activity_id: int) -> tuple[Story, Activity]:
    """An activity the viewer may see, which the story reports."""
    story = media.lock_story(viewer, story_id)
    activity = activities.get_activity(viewer, activity_id)
    return media.link_activity(story, activity.pk), activity


def story_links(story: Story, viewer: Viewer) -> dict[str, object]:
    """What a story is linked to, as far as the viewer may see it."""
    incident = None
    if story.incident_id and viewer.can("incident.read"):
        incident = incidents.visible(viewer).filter(pk=story.incident_id).first()
    linked: list[Activity] = []
    if viewer.can("activity.read"):
        linked = list(activities.visible(viewer).filter(pk__in=media.activity_ids(story)))
    return {"incident": incident, "linked_activities": linked}


# --- a police activity the news reports, not logged yet ------------------------------------


def unlogged_story(viewer: Viewer, story_id: int) -> Story:
    """A story the viewer may read and log as an activity: the reader read it as a
    police activity and no activity is linked to it yet."""
    require(viewer, "activity.write")
    story = media.get_story(viewer, story_id)
    _refuse_logged(story)
    return story


def _refuse_logged(story: Story) -> None:
    if not media.is_unlogged(story):
        raise Invalid(
            "Berita ini tidak dibaca sebagai kegiatan yang belum tercatat.",
            {"story": "kegiatannya sudah ditautkan, atau berita ini bukan tentang kegiatan"},
        )


def source_url(story: Story) -> str:
    first = story.articles.exclude(url="").order_by("published_at", "pk").first()
    return first.url if first is not None else ""


def activity_initial(viewer: Viewer, story: Story) -> dict[str, Any]:
    """The activity form's first values, from the reader's record of the story: its
    date, its desa, the activity types and the story's text as the summary, with the
    story's address as its source."""
    prefill = reading.read_message(viewer, story.text[:20_000], story.first_published.date())
    values = dict(prefill.values)
    if story.event_date:
        values["date"] = story.event_date
    if story.region_id and story.region_id.count(".") == 3:
        values["region"] = story.region_id
    url = source_url(story)
    suffix = f"\n\nSumber berita: {url}" if url else ""
    values["summary"] = f"{story.title}\n\n{story.text}"[: 5000 - len(suffix)] + suffix
    return {"unit_id": viewer.unit_id, **initial_from_values(values)}


def log_activity(
    viewer: Viewer, story_id: int, data: activities.ActivityInput, stored: list[StoredPhoto]
) -> tuple[Story, Activity]:
    """The activity the story reports, logged and linked to it in the caller's
    transaction; refused when another activity was linked meanwhile."""
    require(viewer, "activity.write")
    story = media.lock_visible(viewer, story_id)
    _refuse_logged(story)
    activity = activities.create_activity(viewer, data, source=Source.FORM, raw_text="")
    photos.save_photos(viewer, activity, stored)
    return media.link_activity(story, activity.pk), activity
