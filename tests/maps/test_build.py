"""The boundaries that ship with Sejuk and the shapes the map draws from them: packaged
modestly with their licence, loaded once by `sejuk setup`, never replacing a finer
boundary, redrawn when `sejuk regions load-boundaries` changes one."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from hashlib import sha256
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from sejuk.maps.build import PACKAGED_DIR, install_packaged, packaged_files, rebuild
from sejuk.maps.models import PackagedFile, Shape
from sejuk.regions.models import Region
from sejuk.regions.services import save_boundaries
from tests.maps.conftest import ntb_boundaries
from tests.personas import SEKOTONG_BARAT

REPO = Path(__file__).resolve().parents[2]
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[115.9, -8.8], [116.0, -8.8], [116.0, -8.7], [115.9, -8.7], [115.9, -8.8]]],
}


def test_the_packaged_boundaries_are_modest_licensed_and_match_their_manifest():
    files = packaged_files()
    assert [name for name, _, _ in files] == [
        "prov.geojson.gz",
        "kab.geojson.gz",
        "kec.geojson.gz",
        "desa-52.geojson.gz",
    ]
    total = 0
    for _, digest, path in files:
        data = path.read_bytes()
        assert sha256(data).hexdigest() == digest
        total += len(data)
    assert total < 5_000_000, f"{total} bytes: keep the packaged boundaries small"
    licence = (PACKAGED_DIR / "LICENSE").read_text()
    assert "MIT License" in licence and "Cahya DSN" in licence
    assert "cahyadsn/wilayah_boundaries" in (PACKAGED_DIR / "README.md").read_text()


def test_the_packaging_script_makes_from_the_source_rows_what_ships(tmp_path):
    source = REPO / "tests" / "fixtures" / "wilayah_boundaries"
    for out in (tmp_path / "first", tmp_path / "second"):
        result = subprocess.run(
            [sys.executable, "scripts/package_boundaries.py", str(source), "--out", str(out)],
            cwd=REPO,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
    first, second = tmp_path / "first", tmp_path / "second"
    assert json.loads((first / "manifest.json").read_text()) == json.loads(
        (second / "manifest.json").read_text()
    ), "the same source gives the same bytes"
    assert (first / "LICENSE").read_text() == (PACKAGED_DIR / "LICENSE").read_text()
    for name in ("kab.geojson.gz", "kec.geojson.gz", "desa-52.geojson.gz"):
        made = _features(first / name)
        shipped = _features(PACKAGED_DIR / name)
        assert made and all(shipped[code] == feature for code, feature in made.items()), name


def _features(path: Path) -> dict[str, dict]:
    data = json.loads(gzip.decompress(path.read_bytes()))
    return {f["properties"]["kode"]: f for f in data["features"]}


@pytest.mark.django_db
def test_setup_gives_every_province_kabupaten_and_kecamatan_a_shape_once():
    installed, codes = install_packaged()
    assert installed.files == 4 and len(codes) > 8900
    rebuild(codes)
    counts = {level: Shape.objects.filter(level=level).count() for level in (1, 2, 3, 4)}
    assert counts[1] == 38 and counts[2] == 514 and counts[3] == 7285
    assert counts[4] > 1100
    assert Region.objects.get(code=SEKOTONG_BARAT).boundary
    again, changed = install_packaged()
    assert (again.files, changed) == (0, ())
    assert again.summary() == "batas wilayah bawaan sudah dimuat"
    assert PackagedFile.objects.count() == 4


@pytest.mark.django_db
def test_the_packaged_set_never_replaces_a_boundary_loaded_from_a_finer_file():
    Region.objects.filter(code=SEKOTONG_BARAT).update(boundary=json.dumps(SQUARE))
    result = save_boundaries(ntb_boundaries(), only_missing=True)
    assert SEKOTONG_BARAT not in result.codes
    assert json.loads(Region.objects.get(code=SEKOTONG_BARAT).boundary) == SQUARE


@pytest.mark.django_db
def test_a_shape_knows_how_many_regions_lie_below_it(ntb_map):
    kabupaten = json.loads(Shape.objects.get(code="52.01").feature)
    kecamatan, desa = kabupaten["properties"]["k"]
    assert kecamatan == Region.objects.filter(level=3, code__startswith="52.01.").count()
    assert desa == Region.objects.filter(level=4, code__startswith="52.01.").count()
    assert Shape.objects.get(code="52.01").villages == desa


@pytest.mark.django_db
def test_loading_boundaries_from_the_command_redraws_the_map(ntb_map, tmp_path):
    path = tmp_path / "sekotong.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {"type": "Feature", "properties": {"kode": SEKOTONG_BARAT}, "geometry": SQUARE}
                ],
            }
        )
    )
    out = StringIO()
    call_command("regions", "load-boundaries", str(path), stdout=out)
    assert "Peta: 1 wilayah dengan batas" in out.getvalue()
    shape = Shape.objects.get(code=SEKOTONG_BARAT)
    assert (shape.west, shape.south, shape.east, shape.north) == (115.9, -8.8, 116.0, -8.7)


@pytest.mark.django_db
def test_packaged_gzipped_geojson_loads_with_the_regions_command(tmp_path):
    out = StringIO()
    call_command(
        "regions",
        "load-boundaries",
        str(PACKAGED_DIR / "prov.geojson.gz"),
        "--levels",
        "prov",
        stdout=out,
    )
    assert "38 wilayah diperbarui" in out.getvalue()
    assert Shape.objects.filter(level=1).count() == 38
