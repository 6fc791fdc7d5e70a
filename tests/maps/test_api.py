"""The map API through the HTTP stack: what each persona gets (the area rule), the
colours, the points, a region's card and the desa under a point."""

from __future__ import annotations

import gzip
import json
from datetime import date, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from sejuk.incidents.models import Incident
from sejuk.maps import services
from sejuk.maps.build import rebuild
from sejuk.maps.models import Shape
from sejuk.regions.models import Region
from sejuk.tension.services import recompute, refresh
from tests.factories import file_report, log_activity
from tests.personas import GERUNG_UTARA, SEKOTONG_BARAT

pytestmark = pytest.mark.usefixtures("ntb_map")

LOMBOK_BARAT = "52.01"
SEKOTONG = "52.01.07"


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def get(user, path: str, **params) -> dict:
    response = client_for(user).get("/api/map/" + path, params)
    assert response.status_code == 200, response.content
    return response.json()


def codes(answer: dict) -> list[str]:
    return [f["id"] for f in answer["features"]]


def desa_of(prefix: str) -> set[str]:
    return set(
        Shape.objects.filter(level=4, code__startswith=prefix + ".").values_list("code", flat=True)
    )


# -- the area rule ---------------------------------------------------------------------


def test_the_polres_commander_gets_the_desa_of_lombok_barat_and_nothing_beyond(world):
    pimpinan = world.users["pimpinan"]
    whole_province = get(pimpinan, "layer", level=4, within="52")
    assert set(codes(whole_province)) == desa_of(LOMBOK_BARAT)
    assert len(desa_of(LOMBOK_BARAT)) > 100
    assert codes(get(pimpinan, "layer", level=2, within="52")) == [LOMBOK_BARAT]
    assert codes(get(pimpinan, "layer", level=1)) == []
    assert codes(get(pimpinan, "layer", level=4, within="52.02")) == []


def test_the_neighbouring_operator_gets_nothing_of_lombok_barat(world):
    log_activity(world.users["bhabin"])
    neighbour = world.users["neighbour"]
    assert codes(get(neighbour, "layer", level=4, within=LOMBOK_BARAT)) == []
    assert get(neighbour, "colours", measure="cakupan", level=4, within=SEKOTONG)["values"] == {}
    assert get(neighbour, "points", within=LOMBOK_BARAT)["items"] == []
    assert client_for(neighbour).get(f"/api/map/regions/{SEKOTONG_BARAT}").status_code == 404
    assert codes(get(neighbour, "frame")) == ["52.02"]


def test_a_bhabinkamtibmas_sees_only_their_own_desa(world):
    bhabin = world.users["bhabin"]
    assert codes(get(bhabin, "frame")) == [SEKOTONG_BARAT]
    assert codes(get(bhabin, "layer", level=4, within=LOMBOK_BARAT)) == [SEKOTONG_BARAT]
    assert client_for(bhabin).get(f"/api/map/regions/{GERUNG_UTARA}").status_code == 404


def test_an_anonymous_visitor_gets_no_map_but_may_ask_which_desa_a_point_is_in(world):
    anonymous = Client()
    assert anonymous.get("/api/map/frame").status_code == 401
    assert anonymous.get("/api/map/layer", {"level": 4}).status_code == 401
    lat, lng = Shape.objects.values_list("lat", "lng").get(code=SEKOTONG_BARAT)
    assert anonymous.get("/api/map/locate", {"lat": lat, "lng": lng}).json()["code"] == (
        SEKOTONG_BARAT
    )


# -- the frame and the measures ----------------------------------------------------------


def test_the_frame_opens_on_the_polres_area_with_the_measures_that_exist(world):
    frame = get(world.users["pimpinan"], "frame")
    assert codes(frame) == [LOMBOK_BARAT]
    assert [m["key"] for m in frame["measures"]] == ["kerawanan", "cakupan", "kegiatan", "laporan"]
    assert [k["value"] for k in frame["kinds"]] == ["activity", "report", "incident"]
    west, south, east, north = frame["bbox"]
    assert 115.5 < west < east < 116.6 and -9.0 < south < north < -8.2
    humas = get(world.users["humas"], "frame")
    assert [m["key"] for m in humas["measures"]] == ["cakupan", "kegiatan"]
    assert [k["value"] for k in humas["kinds"]] == ["activity"]


def test_tension_colours_each_desa_by_its_level_and_a_kecamatan_by_its_tensest_desa(world):
    today = date.today()
    Incident.objects.create(
        types=["bentrokan"], region_id=SEKOTONG_BARAT, injured=3,
        occurred_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    refresh()  # the days the incident touched
    recompute(today, LOMBOK_BARAT)
    desa = get(world.users["pimpinan"], "colours", measure="kerawanan", level=4, within=SEKOTONG)
    values = desa["values"]
    assert set(values) == set(desa_of(SEKOTONG))
    assert {b["key"] for b in desa["bands"]} == {"kurang_rawan", "rawan", "sangat_rawan"}
    assert all(v["band"] in {"kurang_rawan", "rawan", "sangat_rawan"} for v in values.values())
    hot = values[SEKOTONG_BARAT]["value"]
    assert all(v["value"] < hot for code, v in values.items() if code != SEKOTONG_BARAT)
    kecamatan = get(world.users["pimpinan"], "colours", measure="kerawanan", level=3)
    assert kecamatan["values"][SEKOTONG]["value"] == hot
    assert "desa tertinggi" in kecamatan["values"][SEKOTONG]["text"]
    card = get(world.users["pimpinan"], f"regions/{SEKOTONG_BARAT}")
    assert card["readings"][0]["measure"] == "kerawanan"
    assert card["links"][0]["url"] == f"/desa/{SEKOTONG_BARAT}/"


def test_nothing_computed_leaves_the_regions_without_a_tension_colour(world):
    answer = get(world.users["pimpinan"], "colours", measure="kerawanan", level=4, within=SEKOTONG)
    assert answer["values"] == {}
    card = get(world.users["pimpinan"], f"regions/{SEKOTONG_BARAT}")
    assert "kerawanan" not in [r["measure"] for r in card["readings"]]


def test_coverage_colours_a_desa_visited_yesterday_recent_and_one_never_visited(world):
    log_activity(world.users["bhabin"], date=date.today() - timedelta(days=1))
    answer = get(world.users["pimpinan"], "colours", measure="cakupan", level=4, within=SEKOTONG)
    assert answer["values"][SEKOTONG_BARAT]["band"] == "baru"
    assert answer["values"][SEKOTONG_BARAT]["value"] in (0, 1, 2)
    others = [v for code, v in answer["values"].items() if code != SEKOTONG_BARAT]
    assert others and all(v["band"] == "belum" for v in others)
    assert {b["key"] for b in answer["bands"]} == {"baru", "bulan", "lama", "belum"}
    kecamatan = get(world.users["pimpinan"], "colours", measure="cakupan", level=3)
    share = kecamatan["values"][SEKOTONG]
    villages = len(desa_of(SEKOTONG))
    assert share["value"] == round(100 / villages, 1)
    assert f"1 dari {villages} desa" in share["text"]


def test_activities_and_open_reports_add_up_to_the_kecamatan_and_kabupaten(world):
    log_activity(world.users["bhabin"])
    log_activity(world.users["bhabin"])
    log_activity(world.users["operator"], region=GERUNG_UTARA)
    file_report()
    pimpinan = world.users["pimpinan"]
    by_kecamatan = get(pimpinan, "colours", measure="kegiatan", level=3, within=LOMBOK_BARAT)
    assert by_kecamatan["values"][SEKOTONG]["value"] == 2
    assert by_kecamatan["values"]["52.01.01"]["value"] == 1
    by_kabupaten = get(pimpinan, "colours", measure="kegiatan", level=2)
    assert by_kabupaten["values"][LOMBOK_BARAT]["value"] == 3
    reports = get(pimpinan, "colours", measure="laporan", level=4, within=SEKOTONG)
    assert reports["values"][SEKOTONG_BARAT] == {
        "value": 1.0,
        "band": "r1",
        "text": "1 laporan masyarakat terbuka",
    }


# -- points ------------------------------------------------------------------------------


def test_an_activity_sits_at_its_gps_point_and_a_report_at_its_desa_centre(world):
    activity = log_activity(world.users["bhabin"], lat=-8.7512, lng=115.9561)
    report = file_report()
    items = get(world.users["pimpinan"], "points")["items"]
    by_kind = {p["kind"]: p for p in items}
    assert by_kind["activity"]["id"] == activity.pk
    assert (by_kind["activity"]["lat"], by_kind["activity"]["exact"]) == (-8.7512, True)
    assert by_kind["activity"]["url"] == f"/kegiatan/{activity.pk}/"
    assert by_kind["activity"]["title"] == "Patroli dialogis"
    centre = Shape.objects.values_list("lat", "lng").get(code=SEKOTONG_BARAT)
    assert (by_kind["report"]["lat"], by_kind["report"]["lng"]) == centre
    assert by_kind["report"]["exact"] is False
    assert by_kind["report"]["url"] == f"/laporan/{report.pk}/"


def test_points_are_filtered_by_kind_type_and_period(world):
    log_activity(world.users["bhabin"], date=date.today() - timedelta(days=40))
    log_activity(world.users["bhabin"], types=["sambang"])
    file_report()
    pimpinan = world.users["pimpinan"]
    assert [p["kind"] for p in get(pimpinan, "points", kinds="report")["items"]] == ["report"]
    recent = get(pimpinan, "points", kinds="activity", days=30)["items"]
    assert len(recent) == 1
    assert len(get(pimpinan, "points", kinds="activity", days=90)["items"]) == 2
    patrols = get(pimpinan, "points", kinds="activity", days=90, type="activity:sambang")
    assert [p["title"] for p in patrols["items"]] == ["Sambang / silaturahmi"]


def test_humas_gets_no_report_points_even_when_asking(world):
    file_report()
    assert get(world.users["humas"], "points", kinds="report,incident")["items"] == []


# -- a region's card ---------------------------------------------------------------------


def test_a_desa_card_names_it_with_kecamatan_and_kabupaten_and_links_to_its_records(world):
    log_activity(world.users["bhabin"], date=date.today() - timedelta(days=2))
    file_report()
    card = get(world.users["pimpinan"], f"regions/{SEKOTONG_BARAT}")
    assert card["path"] == "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"
    assert card["last_visit"] == str(date.today() - timedelta(days=2))
    assert card["open_reports"] == 1
    assert [r["measure"] for r in card["readings"]] == ["cakupan", "kegiatan", "laporan"]
    assert card["readings"][0]["band"] == "baru"
    urls = [link["url"] for link in card["links"]]
    assert f"/kegiatan/?wilayah={SEKOTONG_BARAT}" in urls
    assert client_for(world.users["pimpinan"]).get(urls[0]).status_code == 200


# -- the desa under a point --------------------------------------------------------------


def test_locate_names_the_desa_under_a_point_as_the_forms_write_it(world):
    lat, lng = Shape.objects.values_list("lat", "lng").get(code=SEKOTONG_BARAT)
    found = get(world.users["operator"], "locate", lat=lat, lng=lng)
    assert found["code"] == SEKOTONG_BARAT and found["level"] == 4
    assert found["name"] == "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"
    assert found["geometry"]["type"] in ("Polygon", "MultiPolygon")
    at_sea = get(world.users["operator"], "locate", lat=-9.5, lng=116.0)
    assert at_sea["found"] is False


def test_locate_falls_back_to_the_kecamatan_where_desa_boundaries_are_missing(world):
    lat, lng = Shape.objects.values_list("lat", "lng").get(code=SEKOTONG_BARAT)
    Region.objects.filter(code__startswith=SEKOTONG + ".").update(boundary="", lat=None, lng=None)
    rebuild(Region.objects.filter(code__startswith=SEKOTONG + ".").values_list("code", flat=True))
    found = get(world.users["operator"], "locate", lat=lat, lng=lng)
    assert (found["code"], found["level"]) == (SEKOTONG, 3)


def test_a_point_outside_indonesia_is_refused_in_indonesian(world):
    response = client_for(world.users["operator"]).get(
        "/api/map/locate", {"lat": 51.5, "lng": -0.12}
    )
    assert response.status_code == 422
    assert response.json()["error"]["message"] == "Titik di luar wilayah Indonesia."


# -- regions the map cannot draw ---------------------------------------------------------


def test_a_desa_without_a_boundary_is_drawn_at_its_centre_or_listed_beside_the_map(world):
    Region.objects.filter(code=SEKOTONG_BARAT).update(boundary="")
    no_centre = sorted(desa_of(SEKOTONG) - {SEKOTONG_BARAT})[0]
    Region.objects.filter(code=no_centre).update(boundary="", lat=None, lng=None)
    rebuild([SEKOTONG_BARAT, no_centre])
    answer = get(world.users["pimpinan"], "layer", level=4, within=SEKOTONG)
    drawn = {f["id"]: f["geometry"]["type"] for f in answer["features"]}
    assert drawn[SEKOTONG_BARAT] == "Point"
    assert no_centre not in drawn
    assert [m["code"] for m in answer["missing"]] == [no_centre]


# -- bad input and size ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"level": 4, "within": "52.01;DROP"}, "within"),
        ({"level": 9}, "level"),
        ({"level": 4, "within": ",".join(["52.01"] * 201)}, "within"),
    ],
)
def test_a_bad_layer_request_is_refused_in_indonesian_and_changes_nothing(world, params, field):
    response = client_for(world.users["pimpinan"]).get("/api/map/layer", params)
    assert response.status_code == 422
    body = response.json()["error"]
    assert field in body["fields"]


def test_a_layer_too_large_to_draw_asks_to_zoom_in(world, monkeypatch):
    monkeypatch.setattr(services, "MAX_FEATURES", 50)
    response = client_for(world.users["pimpinan"]).get("/api/map/layer", {"level": 4})
    assert response.status_code == 422
    assert "perbesar peta" in response.json()["error"]["message"]


def test_a_layer_travels_gzipped_and_is_a_feature_collection(world):
    response = client_for(world.users["pimpinan"]).get(
        "/api/map/layer", {"level": 4, "within": LOMBOK_BARAT}, HTTP_ACCEPT_ENCODING="gzip"
    )
    assert response["Content-Encoding"] == "gzip"
    body = json.loads(gzip.decompress(response.content))
    assert body["type"] == "FeatureCollection" and body["level"] == 4
    feature = body["features"][0]
    assert set(feature["properties"]) == {"n", "l", "k", "b"}
    assert len(response.content) < len(json.dumps(body)) / 2
