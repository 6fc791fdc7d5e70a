"""The operators' inbox of the channels: which conversations a person may see, and what
they may do with one (see the sender's number, answer by hand).

A citizen's chat is seen by exactly those who may see their report: once filed, the
report's own rule decides (``sejuk.reports.services.visible``: its place, its assigned
unit, its assigned Bhabinkamtibmas), and the sender's number is shown under the report's
contact rule (``reveal_reporter``: the roles that may, logged, never an anonymous
reporter's). A chat not filed yet is seen from the area of the place it has reached (a
desa's Bhabinkamtibmas and the units above); one with no place yet, from the units that
see the whole country. An officer's chat is seen from the area of its place and by the
officer's own units."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import HttpRequest

from sejuk.accounts import audit
from sejuk.accounts.access import Viewer, region_q, require
from sejuk.accounts.models import AuditAction
from sejuk.accounts.services import acting_user
from sejuk.channels import services as channels
from sejuk.channels.models import Conversation, Outbound, Role
from sejuk.crypto import decrypt
from sejuk.errors import Invalid, NotFound
from sejuk.reports import services as reports


def visible(viewer: Viewer) -> QuerySet[Conversation]:
    require(viewer, "report.read")
    found = Conversation.objects.select_related("region", "officer", "officer__unit")
    area = viewer.region_area("report.read")
    if area is None:
        return found
    filed = Q(report_id__in=reports.visible(viewer).values("pk"))
    placed = region_q(area, "region_id")
    citizen = Q(role=Role.CITIZEN) & (filed | (Q(report__isnull=True) & placed))
    if viewer.only_own("report.read"):
        units = Q(officer_id=viewer.officer_id or 0)
    else:
        units = Q(officer__unit_id__in=list(viewer.unit_ids or ()))
    officer = Q(role=Role.OFFICER) & (placed | units)
    return found.filter(citizen | officer)


def listing(viewer: Viewer, channel: str = "", state: str = "") -> QuerySet[Conversation]:
    """The inbox: the conversations the viewer may see, newest first, of one channel or
    state if asked."""
    found = visible(viewer)
    if channel:
        found = found.filter(channel=channel)
    if state:
        found = found.filter(state=state)
    return found


def get_conversation(viewer: Viewer, conversation_id: int) -> Conversation:
    found = visible(viewer).filter(pk=conversation_id).first()
    if found is None:
        raise NotFound("Percakapan tidak ditemukan.")
    return found


ANONYMOUS = (
    "Pelapor memilih anonim: nomor atau akun pengirimnya tidak ditampilkan. "
    "Jawab lewat percakapan ini bila perlu."
)


def reveal_address(viewer: Viewer, conversation_id: int, request: HttpRequest | None = None) -> str:
    """The sender's number or chat, for the roles that may see a reporter's contact.
    A filed chat goes by its report's rule (``reveal_reporter``: logged on the report,
    nothing for an anonymous reporter, whose chat answers ""); every look is written to
    the audit log."""
    require(viewer, "report.identity")
    conversation = get_conversation(viewer, conversation_id)
    if conversation.report_id is not None:
        identity = reports.reveal_reporter(viewer, conversation.report_id, request)
        if identity["anonymous"]:
            return ""
    elif conversation.role == Role.CITIZEN and conversation.answers.get("anonymous") is True:
        return ""
    audit.record(
        AuditAction.VIEW_IDENTITY,
        request=request,
        user=acting_user(viewer) if request is None else None,
        object_type="conversation",
        object_id=conversation.pk,
        detail={"channel": conversation.channel},
    )
    return decrypt(conversation.address)


def answer_by_hand(viewer: Viewer, conversation_id: int, text: str) -> Outbound:
    """An operator's own answer, sent to the chat through the same queue as Sejuk's."""
    require(viewer, "report.write")
    conversation = get_conversation(viewer, conversation_id)
    text = text.strip()
    if not text:
        raise Invalid("Tulis jawaban Anda dulu.", {"text": "kosong"})
    if len(text) > 4000:
        raise Invalid(
            "Jawaban terlalu panjang (maksimal 4.000 huruf).", {"text": "terlalu panjang"}
        )
    return channels.reply(conversation, text, by=acting_user(viewer))
