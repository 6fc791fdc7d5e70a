"""The fast ways of the nation's recompute store exactly what the plain ways store:
desa that share their inputs share one computed tension, and on PostgreSQL a large area
writes only the rows that changed. Each is checked against the plain way on the same
data (the fast way forced at a regency's size)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from sejuk.regions.models import Region
from sejuk.tension import compute, score, services, stored
from sejuk.tension.models import Tension
from tests.factories import log_activity
from tests.personas import make_user
from tests.tension.test_upkeep import play

pytestmark = pytest.mark.django_db
AREA = "52.01"  # Kabupaten Lombok Barat


def rows(day) -> list[tuple]:
    return sorted(
        Tension.objects.filter(day=day).values_list(
            "region_code", "score", "level", "parts", "rise"
        )
    )


def test_desa_sharing_their_inputs_get_the_tension_each_would_get_alone(monkeypatch):
    day = compute.local_today(AREA, timezone.now())
    operator = make_user("operator_kembar", "Polres Lombok Barat", "operator")
    # Two desa of different kecamatan with the same visit on the same day: equal inputs.
    twins = [
        Region.objects.filter(code__startswith=kec, level=4).order_by("code").first().code
        for kec in ("52.01.01.", "52.01.02.")
    ]
    for code in twins:
        log_activity(operator, region=code, date=day - timedelta(days=3), situation="waspada")
    play(seed=5, steps=30)  # incidents, reports and visits in Sekotong
    services.refresh()
    shared = compute.tensions(AREA, day)
    assert shared[twins[0]] is shared[twins[1]]  # computed once
    monkeypatch.setattr(score, "inputs_key", lambda x: object())  # every desa on its own
    alone = compute.tensions(AREA, day)
    assert alone[twins[0]] is not alone[twins[1]]
    assert {c: t.as_dict() for c, t in shared.items()} == {c: t.as_dict() for c, t in alone.items()}
    assert any(not t.baseline_only for t in alone.values())


def test_writing_only_the_changed_rows_stores_what_writing_every_row_stores(monkeypatch):
    day = compute.local_today(AREA, timezone.now())
    monkeypatch.setattr(stored, "STAGED_FROM", 1)  # the nation's way, at a regency's size
    with transaction.atomic():
        services.recompute(day - timedelta(days=services.RISE_DAYS), prefix=AREA)
    play(seed=9, steps=30)  # the picture of Sekotong changes, and its rises with it
    with transaction.atomic():
        assert services.recompute(day, prefix=AREA) > 100  # a day with nothing stored yet
    first = rows(day)
    assert any(rise for *_, rise in first)
    # Stored rows gone stale in every column, a desa missing, one no longer in the area,
    # and a row outside the area, which stays.
    codes = [r[0] for r in first]
    Tension.objects.filter(day=day, region_code=codes[0]).update(score=99.0)
    Tension.objects.filter(day=day, region_code=codes[1]).update(level="sangat_rawan")
    Tension.objects.filter(day=day, region_code=codes[2]).update(parts={"baseline": [0, "?"]})
    Tension.objects.filter(day=day, region_code=codes[3]).update(rise=-5.0)
    Tension.objects.filter(day=day, region_code=codes[4]).delete()
    for code in ("52.01.99.9999", "52.02.01.2001"):
        Tension.objects.create(region_code=code, day=day, score=1, level="rawan", parts={})
    kept = dict(Tension.objects.filter(day=day).values_list("region_code", "id"))
    with transaction.atomic():
        services.recompute(day, prefix=AREA)
    fast = rows(day)
    assert fast == sorted([*first, ("52.02.01.2001", 1.0, "rawan", {}, None)])
    if connection.vendor == "postgresql":  # unchanged rows were left where they were
        now = dict(Tension.objects.filter(day=day).values_list("region_code", "id"))
        assert {c for c in now if now[c] == kept.get(c)} == set(codes[5:]) | {"52.02.01.2001"}
    monkeypatch.setattr(stored, "STAGED_FROM", 10**9)
    Tension.objects.filter(day=day).exclude(region_code="52.02.01.2001").delete()
    with transaction.atomic():
        services.recompute(day, prefix=AREA)
    assert rows(day) == fast
