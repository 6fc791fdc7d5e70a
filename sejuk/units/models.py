"""Police units (Mabes, Polda, Polres, Polsek) with their areas, and their officers."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from sejuk.regions.models import Level as RegionLevel
from sejuk.regions.models import Region

from . import phones


class UnitLevel(models.TextChoices):
    MABES = "mabes", "Mabes Polri"
    POLDA = "polda", "Polda"
    POLRES = "polres", "Polres"
    POLSEK = "polsek", "Polsek"


# The region level a unit is normally named after: a Polres after its kabupaten/kota.
HOME_LEVEL: dict[str, int] = {
    UnitLevel.POLDA: RegionLevel.PROVINSI,
    UnitLevel.POLRES: RegionLevel.KABKOTA,
    UnitLevel.POLSEK: RegionLevel.KECAMATAN,
}
LEVEL_ORDER: list[str] = [UnitLevel.MABES, UnitLevel.POLDA, UnitLevel.POLRES, UnitLevel.POLSEK]


class Unit(models.Model):
    name = models.CharField("nama", max_length=120, db_index=True)
    level = models.CharField("tingkat", max_length=8, choices=UnitLevel.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="satuan atas",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    home_region = models.ForeignKey(
        Region,
        verbose_name="wilayah nama",
        help_text="Wilayah yang menjadi nama satuan (Polres PPU: Kab. Penajam Paser Utara).",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    area = models.ManyToManyField(
        Region,
        verbose_name="wilayah hukum",
        help_text="Wilayah yang dicakup; bisa lebih dari satu (Polres Kerinci: Kab. Kerinci "
        "dan Kota Sungai Penuh).",
        blank=True,
        related_name="units",
    )
    aliases = models.CharField(
        "nama lain",
        max_length=250,
        blank=True,
        help_text="Dipisah koma, mis. nama lama atau singkatan setempat.",
    )
    is_default = models.BooleanField(
        "bawaan",
        default=True,
        help_text="Dibuat otomatis dari peta wilayah; hapus centang setelah disunting.",
    )
    active = models.BooleanField("aktif", default=True)
    # Who leads the unit (Kapolres, Kapolsek): press releases name them with their rank.
    commander = models.ForeignKey(
        "Officer",
        verbose_name="pimpinan satuan",
        help_text="Kapolda, Kapolres atau Kapolsek; personel satuan ini.",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = "satuan"
        verbose_name_plural = "satuan"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "home_region"],
                condition=models.Q(home_region__isnull=False),
                name="unit_one_per_level_and_home_region",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        parent, home = self.parent, self.home_region
        if self.level == UnitLevel.MABES and parent is not None:
            raise ValidationError({"parent": "Mabes Polri tidak punya satuan atas."})
        if parent is not None and LEVEL_ORDER.index(parent.level) >= LEVEL_ORDER.index(self.level):
            raise ValidationError({"parent": "Satuan atas harus setingkat lebih tinggi."})
        if home is not None and HOME_LEVEL.get(self.level) != home.level:
            raise ValidationError(
                {"home_region": "Tingkat wilayah nama tidak sesuai dengan tingkat satuan."}
            )
        if self.commander is not None and self.commander.unit_id != self.pk:
            raise ValidationError({"commander": "Pimpinan harus personel satuan ini."})

    @property
    def commander_title(self) -> str:
        """How releases name the post: "Kapolres Lombok Barat", "Kapolsek Sekotong"."""
        if self.level == UnitLevel.MABES:
            return "Kapolri"
        return f"Ka{self.name[0].lower()}{self.name[1:]}" if self.name.startswith("Pol") else ""


class Officer(models.Model):
    name = models.CharField("nama", max_length=120)
    rank = models.CharField("pangkat", max_length=40, blank=True)
    nrp = models.CharField(
        "NRP", max_length=20, blank=True, help_text="Nomor Registrasi Pokok, bila diketahui."
    )
    position = models.CharField("jabatan", max_length=120, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name="satuan", on_delete=models.PROTECT, related_name="officers"
    )
    is_bhabinkamtibmas = models.BooleanField("Bhabinkamtibmas", default=False)
    villages = models.ManyToManyField(
        Region,
        verbose_name="desa/kelurahan binaan",
        blank=True,
        related_name="bhabinkamtibmas",
        limit_choices_to={"level": RegionLevel.DESA},
    )
    # The officer's own number, kept in E.164 (+62812..., sejuk.units.phones) whatever
    # form it was written in, and Telegram account (a numeric user id): a field message
    # from either reaches the officer functions of the channels.
    phone = models.CharField("telepon", max_length=30, blank=True, db_index=True)
    # A default in the database too: rows written in bulk (sejuk.bulk) name no value.
    telegram_id = models.CharField(
        "ID Telegram",
        max_length=32,
        blank=True,
        db_default="",
        help_text="Angka ID akun Telegram petugas.",
    )
    active = models.BooleanField("aktif", default=True)
    is_demo = models.BooleanField("data demo", default=False)

    class Meta:
        verbose_name = "personel"
        verbose_name_plural = "personel"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["nrp"], condition=~models.Q(nrp=""), name="officer_unique_nrp"
            )
        ]

    def __str__(self) -> str:
        return f"{self.rank} {self.name}".strip()

    def save(self, *args: Any, **kwargs: Any) -> None:
        # One form, so a channel's sender finds the officer; a number that cannot be
        # read is refused on the form (forms.py) and kept as written elsewhere.
        self.phone = phones.e164(self.phone) or self.phone.strip()
        super().save(*args, **kwargs)
