"""`sejuk demo [--polres NAME] [--days N] | --remove`."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.activities.demo import load_demo, remove_demo
from sejuk.errors import SejukError


class Command(BaseCommand):
    help = "Isi data demo (personel, tokoh, rencana, kegiatan 60 hari) atau hapus lagi."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--polres", default="Polres Lombok Barat")
        parser.add_argument("--days", type=int, default=60)
        parser.add_argument("--remove", action="store_true", help="hapus semua data demo")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        try:
            with transaction.atomic():
                if options["remove"]:
                    counts = remove_demo()
                    done = ", ".join(f"{n} {what}" for what, n in counts.items())
                    self.stdout.write(f"Data demo dihapus: {done}.")
                    return
                if not 1 <= options["days"] <= 365:
                    raise CommandError("--days antara 1 dan 365.")
                result = load_demo(options["polres"], options["days"])
        except SejukError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(
            f"Data demo {options['polres']}: {result.summary()} "
            f"({time.perf_counter() - started:.1f} detik)."
        )
        if result.users:
            names = ", ".join(f"{u} ({r})" for u, r in result.users.items())
            self.stdout.write(
                self.style.WARNING(
                    f"Pengguna demo: {names}; kata sandi bersama '{result.password}' "
                    "(ditampilkan sekali)."
                )
            )
