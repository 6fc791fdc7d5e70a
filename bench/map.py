"""Benchmark of the map (`make bench-map`): what the map serves, how fast, how heavy.

A fresh Sejuk is set up as `make run` does it (the packaged boundaries, the demo Polres
Lombok Barat) in a throwaway folder and database (SQLite; PostgreSQL beside the one
SEJUK_DATABASE_URL names), and served by `sejuk serve`. Printed:

- the first view of the map of a Polres (Lombok Barat), a Polda (NTB) and the nation
  (Mabes), each opened by a 360×740 headless Chromium with an empty cache: the time until
  the map is drawn (regions coloured, points placed), the requests it made and the bytes
  they took on the wire;
- the server time of each of those requests (p50/p95 over repeated requests through the
  whole Django stack, in process, gzip as the browser asks), beside the floor: a bare
  Django view answering a static JSON of the size of the largest layer, in the same run;
- the time to build what the map serves for all of Indonesia: every province,
  kabupaten/kota and kecamatan from the packaged boundaries, and every one of the 83,762
  desa: the 1,150 packaged ones of NTB, the others given a copy of an NTB desa's polygon
  (same number of points) moved to their kecamatan, since the full desa boundary set
  (about 360 MB) is not shipped;
- the load average, and whether each target is met.

Targets (issue 15): first view of a Polda under 1 MB transferred and drawn in under 2 s;
every layer request p95 at most 50 ms.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
TARGETS = {"polda_bytes": 1_000_000, "polda_draw_s": 2.0, "layer_p95_ms": 50.0}
PASSWORD = "bench-peta-sejuk-1"  # noqa: S105 (users of a throwaway database)
PERSONAS = (
    ("Polres Lombok Barat", "demo.pimpinan", ""),
    ("Polda NTB", "bench.polda", "Polda Nusa Tenggara Barat"),
    ("Nasional (Mabes)", "bench.mabes", "Mabes Polri"),
)


def _personas() -> None:
    from sejuk.accounts.models import Role, User, UserRole
    from sejuk.units.models import Unit

    for _, username, unit in PERSONAS:
        if unit:
            user, _ = User.objects.get_or_create(
                username=username, defaults={"unit": Unit.objects.get(name=unit)}
            )
            UserRole.objects.get_or_create(user=user, role=Role.PIMPINAN)
        else:
            user = User.objects.get(username=username)
        user.set_password(PASSWORD)
        user.save()


def _first_view(url: str, username: str) -> dict[str, Any]:
    """A phone-sized Chromium, empty cache: sign in, open the map, wait until drawn."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu"],
        )
        page = browser.new_context(viewport={"width": 360, "height": 740}).new_page()
        page.goto(url + "/masuk/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_load_state()
        seen: list[tuple[str, int]] = []
        page.on(
            "requestfinished",
            lambda r: seen.append(
                (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])
            ),
        )
        started = time.perf_counter()
        page.goto(url + "/peta/")
        page.wait_for_selector("#map[data-ready='1']", timeout=60000)
        drawn = time.perf_counter() - started
        level = page.get_attribute("#map", "data-level")
        regions = page.locator("#map path.region").count()
        browser.close()
    return {"drawn": drawn, "requests": seen, "level": level, "regions": regions}


def _timed(client: Any, path: str, runs: int) -> tuple[float, float, int, int]:
    """p50 and p95 in ms, and the answer's size raw and gzipped."""
    import gzip

    times = []
    size = wire = 0
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(path, HTTP_ACCEPT_ENCODING="gzip")
        times.append((time.perf_counter() - started) * 1000)
        wire = len(response.content)
        body = response.content
        if response.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        size = len(body)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], size, wire


def _server_times(views: dict[str, dict[str, Any]], runs: int) -> dict[str, list[Any]]:
    from django.test import Client
    from django.test.utils import override_settings

    from sejuk.accounts.models import User

    out: dict[str, list[Any]] = {}
    biggest = 0
    with override_settings(ROOT_URLCONF="bench.map_urls"):
        for name, username, _ in PERSONAS:
            client = Client()
            client.force_login(User.objects.get(username=username))
            rows = []
            for url, _ in views[name]["requests"]:
                path = url.split("//", 1)[1].split("/", 1)[1]
                if not (path.startswith("api/map/") or path.startswith("peta/")):
                    continue
                p50, p95, size, wire = _timed(client, "/" + path, runs)
                rows.append((path, p50, p95, size, wire))
                if path.startswith("api/map/layer"):
                    biggest = max(biggest, size)
            out[name] = rows
        from bench import map_urls

        map_urls.BODY[:] = [b'{"x":"' + b"0" * max(biggest - 8, 0) + b'"}']
        out["baseline"] = [("bench/baseline.json", *_timed(Client(), "/bench/baseline.json", runs))]
    return out


def _synthetic_desa() -> int:
    """Give every desa without a boundary a copy of an NTB desa's polygon, moved to its
    kecamatan's centre: the full national desa set in size, for the build time."""
    import json

    import numpy as np
    import shapely

    from sejuk.maps.models import Shape
    from sejuk.regions.boundaries import Boundary
    from sejuk.regions.models import Region
    from sejuk.regions.services import save_boundaries

    models = [
        shapely.from_geojson(text)
        for text in Region.objects.filter(level=4, code__startswith="52.")
        .exclude(boundary="")
        .order_by("code")
        .values_list("boundary", flat=True)
    ]
    centres = {
        c: (lat, lng)
        for c, lat, lng in Shape.objects.filter(level=3).values_list("code", "lat", "lng")
    }
    items = []
    missing = (
        Region.objects.filter(level=4, boundary="").order_by("code").values_list("code", flat=True)
    )
    for i, code in enumerate(missing.iterator(chunk_size=5000)):
        model = models[i % len(models)]
        centre = centres.get(code[:8])
        if centre is None:
            continue
        here = shapely.centroid(model)
        dx, dy = centre[1] - here.x + (i % 7) * 0.01, centre[0] - here.y + (i % 5) * 0.01
        shift = np.array([dx, dy])
        moved = shapely.transform(model, lambda xy, shift=shift: xy + shift)
        items.append(Boundary(code, centre[0], centre[1], json.loads(shapely.to_geojson(moved))))
    from django.db import transaction

    with transaction.atomic():
        save_boundaries(items, levels={4})
    return len(items)


def _build_all() -> tuple[float, int, int]:
    from sejuk.maps.build import rebuild

    synthetic = _synthetic_desa()
    started = time.perf_counter()
    result = rebuild(None)
    return time.perf_counter() - started, result.shapes, synthetic


def _ms(value: float) -> str:
    return f"{value:7.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench map", description="Benchmark of the map")
    parser.add_argument("--runs", type=int, default=30, help="requests per URL for p50/p95")
    parser.add_argument("--no-build", action="store_true", help="skip the national build")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO))
    from tests.served import serve

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp, serve(Path(tmp)) as served:
        os.environ.update(served.env)
        os.environ["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
        import django

        django.setup()
        _personas()
        database = "PostgreSQL" if "postgres" in served.env["SEJUK_DATABASE_URL"] else "SQLite"
        print(f"Database: {database}; {os.cpu_count()} cores; load before {load_before[0]:.2f}")
        views = {name: _first_view(served.url, username) for name, username, _ in PERSONAS}
        times = _server_times(views, args.runs)

        print("\nFirst view on a 360×740 headless Chromium, empty cache:")
        head = ("view", "level", "regions", "requests", "on wire", "drawn s")
        print("{:22} {:>5} {:>7} {:>8} {:>10} {:>8}".format(*head))
        for name, _, _ in PERSONAS:
            v = views[name]
            wire = sum(size for _, size in v["requests"])
            v["wire"] = wire
            print(
                f"{name:22} {v['level']:>5} {v['regions']:>7} {len(v['requests']):>8} "
                f"{wire / 1000:>8.0f} kB {v['drawn']:>8.2f}"
            )

        print(f"\nServer time per request ({args.runs} runs each, in process, gzip):")
        print(f"{'request':70} {'p50 ms':>7} {'p95 ms':>7} {'raw kB':>7} {'gzip kB':>7}")
        worst_layer = 0.0
        for name in [n for n, _, _ in PERSONAS] + ["baseline"]:
            print(
                f"-- {name}" + (": a bare Django view, static JSON" if name == "baseline" else "")
            )
            for path, p50, p95, size, wire in times[name]:
                print(f"{path[:70]:70} {_ms(p50)} {_ms(p95)} {size / 1000:7.1f} {wire / 1000:7.1f}")
                if path.startswith("api/map/"):
                    worst_layer = max(worst_layer, p95)

        build_s = None
        if not args.no_build:
            build_s, shapes, synthetic = _build_all()
            print(
                f"\nBuild of the drawn shapes for all of Indonesia: {build_s:.1f} s "
                f"({shapes} regions with a boundary, of which {synthetic} desa synthetic)"
            )
        load_after = os.getloadavg()

    polda = views["Polda NTB"]
    checks = [
        (
            "Polda first view on the wire",
            f"{polda['wire'] / 1e6:.2f} MB",
            "< 1 MB",
            polda["wire"] < TARGETS["polda_bytes"],
        ),
        (
            "Polda first view drawn",
            f"{polda['drawn']:.2f} s",
            "< 2 s",
            polda["drawn"] < TARGETS["polda_draw_s"],
        ),
        (
            "Slowest map request p95",
            f"{worst_layer:.1f} ms",
            "≤ 50 ms",
            worst_layer <= TARGETS["layer_p95_ms"],
        ),
    ]
    print("\nTargets:")
    for label, value, target, met in checks:
        print(f"  {label:30} {value:>10}  target {target:8}  {'met' if met else 'NOT met'}")
    print(f"Load average: before {load_before[0]:.2f}, after {load_after[0]:.2f} (1 min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
