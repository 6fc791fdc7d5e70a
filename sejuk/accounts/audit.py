"""Writing the audit log (sign-ins, denials, exports, views of a reporter's identity) and
saying in Indonesian what each entry is about.

Entries are written outside the request's own transaction (the callers run after the
view has finished, or in autocommit), so a denial that ends in an error is still kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.http import HttpRequest

from .models import AuditAction, AuditEvent, User

# What an entry is about, by the code the entry stores in ``object_type``: the kinds of
# object the services fetch under the area rule or export, the form fields of a write
# outside the area, and the capabilities of sejuk.accounts.access.CAPABILITIES a role
# lacked. The audit page, its API and the admin all read it here;
# tests/accounts/test_audit_page.py checks that every kind the code records is listed.
SUBJECTS: dict[str, str] = {
    # objects
    "activity": "kegiatan",
    "activity_recap": "rekap kegiatan",
    "photo": "foto kegiatan",
    "plan": "rencana kegiatan",
    "patrol_plan": "rencana patroli",
    "report": "laporan masyarakat",
    "report_photo": "foto laporan masyarakat",
    "incident": "kejadian",
    "media": "berita pemantauan media",
    "leader": "tokoh",
    "bulletin": "laporan situasi tersimpan",
    "bulletin_stored": "berkas laporan situasi tersimpan",
    "bulletin_daily": "laporan situasi harian",
    "bulletin_recap": "rekapitulasi kegiatan (XLSX)",
    "unit": "satuan",
    "officer": "personel",
    "conversation": "percakapan saluran pesan",
    "user": "pengguna",
    "token": "token API",
    "audit": "catatan audit",
    "tension": "peringkat kerawanan desa",
    # form fields of a write outside the area
    "region": "isian wilayah",
    "unit_id": "isian satuan",
    # capabilities a role lacked
    "leader.read": "izin melihat tokoh",
    "leader.write": "izin mengubah data tokoh",
    "officer.read": "izin melihat personel",
    "activity.read": "izin melihat kegiatan",
    "activity.write": "izin mencatat dan mengubah kegiatan",
    "report.read": "izin melihat laporan masyarakat",
    "report.write": "izin mencatat dan menangani laporan masyarakat",
    "report.triage": "izin memilah dan menugaskan laporan",
    "report.identity": "izin melihat identitas pelapor",
    "incident.read": "izin melihat kejadian",
    "incident.write": "izin mencatat kejadian",
    "media.read": "izin melihat pemantauan media",
    "media.write": "izin meninjau dan menambah berita pemantauan media",
    "bulletin.read": "izin melihat buletin",
    "bulletin.write": "izin menulis rilis",
    "audit.read": "izin membaca log audit",
    "tension.read": "izin melihat gambaran kerawanan",
    "patrol.plan": "izin menyusun rencana patroli",
    "user.manage": "izin mengelola pengguna",
}


def subject(object_type: str, object_id: str) -> str:
    """``tokoh #12``, ``isian wilayah 52.02.02.2001``, ``izin melihat laporan masyarakat``:
    what an entry is about (a kind not listed yet shows as its code)."""
    label = SUBJECTS.get(object_type, object_type)
    if not object_id:
        return label
    return f"{label} #{object_id}" if object_id.isdigit() else f"{label} {object_id}"


def detail_line(event: AuditEvent) -> str:
    """The part of an entry's details a reader needs: where a denial happened, how many
    rows an export held, which name a failed sign-in tried, which case was opened."""
    d = event.detail or {}
    if event.action == AuditAction.DENIED and d.get("path"):
        return f"{d.get('method', '')} {d['path']}".strip()
    if event.action == AuditAction.EXPORT and "rows" in d:
        fmt = d.get("format")
        return f"{d['rows']} baris" + (f", {fmt}" if fmt else "")
    if event.action in (AuditAction.LOGIN_FAILED, AuditAction.LOCKED_OUT) and d.get("username"):
        return f"nama dicoba: {d['username']}"
    if event.action == AuditAction.VIEW_IDENTITY and d.get("code"):
        return f"kode {d['code']}"
    return ""


@dataclass(frozen=True)
class Entry:
    """An audit entry as a person reads it."""

    event: AuditEvent
    action: str
    subject: str
    detail: str


def describe(event: AuditEvent) -> Entry:
    return Entry(
        event=event,
        action=event.get_action_display(),
        subject=subject(event.object_type, event.object_id),
        detail=detail_line(event),
    )


def client_ip(request: HttpRequest | None) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def record(
    action: str,
    *,
    request: HttpRequest | None = None,
    user: User | None = None,
    object_type: str = "",
    object_id: object = "",
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    if user is None and request is not None:
        auth = getattr(request, "auth", None)
        candidate = auth if isinstance(auth, User) else getattr(request, "user", None)
        user = candidate if isinstance(candidate, User) else None
    agent = request.META.get("HTTP_USER_AGENT", "")[:250] if request is not None else ""
    return AuditEvent.objects.create(
        actor=user,
        actor_name=user.get_username() if user else "",
        unit_id=user.unit_id if user else None,
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:40],
        detail=detail or {},
        ip=client_ip(request),
        user_agent=agent,
    )


def record_denial(request: HttpRequest, exc: Exception) -> None:
    record(
        AuditAction.DENIED,
        request=request,
        object_type=getattr(exc, "object_type", ""),
        object_id=getattr(exc, "object_id", ""),
        detail={"path": request.path[:200], "method": request.method or ""},
    )


@receiver(user_logged_in)
def _logged_in(sender: object, request: HttpRequest | None, user: User, **kw: Any) -> None:
    record(AuditAction.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _logged_out(sender: object, request: HttpRequest | None, user: User | None, **kw: Any) -> None:
    if user is not None:
        record(AuditAction.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _login_failed(
    sender: object, credentials: dict[str, Any], request: HttpRequest | None = None, **kw: Any
) -> None:
    # The password is never recorded: only the name that was tried.
    username = str(credentials.get("username", ""))[:150]
    user = User.objects.filter(username=username).first()
    record(
        AuditAction.LOGIN_FAILED,
        request=request,
        user=user,
        detail={"username": username},
    )
