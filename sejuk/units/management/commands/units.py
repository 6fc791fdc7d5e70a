"""`sejuk units load | find | commander`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.errors import SejukError
from sejuk.units import services


class Command(BaseCommand):
    help = "Satuan Polri: memuat satuan bawaan, mencari satuan menurut nama."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        sub.add_parser("load", help="buat Mabes, Polda, Polres, Polsek bawaan yang belum ada")
        find = sub.add_parser("find", help='cari satuan, mis. "Polres PPU"')
        find.add_argument("query")
        find.add_argument("--limit", type=int, default=5)
        lead = sub.add_parser("commander", help="tetapkan pimpinan satuan (nama dan pangkat)")
        lead.add_argument("unit", help='nama satuan, mis. "Polres Lombok Barat"')
        lead.add_argument("--name", required=True)
        lead.add_argument("--rank", required=True, help="mis. AKBP, Kompol, Iptu")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "load":
                self._load()
            elif options["action"] == "commander":
                self._commander(options["unit"], options["name"], options["rank"])
            else:
                self._find(options["query"], options["limit"])
        except SejukError as exc:
            raise CommandError(exc.message) from None

    def _load(self) -> None:
        started = time.perf_counter()
        with transaction.atomic():
            result = services.load_default_units()
        self.stdout.write(
            f"Satuan: {result.summary()} ({time.perf_counter() - started:.1f} detik)."
        )

    def _commander(self, unit_name: str, name: str, rank: str) -> None:
        with transaction.atomic():
            unit = services.resolve_unit(unit_name)
            officer = services.set_commander(unit, name, rank)
        self.stdout.write(f"{unit.commander_title}: {officer}.")

    def _find(self, query: str, limit: int) -> None:
        matches = services.find_units(query, limit=limit)
        if not matches:
            raise CommandError(f"Tidak ada satuan yang cocok dengan {query!r}.")
        for m in matches:
            home = m.unit.home_region_id or "-"
            self.stdout.write(f"{m.unit.pk}\t{m.score:.2f}\t{m.unit.name}\t{m.unit.level}\t{home}")
