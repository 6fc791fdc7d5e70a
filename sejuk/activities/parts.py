"""A photo sent in small parts over a weak signal, resumably.

The phone names the upload (a UUID) and sends each part at its byte offset; the server
writes it at that offset and says how far it has got. A part lost on the way is sent
again from where the server stopped, never from the start; a part sent twice writes the
same bytes twice. When the last part arrives the photo is checked, stored and attached
to the activity like any other (``photos``), once, however often the last part repeats.

Hand-written: the Django libraries for chunked uploads are built for Django REST
framework or unmaintained, and the protocol is three small steps.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

from django.conf import settings
from django.db.models import F

from sejuk.accounts.access import Viewer, require_region
from sejuk.errors import Conflict, Invalid, NotFound
from sejuk.uploads import MAX_BYTES, StoredPhoto

from . import photos
from .models import Activity, PhotoUpload
from .services import get_activity

MAX_SIZE = MAX_BYTES
MAX_PART = 1024 * 1024  # a part a weak 2G/3G link carries in well under a minute


class WrongOffset(Conflict):
    """A part sent from another place than where the server stopped."""

    def __init__(self, received: int) -> None:
        super().__init__(
            f"Bagian foto dikirim dari posisi yang salah: lanjutkan dari bita {received}.",
            {"offset": str(received)},
        )
        self.received = received


def folder() -> Path:
    return Path(settings.MEDIA_ROOT) / "bagian-foto"


def part_file(upload_id: UUID) -> Path:
    return folder() / f"{upload_id}.part"


def begin(
    viewer: Viewer, activity_id: int, upload_id: UUID, size: int, keep_location: bool
) -> PhotoUpload:
    """The upload of this id, begun now or before (by this person, for this activity)."""
    activity = get_activity(viewer, activity_id)
    require_region(viewer, "activity.write", activity.region_id, "region")
    if not 0 < size <= MAX_BYTES:
        raise Invalid(
            f"Ukuran foto harus antara 1 bita dan {MAX_BYTES // (1024 * 1024)} MB.",
            {"size": "di luar batas"},
        )
    upload = PhotoUpload.objects.filter(id=upload_id).first()
    if upload is None:
        upload = PhotoUpload.objects.create(
            id=upload_id,
            user_id=viewer.user_id or 0,  # signed in: the API asks it of every caller
            activity=activity,
            size=size,
            keep_location=keep_location,
        )
    if upload.user_id != viewer.user_id or upload.activity_id != activity.pk or upload.size != size:
        raise Invalid(
            "Id unggahan ini sudah dipakai untuk foto lain: mulai unggahan baru.",
            {"upload_id": "sudah dipakai"},
        )
    return upload


def status(viewer: Viewer, upload_id: UUID) -> PhotoUpload:
    upload = PhotoUpload.objects.filter(id=upload_id, user_id=viewer.user_id or 0).first()
    if upload is None:
        raise NotFound("Unggahan foto tidak ditemukan: mulai dari awal.")
    return upload


def write_part(upload: PhotoUpload, offset: int, data: bytes) -> None:
    """The file work, outside any transaction: the bytes at their place."""
    if upload.photo_id is not None:
        return
    if offset != upload.received:
        raise WrongOffset(upload.received)
    if not data or len(data) > MAX_PART:
        raise Invalid(
            f"Bagian foto harus berisi 1 bita sampai {MAX_PART // 1024} KB.", {"part": "ukuran"}
        )
    if offset + len(data) > upload.size:
        raise Invalid("Bagian foto melewati ukuran foto yang disebut.", {"part": "terlalu panjang"})
    folder().mkdir(parents=True, exist_ok=True)
    path = part_file(upload.id)
    with path.open("r+b" if path.exists() else "wb") as out:
        out.seek(offset)
        out.write(data)


def advance(upload: PhotoUpload, offset: int, length: int) -> PhotoUpload:
    """Count the part written (in the caller's transaction), only from where it was."""
    if upload.photo_id is None:
        moved = PhotoUpload.objects.filter(pk=upload.pk, received=offset).update(
            received=F("received") + length
        )
        if not moved:
            upload.refresh_from_db()
            if upload.received != offset + length:
                raise WrongOffset(upload.received)
    upload.refresh_from_db()
    return upload


def prepare_whole(upload: PhotoUpload) -> StoredPhoto | None:
    """The slow part once every byte is in: checked by content, resized, stored."""
    if upload.photo_id is not None or upload.received < upload.size:
        return None
    raw = part_file(upload.id).read_bytes()
    return photos.prepare(raw[: upload.size], keep_location=upload.keep_location)


def attach(viewer: Viewer, upload: PhotoUpload, stored: StoredPhoto) -> PhotoUpload:
    """The write (in the caller's transaction): the photo on its activity, once."""
    locked = PhotoUpload.objects.select_for_update().get(pk=upload.pk)
    if locked.photo_id is None:
        activity = Activity.objects.get(pk=locked.activity_id)
        (photo,) = photos.save_photos(viewer, activity, [stored])
        locked.photo = photo
        locked.save(update_fields=["photo"])
    return locked


def clean_up(upload: PhotoUpload) -> None:
    if upload.photo_id is not None:
        part_file(upload.id).unlink(missing_ok=True)
