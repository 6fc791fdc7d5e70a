"""Demo incidents for the demo Polres, so the situation picture has something to explain:
a few desa where trouble gathered in the last days (a clash, a crowd, a torn banner, a
hoax), one where it is fading, recorded through the same service as an officer's
incident and then dated back. The texts are invented; the generator is seeded."""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from sejuk.accounts.access import viewer_for
from sejuk.accounts.models import User
from sejuk.regions.models import Level, Region
from sejuk.units.models import Unit

from .models import Incident
from .services import IncidentInput, record_incident

# Per desa picked: (days ago, types, injured, buildings damaged, what the officer
# wrote). The first desa has the most lately; the last an older one that has faded.
STORIES = (
    (
        (1, ["bentrokan"], 4, 1, "Dua kelompok pemuda saling lempar batu selepas kampanye."),
        (2, ["perusakan"], 0, 0, "Baliho calon dirobek dan dibakar di pertigaan."),
        (3, ["pengerahan_massa"], 0, 0, "Massa berkumpul di depan balai desa membawa kayu."),
        (5, ["provokasi"], 0, 0, "Selebaran menghasut ditempel di pos ronda."),
    ),
    (
        (2, ["perusakan"], 0, 0, "Spanduk calon dirusak orang tak dikenal."),
        (8, ["intimidasi"], 0, 0, "Warga didatangi orang tak dikenal dan diminta tidak memilih."),
    ),
    (
        (1, ["hoaks"], 0, 0, "Pesan berantai tentang kotak suara ditukar membuat warga resah."),
        (10, ["politik_uang"], 0, 0, "Pembagian amplop dari rumah ke rumah."),
    ),
    ((35, ["unjuk_rasa"], 0, 0, "Unjuk rasa menolak hasil rekapitulasi, bubar tertib."),),
)


def load_demo_incidents(polres: Unit, seed: int = 2024) -> int:
    operator = User.objects.filter(username="demo.operator").first()
    if operator is None or polres.home_region_id is None:
        return 0
    villages = list(
        Region.objects.filter(level=Level.DESA, code__startswith=polres.home_region_id + ".")
        .order_by("code")
        .values_list("code", flat=True)
    )
    if len(villages) < len(STORIES):
        return 0
    rng = random.Random(seed)  # noqa: S311 -- variety, not secrecy: the same demo each run
    viewer = viewer_for(operator)
    now = timezone.now()
    count = 0
    for desa, told in zip(rng.sample(villages, len(STORIES)), STORIES, strict=True):
        for days, types, injured, buildings, text in told:
            incident = record_incident(
                viewer,
                IncidentInput(
                    types=types, description=text, injured=injured, damaged_buildings=buildings
                ),
                region_id=desa,
                occurred_at=now - timedelta(days=days, hours=rng.randint(1, 10)),
            )
            Incident.objects.filter(pk=incident.pk).update(is_demo=True)
            count += 1
    return count


def remove_demo_incidents() -> int:
    return Incident.objects.filter(is_demo=True).delete()[0]
