"""The people of the permission tests, each a real user on the real database.

Polres Lombok Barat (NTB): an administrator, a commander (pimpinan), an operator, a
Humas officer, and the Bhabinkamtibmas of Desa Sekotong Barat (Polsek Sekotong). Next
door, an operator of Polres Lombok Tengah. Three leaders: one in Sekotong Barat, one in
Kelurahan Gerung Utara (Polsek Gerung, same Polres), one in Lombok Tengah.
"""

from __future__ import annotations

from dataclasses import dataclass

from sejuk.accounts.models import User, UserRole
from sejuk.leaders.models import Leader
from sejuk.units.models import Officer, Unit

SEKOTONG_BARAT = "52.01.07.2002"
GERUNG_UTARA = "52.01.01.1001"
LOTENG_DESA = "52.02.02.2001"  # a desa of Kabupaten Lombok Tengah

PERSONAS = ("anon", "admin", "pimpinan", "operator", "humas", "bhabin", "neighbour")


@dataclass
class World:
    users: dict[str, User | None]
    officers: dict[str, Officer]
    leaders: dict[str, Leader]


def make_user(username: str, unit_name: str, *roles: str, officer: Officer | None = None) -> User:
    user = User.objects.create_user(
        username,
        password="kata-sandi-yang-panjang-1",
        unit=Unit.objects.get(name=unit_name),
        officer=officer,
        is_staff="admin" in roles,
    )
    UserRole.objects.bulk_create(UserRole(user=user, role=r) for r in roles)
    return user


def build_world() -> World:
    sekotong = Officer.objects.create(
        name="Andi",
        rank="Bripka",
        unit=Unit.objects.get(name="Polsek Sekotong"),
        is_bhabinkamtibmas=True,
    )
    sekotong.villages.set([SEKOTONG_BARAT])
    gerung = Officer.objects.create(
        name="Budi",
        rank="Brigpol",
        unit=Unit.objects.get(name="Polsek Gerung"),
        is_bhabinkamtibmas=True,
    )
    gerung.villages.set([GERUNG_UTARA])
    users: dict[str, User | None] = {
        "anon": None,
        "admin": make_user("admin_lobar", "Polres Lombok Barat", "admin"),
        "pimpinan": make_user("kapolres_lobar", "Polres Lombok Barat", "pimpinan"),
        "operator": make_user("operator_lobar", "Polres Lombok Barat", "operator"),
        "humas": make_user("humas_lobar", "Polres Lombok Barat", "humas"),
        "bhabin": make_user(
            "bhabin_sekotong", "Polsek Sekotong", "bhabinkamtibmas", officer=sekotong
        ),
        "neighbour": make_user("operator_loteng", "Polres Lombok Tengah", "operator"),
    }
    leaders = {
        "own": Leader.objects.create(
            region_id=SEKOTONG_BARAT, name="Ustaz Hamid", category="tokoh_agama"
        ),
        "other": Leader.objects.create(
            region_id=GERUNG_UTARA, name="Pak Lalu Made", category="tokoh_adat"
        ),
        "neighbour": Leader.objects.create(
            region_id=LOTENG_DESA, name="Ibu Baiq Sari", category="perempuan"
        ),
    }
    return World(users, {"sekotong": sekotong, "gerung": gerung}, leaders)
