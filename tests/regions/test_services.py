import json
from pathlib import Path

import pytest

from sejuk.errors import Invalid, NotFound
from sejuk.regions import services
from sejuk.regions.models import Region

pytestmark = pytest.mark.django_db


@pytest.fixture
def boundaries() -> Path:
    """A few polygons cut from cahyadsn/wilayah_boundaries (tests/fixtures/README.md)."""
    return Path(__file__).resolve().parents[1] / "fixtures" / "wilayah_boundaries"


def test_the_database_holds_every_region_of_the_decree():
    counts = services.region_counts()
    assert counts["provinsi"] == 38
    assert counts["kabupaten"] + counts["kota"] == 514
    assert counts["kecamatan"] == 7285
    assert counts["desa"] + counts["kelurahan"] == 83762


def test_a_village_knows_its_parent_kind_postal_code_and_zone():
    desa = Region.objects.get(code="52.01.07.2002")
    assert desa.name == "Sekotong Barat"
    assert desa.kind == "desa"
    assert desa.parent_id == "52.01.07"
    assert desa.parent.parent.name == "Kabupaten Lombok Barat"
    assert len(desa.postal_code) == 5
    assert desa.zone == "WITA"
    assert desa.tzname == "Asia/Makassar"


def test_loading_again_changes_nothing():
    result = services.load_region_list()
    assert (result.created, result.updated) == (0, 0)
    assert result.unchanged == 91599


def test_loading_repairs_a_region_that_was_changed_and_restores_one_that_was_missing():
    Region.objects.filter(code="52.01.07.2002").update(name="Salah Ketik", postal_code="")
    Region.objects.filter(code="52.01.07.2003").delete()
    result = services.load_region_list()
    assert (result.created, result.updated) == (1, 1)
    assert Region.objects.get(code="52.01.07.2002").name == "Sekotong Barat"
    assert Region.objects.filter(code="52.01.07.2003").exists()


def test_search_returns_the_village_with_its_path():
    found = services.search_regions("Desa Sekotong Barat, Kecamatan Sekotong, Lombok Barat")
    assert found[0].code == "52.01.07.2002"
    assert found[0].path.endswith("Nusa Tenggara Barat")


def test_search_of_nothing_is_nothing():
    assert services.search_regions("   ") == []


def test_one_region_with_its_parents_and_children():
    detail = services.get_region("52.01.07")
    assert [p.code for p in detail.parents] == ["52.01", "52"]
    assert detail.path == "Sekotong, Kabupaten Lombok Barat, Nusa Tenggara Barat"
    assert "52.01.07.2002" in {c.code for c in detail.children}
    assert detail.zone == "WITA"


def test_an_unknown_code_is_not_found():
    with pytest.raises(NotFound):
        services.get_region("99.99")


def test_boundaries_load_from_the_sql_files_of_the_source(boundaries):
    result = services.load_boundaries(boundaries / "kel" / "52", levels={4})
    assert (result.updated, result.unknown, result.skipped) == (4, 0, 0)
    desa = Region.objects.get(code="52.01.07.2002")
    assert -9.2 < desa.lat < -8.5 and 115.7 < desa.lng < 116.3
    geometry = json.loads(desa.boundary)
    assert geometry["type"] in {"Polygon", "MultiPolygon"}
    first_point = (
        geometry["coordinates"][0][0]
        if geometry["type"] == "Polygon"
        else geometry["coordinates"][0][0][0]
    )
    assert 115 < first_point[0] < 117  # GeoJSON order: longitude first
    assert Region.objects.get(code="52.01.07.2003").boundary == ""  # not in the files


def test_boundaries_skip_levels_not_asked_for(boundaries):
    result = services.load_boundaries(
        boundaries / "kab" / "wilayah_boundaries_kab_52.sql", levels={1}
    )
    assert result.updated == 0 and result.skipped == 1
    assert Region.objects.get(code="52.01").lat is None


def test_the_geojson_of_a_kecamatan_gives_the_same_shapes_as_the_sql(boundaries):
    services.load_boundaries(boundaries / "kel" / "52")
    services.load_boundaries(boundaries / "kec")
    from_sql = dict(
        Region.objects.filter(code__startswith="52.01.07").values_list("code", "boundary")
    )
    Region.objects.filter(code__startswith="52.01.07").update(lat=None, lng=None, boundary="")
    result = services.load_boundaries(boundaries.parent / "sekotong.geojson")
    assert (result.updated, result.unknown) == (4, 0)
    for code in ("52.01.07", "52.01.07.2001", "52.01.07.2002", "52.01.07.2005"):
        region = Region.objects.get(code=code)
        assert json.loads(region.boundary) == json.loads(from_sql[code])
        assert -9.2 < region.lat < -8.5 and 115.7 < region.lng < 116.3  # computed centre


GEOJSON = """{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"kode": "52.01.07"},
  "geometry": {"type": "Polygon", "coordinates": [[[116.0, -8.8], [116.2, -8.8],
   [116.2, -8.6], [116.0, -8.6], [116.0, -8.8]]]}},
 {"type": "Feature", "properties": {"code": "99.99"},
  "geometry": {"type": "Point", "coordinates": [100.0, 1.0]}}]}"""


def test_boundaries_load_from_geojson_with_a_computed_centre(tmp_path: Path):
    path = tmp_path / "batas.geojson"
    path.write_text(GEOJSON)
    result = services.load_boundaries(path)
    assert (result.updated, result.unknown) == (1, 1)
    kec = Region.objects.get(code="52.01.07")
    assert kec.lat == pytest.approx(-8.7) and kec.lng == pytest.approx(116.1)


def test_a_broken_boundary_file_is_refused_and_writes_nothing(tmp_path: Path):
    path = tmp_path / "rusak.geojson"
    path.write_text('{"type": "FeatureCollection", "features": [{"properties": {}}]}')
    with pytest.raises(Invalid, match="kode wilayah"):
        services.load_boundaries(path)
    with pytest.raises(Invalid, match="tidak ditemukan"):
        services.load_boundaries(tmp_path / "tidak-ada.sql")
