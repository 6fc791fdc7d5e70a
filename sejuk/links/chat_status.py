"""A report's later steps, told back to the chat it came from: when a case filed by chat
is verified, taken in hand, settled (and how), referred, merged or refused, a message is
queued to that conversation in the same transaction as the step, so it goes out exactly
when the step is kept."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from sejuk.channels import services as channels
from sejuk.channels.models import Conversation
from sejuk.reports.models import Event, Report, State
from sejuk.reports.public import STATE_TEXT


def status_text(report: Report) -> str:
    state = State(report.state)
    text = f"Kabar laporan {report.code}: {state.label}. {STATE_TEXT[state]}"
    if state == State.SELESAI and report.settlement:
        text += f" Cara penyelesaian: {report.get_settlement_display()}."
    if state == State.DIRUJUK and report.referred_to:
        text += f" Diteruskan ke: {report.get_referred_to_display()}."
    if state == State.DUPLIKAT and report.duplicate_of_id:
        merged = Report.objects.filter(pk=report.duplicate_of_id).values_list("code", flat=True)
        text += f" Ikuti perkembangannya dengan kode {merged.first()}."
    return text + f" Balas CEK {report.code} kapan saja untuk melihat statusnya."


@receiver(post_save, sender=Event, dispatch_uid="sejuk.links.chat_status")
def _step_kept(sender: Any, instance: Event, created: bool, **kwargs: Any) -> None:
    if not created or not instance.to_state or instance.to_state == instance.from_state:
        return
    if instance.action == "received":
        return  # the receipt is the chat's own answer
    conversations = list(Conversation.objects.filter(report_id=instance.report_id))
    if not conversations:
        return
    report = Report.objects.get(pk=instance.report_id)
    for conversation in conversations:
        channels.news(conversation, status_text(report))
