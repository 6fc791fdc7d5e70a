"""`python -m bench offline`: what a field officer's phone downloads, gzip-compressed.

In a throwaway data folder and database set up as ``sejuk setup --no-demo`` sets it up,
a Bhabinkamtibmas of Polsek Sekotong opens each field page (the pages the service
worker keeps for use with no signal: ``sejuk.web.offline.FIELD_PAGES``) through the whole
Django stack. For each page it prints the first-load weight: the page's HTML and every
static file the page names (stylesheets, scripts, images), each compressed with gzip as
a browser asks for it, each file counted once per page; and then the offline bundle:
the service worker, the manifest, its icons, every field page and every static file
they name, counted once, as the phone keeps them. Later loads come from the phone's
cache. Target (issue 19): each field page's first load at most 300 KB compressed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SEJUK = str(Path(sys.executable).with_name("sejuk"))
TARGET_KB = 300
STATIC = re.compile(r'(?:src|href)="(/static/[^"?#]+)')


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6))


def _static_bytes(url: str) -> bytes:
    from django.conf import settings
    from django.contrib.staticfiles import finders

    name = url.removeprefix(settings.STATIC_URL)
    found = finders.find(name)
    if found is None:  # a hashed name (collected files): the file as served
        path = Path(settings.STATIC_ROOT) / name
        return path.read_bytes() if path.exists() else b""
    return Path(str(found)).read_bytes()


def _measure() -> int:
    import django

    django.setup()
    from django.db import transaction
    from django.test import Client
    from django.urls import reverse

    from sejuk.units.models import Officer, Unit
    from sejuk.web.offline import FIELD_PAGES
    from tests.personas import SEKOTONG_BARAT, make_user

    with transaction.atomic():
        officer = Officer.objects.create(
            name="Bench",
            unit=Unit.objects.get(name="Polsek Sekotong"),
            is_bhabinkamtibmas=True,
        )
        officer.villages.set([SEKOTONG_BARAT])
        user = make_user("bench_bhabin", "Polsek Sekotong", "bhabinkamtibmas", officer=officer)
    client = Client()
    client.force_login(user)

    bundle: dict[str, int] = {}
    worst = 0.0
    print(f"{'page':32} {'html KB':>8} {'files':>6} {'first load KB':>14}")
    for name in FIELD_PAGES:
        url = reverse(name)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        html = response.content
        files = dict.fromkeys(STATIC.findall(html.decode()))
        sizes = {f: _gz(_static_bytes(f)) for f in files}
        total = (_gz(html) + sum(sizes.values())) / 1024
        worst = max(worst, total)
        bundle[url] = _gz(html)
        bundle.update(sizes)
        print(f"{url:32} {_gz(html) / 1024:8.1f} {len(files):6} {total:14.1f}")
    worker = client.get(reverse("service_worker")).content
    manifest = client.get(reverse("manifest")).content
    bundle["/sw.js"] = _gz(worker)
    bundle["/manifest.webmanifest"] = _gz(manifest)
    for icon in re.findall(r'"src": ?"([^"]+)"', manifest.decode()):
        bundle[icon] = len(_static_bytes(icon))  # PNG: gzip gains nothing
    print(f"offline bundle: {len(bundle)} files, {sum(bundle.values()) / 1024:.1f} KB compressed")
    heaviest = sorted(bundle.items(), key=lambda kv: -kv[1])[:5]
    print("  heaviest: " + ", ".join(f"{k} {v / 1024:.1f} KB" for k, v in heaviest))
    verdict = "met" if worst <= TARGET_KB else f"short by {worst - TARGET_KB:.1f} KB"
    print(f"heaviest field page first load {worst:.1f} KB; target ≤ {TARGET_KB} KB: {verdict}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench offline", description=__doc__)
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        return _measure()
    with tempfile.TemporaryDirectory(prefix="sejuk-bench-offline-") as folder:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SEJUK_")}
        env.update(
            SEJUK_DATA_DIR=folder,
            SEJUK_DATABASE_URL=f"sqlite:///{Path(folder) / 'sejuk.sqlite3'}",
            SEJUK_SERVE_JOBS="0",
        )
        subprocess.run(
            [SEJUK, "setup", "--no-demo"], env=env, check=True, stdout=subprocess.DEVNULL
        )
        env["DJANGO_SETTINGS_MODULE"] = "sejuk.settings"
        return subprocess.run(
            [sys.executable, "-m", "bench.offline", "--measure"],
            env=env,
            check=False,
            cwd=Path(__file__).resolve().parents[1],
        ).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
