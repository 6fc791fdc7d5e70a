"""`sejuk setup`: everything a fresh install needs, safe to run again."""

from __future__ import annotations

import secrets
import time
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from sejuk import crypto
from sejuk.accounts.models import Role, UserRole
from sejuk.activities.models import Activity
from sejuk.errors import SejukError
from sejuk.regions.services import load_region_list
from sejuk.units.models import Unit, UnitLevel
from sejuk.units.services import load_default_units

DEMO_ADMIN = "admin"


class Command(BaseCommand):
    help = "Siapkan basis data: migrasi, daftar wilayah, satuan bawaan, berkas statis, admin demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-demo", action="store_true", help="jangan isi data demo pada basis data kosong"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        call_command("migrate", interactive=False, verbosity=0)
        try:
            # The key of the reporters' contacts, now, so a backup of a new install has it.
            crypto.ensure_key()
            with transaction.atomic():
                regions = load_region_list()
            self.stdout.write(f"Wilayah: {regions.summary()}.")
            with transaction.atomic():
                units = load_default_units()
            self.stdout.write(f"Satuan: {units.summary()}.")
        except SejukError as exc:
            raise CommandError(exc.message) from None
        # The boundaries that ship with Sejuk, so a new install has a map.
        call_command("map", "install", stdout=self.stdout)
        call_command("collectstatic", interactive=False, verbosity=0)
        self._demo_admin()
        if not options["no_demo"] and not Activity.objects.exists():
            # A new install shows a living Polres rather than empty pages.
            call_command("demo", stdout=self.stdout)
        self.stdout.write(f"Siap ({time.perf_counter() - started:.1f} detik).")

    def _demo_admin(self) -> None:
        users = get_user_model()
        if users.objects.filter(is_superuser=True).exists():
            return
        password = secrets.token_urlsafe(12)
        admin = users.objects.create_superuser(DEMO_ADMIN, "", password)
        admin.unit = Unit.objects.filter(level=UnitLevel.MABES).first()
        admin.save(update_fields=["unit"])
        UserRole.objects.create(user=admin, role=Role.ADMIN)
        self.stdout.write(
            self.style.WARNING(
                f"Administrator demo dibuat: nama pengguna '{DEMO_ADMIN}', kata sandi "
                f"'{password}'. Kata sandi ini hanya ditampilkan sekali: catat sekarang. "
                "Gantilah setelah masuk, di /akun/sandi/; bila hilang, "
                f"`sejuk users reset-password {DEMO_ADMIN}` memberi kata sandi sementara."
            )
        )
