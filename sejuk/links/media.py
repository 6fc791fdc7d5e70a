"""A story of the news linked to the rest of the work, each step in the caller's
transaction: the story's row is locked first, then the other side is read or written
through its own app's services."""

from __future__ import annotations

from datetime import UTC, datetime, time

from sejuk.accounts.access import Viewer
from sejuk.activities import services as activities
from sejuk.activities.models import Activity
from sejuk.errors import Invalid
from sejuk.incidents import services as incidents
from sejuk.incidents.models import Incident
from sejuk.media import services as media
from sejuk.media.models import Story


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
