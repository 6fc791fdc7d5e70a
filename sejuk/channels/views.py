"""Pages and webhooks of the channels: each channel's webhook (store raw, answer at
once), the operators' inbox and a conversation with its messages, and the local
simulator (``/dev/chat/``, only with SEJUK_CHAT_SIMULATOR)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, RawPostDataException
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from sejuk.accounts.access import current_viewer
from sejuk.errors import Invalid, SejukError

from . import services, simulator
from .adapters.whatsapp import WhatsApp
from .models import Channel, State


@csrf_exempt
@require_http_methods(["GET", "POST"])
def webhook(request: HttpRequest, channel: str) -> HttpResponse:
    """The address given to the service. POST: verified, stored raw, acknowledged;
    processing follows in the background. GET: WhatsApp's subscription handshake."""
    try:
        if request.method == "GET":
            found = services.adapter(channel)
            if not isinstance(found, WhatsApp):
                raise Http404
            return HttpResponse(found.handshake(request.GET), content_type="text/plain")
        services.adapter(channel)  # a channel that is off answers 404 before anything
        new = services.receive(channel, _body(request), request.headers)
    except SejukError as exc:
        return JsonResponse(exc.as_dict(), status=exc.status)
    return JsonResponse({"diterima": new})


def _body(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RawPostDataException:  # a form upload, already parsed: no service sends one
        raise Invalid("Webhook menerima JSON.") from None


@login_required
def inbox(request: HttpRequest) -> HttpResponse:
    viewer = current_viewer(request)
    found = services.visible(viewer)
    channel = request.GET.get("saluran", "")
    state = request.GET.get("status", "")
    if channel in Channel.values:
        found = found.filter(channel=channel)
    if state in State.values:
        found = found.filter(state=state)
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
            "status": services.channel_status(),
        },
    )


@login_required
def conversation(request: HttpRequest, conversation_id: int) -> HttpResponse:
    return _conversation_page(request, conversation_id)


def _conversation_page(request: HttpRequest, conversation_id: int, **extra: object) -> HttpResponse:
    viewer = current_viewer(request)
    found = services.get_conversation(viewer, conversation_id)
    return render(
        request,
        "channels/conversation.html",
        {
            "conversation": found,
            "messages": services.timeline(found),
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
    address = services.reveal_address(current_viewer(request), conversation_id, request)
    return _conversation_page(request, conversation_id, address=address)


@login_required
@require_POST
def answer(request: HttpRequest, conversation_id: int) -> HttpResponse:
    try:
        services.answer_by_hand(
            current_viewer(request), conversation_id, request.POST.get("text", "")
        )
    except SejukError as exc:
        if exc.status != 422:
            raise
        return _conversation_page(request, conversation_id, error=exc.message)
    return redirect("channels:conversation", conversation_id)


@require_http_methods(["GET", "POST"])
def chat(request: HttpRequest) -> HttpResponse:
    """Talk to Sejuk as a citizen, or as the signed-in officer, without a channel."""
    if not settings.CHAT_SIMULATOR:
        raise Http404
    viewer = current_viewer(request)
    role = request.GET.get("sebagai") or request.POST.get("sebagai") or "warga"
    address = simulator.address(viewer, role)
    if request.method == "POST":
        simulator.say(address, request.POST.get("text", ""))
        return redirect(f"{request.path}?sebagai={role}")
    return render(
        request,
        "channels/chat.html",
        {"messages": simulator.timeline(address), "role": role, "officer": viewer.officer_id},
    )
