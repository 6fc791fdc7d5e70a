import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.activities import recap
from sejuk.activities.models import Activity, Plan
from sejuk.incidents.models import Incident
from sejuk.leaders.models import Leader
from sejuk.reports import services as reports
from sejuk.reports.models import Event, Report
from sejuk.units.models import Officer

pytestmark = pytest.mark.django_db


def test_demo_fills_a_polres_with_sixty_days_marked_as_demo_and_removes_it_again(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "Data demo Polres Lombok Barat" in out and "kata sandi bersama" in out
    activities = Activity.objects.filter(is_demo=True)
    assert activities.count() > 500
    assert not Activity.objects.filter(is_demo=False).exists()
    days = {d for d in activities.values_list("local_date", flat=True)}
    assert len(days) == 60
    assert all(c.startswith("52.01.") for c in activities.values_list("region_id", flat=True))
    assert Officer.objects.filter(is_demo=True, is_bhabinkamtibmas=True).exists()
    assert Leader.objects.filter(is_demo=True).count() > 100
    pimpinan = User.objects.get(username="demo.pimpinan")
    cover = recap.coverage(viewer_for(pimpinan), days=30)
    assert 0.3 < cover.share < 1.0 and cover.never  # a living, imperfect picture
    with pytest.raises(CommandError, match="sudah ada"):
        call_command("demo")
    call_command("demo", "--remove")
    assert not Activity.objects.exists() and not Plan.objects.exists()
    assert not Report.objects.exists() and not Event.objects.exists()
    assert not Incident.objects.exists()
    assert not User.objects.filter(username__startswith="demo.").exists()
    assert not Officer.objects.filter(is_demo=True).exists()


def test_demo_reports_run_through_the_workflow_and_are_dated_back(capsys):
    call_command("demo")
    assert "laporan masyarakat" in capsys.readouterr().out
    demo = Report.objects.filter(is_demo=True)
    states = set(demo.values_list("state", flat=True))
    assert {"baru", "ditangani", "selesai"} <= states
    oldest = demo.order_by("created_at").first()
    assert oldest is not None and (timezone.now() - oldest.created_at).days >= 50
    for report in demo.filter(state="selesai"):
        steps = list(report.events.values_list("to_state", flat=True))
        assert steps == ["baru", "diverifikasi", "ditangani", "selesai"]
        times = list(report.events.values_list("at", flat=True))
        assert times == sorted(times) and times[0] == report.created_at
        assert report.created_at < report.first_response_at <= report.settled_at
        assert report.settlement and report.agreement
    assert all(r.startswith("52.01.") for r in demo.values_list("region_id", flat=True))
    operator = viewer_for(User.objects.get(username="demo.operator"))
    assert reports.counts(operator)["terlambat"] >= 1  # one case waits past its deadline


def test_the_demo_commanders_picture_shows_desa_raised_by_recent_incidents(capsys):
    from sejuk.tension.picture import area_picture

    call_command("demo")
    assert "kejadian" in capsys.readouterr().out
    assert Incident.objects.filter(is_demo=True).count() >= 5
    picture = area_picture(viewer_for(User.objects.get(username="demo.pimpinan")))
    top = picture.ranking[0]
    assert top.level in ("rawan", "sangat_rawan")  # not every desa kurang rawan
    assert any(name == "incidents" and points > 0 for name, _, points, _ in top.parts)
    assert picture.levels["kurang_rawan"] > picture.levels["rawan"] > 0
