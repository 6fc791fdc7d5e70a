"""The media part of a desa's tension: a signal an analyst confirmed on a story placed in
the desa adds points, named with its kind and the story behind it; a signal not (yet)
confirmed adds nothing."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from sejuk.media import intake
from sejuk.media.models import Channel
from sejuk.media.reading import Incoming
from sejuk.tension.services import desa_tension
from tests.media.outlets import COPY_A
from tests.personas import SEKOTONG_BARAT

pytestmark = pytest.mark.django_db
DAY = date(2024, 12, 10)


def test_a_confirmed_media_signal_raises_its_desa_and_names_its_story(client, world):
    article = intake.take_in(
        Incoming(
            text=COPY_A, channel=Channel.PASTE, published_at=datetime(2024, 12, 8, 3, tzinfo=UTC)
        )
    )
    assert article is not None
    story = article.story
    signal = story.signals.get(kind="pengerahan_massa")
    before = desa_tension(SEKOTONG_BARAT, DAY)
    assert before is not None and before.parts["media"].points == 0
    client.force_login(world.users["operator"])
    client.post(f"/media/{story.pk}/sinyal/{signal.pk}/", {"verdict": "benar"})
    after = desa_tension(SEKOTONG_BARAT, DAY)
    assert after is not None
    part = after.parts["media"]
    assert part.points > 0 and after.score == pytest.approx(before.score + part.points, abs=0.05)
    assert f"#{story.pk}" in part.why and "pengerahan massa" in part.why
    # Two days old: faded, but less than halved (half-life 14 days).
    assert part.points < signal.weight and part.points > signal.weight / 2
