"""`sejuk users create | reset-password | list | token | revoke-token`.

The command line is the machine's own administrator: it may create users anywhere.
"""

from __future__ import annotations

import sys
from typing import Any

from axes.utils import reset
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk.errors import SejukError
from sejuk.units.models import Officer
from sejuk.units.services import assign_villages, resolve_unit

from ... import services
from ...access import viewer_for
from ...models import Role, User


class Command(BaseCommand):
    help = "Pengguna Sejuk: buat, atur ulang kata sandi, daftar, token API."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        create = sub.add_parser("create", help="buat pengguna")
        create.add_argument("--username", required=True)
        create.add_argument("--unit", required=True, help='mis. "Polres Lombok Barat"')
        create.add_argument(
            "--role",
            action="append",
            required=True,
            choices=Role.values,
            help="peran; boleh lebih dari sekali",
        )
        create.add_argument("--name", default="", help="nama lengkap")
        create.add_argument("--officer", type=int, help="nomor data personel (Bhabinkamtibmas)")
        create.add_argument(
            "--villages",
            help="kode desa binaan dipisah koma: buat data personel Bhabinkamtibmas sekaligus",
        )
        create.add_argument("--rank", default="", help="pangkat, untuk data personel baru")
        create.add_argument(
            "--password-stdin",
            action="store_true",
            help="baca kata sandi dari stdin; tanpa ini kata sandi dibuat dan dicetak sekali",
        )
        reset = sub.add_parser("reset-password", help="atur ulang kata sandi (wajib diganti)")
        reset.add_argument("username")
        sub.add_parser("list", help="daftar pengguna")
        token = sub.add_parser("token", help="buat token API untuk pengguna")
        token.add_argument("username")
        token.add_argument("--name", required=True)
        unlock = sub.add_parser("unlock", help="buka kunci masuk setelah salah sandi berulang")
        unlock.add_argument("username")
        revoke = sub.add_parser("revoke-token", help="cabut token API")
        revoke.add_argument("token_id", type=int)

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with transaction.atomic():
                getattr(self, "_" + options["action"].replace("-", "_"))(options)
        except SejukError as exc:
            raise CommandError(exc.message) from None

    def _create(self, options: dict[str, Any]) -> None:
        unit = resolve_unit(options["unit"])
        officer = None
        if options["officer"] is not None:
            officer = Officer.objects.filter(pk=options["officer"]).first()
            if officer is None:
                raise CommandError(f"Personel nomor {options['officer']} tidak ditemukan.")
        elif options["villages"]:
            officer = Officer.objects.create(
                name=options["name"] or options["username"],
                rank=options["rank"],
                unit=unit,
                position="Bhabinkamtibmas",
                is_bhabinkamtibmas=True,
            )
            codes = [c.strip() for c in options["villages"].split(",") if c.strip()]
            assign_villages(officer, codes)
        password = sys.stdin.readline().rstrip("\n") if options["password_stdin"] else None
        created = services.create_user(
            username=options["username"],
            unit=unit,
            roles=options["role"],
            full_name=options["name"],
            officer=officer,
            password=password,
        )
        self.stdout.write(
            f"Pengguna {created.user.username} dibuat di {unit.name} "
            f"dengan peran {', '.join(sorted(options['role']))}."
        )
        if password is None:
            self.stdout.write(
                f"Kata sandi sementara: {created.password} (ditampilkan sekali; wajib diganti "
                "saat pertama masuk)."
            )

    def _reset_password(self, options: dict[str, Any]) -> None:
        password = services.reset_password(None, options["username"])
        self.stdout.write(
            f"Kata sandi sementara {options['username']}: {password} (wajib diganti saat masuk)."
        )

    def _list(self, options: dict[str, Any]) -> None:
        for user in User.objects.select_related("unit").order_by("username"):
            roles = ",".join(sorted(user.role_set())) or "-"
            unit = user.unit.name if user.unit else "-"
            state = "aktif" if user.is_active else "nonaktif"
            self.stdout.write(f"{user.username}\t{unit}\t{roles}\t{state}")

    def _token(self, options: dict[str, Any]) -> None:
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            raise CommandError(f"Pengguna {options['username']!r} tidak ditemukan.")
        token = services.issue_token(user, options["name"])
        self.stdout.write(f"Token (ditampilkan sekali): {token}")

    def _unlock(self, options: dict[str, Any]) -> None:
        count = reset(username=options["username"])
        self.stdout.write(f"Kunci {options['username']} dibuka ({count} catatan gagal dihapus).")

    def _revoke_token(self, options: dict[str, Any]) -> None:
        from ...models import ApiToken

        record = ApiToken.objects.select_related("user").filter(pk=options["token_id"]).first()
        if record is None:
            raise CommandError(f"Token nomor {options['token_id']} tidak ditemukan.")
        services.revoke(viewer_for(record.user), record.pk)
        self.stdout.write(f"Token {record.name} milik {record.user.username} dicabut.")
