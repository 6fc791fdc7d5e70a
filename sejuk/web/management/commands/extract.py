"""`sejuk extract FILE... [--format jsonl|text] [--published YYYY-MM-DD] [--area CODES]`.

Reads each text file into a structured record (``sejuk.nlp.extract``) and prints one
JSON object per file (``id`` = the file name without ``.txt``) or a readable summary.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.nlp.extract import extract
from sejuk.nlp.gazetteer import default_gazetteer
from sejuk.nlp.summary import describe


class Command(BaseCommand):
    help = "Membaca teks laporan atau berita menjadi catatan terstruktur (JSON Lines)."
    # Reads files only: no database, so no system checks to wait for. (Django declares
    # this as a plain class attribute, so it is overridden the same way.)
    requires_system_checks: list[str] = []  # noqa: RUF012

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="BERKAS", help="berkas teks (.txt)")
        parser.add_argument(
            "--format",
            choices=["jsonl", "text"],
            default="jsonl",
            help="jsonl (bawaan): satu objek JSON per berkas; text: ringkasan",
        )
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="tanggal terbit, untuk tanggal relatif (Senin, kemarin)",
        )
        parser.add_argument(
            "--area", metavar="KODE[,KODE]", help="kode wilayah satuan pengguna, mis. 52.01.07"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        published = _published(options["published"])
        area = _area(options["area"])
        paths = [Path(f) for f in options["files"]]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"Berkas tidak ditemukan: {', '.join(missing)}.")
        for path in paths:
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                raise CommandError(f"Berkas {path} bukan teks UTF-8.") from None
            record = extract(text, published=published, area=area)
            name = path.name[:-4] if path.name.endswith(".txt") else path.name
            if options["format"] == "text":
                self.stdout.write(describe(record, name) + "\n")
            else:
                self.stdout.write(
                    json.dumps({"id": name, **record.to_contract()}, ensure_ascii=False)
                )


def _published(raw: str | None) -> date | None:
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise CommandError(
            f"Tanggal terbit tidak sah: {raw!r}. Tulis sebagai YYYY-MM-DD, mis. 2024-12-18."
        ) from None


def _area(raw: str | None) -> tuple[str, ...]:
    if not raw:
        return ()
    codes = tuple(c.strip() for c in raw.split(",") if c.strip())
    unknown = [c for c in codes if default_gazetteer().get(c) is None]
    if unknown:
        raise CommandError(f"Kode wilayah tidak dikenal: {', '.join(unknown)}.")
    return codes
