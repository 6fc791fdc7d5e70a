"""The morning reports: which units, which day, made once, kept with their files."""

from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from sejuk.bulletins import schedule
from sejuk.bulletins.models import Bulletin, State
from sejuk.units.models import Unit
from tests.factories import log_activity

pytestmark = pytest.mark.django_db
# 06.30 WITA on Monday 9 December 2024 (22.30 UTC on the 8th).
MORNING = datetime(2024, 12, 8, 22, 30, tzinfo=UTC)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_units_in_use_get_a_report_not_the_others(world):
    names = {u.name for u in schedule.scheduled_units()}
    # The world's users sit in Polres Lombok Barat, Polsek Sekotong (below it) and
    # Polres Lombok Tengah; the Polda above them both.
    assert names == {"Polres Lombok Barat", "Polres Lombok Tengah", "Polda Nusa Tenggara Barat"}


def test_yesterdays_report_is_due_from_the_morning_hour_where_the_unit_is():
    lobar = Unit.objects.get(name="Polres Lombok Barat")  # WITA
    jayapura = Unit.objects.get(name="Polresta Jayapura Kota")  # WIT
    # 06.30 WITA, 07.30 WIT: both have passed six o'clock on the 9th.
    assert schedule.due_day(lobar, MORNING, 6) == date(2024, 12, 8)
    assert schedule.due_day(jayapura, MORNING, 6) == date(2024, 12, 8)
    # An hour earlier it is 05.30 WITA: still the report of the 7th, due the day before.
    assert schedule.due_day(lobar, MORNING - timedelta(hours=1), 6) == date(2024, 12, 7)
    assert schedule.due_day(jayapura, MORNING - timedelta(hours=1), 6) == date(2024, 12, 8)


def test_a_round_makes_each_report_once_with_its_pdf_and_docx(world, media):
    log_activity(world.users["bhabin"], date=date(2024, 12, 8))
    first = schedule.run_due(MORNING, hour=6)
    assert len(first.made) == 3 and not first.failed
    lobar = Bulletin.objects.get(unit__name="Polres Lombok Barat")
    assert (lobar.day, lobar.state, lobar.scheduled) == (date(2024, 12, 8), State.READY, True)
    assert lobar.figures["activities"] == 1
    with lobar.pdf.open("rb") as handle:
        text = PdfReader(handle).pages[0].extract_text()
    assert "Polres Lombok Barat" in text and "Minggu, 8 Desember 2024" in text
    assert lobar.docx.size > 0
    again = schedule.run_due(MORNING + timedelta(minutes=10), hour=6)
    assert not again.made and again.taken == 3
    assert Bulletin.objects.count() == 3


def test_a_claimed_report_is_not_claimed_again_until_its_process_is_presumed_dead(world):
    unit = Unit.objects.get(name="Polres Lombok Barat")
    day = date(2024, 12, 8)
    mine = schedule.claim(unit, day, MORNING)
    assert mine is not None and mine.state == State.PENDING
    assert schedule.claim(unit, day, MORNING + timedelta(minutes=5)) is None
    later = MORNING + schedule.STALE + timedelta(minutes=1)
    taken_over = schedule.claim(unit, day, later)
    assert taken_over is not None and taken_over.pk == mine.pk and taken_over.attempts == 2
    assert schedule.claim(unit, day, later) is None


def test_a_failed_report_is_kept_with_its_error_and_tried_again(world, media, monkeypatch):
    def broken(outline):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(schedule.pdf, "render", broken)
    result = schedule.run_due(MORNING, hour=6)
    assert len(result.failed) == 3 and not result.made
    failed = Bulletin.objects.get(unit__name="Polres Lombok Barat")
    assert failed.state == State.FAILED and "printer on fire" in failed.error
    monkeypatch.undo()
    retried = schedule.run_due(MORNING + timedelta(minutes=10), hour=6)
    assert len(retried.made) == 3
    failed.refresh_from_db()
    assert failed.state == State.READY and failed.attempts == 2 and failed.pdf


def test_run_due_from_the_command_line(world, media, capsys):
    from django.core.management import call_command

    call_command("bulletin", "run-due")
    out = capsys.readouterr().out
    assert "Laporan pagi: 3 dibuat, 0 gagal, 0 sudah ada." in out
    call_command("bulletin", "run-due")
    assert "0 dibuat, 0 gagal, 3 sudah ada" in capsys.readouterr().out
