"""`sejuk bulletin daily | recap | release | run-due`: the bulletins from the command line,
under the same area rule as the pages and the API (the user named by --as)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.accounts.access import Viewer, viewer_for
from sejuk.accounts.models import User
from sejuk.bulletins import schedule, services
from sejuk.errors import SejukError
from sejuk.units.services import resolve_unit


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Tanggal {value!r} tidak valid (pakai YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Buletin: laporan situasi harian, rekapitulasi kegiatan, rilis pers, laporan pagi."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        daily = sub.add_parser("daily", help="laporan situasi harian satu satuan (PDF/DOCX)")
        daily.add_argument(
            "--unit", help='nama satuan, mis. "Polres Lombok Barat" (bawaan: satuan pengguna)'
        )
        daily.add_argument("--date", type=_day, help="YYYY-MM-DD (bawaan: hari ini)")
        daily.add_argument("--format", choices=services.DAILY_FORMATS, default="pdf")
        recap = sub.add_parser("recap", help="rekapitulasi kegiatan satu periode (XLSX)")
        recap.add_argument("--unit", help="nama satuan (bawaan: satuan pengguna)")
        recap.add_argument(
            "--from", dest="start", type=_day, help="YYYY-MM-DD (bawaan: 29 hari sebelum --to)"
        )
        recap.add_argument("--to", dest="end", type=_day, help="YYYY-MM-DD (bawaan: hari ini)")
        release = sub.add_parser("release", help="draf rilis pers satu kegiatan (DOCX/teks)")
        release.add_argument("--activity", type=int, required=True, help="nomor kegiatan")
        release.add_argument(
            "--template", default="", help="kunci templat, mis. patroli_dialogis.ringkas"
        )
        release.add_argument("--format", choices=services.RELEASE_FORMATS, default="txt")
        for command in (daily, recap, release):
            command.add_argument("--as", dest="username", required=True, help="nama pengguna")
            command.add_argument(
                "--out", help="berkas tujuan (bawaan: nama baku di folder ini; teks rilis: layar)"
            )
        due = sub.add_parser("run-due", help="buat laporan pagi yang jatuh tempo (untuk cron)")
        due.add_argument("--date", type=_day, help="buat laporan tanggal ini yang belum ada")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "run-due":
                done = schedule.run_due(day=options["date"])
                for b in done.made:
                    self.stdout.write(f"{b.unit.name}\t{b.day}\t{b.pdf.name}")
                self.stdout.write(f"Laporan pagi: {done.summary()}.")
                if done.failed:
                    raise CommandError(f"{len(done.failed)} laporan gagal dibuat; lihat log.")
                return
            viewer = self._viewer(options["username"])
            file = getattr(self, "_" + options["action"])(viewer, options)
        except SejukError as exc:
            raise CommandError(exc.message) from None
        self._write(file, options.get("out"))

    def _viewer(self, username: str) -> Viewer:
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna {username!r} tidak ditemukan atau nonaktif.")
        return viewer_for(user)

    def _unit(self, name: str | None) -> int | None:
        return resolve_unit(name).pk if name else None

    def _daily(self, viewer: Viewer, options: dict[str, Any]) -> services.File:
        unit = self._unit(options["unit"])
        return services.daily_file(viewer, unit, options["date"], options["format"])

    def _recap(self, viewer: Viewer, options: dict[str, Any]) -> services.File:
        unit = self._unit(options["unit"])
        return services.recap_file(viewer, unit, options["start"], options["end"])

    def _release(self, viewer: Viewer, options: dict[str, Any]) -> services.File:
        return services.release_file(
            viewer, options["activity"], options["format"], template=options["template"]
        )

    def _write(self, file: services.File, out: str | None) -> None:
        if out == "-":
            sys.stdout.buffer.write(file.content)
            return
        if out is None and file.content_type.startswith("text/"):
            self.stdout.write(file.content.decode(), ending="")
            return
        path = Path(out or file.name)
        path.write_bytes(file.content)
        self.stdout.write(f"{path} ({len(file.content)} bita)")
