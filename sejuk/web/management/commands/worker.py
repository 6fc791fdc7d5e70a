"""`sejuk worker`: the background jobs (sejuk.background) in a process of their own, for
servers where `sejuk serve` runs with SEJUK_SERVE_JOBS=0. Several may run at once, on one
machine or several: each run of a job is claimed by one of them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sejuk.background import REGISTRY
from sejuk.jobs.runner import POLL_SECONDS, RunnerThread, run_due, runner_name


class Command(BaseCommand):
    help = "Jalankan pekerjaan latar Sejuk (laporan pagi, ...) terpisah dari server web."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="satu putaran lalu berhenti (untuk cron)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["once"]:
            outcomes = run_due(REGISTRY, runner_name())
            for outcome in outcomes:
                status = "selesai" if outcome.ok else "GAGAL"
                self.stdout.write(f"{outcome.job.name}\t{status}\t{outcome.result}")
            self.stdout.write(f"Pekerjaan latar: {len(outcomes)} dijalankan.")
            return
        self.stdout.write(
            f"Pekerjaan latar berjalan, diperiksa tiap {POLL_SECONDS} detik "
            "(Ctrl+C untuk berhenti)."
        )
        thread = RunnerThread(REGISTRY)
        thread.start()
        try:
            while thread.is_alive():
                thread.join(timeout=1)
        except KeyboardInterrupt:
            thread.stop()
