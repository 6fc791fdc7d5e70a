"""An administrator adds an election stage the shipped calendar does not know (a new
re-vote for one kabupaten): the election part of that kabupaten's desa counts it, other
desa do not; a code that is no province or kabupaten/kota is refused in Indonesian."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from sejuk.regions.models import Region
from sejuk.tension import compute, services
from sejuk.tension.models import ElectionStage
from tests.personas import make_user

pytestmark = pytest.mark.django_db
STAGE = "Pemungutan suara ulang Kab. Lombok Barat (uji)"


def form(day, code="52.01"):
    return {"region_code": code, "name": STAGE, "day": day.isoformat(), "source": "Putusan uji"}


def election_part(code: str, day) -> str:
    found = services.desa_tension(code, day)
    assert found is not None
    return found.parts["election"].why


def test_an_added_stage_counts_for_its_kabupaten_only(client, world):
    today = compute.local_today("52", timezone.now())
    client.force_login(make_user("admin_uji", "Polres Lombok Barat", "admin"))
    answer = client.post("/admin/tension/electionstage/add/", form(today + timedelta(days=5)))
    assert answer.status_code == 302, answer.content.decode()[:2000]
    assert ElectionStage.objects.get().region_code == "52.01"
    assert STAGE in election_part("52.01.07.2002", today)  # Sekotong Barat, Lombok Barat
    elsewhere = Region.objects.filter(code__startswith="52.02.", level=4).first()
    assert STAGE not in election_part(elsewhere.code, today)  # Lombok Tengah


def test_a_stage_for_an_unknown_region_is_refused_and_nothing_is_saved(client, world):
    client.force_login(make_user("admin_uji", "Polres Lombok Barat", "admin"))
    answer = client.post("/admin/tension/electionstage/add/", form(timezone.now(), "99.99"))
    assert answer.status_code == 200
    assert "bukan provinsi atau kabupaten/kota" in answer.content.decode()
    assert not ElectionStage.objects.exists()


def test_an_operator_cannot_change_the_calendar(client, world):
    client.force_login(world.users["operator"])
    answer = client.post("/admin/tension/electionstage/add/", form(timezone.now()))
    assert answer.status_code in (302, 403) and not ElectionStage.objects.exists()
