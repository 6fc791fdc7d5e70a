"""Checking and preparing uploaded photos.

A photo is judged by its content, never by its name: Pillow must read it as JPEG, PNG or
WebP, within a size and a pixel count. It is then turned upright, shrunk to at most
1,600 pixels on its longer side (a phone photo of 4 MB becomes about 300 KB, which a
weak signal can still carry to a commander) and saved again as JPEG, which drops every
metadata block; the location the phone wrote into it is kept only when the user asks.

All of it is slow work, so it runs before the write transaction opens: ``store_photo``
checks, resizes and stores the file, and the write then only records its name; when the
write fails, ``removed_on_failure`` takes the files it would have named away again.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db.models import FileField
from PIL import Image, ImageOps, UnidentifiedImageError

from sejuk.errors import Invalid

MAX_BYTES = 12 * 1024 * 1024
MAX_PIXELS = 40_000_000
MAX_SIDE = 1600
ALLOWED_FORMATS = {"JPEG", "PNG", "WEBP", "MPO"}  # MPO: some phones' JPEG variant
_GPS_TAG = 0x8825


@dataclass(frozen=True)
class CleanImage:
    data: bytes  # JPEG
    width: int
    height: int
    location: tuple[float, float] | None  # (lat, lng) read from the photo, if kept


def clean_image(raw: bytes, *, keep_location: bool = False) -> CleanImage:
    if not raw:
        raise Invalid("Berkas foto kosong.", {"photo": "kosong"})
    if len(raw) > MAX_BYTES:
        raise Invalid(
            f"Foto terlalu besar ({len(raw) // 1024 // 1024} MB); maksimal 12 MB.",
            {"photo": "terlalu besar"},
        )
    try:
        with Image.open(io.BytesIO(raw)) as probe:
            probe.verify()
        opened = Image.open(io.BytesIO(raw))
        if opened.format not in ALLOWED_FORMATS:
            raise Invalid(
                f"Format {opened.format} tidak diterima; kirim foto JPEG, PNG atau WebP.",
                {"photo": "format tidak diterima"},
            )
        if opened.width * opened.height > MAX_PIXELS:
            raise _too_many_pixels()
        exif = opened.getexif()
        location = _gps(exif) if keep_location else None
        image = ImageOps.exif_transpose(opened).convert("RGB")
    except Image.DecompressionBombError:
        # Pillow's own guard: a small file that would unpack to a giant picture.
        raise _too_many_pixels() from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise Invalid(
            "Berkas ini bukan foto yang dapat dibaca (JPEG, PNG atau WebP).",
            {"photo": "bukan foto"},
        ) from None
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    save_exif = Image.Exif()
    if location is not None:
        save_exif[_GPS_TAG] = exif.get_ifd(_GPS_TAG)
    image.save(out, "JPEG", quality=82, optimize=True, exif=save_exif.tobytes())
    return CleanImage(out.getvalue(), image.width, image.height, location)


@dataclass(frozen=True)
class StoredPhoto:
    """A photo checked, resized and stored, waiting for the row that names it."""

    name: str  # in the field's storage
    width: int
    height: int
    location: tuple[float, float] | None


def store_photo(raw: bytes, field: FileField, *, keep_location: bool = False) -> StoredPhoto:
    """Check and resize a photo (``clean_image``) and store it where ``field`` keeps its
    files. No transaction may be open: this is the slow part of adding a photo."""
    return store_image(clean_image(raw, keep_location=keep_location), field)


def store_image(image: CleanImage, field: FileField) -> StoredPhoto:
    """A checked photo stored where ``field`` keeps its files, under a random name."""
    path = field.generate_filename(None, f"{uuid.uuid4().hex}.jpg")
    name = field.storage.save(path, ContentFile(image.data))
    return StoredPhoto(name, image.width, image.height, image.location)


@contextmanager
def removed_on_failure(photos: Iterable[StoredPhoto], field: FileField) -> Iterator[None]:
    """Around the write that records stored photos: if it fails, no row names them, so
    their files go too."""
    try:
        yield
    except BaseException:
        for photo in photos:
            field.storage.delete(photo.name)
        raise


def _too_many_pixels() -> Invalid:
    return Invalid(
        f"Gambar terlalu besar: lebih dari {MAX_PIXELS // 1_000_000} juta piksel. "
        "Kirim foto dari kamera ponsel biasa atau kecilkan dulu.",
        {"photo": "terlalu besar"},
    )


def _gps(exif: Image.Exif) -> tuple[float, float] | None:
    gps = exif.get_ifd(_GPS_TAG)
    try:
        lat = _degrees(gps[2]) * (-1 if gps.get(1) == "S" else 1)
        lng = _degrees(gps[4]) * (-1 if gps.get(3) == "W" else 1)
    except (KeyError, TypeError, ZeroDivisionError, IndexError):
        return None
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        return None
    return round(lat, 6), round(lng, 6)


def _degrees(value: tuple[float, float, float]) -> float:
    d, m, s = (float(x) for x in value)
    return d + m / 60 + s / 3600
