"""Webhooks of the channels: each channel's webhook (store raw, answer at once), and the
local simulator (``/dev/chat/``, only with SEJUK_CHAT_SIMULATOR). The operators' inbox
sees chats by their reports' rule, so it lives above both (``sejuk.links.inbox_views``)."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, RawPostDataException
from django.shortcuts import redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from sejuk.accounts.access import current_viewer
from sejuk.errors import Invalid, SejukError

from . import services, simulator
from .adapters.whatsapp import WhatsApp


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


# Called straight after the input rule (sejuk.web.middleware.LeanMiddleware): a service's
# signed call carries no session, user or CSRF token, and is answered in milliseconds.
webhook.lean = True  # type: ignore[attr-defined]


def _body(request: HttpRequest) -> bytes:
    try:
        return request.body
    except RawPostDataException:  # a form upload, already parsed: no service sends one
        raise Invalid("Webhook menerima JSON.") from None


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
