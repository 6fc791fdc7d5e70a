"""Receiving a report: from a citizen (web form, later WhatsApp, Telegram, SMS through
their adapters) or from an officer. ``prepare`` checks everything first (matching the
place named in words, checking and storing the photo: the slow part, before any
transaction), then ``write`` records the report, its photo and its first history entry
in one go, assigned to whoever is responsible for the place, with the deadline for a
first response."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connections, router, transaction
from django.utils import timezone
from lokal.phone import parse_phone

from sejuk.accounts.access import Viewer, require, require_region
from sejuk.crypto import encrypt
from sejuk.errors import Invalid
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.reference.zones import ZONE_TZ, zone_of
from sejuk.regions.models import Region
from sejuk.units.routing import Route, routed, routes
from sejuk.uploads import StoredPhoto, clean_image, removed_on_failure, store_image

from . import rows
from .models import CATEGORIES, Channel, Event, Report, ReportPhoto, Urgency
from .privacy import mask_phones

PHOTO = ReportPhoto._meta.get_field("image")
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CATEGORY_CODES = {code for code, _ in CATEGORIES}

# How urgent a category is when the reporter does not say it is happening now.
CATEGORY_URGENCY = {
    "bentrokan": Urgency.DARURAT,
    "pengerahan_massa": Urgency.DARURAT,
    "perusakan": Urgency.SEGERA,
    "intimidasi": Urgency.SEGERA,
    "provokasi": Urgency.SEGERA,
    "unjuk_rasa": Urgency.SEGERA,
    "penolakan_hasil": Urgency.SEGERA,
    "politik_uang": Urgency.SEGERA,
    "kriminal_umum": Urgency.SEGERA,
}


def new_code() -> str:
    """A tracking code a person can read out on the phone: 12 characters, 60 random
    bits, in three groups ("K7M2-Q9PX-3TDA")."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(text: str) -> str:
    """What a person types back: any case, with or without dashes, O for 0, I or L for 1."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    return f"{cleaned[:4]}-{cleaned[4:8]}-{cleaned[8:12]}" if len(cleaned) == 12 else ""


def deadline(urgency: str, received: datetime) -> datetime:
    return received + timedelta(minutes=settings.REPORT_RESPONSE_MINUTES[urgency])


@dataclass
class ReportInput:
    category: str
    description: str
    region: str = ""  # a Kemendagri code, or
    place_text: str = ""  # the place in the reporter's words, resolved by region search
    lat: float | None = None
    lng: float | None = None
    occurred_on: date | None = None
    occurred_time: time | None = None
    happening_now: bool = False
    anonymous: bool = True
    name: str = ""
    phone: str = ""
    photo: bytes | None = None
    urgency: str = ""  # officers may set it; citizens say "happening now" instead


@dataclass(frozen=True)
class PlaceChoice:
    code: str
    path: str


class AmbiguousPlace(Invalid):
    """The place text names several regions: the form offers them to choose from."""

    def __init__(self, choices: list[PlaceChoice]) -> None:
        super().__init__(
            "Lokasi cocok dengan beberapa wilayah: pilih yang benar.",
            {"place_text": "pilih salah satu"},
        )
        self.choices = choices


def resolve_place(
    data: ReportInput, errors: dict[str, str], within: tuple[str, ...] = ()
) -> Region | None:
    if data.region:
        region = region_named(data.region.strip())
        if region is None:
            errors["region"] = "kode wilayah tidak dikenal"
        return region
    text = data.place_text.strip()
    if not text:
        errors["place_text"] = "sebutkan desa/kelurahan, kecamatan, kabupaten/kota"
        return None
    found = default_gazetteer().search(text, within=within, limit=5)
    if not found or found[0].score < 0.5:
        errors["place_text"] = "lokasi tidak dikenali; tulis nama desa dan kecamatannya"
        return None
    best = [c for c in found if c.score == found[0].score]
    if len(best) > 1:
        raise AmbiguousPlace([PlaceChoice(c.region.code, c.path) for c in best])
    return Region.objects.filter(code=best[0].region.code).first()


# A region by its code: from the routing table this process keeps (every region's code
# and level), else read by one statement made once (a region added since the table was
# read); the rest of the row is read only if something asks for it.
_REGION_FIELDS = ("code", "level")


def region_named(code: str) -> Region | None:
    alias = router.db_for_read(Region)
    level = routes.table().level(code)
    if level is not None:
        return Region.from_db(alias, _REGION_FIELDS, (code, level))
    quote = connections[alias].ops.quote_name
    columns = ", ".join(quote(f) for f in _REGION_FIELDS)
    sql = f"SELECT {columns} FROM {quote(Region._meta.db_table)} WHERE {quote('code')} = %s"  # noqa: S608
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [code])
        row = cursor.fetchone()
    return None if row is None else Region.from_db(alias, _REGION_FIELDS, row)


def _check(data: ReportInput, errors: dict[str, str], region: Region | None) -> datetime | None:
    if data.category not in CATEGORY_CODES:
        errors["category"] = "pilih salah satu kategori"
    description = data.description.strip()
    if len(description) < 10:
        errors["description"] = "ceritakan apa yang terjadi (minimal 10 huruf)"
    elif len(description) > 5000:
        errors["description"] = "maksimal 5.000 huruf"
    if len(data.place_text) > 200:
        errors["place_text"] = "maksimal 200 huruf"
    if not data.anonymous:
        if len(data.name.strip()) > 100:
            errors["name"] = "maksimal 100 huruf"
        if data.phone.strip():
            parsed = parse_phone(data.phone)
            if not parsed.valid:
                errors["phone"] = parsed.errors[0].message if parsed.errors else "nomor tidak sah"
        if not data.name.strip() and not data.phone.strip():
            errors["name"] = "isi nama atau telepon, atau pilih anonim"
    for name, low, high in (("lat", -11.5, 6.5), ("lng", 94.5, 141.5)):
        value = getattr(data, name)
        if value is not None and not low <= value <= high:
            errors[name] = "di luar wilayah Indonesia"
    if data.urgency and data.urgency not in Urgency.values:
        errors["urgency"] = "pilihan tidak dikenal"
    if data.occurred_on is None or region is None:
        return None
    tz = ZoneInfo(ZONE_TZ[zone_of(region.code)])
    today = timezone.now().astimezone(tz).date()
    if data.occurred_on > today:
        errors["occurred_on"] = "tanggal di masa depan"
    elif data.occurred_on < today - timedelta(days=366):
        errors["occurred_on"] = "lebih dari setahun lalu"
    return datetime.combine(data.occurred_on, data.occurred_time or time(12, 0), tzinfo=tz)


@dataclass
class PreparedReport:
    """A report checked whole and its photo stored, not written yet (``write``)."""

    report: Report
    photo: StoredPhoto | None
    viewer: Viewer | None
    route: Route

    @contextmanager
    def kept_if_written(self) -> Iterator[None]:
        """Around the write: the stored photo goes again if the write fails."""
        with removed_on_failure([self.photo] if self.photo else [], PHOTO):
            yield


def prepare(
    data: ReportInput,
    *,
    channel: str = Channel.WEB,
    viewer: Viewer | None = None,
    source_text: str = "",
    reader: dict[str, object] | None = None,
) -> PreparedReport:
    """Check a report whole (the place matched from the reporter's words, the photo
    checked and resized), writing nothing to the database: the slow part of receiving a
    report, before the transaction. A bad report raises and stores nothing. ``viewer``:
    the officer who records it (None for a citizen)."""
    if viewer is not None:
        require(viewer, "report.write")
    errors: dict[str, str] = {}
    within = () if viewer is None else (viewer.region_area("report.write") or ())
    region = resolve_place(data, errors, within)
    occurred_at = _check(data, errors, region)
    image = None
    if data.photo:
        try:
            image = clean_image(data.photo)
        except Invalid as exc:
            errors.update(exc.fields)
    if errors:
        raise Invalid("Laporan belum dapat dikirim: periksa isian yang ditandai.", errors)
    assert region is not None
    if viewer is not None:
        require_region(viewer, "report.write", region.code, "region")
    route = routed(region)  # kept per process: no unit or officer read per report
    urgency = (
        Urgency.DARURAT
        if data.happening_now
        else (data.urgency or CATEGORY_URGENCY.get(data.category, Urgency.BIASA))
    )
    anonymous = data.anonymous or not (data.name.strip() or data.phone.strip())
    phone = ""
    if not anonymous and data.phone.strip():
        phone = parse_phone(data.phone).e164 or data.phone.strip()
    description, verbatim = protected_text(data.description, source_text)
    report = Report(
        category=data.category,
        urgency=urgency,
        description=description,
        region=region,
        place_text=data.place_text.strip(),
        lat=data.lat,
        lng=data.lng,
        occurred_at=occurred_at,
        channel=channel,
        anonymous=anonymous,
        reporter_name="" if anonymous else encrypt(data.name.strip()),
        reporter_phone=encrypt(phone),
        assigned_unit_id=route.unit_id,
        assigned_officer_id=route.officer_id,
        source_text=encrypt(verbatim),
        reader=reader,
        created_by_id=viewer.user_id if viewer else None,
    )
    stored = store_image(image, PHOTO) if image is not None else None
    return PreparedReport(report, stored, viewer, route)


def write(prepared: PreparedReport) -> Report:
    """Store a prepared report, its photo's row and its first history entry in one go,
    with the deadline for a first response counted from now: two INSERTs (three with a
    photo), each by a statement made once (``rows``), and nothing else. The caller's
    transaction holds them (one is opened here if it has none). A fresh tracking code is
    drawn again on the (one in a quintillion) clash: the INSERT of the clash stores
    nothing (``ON CONFLICT DO NOTHING``), so no savepoint and no look-up are needed."""
    report, viewer, route = prepared.report, prepared.viewer, prepared.route
    report.due_at = deadline(report.urgency, timezone.now())
    with transaction.atomic(savepoint=False):
        for _ in range(5):
            report.code = new_code()
            if rows.insert(report, conflict="code"):
                break
        else:
            raise RuntimeError("could not draw a free tracking code")
        if prepared.photo is not None:
            ReportPhoto.objects.create(
                report=report,
                image=prepared.photo.name,
                width=prepared.photo.width,
                height=prepared.photo.height,
            )
        rows.insert(
            Event(
                report=report,
                by_id=viewer.user_id if viewer else None,
                by_name=viewer.username if viewer else "pelapor",
                action="received",
                to_state=report.state,
                detail={
                    "channel": report.channel,
                    "unit": route.unit_name,
                    "officer": route.officer_label,
                },
            )
        )
    return report


def submit(
    data: ReportInput,
    *,
    channel: str = Channel.WEB,
    viewer: Viewer | None = None,
    source_text: str = "",
    reader: dict[str, object] | None = None,
) -> Report:
    """Prepare, then write (for callers outside a request's transaction: commands, the
    demo, tests); pages and endpoints prepare first and write in their transaction."""
    prepared = prepare(data, channel=channel, viewer=viewer, source_text=source_text, reader=reader)
    with prepared.kept_if_written():
        return write(prepared)


def protected_text(description: str, source_text: str = "") -> tuple[str, str]:
    """The report's working text with phone numbers masked, and the text as it came in,
    to be kept encrypted: the forwarded message an officer pasted, else the reporter's
    own words when masking changed them (nothing accepted is lost)."""
    masked, count = mask_phones(description.strip())
    verbatim = source_text.strip() or (description.strip() if count else "")
    return masked, verbatim
