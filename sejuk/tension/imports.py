"""Baseline figures from a CSV an administrator obtains (Bawaslu's IKP for a kabupaten,
kecamatan or desa; Polri's TPS classes), each row with its source:

    kode,skor,kelas_tps,sumber
    52.01,34.5,,IKP 2024 Bawaslu Kab. Lombok Barat (Des 2022)
    52.01.07.2002,,sangat_rawan,Pemetaan TPS Polres Lombok Barat 2024

A row names a kabupaten/kota, kecamatan or desa, a score 0-100 and/or a TPS class
(kurang_rawan, rawan, sangat_rawan), and its source (required). The whole file is
checked first; one wrong row refuses the file, naming the row, and changes nothing."""

from __future__ import annotations

import csv
import io

from sejuk.errors import Invalid
from sejuk.regions.models import Region

from .models import Baseline, TpsClass

COLUMNS = ("kode", "skor", "kelas_tps", "sumber")


def parse(text: str) -> list[Baseline]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    if reader.fieldnames is None or any(c not in reader.fieldnames for c in ("kode", "sumber")):
        raise Invalid(
            "Berkas CSV harus memakai kolom: kode, skor, kelas_tps, sumber.",
            {"file": "kolom tidak lengkap"},
        )
    rows = list(reader)
    known = set(
        Region.objects.filter(
            pk__in=[(r.get("kode") or "").strip() for r in rows], level__gte=2
        ).values_list("code", flat=True)
    )
    errors: dict[str, str] = {}
    out: list[Baseline] = []
    for number, row in enumerate(rows, start=2):
        code = (row.get("kode") or "").strip()
        raw_score = (row.get("skor") or "").strip().replace(",", ".")
        tps = (row.get("kelas_tps") or "").strip().lower().replace(" ", "_")
        source = (row.get("sumber") or "").strip()
        problem = ""
        score = None
        if code not in known:
            problem = f"kode wilayah {code!r} bukan kabupaten/kota, kecamatan atau desa"
        elif not source:
            problem = "sumber wajib diisi"
        elif tps and tps not in TpsClass.values:
            problem = "kelas_tps harus kurang_rawan, rawan atau sangat_rawan"
        elif raw_score:
            try:
                score = float(raw_score)
            except ValueError:
                problem = "skor harus angka 0-100"
            else:
                if not 0 <= score <= 100:
                    problem = "skor harus angka 0-100"
        if not problem and score is None and not tps:
            problem = "isi skor atau kelas_tps"
        if problem:
            errors[f"baris {number}"] = problem
            continue
        out.append(Baseline(region_code=code, score=score, tps_class=tps, source=source[:300]))
    if errors:
        first = next(iter(errors.items()))
        raise Invalid(
            f"Berkas belum dapat diimpor ({len(errors)} baris salah; {first[0]}: {first[1]}). "
            "Tidak ada yang diubah.",
            errors,
        )
    return out


def store(rows: list[Baseline]) -> int:
    """Write the parsed rows (the caller owns the transaction): a region's new figure
    replaces its old one."""
    Baseline.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["region_code"],
        update_fields=["score", "tps_class", "source", "imported_at"],
    )
    return len(rows)
