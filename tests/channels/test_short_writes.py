"""The processing job does its slow work (place matching, the text reader, fetching and
resizing photos, storing files) before the one transaction that writes, as the pages do
(tests/test_short_writes.py)."""

from __future__ import annotations

import pytest

from sejuk.activities.models import Activity
from sejuk.reports.models import Report
from tests.channels.test_citizen import WHAT, Chat
from tests.channels.test_officer import FIELD_REPORT, andi, wa  # noqa: F401  (fixture)
from tests.test_short_writes import watch  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


def test_a_chat_becomes_a_report_and_an_activity_with_short_writes(
    client,
    channels_on,
    andi,  # noqa: F811
    watch,  # noqa: F811
):
    chat = Chat(client, "whatsapp")
    for text in (WHAT, "Desa Sekotong Barat, Kecamatan Sekotong", "ya", "kemarin"):
        chat.say(text)
    chat.say(image="foto-1")
    chat.say("anonim")
    wa(client, 1, FIELD_REPORT)
    wa(client, 2, image="foto-2")
    wa(client, 3, "YA")
    assert Report.objects.get().photos.count() == 1
    assert Activity.objects.get().photos.count() == 1
    assert watch.ran() >= {"pembaca teks", "cocokkan tempat", "olah foto", "simpan berkas"}
    assert watch.inside() == []
