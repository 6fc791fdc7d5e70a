"""`make eval-tune` / `make eval-holdout`: our own scorer reads the composed texts' gold
and the reader's predictions and prints a figure per field, by the definitions of the
shared evaluation (accuracy where the gold is not SKIP, place per level, F1 of the label
sets with recall on the agreed labels and precision on the allowed ones)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.score import main, score

HOLDOUT = Path(__file__).parent / "fixtures" / "reader_holdout"


def gold(**fields):
    base = {
        "id": "a", "kind": "activity", "unit_level": "polsek", "unit_code": "52.06.01",
        "event_date": "2024-11-20", "online": False, "situation": None,
        "personnel_count": "SKIP", "place_code": "52.06.01.2001",
        "activity_types_agreed": ["sambang"], "activity_types_allowed": ["sambang", "dialog"],
        "participants_agreed": ["warga"], "participants_allowed": ["warga"],
        "incident_types_agreed": [], "incident_types_allowed": [],
    }  # fmt: skip
    return base | fields


def test_a_reading_as_the_gold_scores_full_marks_and_skip_is_not_counted():
    pred = {
        "id": "a", "kind": "activity", "event_date": "2024-11-20", "online": False,
        "situation": None, "personnel_count": 7,
        "unit": {"level": "polsek", "region_code": "52.06.01"},
        "place": {"code": "52.06.01.2001"}, "activity_types": ["sambang", "dialog"],
        "participants": ["warga"], "incident_types": [],
    }  # fmt: skip
    figures = score([gold()], [pred]).figures()
    assert figures["kind"] == figures["place_desa_kelurahan"] == 1.0
    assert figures["activity_types_f1"] == figures["participants_f1"] == 1.0
    assert figures["personnel_count"] is None  # SKIP: not counted
    assert figures["situation_stated"] is None  # gold null: not a stated situation
    assert figures["incident_types_f1"] == 0.0  # nothing to find, nothing found


def test_a_place_right_to_the_kecamatan_only_and_a_missing_label():
    pred = {
        "id": "a", "kind": "incident", "unit": {"level": "polres", "region_code": "52.06"},
        "place": {"code": "52.06.01"}, "activity_types": [], "participants": ["warga", "tni"],
    }  # fmt: skip
    scores = score([gold(), gold(id="b")], [pred])
    figures = scores.figures()
    assert scores.missing == ["b"]
    assert figures["kind"] == 0.0 and figures["unit_level"] == 0.0
    assert figures["place_kecamatan"] == 1 / 2  # right for a, no prediction for b
    assert figures["place_desa_kelurahan"] == 0.0
    assert figures["activity_types_f1"] == 0.0
    # recall 1/2 (warga of two documents), precision 1/2 (tni not allowed)
    assert abs(figures["participants_f1"] - 0.5) < 1e-9


def test_the_tune_half_is_scored_from_the_command_line(tmp_path: Path, capsys):
    texts = sorted((HOLDOUT / "tune" / "texts").glob("*.txt"))[:3]
    extracted = subprocess.run(
        [str(Path(sys.executable).parent / "sejuk"), "extract", *map(str, texts)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    ids = {json.loads(line)["id"] for line in extracted.stdout.splitlines()}
    assert ids == {t.stem for t in texts}
    golds = [
        line
        for line in (HOLDOUT / "tune" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["id"] in ids
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(golds) + "\n", encoding="utf-8")
    (tmp_path / "pred.jsonl").write_text(extracted.stdout, encoding="utf-8")
    assert main([str(tmp_path / "gold.jsonl"), str(tmp_path / "pred.jsonl")]) == 0
    out = capsys.readouterr().out
    assert "activity_types_f1" in out
    assert "documents                    3  (missing predictions: 0)" in out
