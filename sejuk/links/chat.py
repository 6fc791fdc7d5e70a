"""Messages from the channels become reports and activities: the ``pesan-masuk`` job.

For each stored message (in the order the sender sent them): the sender's conversation,
then the turn (``sejuk.channels.dialogue`` for a citizen, the text reader for a registered
officer), with everything slow done first (place lookups, reading, photos, checking the
report); then one short transaction marks the message processed, writes the report or
activity, moves the conversation on and queues the replies. A message already processed
(a job run twice, a runner killed after its commit) changes nothing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.activities import photos
from sejuk.activities import services as activities
from sejuk.activities.models import Activity, Source
from sejuk.channels import dialogue
from sejuk.channels import services as channels
from sejuk.channels.models import Conversation, Inbound, Role, State
from sejuk.errors import Invalid
from sejuk.reports import intake
from sejuk.reports.models import Report
from sejuk.uploads import StoredPhoto

from . import chat_citizen as citizen
from . import chat_officer as officer


@dataclass
class Plan:
    """What one message does, worked out before the write."""

    step: str
    answers: dict[str, Any]
    replies: list[str] = field(default_factory=list)
    state: str = State.OPEN
    filing: citizen.Filing | None = None
    activity: tuple[activities.ActivityInput, officer.Reading, list[StoredPhoto]] | None = None
    region: str | None = None


def process(payload: dict[str, Any]) -> str:
    inbound = Inbound.objects.filter(pk=int(payload.get("inbound") or 0)).first()
    if inbound is None:
        return "pesan tidak ada"
    done = sum(_process(message) for message in channels.pending_before(inbound))
    return f"{done} pesan diproses"


class _Moved(Exception):
    """The conversation changed while this turn was worked out: work it out again."""


class _Done(Exception):
    """Another runner processed this message first: this turn is dropped whole."""


def _process(inbound: Inbound) -> bool:
    for _ in range(5):
        try:
            return _turn(inbound)
        except _Moved:
            continue
        except _Done:
            return False
    raise RuntimeError(f"percakapan pesan {inbound.pk} terus berubah; dicoba lagi nanti")


def _turn(inbound: Inbound) -> bool:
    conversation = channels.open_conversation(inbound)
    said = dialogue.Said(
        kind=inbound.kind,
        text=inbound.text,
        lat=inbound.lat,
        lng=inbound.lng,
        media_id=inbound.media_id,
    )
    plan = _plan(conversation, said)
    stored = plan.activity[2] if plan.activity else []
    prepared = plan.filing.prepared if plan.filing else None
    with photos.kept_if_saved(stored):
        if prepared is not None:
            with prepared.kept_if_written():
                return _write(inbound, conversation, plan)
        return _write(inbound, conversation, plan)


def _plan(conversation: Conversation, said: dialogue.Said) -> Plan:
    command = dialogue.command(said)
    if command is not None and command.action == "cancel":
        return Plan("", {}, command.replies, state=State.CANCELLED)
    if command is not None:  # CEK <kode>: the conversation stays where it was
        return Plan(conversation.step, conversation.answers, [citizen.check_text(command.code)])
    if conversation.role == Role.OFFICER:
        return _officer_plan(conversation, said)
    return _citizen_plan(conversation, said)


def _citizen_plan(conversation: Conversation, said: dialogue.Said) -> Plan:
    turn = dialogue.citizen_turn(
        conversation.step,
        conversation.answers,
        said,
        places=citizen.places,
        point=citizen.point,
        guess=citizen.guess,
        today=timezone.localdate(),
    )
    plan = Plan(turn.step, turn.answers, turn.replies, region=turn.answers.get("region"))
    if turn.action != "file":
        return plan
    try:
        plan.filing = citizen.prepare(conversation, turn.answers)
    except Invalid as exc:  # told why; the citizen may answer again from the place
        plan.step = "dimana" if "region" in exc.fields or "place_text" in exc.fields else "apa"
        plan.replies = [citizen.invalid_text(exc)]
        if isinstance(exc, citizen.TooMany):
            plan.state = State.CANCELLED
        return plan
    plan.state = State.FILED
    return plan


def _officer_plan(conversation: Conversation, said: dialogue.Said) -> Plan:
    user = User.objects.get(officer=conversation.officer)
    viewer = viewer_for(user)
    answers = dict(conversation.answers)
    media = list(answers.get("photos") or [])
    if said.kind == "image" and said.media_id:
        media.append(said.media_id)
        answers["photos"] = media
        if not said.text.strip() or answers.get("text"):
            waiting = OFFICER_HINT if not answers.get("text") else dialogue.OFFICER_ASK
            return Plan(conversation.step, answers, [f"Foto diterima ({len(media)}). {waiting}"])
    text = said.text.strip()
    if not text:
        return Plan(conversation.step, answers, [OFFICER_HINT])
    read_on = date.fromisoformat(answers["read_on"]) if answers.get("read_on") else None
    read_on = read_on or officer.today(viewer)
    if conversation.step == "konfirmasi" and dialogue.officer_answer(text) == "save":
        return _save_plan(conversation, viewer, answers, read_on)
    if conversation.step == "konfirmasi":
        text = officer.corrected(str(answers.get("text", "")), text)
    try:
        found = officer.read(viewer, text, read_on)
    except Invalid as exc:
        return Plan(conversation.step, answers, [exc.message])
    answers.update(text=text, read_on=read_on.isoformat())
    return Plan("konfirmasi", answers, [officer.summary(found)], region=found.values.get("region"))


OFFICER_HINT = "Kirim pesan kegiatan Anda seperti biasa; kami bacakan dulu sebelum disimpan."


def _save_plan(
    conversation: Conversation, viewer: Any, answers: dict[str, Any], read_on: date
) -> Plan:
    found = officer.read(viewer, str(answers.get("text", "")), read_on)
    data = officer.activity_input(found)
    try:
        activities.dry_check(viewer, data)
    except Invalid as exc:
        return Plan(
            "konfirmasi",
            answers,
            [
                f"Belum dapat disimpan: {exc.message} "
                "Kirim perbaikannya, mis. nama desa atau tanggal."
            ],
        )
    stored = officer.fetch_photos(conversation, list(answers.get("photos") or []))
    return Plan("", answers, [], state=State.SAVED, activity=(data, found, stored))


def _write(inbound: Inbound, conversation: Conversation, plan: Plan) -> bool:
    with transaction.atomic():
        claimed = Inbound.objects.filter(pk=inbound.pk, processed_at__isnull=True).update(
            processed_at=timezone.now(), conversation=conversation
        )
        if not claimed:
            raise _Done  # rolls back; the files this turn stored go again
        replies = list(plan.replies)
        if plan.filing is not None:
            report = intake.write(plan.filing.prepared)
            conversation.report = report
            replies.append(citizen.receipt_text(report.code))
        if plan.activity is not None:
            activity = _save_activity(conversation, plan)
            conversation.activity = activity
            replies.append(
                f"Tersimpan sebagai kegiatan nomor {activity.pk}. Terima kasih, selamat bertugas."
            )
        changes: dict[str, Any] = {
            "step": plan.step,
            "answers": plan.answers,
            "state": plan.state,
            "last_message_at": timezone.now(),
            "turns": conversation.turns + 1,
            "report": conversation.report,
            "activity": conversation.activity,
        }
        if plan.region:
            changes["region_id"] = plan.region
        mine = Conversation.objects.filter(pk=conversation.pk, turns=conversation.turns)
        if mine.update(**changes) != 1:
            raise _Moved  # rolls back this turn's writes, its stored files go again
        for text in replies:
            channels.reply(conversation, text)
    return True


def _save_activity(conversation: Conversation, plan: Plan) -> Activity:
    assert plan.activity is not None
    data, found, stored = plan.activity
    user = User.objects.get(officer=conversation.officer)
    viewer = viewer_for(user)
    activity = activities.create_activity(
        viewer,
        data,
        source=Source.TEXT,
        raw_text=str(plan.answers.get("text", "")),
        reader=found.reader,
    )
    photos.save_photos(viewer, activity, stored)
    return activity


def linked_report(conversation: Conversation) -> Report | None:
    return (
        Report.objects.filter(pk=conversation.report_id).first() if conversation.report_id else None
    )
