"""Generated community leaders at national scale (``sejuk generate national``): the
table writer for leaders, one to three per desa."""

from __future__ import annotations

import random
from collections.abc import Sequence

from django.utils import timezone

from sejuk.bulk import analyze, claim_ids, insert, reset_sequences

from .models import Leader

# (category, title before the name, what they are in the desa)
KINDS = (
    ("tokoh_agama", "Ustaz", "imam masjid"),
    ("tokoh_agama", "Pdt.", "pendeta jemaat"),
    ("tokoh_agama", "KH", "pengasuh pondok pesantren"),
    ("tokoh_adat", "", "ketua adat"),
    ("tokoh_masyarakat", "", "kepala dusun"),
    ("tokoh_masyarakat", "", "ketua RW"),
    ("tokoh_pemuda", "", "ketua karang taruna"),
    ("perempuan", "Ibu", "ketua PKK"),
    ("pemerintah_daerah", "", "kepala desa"),
)
LEADER_FIELDS = (
    "id", "region_id", "name", "category", "role", "phone", "notes", "active", "is_demo",
    "created_by_id", "created_at", "updated_at",
)  # fmt: skip
GIVEN = (
    "Abdul", "Siti", "Yosef", "Maria", "Wayan", "Komang", "Hamzah", "Rahmat", "Nur", "Daud",
    "Samuel", "Ismail", "Yakob", "Fatimah", "Sutrisno", "Sumarni", "Haji Umar", "Lukas",
)  # fmt: skip


def write_leaders(rng: random.Random, villages: Sequence[str], by: int) -> dict[str, list[int]]:
    """One to three leaders in each desa; their ids by desa code."""
    planned = []
    for code in villages:
        for category, title, role in rng.sample(KINDS, k=rng.choice((1, 2, 2, 3))):
            name = f"{title} {rng.choice(GIVEN)}".strip()
            planned.append((code, name, category, role))
    ids = claim_ids(Leader, len(planned))
    now = timezone.now()
    by_desa: dict[str, list[int]] = {}
    rows = []
    for pk, (code, name, category, role) in zip(ids, planned, strict=True):
        rows.append((pk, code, name, category, role, "", "", True, True, by, now, now))
        by_desa.setdefault(code, []).append(pk)
    insert(Leader, LEADER_FIELDS, rows)
    reset_sequences(Leader)
    analyze(Leader)
    return by_desa


def remove_leaders(by: int) -> int:
    return (
        Leader.objects.filter(is_demo=True, created_by_id=by).delete()[1].get(Leader._meta.label, 0)
    )
