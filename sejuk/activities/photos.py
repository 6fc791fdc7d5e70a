"""Photos of an activity: checked by content, resized, stripped of location unless kept,
and served only to those who may see the activity."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from django.http import HttpRequest

from sejuk.accounts.access import Viewer, get_or_deny, require_region
from sejuk.errors import Invalid
from sejuk.uploads import StoredPhoto, removed_on_failure, store_photo

from .models import Activity, Change, ChangeAction, Photo
from .services import visible

MAX_PHOTOS = 10
IMAGE = Photo._meta.get_field("image")


def prepare(raw: bytes, *, keep_location: bool = False) -> StoredPhoto:
    """The slow part, before any transaction: checked by content, resized, stored."""
    return store_photo(raw, IMAGE, keep_location=keep_location)


def prepare_uploads(request: HttpRequest) -> list[StoredPhoto]:
    """The photos a form or API request sends, prepared (``prepare``)."""
    keep = request.POST.get("keep_location") in ("on", "1", "true")
    uploads = request.FILES.getlist("photo")
    if len(uploads) > MAX_PHOTOS:
        raise _too_many()
    return [prepare(upload.read(), keep_location=keep) for upload in uploads]


@contextmanager
def kept_if_saved(prepared: Sequence[StoredPhoto]) -> Iterator[None]:
    """Around the write of prepared photos: their files go again if it fails."""
    with removed_on_failure(prepared, IMAGE):
        yield


def save_photos(viewer: Viewer, activity: Activity, prepared: Sequence[StoredPhoto]) -> list[Photo]:
    """The write: a row, and a line of history, per prepared photo."""
    require_region(viewer, "activity.write", activity.region_id, "region")
    if activity.photos.count() + len(prepared) > MAX_PHOTOS:
        raise _too_many()
    return [_save(viewer, activity, stored) for stored in prepared]


def _save(viewer: Viewer, activity: Activity, stored: StoredPhoto) -> Photo:
    photo = Photo.objects.create(
        activity=activity,
        image=stored.name,
        width=stored.width,
        height=stored.height,
        kept_location=stored.location is not None,
        uploaded_by_id=viewer.user_id,
    )
    if stored.location and activity.lat is None:
        activity.lat, activity.lng = stored.location
        activity.save(update_fields=["lat", "lng", "updated_at"])
    Change.objects.create(
        activity=activity,
        by_id=viewer.user_id,
        by_name=viewer.username,
        action=ChangeAction.PHOTO,
        fields={"photo": [None, photo.image.name]},
    )
    return photo


def add_photo(
    viewer: Viewer, activity: Activity, raw: bytes, *, keep_location: bool = False
) -> Photo:
    """One photo, prepared then saved: for callers outside a request's transaction
    (commands, tests); a page or an endpoint prepares first and saves in its write."""
    require_region(viewer, "activity.write", activity.region_id, "region")
    if activity.photos.count() >= MAX_PHOTOS:
        raise _too_many()
    stored = prepare(raw, keep_location=keep_location)
    with kept_if_saved([stored]):
        return _save(viewer, activity, stored)


def _too_many() -> Invalid:
    return Invalid(f"Paling banyak {MAX_PHOTOS} foto per kegiatan.", {"photo": "terlalu banyak"})


def get_photo(viewer: Viewer, photo_id: int) -> Photo:
    photos = Photo.objects.filter(activity__in=visible(viewer).values("pk"))
    return get_or_deny(photos, "photo", photo_id)
