"""`sejuk aggregates rebuild [--since DATE]`: the daily figures again from the raw
records, then today's tension of every desa. `sejuk aggregates import-baseline FILE`:
kabupaten, kecamatan or desa IKP figures and TPS classes, each with its source."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.errors import SejukError
from sejuk.tension import imports, services


class Command(BaseCommand):
    help = "Hitung ulang angka harian per wilayah dari catatan asli, lalu kerawanan hari ini."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action",
            choices=["rebuild", "import-baseline"],
            help="rebuild: hitung ulang; import-baseline: impor kerawanan dasar dari CSV",
        )
        parser.add_argument("file", nargs="?", help="berkas CSV (import-baseline)")
        parser.add_argument(
            "--since", type=date.fromisoformat, default=None, help="mulai tanggal (YYYY-MM-DD)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "import-baseline":
            self._import(options["file"])
            return
        started = time.perf_counter()
        rows = services.rebuild(since=options["since"])
        self.stdout.write(
            f"Angka harian dihitung ulang: {rows} baris wilayah-hari "
            f"({time.perf_counter() - started:.1f} detik)."
        )

    def _import(self, path: str | None) -> None:
        if not path:
            raise CommandError("Sebutkan berkas CSV: sejuk aggregates import-baseline FILE.")
        try:
            rows = imports.parse(Path(path).read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Berkas tidak dapat dibaca: {exc}") from None
        except SejukError as exc:
            raise CommandError(exc.message) from None
        with transaction.atomic():
            n = imports.store(rows)
        services.recompute_today()
        self.stdout.write(
            f"Kerawanan dasar diimpor: {n} wilayah; kerawanan hari ini dihitung ulang."
        )
