"""JSON API of the operators' inbox, under ``/api/channels``: the conversations a person
may see, one with its messages, an answer by hand. The same services as the inbox pages
(``sejuk.links.inbox``); the sender's number only on request, under the report's
contact rule, and logged."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from django.db import transaction
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from pydantic import Field

from sejuk.accounts.access import current_viewer
from sejuk.accounts.auth import signed_in
from sejuk.channels import services as channels
from sejuk.channels.models import Channel, Conversation, State
from sejuk.openapi import OneOf
from sejuk.paging import page_of

from . import inbox

router = Router(tags=["saluran"], auth=signed_in)


class ConversationOut(Schema):
    id: int
    channel: str
    role: str
    state: str
    step: str
    region: str | None
    region_name: str
    officer_id: int | None
    report_id: int | None
    activity_id: int | None
    started_at: dt.datetime
    last_message_at: dt.datetime


def conversation_out(c: Conversation) -> dict[str, Any]:
    return {
        "id": c.pk,
        "channel": c.channel,
        "role": c.role,
        "state": c.state,
        "step": c.step,
        "region": c.region_id,
        "region_name": c.region.name if c.region else "",
        "officer_id": c.officer_id,
        "report_id": c.report_id,
        "activity_id": c.activity_id,
        "started_at": c.started_at,
        "last_message_at": c.last_message_at,
    }


class ListParams(Schema):
    channel: Annotated[str, OneOf(Channel.values, blank=True)] = ""
    state: Annotated[str, OneOf(State.values, blank=True)] = ""
    page: int = Field(1, ge=1)
    size: int = Field(50, ge=1, le=200)


class ConversationPage(Schema):
    items: list[ConversationOut]
    total: int
    page: int
    pages: int


@router.get(
    "/conversations", response=ConversationPage, summary="Percakapan saluran yang boleh Anda lihat"
)
def conversations(request: HttpRequest, params: Query[ListParams]) -> dict[str, Any]:
    found = inbox.listing(current_viewer(request), params.channel, params.state)
    return page_of(found, params.page, params.size, conversation_out)


class MessageOut(Schema):
    at: dt.datetime
    incoming: bool = Field(..., description="true: dari pengirim; false: dari Sejuk/petugas")
    text: str
    kind: str
    state: str
    error: str


class ConversationDetail(ConversationOut):
    sender: str = Field(
        ...,
        description="nomor/akun pengirim: hanya dengan number=true, bagi peran yang boleh "
        "melihat kontak pelapor, dan tercatat di log audit; kosong bila tidak diminta atau "
        "pelapor anonim",
    )
    anonymous: bool
    messages: list[MessageOut]


class DetailParams(Schema):
    number: bool = Field(False, description="sertakan nomor/akun pengirim (dicatat di audit)")


@router.get(
    "/conversations/{conversation_id}",
    response=ConversationDetail,
    summary="Satu percakapan dengan pesannya",
)
def conversation(
    request: HttpRequest, conversation_id: int, params: Query[DetailParams]
) -> dict[str, Any]:
    viewer = current_viewer(request)
    sender = ""
    if params.number:
        with transaction.atomic():
            sender = inbox.reveal_address(viewer, conversation_id, request)
    found = inbox.get_conversation(viewer, conversation_id)
    messages = [
        {
            "at": m["at"],
            "incoming": m["in"],
            "text": m["text"],
            "kind": m["kind"],
            "state": m["state"],
            "error": m.get("error", ""),
        }
        for m in channels.timeline(found)
    ]
    return {
        **conversation_out(found),
        "sender": sender,
        "anonymous": params.number and not sender,
        "messages": messages,
    }


class AnswerIn(Schema):
    text: str = Field(..., max_length=4000)


class AnswerOut(Schema):
    id: int
    state: str


@router.post(
    "/conversations/{conversation_id}/answer",
    response={201: AnswerOut},
    summary="Jawab percakapan secara langsung",
)
def answer(request: HttpRequest, conversation_id: int, payload: AnswerIn) -> Status[dict[str, Any]]:
    with transaction.atomic():
        sent = inbox.answer_by_hand(current_viewer(request), conversation_id, payload.text)
    return Status(201, {"id": sent.pk, "state": sent.state})
