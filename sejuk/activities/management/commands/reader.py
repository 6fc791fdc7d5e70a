"""`sejuk reader report | export-corrections`: the text reader measured on real use.

    sejuk reader report [--since YYYY-MM-DD] [--unit NAME]
    sejuk reader export-corrections --out DIR [--since YYYY-MM-DD] [--unit NAME] [--all]

``report`` prints, per field, the share of readings the officers kept as read (over all
readings, per unit and per channel) and the corrections made most often.
``export-corrections`` writes the corrected readings as evaluation cases in the shape of
the shared evaluation set: ``DIR/texts/<id>.txt`` (names, phone numbers and NIK masked)
and ``DIR/gold.jsonl`` (what the officer saved).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from sejuk.accounts.access import subtree_ids
from sejuk.activities import feedback
from sejuk.errors import SejukError
from sejuk.units.services import resolve_unit


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Tanggal {value!r} tidak valid (pakai YYYY-MM-DD).") from None


class Command(BaseCommand):
    help = "Pembaca teks pada pemakaian nyata: kesesuaian dengan isian petugas, dan koreksinya."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True, metavar="PERINTAH")
        report = sub.add_parser("report", help="kesesuaian bacaan dengan isian yang disimpan")
        export = sub.add_parser(
            "export-corrections", help="bacaan yang dikoreksi sebagai kasus evaluasi"
        )
        for command in (report, export):
            command.add_argument("--since", type=_day, help="sejak tanggal dicatat, YYYY-MM-DD")
            command.add_argument(
                "--unit", help='nama satuan beserta satuan di bawahnya, mis. "Polres Lombok Barat"'
            )
        export.add_argument("--out", required=True, help="folder tujuan (texts/ dan gold.jsonl)")
        export.add_argument(
            "--all", action="store_true", help="semua bacaan, juga yang tidak dikoreksi"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            unit_ids = subtree_ids(resolve_unit(options["unit"]).pk) if options["unit"] else None
        except SejukError as exc:
            raise CommandError(exc.message) from None
        if options["action"] == "report":
            self._report(feedback.agreement(unit_ids, options["since"]))
        else:
            self._export(
                feedback.evaluation_cases(unit_ids, options["since"], options["all"]),
                Path(options["out"]),
            )

    def _report(self, result: feedback.Agreement) -> None:
        since = f" sejak {result.since:%d/%m/%Y}" if result.since else ""
        self.stdout.write(f"Bacaan pembaca teks dibandingkan isian petugas{since}")
        if not result.overall.readings:
            self.stdout.write("Belum ada kegiatan yang dicatat dari pesan yang dibaca.")
            return
        self.stdout.write("Angka: bagian bacaan yang disimpan tanpa diubah petugas, per isian.\n")
        header = f"{'':28} {'bacaan':>6} " + " ".join(f"{n:>9}" for n in feedback.FIELDS.values())
        self.stdout.write(header)
        self._row(result.overall)
        for title, tallies in (("Per satuan", result.by_unit), ("Per saluran", result.by_channel)):
            self.stdout.write(f"{title}:")
            for tally in tallies:
                self._row(tally)
        self.stdout.write("\nKoreksi tersering:")
        for text, count in result.corrections:
            self.stdout.write(f"  {count:>5}  {text}")
        if not result.corrections:
            self.stdout.write("  (tidak ada)")

    def _row(self, tally: feedback.Tally) -> None:
        shares = " ".join(f"{tally.share(name) or 0:>9.2f}" for name in feedback.FIELDS)
        self.stdout.write(f"{tally.name[:28]:28} {tally.readings:>6} {shares}")

    def _export(self, cases: list[tuple[str, str, dict[str, Any]]], out: Path) -> None:
        texts = out / "texts"
        texts.mkdir(parents=True, exist_ok=True)
        with (out / "gold.jsonl").open("w", encoding="utf-8") as gold:
            for case, text, row in cases:
                (texts / f"{case}.txt").write_text(text + "\n", encoding="utf-8")
                gold.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.stdout.write(f"{len(cases)} kasus evaluasi ditulis ke {out}.")
