"""`sejuk restore PATH`: a backup back into an empty data folder (sejuk/web/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.crypto import key_problem
from sejuk.errors import SejukError
from sejuk.web.backup import restore_backup


class Command(BaseCommand):
    help = (
        "Pulihkan cadangan `sejuk backup` ke folder data dan basis data yang kosong "
        "(menolak yang sudah berisi)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="folder cadangan")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = restore_backup(options["path"])
        except SejukError as exc:
            raise CommandError(exc.message) from None
        # A backup of an older Sejuk is brought up to date; static files for `sejuk serve`.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        problem = key_problem()
        if problem:  # checked before anything was written; this would be a bug
            raise CommandError(problem)
        self.stdout.write(result.summary())
        self.stdout.write("Jalankan `sejuk serve` untuk melayani lagi.")
