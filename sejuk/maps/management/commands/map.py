"""`sejuk map build | install`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from sejuk.maps import build


class Command(BaseCommand):
    help = "Peta: memuat batas wilayah bawaan dan menyusun bentuk wilayah yang digambar."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        sub.add_parser(
            "install",
            help="muat batas wilayah bawaan ke wilayah yang belum punya, lalu susun petanya",
        )
        sub.add_parser("build", help="susun ulang bentuk semua wilayah dari batasnya")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "install":
            installed, codes = build.install_packaged(self.stdout)
            self.stdout.write(f"Batas wilayah: {installed.summary()}.")
            todo = set(codes) | set(build.missing_shapes())
            if todo:
                self.stdout.write(f"Peta: {build.rebuild(todo).summary()}.")
        else:
            self.stdout.write(f"Peta: {build.rebuild(None, self.stdout).summary()}.")
