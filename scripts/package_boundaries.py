"""Prepare the region boundaries that ship inside Sejuk (run by maintainers, never at run
time).

    .venv/bin/python scripts/package_boundaries.py SOURCE [--desa 52] [--out DIR]

SOURCE is a copy of the public cahyadsn/wilayah_boundaries data (MIT): its ``prov/``,
``kab/``, ``kec/`` folders and ``kel/NN/`` for the desa of province NN, as SQL inserts.
Every province, kabupaten/kota and kecamatan is written, and the desa of the provinces
named by ``--desa`` (the demo area, Nusa Tenggara Barat, by default). Each level is
repaired and simplified with shapely (topology kept) at ``sejuk.maps.geometry.PACKAGED``
and its coordinates rounded, then written as gzipped GeoJSON with the source's centre
point of each region, beside the source's LICENSE and a manifest. The output is the same
bytes for the same source (sorted, gzip without a time stamp).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import shutil
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sejuk.maps.geometry import PACKAGED, simplify, to_geojson  # noqa: E402
from sejuk.regions.boundaries import read_boundaries  # noqa: E402

LEVELS = (("prov", 1, "prov"), ("kab", 2, "kab"), ("kec", 3, "kec"))


def _features(folder: Path, level: int) -> list[dict[str, Any]]:
    rows = sorted((b for b in read_boundaries(folder) if b.level == level), key=lambda b: b.code)
    shapes = simplify([b.geometry for b in rows], PACKAGED[level])
    features = []
    for row, shape in zip(rows, shapes, strict=True):
        props: dict[str, Any] = {"kode": row.code}
        if row.lat is not None and row.lng is not None:
            props.update(lat=round(row.lat, 5), lng=round(row.lng, 5))
        geometry = to_geojson(shape) if shape is not None else None
        if geometry is None and "lat" not in props:
            continue
        features.append({"type": "Feature", "properties": props, "geometry": geometry})
    return features


def _write(path: Path, features: list[dict[str, Any]]) -> dict[str, Any]:
    text = json.dumps(
        {"type": "FeatureCollection", "features": features},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
    path.write_bytes(data)
    return {
        "regions": len(features),
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", type=Path, help="folder of cahyadsn/wilayah_boundaries")
    parser.add_argument(
        "--desa", default="52", help="provinces whose desa are packaged (comma-separated)"
    )
    parser.add_argument("--out", type=Path, default=REPO / "sejuk" / "maps" / "boundaries")
    args = parser.parse_args(argv)
    source: Path = args.source
    if not (source / "LICENSE").exists():
        parser.error(f"{source}: no LICENSE beside the data; is this wilayah_boundaries?")
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.geojson.gz"):
        old.unlink()
    files: dict[str, Any] = {}
    jobs = [(f"{name}.geojson.gz", source / folder, level) for name, level, folder in LEVELS]
    for province in (p.strip() for p in args.desa.split(",") if p.strip()):
        jobs.append((f"desa-{province}.geojson.gz", source / "kel" / province, 4))
    for name, folder, level in jobs:
        if not folder.is_dir():
            print(f"{name}: tidak ada folder {folder.relative_to(source)}, dilewati")
            continue
        started = time.perf_counter()
        files[name] = _write(args.out / name, _features(folder, level))
        files[name]["level"] = level
        print(
            f"{name}: {files[name]['regions']} wilayah, {files[name]['bytes'] / 1e6:.2f} MB "
            f"({time.perf_counter() - started:.1f} s)"
        )
    shutil.copyfile(source / "LICENSE", args.out / "LICENSE")
    manifest = {
        "source": "cahyadsn/wilayah_boundaries (MIT)",
        "detail": {
            str(level): {"tolerance": d.tolerance, "decimals": d.decimals}
            for level, d in PACKAGED.items()
        },
        "files": files,
    }
    (args.out / "manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    total = sum(f["bytes"] for f in files.values())
    print(f"Jumlah: {total / 1e6:.2f} MB di {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
