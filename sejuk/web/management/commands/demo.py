"""`sejuk demo [--polres NAME] [--days N] | --remove`: officers, leaders, plans and
activities (sejuk.activities.demo), then citizen reports (sejuk.reports.demo) and
incidents (sejuk.incidents.demo) on top."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.accounts.access import area_codes, subtree_ids
from sejuk.activities.demo import load_demo, remove_demo
from sejuk.errors import SejukError
from sejuk.incidents.demo import load_demo_incidents, remove_demo_incidents
from sejuk.reports.demo import load_demo_reports, remove_demo_reports
from sejuk.tension import services as tension
from sejuk.units.models import Unit, UnitLevel


class Command(BaseCommand):
    help = (
        "Isi data demo (personel, tokoh, rencana, kegiatan, laporan masyarakat dan kejadian "
        "60 hari) atau hapus lagi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--polres", default="Polres Lombok Barat")
        parser.add_argument("--days", type=int, default=60)
        parser.add_argument("--remove", action="store_true", help="hapus semua data demo")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["remove"]:
            with transaction.atomic():
                counts = {
                    "laporan": remove_demo_reports(),
                    "kejadian": remove_demo_incidents(),
                    **remove_demo(),
                }
            done = ", ".join(f"{n} {what}" for what, n in counts.items())
            self.stdout.write(f"Data demo dihapus: {done}.")
            tension.rebuild()
            return
        try:
            with transaction.atomic():
                if not 1 <= options["days"] <= 365:
                    raise CommandError("--days antara 1 dan 365.")
                result = load_demo(options["polres"], options["days"])
                polres = Unit.objects.get(name=options["polres"], level=UnitLevel.POLRES)
                reports = load_demo_reports(polres, options["days"])
                incidents = load_demo_incidents(polres)
        except SejukError as exc:
            raise CommandError(exc.message) from None
        # The demo went in by bulk inserts, past the picture's upkeep; its 30-day trend
        # is drawn for the demo Polres (the nation gets today's).
        tension.rebuild()
        tension.recompute_area(area_codes(subtree_ids(polres.pk)), days=tension.TREND_DAYS)
        self.stdout.write(
            f"Data demo {options['polres']}: {result.summary()}, {reports} laporan masyarakat, "
            f"{incidents} kejadian "
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
