"""Raising an alert once, delivering it to the right people in the way each chose, and
what a person reads and handles.

``raise_alert`` runs inside the caller's transaction (a background job: the edge): the
alert, its deliveries and the jobs that send them commit together, so an alert written
is an alert sent, also when the server restarts before sending. Sending (``deliver``,
``send_digests``) happens in jobs of its own, after that commit."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone

from sejuk.accounts.access import Viewer
from sejuk.accounts.models import User
from sejuk.errors import Invalid, NotFound
from sejuk.jobs import services as jobs
from sejuk.regions.names import place_name

from . import rules
from .models import Alert, Channel, Delivery, Preference, Raised, State
from .recipients import recipients
from .senders import SENDERS, reachable

SEND_JOB = "peringatan-kirim"
CHECK_JOB = "peringatan-periksa"

# What raised an alert, and the page that shows it.
SUBJECT_PAGES = {
    "laporan": ("reports:detail", "report"),
    "kejadian": ("incidents:detail", "incident"),
    "desa": ("tension:desa", "code"),
}


def raise_alert(
    rule: str,
    code: str,
    *,
    subject: tuple[str, object],
    text: str,
    key: str,
    now: datetime | None = None,
) -> Alert | None:
    """Alert the people of desa ``code`` once. Nothing when the rule is switched off or
    ``key`` was alerted before; within the quiet period of an alert of the same rule for
    the same desa, only that alert's repeat count grows (a flapping desa, a second
    incident the same day: no storm)."""
    key = key[:120]
    if rule not in settings.ALERT_RULES or Raised.objects.filter(key=key).exists():
        return None
    now = now or timezone.now()
    quiet = timedelta(hours=settings.ALERT_QUIET_HOURS)
    recent = (
        Alert.objects.filter(rule=rule, region_code=code, created_at__gt=now - quiet)
        .order_by("-created_at")
        .first()
        if quiet
        else None
    )
    try:
        with transaction.atomic():
            if recent is not None:
                Raised.objects.create(key=key, alert=recent)
                Alert.objects.filter(pk=recent.pk).update(
                    repeats=F("repeats") + 1, last_repeat_at=now
                )
                return None
            alert = Alert.objects.create(
                rule=rule,
                region_code=code,
                region_name=place_name(code)[:120],
                subject_type=subject[0],
                subject_id=str(subject[1]),
                text=text,
                dedupe_key=key,
            )
            Raised.objects.create(key=key, alert=alert)
    except IntegrityError:  # found by another runner a moment ago
        return None
    people = recipients(code)
    chosen = _chosen([u.pk for u in people], rule)
    for user in people:
        _deliver_to(alert, user, chosen.get(user.pk, {}), now)
    return alert


def seen(keys: list[str]) -> set[str]:
    """Those of ``keys`` found before (for rounds that find the same things again)."""
    return set(Raised.objects.filter(key__in=keys).values_list("key", flat=True))


def _chosen(user_ids: list[int], rule: str) -> dict[int, dict[str, str]]:
    out: dict[int, dict[str, str]] = defaultdict(dict)
    for user_id, mode in Preference.objects.filter(user_id__in=user_ids, rule=rule).values_list(
        "user_id", "mode"
    ):
        out[user_id][rule] = mode
    return out


def _deliver_to(alert: Alert, user: User, chosen: dict[str, str], now: datetime) -> None:
    mode = rules.effective(user.role_set(), alert.rule, chosen)
    if mode == rules.OFF:
        return
    Delivery.objects.create(alert=alert, user=user, channel=Channel.APP, state=State.SHOWN)
    if mode == rules.APP:
        return
    for channel, address in reachable(user):
        held = mode == rules.DIGEST or _storm(user, channel, now)
        delivery = Delivery.objects.create(
            alert=alert,
            user=user,
            channel=channel,
            address=address[:200],
            state=State.HELD if held else State.WAITING,
        )
        if not held:
            jobs.enqueue(SEND_JOB, {"delivery": delivery.pk}, key=str(delivery.pk))


def _storm(user: User, channel: str, now: datetime) -> bool:
    """Many alerts at once for one person: past ``SEJUK_ALERT_DIGEST_AFTER`` sent in the
    digest period, the rest wait for the digest."""
    since = now - timedelta(minutes=settings.ALERT_DIGEST_MINUTES)
    recent = Delivery.objects.filter(
        user=user,
        channel=channel,
        created_at__gt=since,
        state__in=(State.WAITING, State.SENT, State.FAILED),
    )
    return recent.count() >= settings.ALERT_DIGEST_AFTER


# --- sending ------------------------------------------------------------------------


class SendFailed(RuntimeError):
    """The channel did not take the alert; the job runner tries again later."""


def _closing() -> str:
    return "\n\nBuka menu Peringatan di Sejuk untuk melihat dan menandai sudah ditangani."


def deliver(delivery_id: int) -> str:
    """Send one alert by one channel. A failure worth retrying raises, so the runner tries
    again after 1, 2, 4 ... minutes; after the last try (or a refusal that would repeat)
    the delivery stays failed with its error, in the admin."""
    delivery = Delivery.objects.select_related("alert").filter(pk=delivery_id).first()
    if delivery is None or delivery.state != State.WAITING:
        return "sudah diproses"
    alert = delivery.alert
    subject = f"{alert.get_rule_display()}: {alert.region_name}"
    result = SENDERS[delivery.channel].send(delivery.address, subject, alert.text + _closing())
    attempts = delivery.attempts + 1
    rows = Delivery.objects.filter(pk=delivery.pk)
    if result.ok:
        rows.update(state=State.SENT, attempts=attempts, sent_at=timezone.now(), last_error="")
        return "terkirim"
    final = not result.retry or attempts >= jobs.MAX_ATTEMPTS
    rows.update(
        state=State.FAILED if final else State.WAITING,
        attempts=attempts,
        last_error=result.error[:2000],
    )
    if not result.retry:
        return f"gagal: {result.error}"
    raise SendFailed(result.error)


def send_digests() -> str:
    """Each person's held alerts, one message per channel. A failed digest stays held
    for the next round, its error on each delivery; the round then fails, so the admin
    shows it and the runner tries again sooner."""
    held = (
        Delivery.objects.filter(state=State.HELD)
        .select_related("alert")
        .order_by("user_id", "channel", "created_at")
    )
    groups: dict[tuple[int, str, str], list[Delivery]] = defaultdict(list)
    for delivery in held[:5000]:
        groups[(delivery.user_id, delivery.channel, delivery.address)].append(delivery)
    failed: list[str] = []
    for (_, channel, address), items in groups.items():
        lines = [
            f"- {d.alert.get_rule_display()}, {d.alert.region_name}: {d.alert.text}" for d in items
        ]
        subject = f"Ringkasan {len(items)} peringatan"
        text = f"{subject}:\n" + "\n".join(lines) + _closing()
        result = SENDERS[channel].send(address, subject, text)
        rows = Delivery.objects.filter(pk__in=[d.pk for d in items])
        if result.ok:
            rows.update(state=State.SENT, sent_at=timezone.now(), last_error="")
            continue
        attempts = max(d.attempts for d in items) + 1
        final = not result.retry or attempts >= jobs.MAX_ATTEMPTS
        rows.update(
            state=State.FAILED if final else State.HELD,
            attempts=attempts,
            last_error=result.error[:2000],
        )
        failed.append(f"{channel} {address}: {result.error}")
    summary = f"{len(groups) - len(failed)} ringkasan terkirim"
    if failed:
        raise SendFailed(f"{summary}; gagal: " + "; ".join(failed))
    return summary


# --- reading and handling -----------------------------------------------------------


def _me(viewer: Viewer) -> int:
    if viewer.user_id is None:  # the pages and the API ask for a signed-in person first
        raise NotFound("Peringatan tidak ditemukan.")
    return viewer.user_id


def inbox(viewer: Viewer) -> QuerySet[Delivery]:
    """The viewer's alerts in the app, newest first."""
    return (
        Delivery.objects.filter(user_id=_me(viewer), channel=Channel.APP)
        .select_related("alert", "alert__handled_by")
        .order_by("-created_at", "-id")
    )


def unread_count(user_id: int) -> int:
    return Delivery.objects.filter(
        user_id=user_id, channel=Channel.APP, read_at__isnull=True
    ).count()


def mark_read(viewer: Viewer, delivery_ids: list[int]) -> int:
    return Delivery.objects.filter(
        pk__in=delivery_ids, user_id=_me(viewer), channel=Channel.APP, read_at__isnull=True
    ).update(read_at=timezone.now())


def handle(viewer: Viewer, alert_id: int) -> Alert:
    """Mark an alert handled, for everyone it went to; the first to handle it stays its
    handler. Only a person the alert went to may."""
    mine = Delivery.objects.filter(alert_id=alert_id, user_id=_me(viewer), channel=Channel.APP)
    if not mine.exists():
        raise NotFound("Peringatan tidak ditemukan.")
    now = timezone.now()
    Alert.objects.filter(pk=alert_id, handled_at__isnull=True).update(
        handled_by_id=_me(viewer), handled_at=now
    )
    mine.filter(read_at__isnull=True).update(read_at=now)
    return Alert.objects.select_related("handled_by").get(pk=alert_id)


def link(alert: Alert) -> str:
    """The page of what raised the alert."""
    name, _ = SUBJECT_PAGES[alert.subject_type]
    arg: object = alert.subject_id if alert.subject_type == "desa" else int(alert.subject_id)
    return reverse(name, args=[arg])


# --- preferences --------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    rule: str
    label: str
    mode: str
    choices: list[tuple[str, str]]
    minimum: str


def preferences(user: User) -> list[Choice]:
    """Per rule: how the person receives it now, and what they may choose."""
    roles = user.role_set()
    chosen = dict(Preference.objects.filter(user=user).values_list("rule", "mode"))
    return [
        Choice(
            rule.code,
            rule.label,
            rules.effective(roles, rule.code, chosen),
            rules.choices(roles, rule.code),
            rules.minimum(roles, rule.code),
        )
        for rule in rules.RULES.values()
    ]


def set_preferences(user: User, wanted: dict[str, str]) -> None:
    """Save a person's choices; a mode below their role's minimum, or one that does not
    exist, is refused and nothing is saved."""
    roles = user.role_set()
    if not set(roles) & set(rules.CARING_ROLES):
        raise Invalid("Peran Anda tidak menerima peringatan.")
    errors: dict[str, str] = {}
    for rule, mode in wanted.items():
        if rule not in rules.RULES:
            errors[rule] = "aturan tidak dikenal"
        elif mode not in dict(rules.choices(roles, rule)):
            errors[rule] = "peran Anda wajib menerima peringatan ini, paling sedikit di aplikasi"
    if errors:
        raise Invalid("Pilihan peringatan belum benar; tidak ada yang diubah.", errors)
    for rule, mode in wanted.items():
        Preference.objects.update_or_create(user=user, rule=rule, defaults={"mode": mode})
