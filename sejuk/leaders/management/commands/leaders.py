"""`sejuk leaders list --as USER [--csv]`: the registry from the command line, under the
same area rule as the pages and the API (the user named by --as)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.errors import SejukError
from sejuk.leaders import services


class Command(BaseCommand):
    help = "Daftar tokoh menurut wilayah pengguna."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        listing = sub.add_parser("list", help="daftar tokoh yang boleh dilihat pengguna")
        listing.add_argument("--as", dest="username", required=True, help="nama pengguna")
        listing.add_argument("--region", default="", help="kode wilayah")
        listing.add_argument("--csv", action="store_true", help="keluaran CSV (dicatat di audit)")

    def handle(self, *args: Any, **options: Any) -> None:
        user = User.objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"Pengguna {options['username']!r} tidak ditemukan atau nonaktif.")
        viewer = viewer_for(user)
        flt = services.LeaderFilter(region=options["region"])
        try:
            if options["csv"]:
                self.stdout.write(services.export_csv(viewer, flt), ending="")
                return
            for leader in services.leaders(viewer, flt):
                self.stdout.write(
                    f"{leader.pk}\t{leader.region_id}\t{leader.name}\t{leader.get_category_display()}"
                )
        except SejukError as exc:
            raise CommandError(exc.message) from None
