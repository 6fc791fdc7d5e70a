import pytest
from django.core.management import CommandError, call_command

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.activities import recap
from sejuk.activities.models import Activity, Plan
from sejuk.leaders.models import Leader
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
    assert not User.objects.filter(username__startswith="demo.").exists()
    assert not Officer.objects.filter(is_demo=True).exists()
