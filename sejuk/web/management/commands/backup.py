"""`sejuk backup PATH`: a consistent copy of a running Sejuk (sejuk/web/backup.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.errors import SejukError
from sejuk.web.backup import make_backup


class Command(BaseCommand):
    help = (
        "Cadangkan basis data, kunci enkripsi, foto dan buletin ke folder baru, "
        "juga selagi server berjalan."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="folder baru (atau kosong) untuk cadangan")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = make_backup(options["path"])
        except SejukError as exc:
            raise CommandError(exc.message) from None
        self.stdout.write(result.summary())
