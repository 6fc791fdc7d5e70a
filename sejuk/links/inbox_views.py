"""Pages of the operators' inbox: the conversations a person may see (``inbox``), one
conversation with its messages, the sender's number on request, an answer by hand. The
rule of who sees what is ``sejuk.links.inbox``'s."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from sejuk.accounts.access import current_viewer
from sejuk.channels import services as channels
from sejuk.channels.models import Channel, State
from sejuk.errors import SejukError

from . import inbox as service


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    channel = request.GET.get("saluran", "")
    state = request.GET.get("status", "")
    channel = channel if channel in Channel.values else ""
    state = state if state in State.values else ""
    found = service.listing(current_viewer(request), channel, state)
    page = Paginator(found, 50).get_page(request.GET.get("hal"))
    return render(
        request,
        "channels/inbox.html",
        {
            "page": page,
            "channels": Channel.choices,
            "states": State.choices,
            "channel": channel,
            "state": state,
            "status": channels.channel_status(),
        },
    )


@login_required
def conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _conversation_page(request, conversation_id)


def _conversation_page(request: HttpRequest, conversation_id: int, **extra: object) -> HttpResponse:
    viewer = current_viewer(request)
    found = service.get_conversation(viewer, conversation_id)
    return render(
        request,
        "channels/conversation.html",
        {
            "conversation": found,
            "messages": channels.timeline(found),
            "can_write": viewer.can("report.write"),
            "can_identity": viewer.can("report.identity"),
            "can_activity": viewer.can("activity.write"),
            **extra,
        },
    )


@login_required
@require_POST
def reveal(request: HttpRequest, conversation_id: int) -> HttpResponse:
    """The sender's number on this one page view; the look is in the audit log."""
    address = service.reveal_address(current_viewer(request), conversation_id, request)
    shown = {"address": address} if address else {"anonymous": service.ANONYMOUS}
    return _conversation_page(request, conversation_id, **shown)


@login_required
@require_POST
def answer(request: HttpRequest, conversation_id: int) -> HttpResponse:
    try:
        service.answer_by_hand(
            current_viewer(request), conversation_id, request.POST.get("text", "")
        )
    except SejukError as exc:
        if exc.status != 422:
            raise
        return _conversation_page(request, conversation_id, error=exc.message)
    return redirect("channels:conversation", conversation_id)
