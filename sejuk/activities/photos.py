"""Photos of an activity: checked by content, resized, stripped of location unless kept,
and served only to those who may see the activity."""

from __future__ import annotations

import uuid

from django.core.files.base import ContentFile
from django.http import HttpRequest

from sejuk.accounts.access import Viewer, get_or_deny, require_region
from sejuk.errors import Invalid
from sejuk.uploads import clean_image

from .models import Activity, Change, ChangeAction, Photo
from .services import visible

MAX_PHOTOS = 10


def add_photo(
    viewer: Viewer, activity: Activity, raw: bytes, *, keep_location: bool = False
) -> Photo:
    require_region(viewer, "activity.write", activity.region_id, "region")
    if activity.photos.count() >= MAX_PHOTOS:
        raise Invalid(f"Paling banyak {MAX_PHOTOS} foto per kegiatan.", {"photo": "terlalu banyak"})
    image = clean_image(raw, keep_location=keep_location)
    photo = Photo(
        activity=activity,
        width=image.width,
        height=image.height,
        kept_location=image.location is not None,
        uploaded_by_id=viewer.user_id,
    )
    photo.image.save(f"{uuid.uuid4().hex}.jpg", ContentFile(image.data), save=False)
    photo.save()
    if image.location and activity.lat is None:
        activity.lat, activity.lng = image.location
        activity.save(update_fields=["lat", "lng", "updated_at"])
    Change.objects.create(
        activity=activity,
        by_id=viewer.user_id,
        by_name=viewer.username,
        action=ChangeAction.PHOTO,
        fields={"photo": [None, photo.image.name]},
    )
    return photo


def attach_from_request(viewer: Viewer, activity: Activity, request: HttpRequest) -> int:
    require_region(viewer, "activity.write", activity.region_id, "region")
    files = request.FILES.getlist("photo")
    keep = request.POST.get("keep_location") in ("on", "1", "true")
    for upload in files:
        add_photo(viewer, activity, upload.read(), keep_location=keep)
    return len(files)


def get_photo(viewer: Viewer, photo_id: int) -> Photo:
    photos = Photo.objects.filter(activity__in=visible(viewer).values("pk"))
    return get_or_deny(photos, "photo", photo_id)
