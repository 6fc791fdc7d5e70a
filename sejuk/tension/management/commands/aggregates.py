"""`sejuk aggregates rebuild [--since DATE]`: the daily figures again from the raw
records, then today's tension of every desa."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sejuk.tension import services


class Command(BaseCommand):
    help = "Hitung ulang angka harian per wilayah dari catatan asli, lalu kerawanan hari ini."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["rebuild"], help="rebuild: hitung ulang")
        parser.add_argument(
            "--since", type=date.fromisoformat, default=None, help="mulai tanggal (YYYY-MM-DD)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        rows = services.rebuild(since=options["since"])
        self.stdout.write(
            f"Angka harian dihitung ulang: {rows} baris wilayah-hari "
            f"({time.perf_counter() - started:.1f} detik)."
        )
