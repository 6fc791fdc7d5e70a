"""`make bench-web` runs end to end at a tiny scale (one province, a second per
scenario): generated data, Sejuk and the floor served together, every scenario measured
with its target, and the intake's acknowledged reports all stored. On PostgreSQL too when
the suite runs there. Nothing here is timed: the figures are printed, not checked."""

from __future__ import annotations

import re
from pathlib import Path

from bench import web

SCENARIOS = (
    "floor: bare insert",
    "intake: POST /api/public/reports",
    "floor: bare read",
    *(
        f"{scope}: {page}"
        for scope in ("Polres", "Polda", "nasional")
        for page in ("activity list page", "activity list API", "report queue", "home page")
    ),
)


def test_bench_web_runs_end_to_end_at_a_tiny_scale(tmp_path: Path, capsys):
    status = web.main(
        [
            "--scale", "300", "--area", "52", "--seconds", "1", "--reads", "4",
            "--writes", "40", "--clients", "2", "--threads", "2", "--work", str(tmp_path),
            "--throwaway",
        ]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert status == 0, out
    runs = out.count("waitress with 2 threads")
    assert runs >= 1
    for scenario in SCENARIOS:
        assert out.count(scenario) == runs, scenario
    lost = re.findall(r"nothing lost: (\d+) acknowledged, (\d+) stored .*: met", out)
    assert len(lost) == runs and all(int(a) == int(s) > 0 for a, s in lost)
    assert out.count("target p95 ≤ 50 ms") == 12 * runs
    assert out.count("acknowledged/s:") == runs
    assert "answers other than 2xx" not in out


def test_only_one_database_is_measured_when_asked(monkeypatch, tmp_path: Path):
    from argparse import Namespace

    from bench.web import _databases

    monkeypatch.setenv("SEJUK_DATABASE_URL", "postgresql://u:p@127.0.0.1:5432/sejuk_x")
    args = Namespace(scale=500, seed=1, area="", work=tmp_path, only=None)
    assert [d.label for d in _databases(args)] == ["SQLite", "PostgreSQL"]
    args.only = "postgresql"
    (pg,) = _databases(args)
    assert pg.label == "PostgreSQL" and pg.url.endswith("/sejuk_x_web_500_s1")
    args.only = "sqlite"
    assert [d.label for d in _databases(args)] == ["SQLite"]


def test_some_scenarios_may_be_measured_alone():
    import argparse

    import pytest

    from bench.web import SCENARIOS, _scenarios

    assert _scenarios("floor,intake") == ("floor", "intake")
    assert _scenarios(" intake ") == ("intake",)
    assert SCENARIOS == ("floor", "intake", "reads")
    for wrong in ("floor,lists", ""):
        with pytest.raises(argparse.ArgumentTypeError):
            _scenarios(wrong)
