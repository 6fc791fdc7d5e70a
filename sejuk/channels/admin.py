"""For administrators: the messages going out, with their tries and last error (the text
itself stays in the inbox, under the area rule), and which channels are on; a channel
without its credentials says which settings it lacks."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest, HttpResponse

from sejuk.accounts.admin import ScopedAdmin

from .models import Outbound
from .services import channel_status


@admin.register(Outbound)
class OutboundAdmin(ScopedAdmin):
    list_display = ("created_at", "channel", "state", "attempts", "sent_at", "error_line")
    list_filter = ("state", "conversation__channel")
    fields = ("created_at", "state", "attempts", "sent_at", "external_id", "error")
    readonly_fields = fields
    list_select_related = ("conversation",)

    @admin.display(description="saluran")
    def channel(self, message: Outbound) -> str:
        return message.conversation.get_channel_display()

    @admin.display(description="galat terakhir")
    def error_line(self, message: Outbound) -> str:
        return message.error[:120]

    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        for _, label, missing in channel_status():
            if label == "Simulator":
                continue
            if missing:
                self.message_user(
                    request,
                    f"{label} tidak aktif: isi {', '.join(missing)}.",
                    messages.WARNING,
                )
            else:
                self.message_user(request, f"{label} aktif.", messages.INFO)
        return super().changelist_view(request, extra_context)

    def get_queryset(self, request: HttpRequest) -> Any:
        return admin.ModelAdmin.get_queryset(self, request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
