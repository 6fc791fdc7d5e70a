"""The picture's API: the ranking with its parts, and one region's picture."""

from __future__ import annotations

import pytest

from tests.personas import LOTENG_DESA, SEKOTONG_BARAT
from tests.tension.test_pages import signed_in

pytestmark = pytest.mark.django_db


def test_the_api_ranks_the_area_with_every_part_explained(client, world, tense):
    body = signed_in(client, world.users["pimpinan"]).get("/api/tension?size=5").json()
    first = body["items"][0]
    assert first["code"] == SEKOTONG_BARAT
    assert set(first["parts"]) == {
        "baseline",
        "incidents",
        "reports",
        "situation",
        "coverage",
        "election",
        "media",
    }
    assert first["parts"]["incidents"]["points"] > 0 and first["parts"]["media"]["points"] == 0
    assert first["score"] == pytest.approx(sum(p["points"] for p in first["parts"].values()), 0.01)
    assert body["total"] > 5 and body["pages"] > 1


def test_the_api_filters_by_level_and_refuses_an_unknown_one(client, world, tense):
    c = signed_in(client, world.users["pimpinan"])
    levels = {i["level"] for i in c.get("/api/tension?level=kurang_rawan").json()["items"]}
    assert levels == {"kurang_rawan"}
    wrong = c.get("/api/tension?level=panas")
    assert wrong.status_code == 422 and "error" in wrong.json()


def test_a_region_picture_answers_for_a_desa_and_a_kecamatan(client, world, tense):
    c = signed_in(client, world.users["pimpinan"])
    desa = c.get(f"/api/regions/{SEKOTONG_BARAT}/picture").json()
    assert desa["tension"]["parts"]["incidents"]["points"] > 0
    assert desa["figures_30_days"]["incidents"] == 1
    kec = c.get("/api/regions/52.01.07/picture").json()
    assert kec["tension"] is None and kec["top"][0]["code"] == SEKOTONG_BARAT
    assert kec["villages"] > 1 and kec["reached_30_days"] == 1


def test_a_region_outside_the_area_is_not_found(client, world, tense):
    c = signed_in(client, world.users["pimpinan"])
    assert c.get(f"/api/regions/{LOTENG_DESA}/picture").status_code == 404
    assert c.get(f"/api/tension?area={LOTENG_DESA}").status_code == 404
