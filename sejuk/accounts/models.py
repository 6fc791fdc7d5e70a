"""Users with a unit and roles, API tokens, and the append-only audit log."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models

from sejuk.units.models import Officer, Unit


class Role(models.TextChoices):
    ADMIN = "admin", "Administrator"
    PIMPINAN = "pimpinan", "Pimpinan"
    OPERATOR = "operator", "Operator"
    HUMAS = "humas", "Humas"
    BHABINKAMTIBMAS = "bhabinkamtibmas", "Bhabinkamtibmas"


class User(AbstractUser):
    unit = models.ForeignKey(
        Unit,
        verbose_name="satuan",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
        help_text="Pengguna melihat dan mengubah data di wilayah satuan ini dan di bawahnya.",
    )
    officer = models.OneToOneField(
        Officer,
        verbose_name="personel",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="user",
        help_text="Untuk Bhabinkamtibmas: desa binaannya menjadi wilayahnya.",
    )
    must_change_password = models.BooleanField(
        "wajib ganti kata sandi",
        default=False,
        help_text="Diisi otomatis setelah kata sandi diatur ulang oleh administrator.",
    )

    class Meta:
        verbose_name = "pengguna"
        verbose_name_plural = "pengguna"

    def role_set(self) -> frozenset[str]:
        cached: frozenset[str] | None = getattr(self, "_roles", None)
        if cached is None:
            cached = (
                frozenset(self.roles.values_list("role", flat=True)) if self.pk else frozenset()
            )
            self._roles = cached
        return cached


class UserRole(models.Model):
    user = models.ForeignKey(
        User, verbose_name="pengguna", on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField("peran", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = "peran"
        verbose_name_plural = "peran"
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_grant_per_role")]

    def __str__(self) -> str:
        return self.get_role_display()


class ApiToken(models.Model):
    """A token for an integration. Only a SHA-256 digest is stored; the token itself is
    shown once. It acts with its owner's roles and area, and stops working when revoked
    or when its owner is deactivated."""

    user = models.ForeignKey(
        User, verbose_name="pemilik", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField("nama", max_length=80)
    prefix = models.CharField("awalan", max_length=16, db_index=True)
    digest = models.CharField("sidik token (SHA-256)", max_length=64, unique=True)
    created_at = models.DateTimeField("dibuat", auto_now_add=True)
    last_used_at = models.DateTimeField("terakhir dipakai", null=True, blank=True)
    revoked_at = models.DateTimeField("dicabut", null=True, blank=True)

    class Meta:
        verbose_name = "token API"
        verbose_name_plural = "token API"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class AuditAction(models.TextChoices):
    LOGIN = "login", "Masuk"
    LOGIN_FAILED = "login_failed", "Gagal masuk"
    LOGOUT = "logout", "Keluar"
    LOCKED_OUT = "locked_out", "Terkunci"
    DENIED = "denied", "Akses ditolak"
    EXPORT = "export", "Ekspor data"
    VIEW_IDENTITY = "view_identity", "Melihat identitas pelapor"
    PASSWORD_CHANGED = "password_changed", "Ganti kata sandi"
    PASSWORD_RESET = "password_reset", "Kata sandi diatur ulang"
    USER_CREATED = "user_created", "Pengguna dibuat"
    TOKEN_CREATED = "token_created", "Token dibuat"
    TOKEN_REVOKED = "token_revoked", "Token dicabut"


class AuditQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise PermissionError("Catatan audit tidak dapat diubah.")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise PermissionError("Catatan audit tidak dapat dihapus.")


class AuditEvent(models.Model):
    """Who did what, when, from where. Written once, never changed: the model refuses
    updates and deletes, and no page or admin offers them."""

    created_at = models.DateTimeField("waktu", auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        User, verbose_name="pelaku", on_delete=models.SET_NULL, null=True, blank=True
    )
    actor_name = models.CharField("nama pelaku", max_length=150, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name="satuan pelaku", on_delete=models.SET_NULL, null=True, blank=True
    )
    action = models.CharField("aksi", max_length=20, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField("jenis objek", max_length=40, blank=True)
    object_id = models.CharField("nomor objek", max_length=40, blank=True)
    detail = models.JSONField("rincian", default=dict, blank=True)
    ip = models.GenericIPAddressField("alamat IP", null=True, blank=True)
    user_agent = models.CharField("peramban", max_length=250, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        verbose_name = "catatan audit"
        verbose_name_plural = "catatan audit"
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise PermissionError("Catatan audit tidak dapat diubah.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise PermissionError("Catatan audit tidak dapat dihapus.")


class RateCounter(models.Model):
    """A rate-limit counter (sejuk.accounts.ratelimit), kept in the database so every
    server process shares it."""

    key = models.CharField("kunci", max_length=120)  # "lapor:203.0.113.7"
    # The start of the window, in seconds since the epoch.
    window = models.BigIntegerField("awal jendela waktu")
    count = models.PositiveIntegerField("jumlah", default=0)

    class Meta:
        verbose_name = "penghitung batas permintaan"
        verbose_name_plural = "penghitung batas permintaan"
        constraints = [
            models.UniqueConstraint(fields=["key", "window"], name="one_counter_per_window")
        ]
        indexes = [models.Index(fields=["window"])]

    def __str__(self) -> str:
        return f"{self.key}@{self.window}: {self.count}"
