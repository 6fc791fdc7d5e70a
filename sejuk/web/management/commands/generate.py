"""`sejuk generate national [--activities N] [--reports N] [--incidents N] [--seed N]
[--days N] [--end DATE] [--area CODES] | --remove`: national-scale generated data
(sejuk.web.national), written in chunks of short transactions."""

from __future__ import annotations

import time
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.errors import SejukError
from sejuk.tension import services as tension
from sejuk.web import national


class Command(BaseCommand):
    help = (
        "Isi basis data dengan data bangkitan skala nasional (personel, tokoh, kegiatan, "
        "laporan masyarakat, kejadian di semua desa) untuk uji kecepatan, atau hapus lagi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("scale", choices=["national"], help="skala (kini: national)")
        default = national.Scale()
        parser.add_argument("--activities", type=int, default=default.activities)
        parser.add_argument("--reports", type=int, default=default.reports)
        parser.add_argument("--incidents", type=int, default=default.incidents)
        parser.add_argument("--seed", type=int, default=default.seed)
        parser.add_argument("--days", type=int, default=default.days, help="panjang rentang")
        parser.add_argument(
            "--end", type=date.fromisoformat, default=None, help="hari terakhir (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--area", default="", help="kode wilayah dipisah koma (bawaan: seluruh Indonesia)"
        )
        parser.add_argument("--chunk", type=int, default=default.chunk, help="kegiatan/transaksi")
        parser.add_argument("--remove", action="store_true", help="hapus data bangkitan")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["remove"]:
            self._remove()
            return
        scale = national.Scale(
            activities=options["activities"],
            reports=options["reports"],
            incidents=options["incidents"],
            seed=options["seed"],
            days=options["days"],
            end=options["end"],
            area=tuple(c.strip() for c in options["area"].split(",") if c.strip()),
            chunk=options["chunk"],
        )
        try:
            plan = national.Plan(scale, log=self.stdout.write)
            with transaction.atomic():
                plan.people()
            for _ in plan.chunks():
                with transaction.atomic():
                    line = plan.flush()
                self.stdout.write(line)
            with transaction.atomic():
                plan.finish()
        except SejukError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(f"Data bangkitan: {plan.result.summary()}.")
        self._picture(scale.area or None)

    def _picture(self, area: tuple[str, ...] | None = None) -> None:
        """The rows went in by bulk inserts, past the picture's upkeep: rebuild it (the
        last eight days of tension of the generated area, so the 7-day rise has its day
        before)."""
        started = time.perf_counter()
        rows = tension.rebuild(tension_days=8, area=area)
        self.stdout.write(
            f"Angka harian dan kerawanan dihitung ulang: {national.dots(rows)} baris "
            f"({time.perf_counter() - started:.0f} detik)."
        )

    def _remove(self) -> None:
        counts: dict[str, int] = {}
        for what, step in national.removal():
            while True:
                with transaction.atomic():
                    removed = step()
                counts[what] = counts.get(what, 0) + removed
                if not removed:
                    break
        done = ", ".join(f"{national.dots(n)} {what}" for what, n in counts.items())
        self.stdout.write(f"Data bangkitan dihapus: {done or 'tidak ada'}.")
        self._picture()
