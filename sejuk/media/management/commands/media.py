"""`sejuk media load-sources | poll | train`: the news sources' starter list, one polling
round of every active source now, and the signal classifier trained now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sejuk.media import intake, learning, sources


class Command(BaseCommand):
    help = "Pemantauan media: daftar sumber awal, ambil umpan sekarang, latih pengklasifikasi."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        sub.add_parser("load-sources", help="muat daftar sumber awal (nonaktif, belum diperiksa)")
        sub.add_parser("poll", help="ambil umpan semua sumber aktif sekarang")
        sub.add_parser("train", help="latih pengklasifikasi sinyal dari putusan analis")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "load-sources":
            added = sources.load_starter()
            self.stdout.write(
                f"{added} sumber ditambahkan, nonaktif: periksa alamatnya lalu aktifkan di admin."
            )
        elif action == "poll":
            done = intake.poll_all()
            self.stdout.write(done.summary())
            for line in done.failed:
                self.stdout.write(f"  gagal: {line}")
        else:
            self.stdout.write(learning.train())
