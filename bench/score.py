"""`python -m bench.score GOLD.jsonl PREDICTIONS.jsonl`: the reader's figures per field.

The same fields and definitions as the shared evaluation's scorer, in our own code, so
`make eval-tune` and `make eval-holdout` run from a clean clone on the composed texts in
``tests/fixtures/reader_holdout``:

- kind, unit level, unit region, event date, online, situation and personnel count:
  accuracy over the documents whose gold is not ``"SKIP"``; ``*_stated`` the same over
  those whose gold is not null (a reader that always answers null scores 0 there);
- unit region: the predicted region code starts with the gold one; with no gold unit,
  right when no unit was predicted;
- place: per level (provinsi, kabupaten/kota, kecamatan, desa/kelurahan), the prediction
  agrees with the gold code to that level's width, over documents whose gold reaches it;
- activity types, participants, incident types: F1 with recall against the labels every
  annotator agreed on and precision against those any allowed, summed over documents.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PLAIN = ("kind", "unit_level", "unit_region", "event_date", "online", "situation")
PLAIN += ("personnel_count",)
STATED = ("event_date", "online", "situation", "personnel_count")
LEVELS = (("provinsi", 2), ("kabupaten_kota", 5), ("kecamatan", 8), ("desa_kelurahan", 13))
LABEL_SETS = ("activity_types", "participants", "incident_types")
SKIP = "SKIP"


@dataclass
class Share:
    """Right answers out of those counted; None when nothing was counted."""

    right: int = 0
    counted: int = 0

    def count(self, ok: bool) -> None:
        self.counted += 1
        self.right += int(ok)

    @property
    def value(self) -> float | None:
        return self.right / self.counted if self.counted else None


@dataclass
class SetScore:
    """Recall against the agreed labels, precision against the allowed ones."""

    found_agreed: int = 0
    agreed: int = 0
    predicted_allowed: int = 0
    predicted: int = 0

    def count(self, predicted: set[str], agreed: set[str], allowed: set[str]) -> None:
        self.found_agreed += len(predicted & agreed)
        self.agreed += len(agreed)
        self.predicted_allowed += len(predicted & allowed)
        self.predicted += len(predicted)

    @property
    def f1(self) -> float:
        recall = self.found_agreed / self.agreed if self.agreed else 0.0
        precision = self.predicted_allowed / self.predicted if self.predicted else 0.0
        if not recall or not precision:
            return 0.0
        return 2 * precision * recall / (precision + recall)


@dataclass
class Scores:
    plain: dict[str, Share] = field(default_factory=lambda: {n: Share() for n in PLAIN})
    stated: dict[str, Share] = field(default_factory=lambda: {n: Share() for n in STATED})
    places: dict[str, Share] = field(default_factory=lambda: {n: Share() for n, _ in LEVELS})
    sets: dict[str, SetScore] = field(default_factory=lambda: {n: SetScore() for n in LABEL_SETS})
    documents: int = 0
    missing: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | None]:
        out: dict[str, float | None] = {n: s.value for n, s in self.plain.items()}
        out.update({f"{n}_stated": s.value for n, s in self.stated.items()})
        out.update({f"place_{n}": s.value for n, s in self.places.items()})
        out.update({f"{n}_f1": s.f1 for n, s in self.sets.items()})
        return out


def read_lines(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _unit(scores: Scores, gold: dict[str, Any], unit: dict[str, Any]) -> None:
    level = gold["unit_level"]
    if level == SKIP:
        return
    scores.plain["unit_level"].count((unit.get("level") or None) == level)
    if level is None:
        scores.plain["unit_region"].count(not unit)
    elif gold["unit_code"] not in (None, SKIP):
        code = unit.get("region_code") or ""
        scores.plain["unit_region"].count(code.startswith(gold["unit_code"]))


def _place(scores: Scores, gold_code: str | None, predicted: dict[str, Any]) -> None:
    if not gold_code:
        return
    code = predicted.get("code") or ""
    for name, width in LEVELS:
        if len(gold_code) >= width:
            scores.places[name].count(len(code) >= width and code[:width] == gold_code[:width])


def score(golds: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> Scores:
    by_id = {str(p.get("id")): p for p in predictions}
    scores = Scores(documents=len(golds))
    for gold in golds:
        pred = by_id.get(gold["id"])
        if pred is None:
            scores.missing.append(gold["id"])
            pred = {}
        if gold["kind"] != SKIP:
            scores.plain["kind"].count(pred.get("kind") == gold["kind"])
        _unit(scores, gold, pred.get("unit") or {})
        for name in STATED:
            if gold[name] == SKIP:
                continue
            ok = pred.get(name) == gold[name]
            scores.plain[name].count(ok)
            if gold[name] is not None:
                scores.stated[name].count(ok)
        _place(scores, gold["place_code"], pred.get("place") or {})
        for name in LABEL_SETS:
            scores.sets[name].count(
                set(pred.get(name) or []),
                set(gold[f"{name}_agreed"]),
                set(gold[f"{name}_allowed"]),
            )
    return scores


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    scores = score(read_lines(Path(argv[0])), read_lines(Path(argv[1])))
    for name, value in scores.figures().items():
        print(f"{name:28} {'n/a' if value is None else f'{value:.3f}'}")
    print(f"{'documents':28} {scores.documents}  (missing predictions: {len(scores.missing)})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
