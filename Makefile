# The front door. `make run` and `make test` are all a new machine needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
EVAL_DIR ?= ../shared/eval/dev
BENCH_SCALE ?= 100000

.PHONY: run test lint format fuzz eval bench bench-web bench-map install clean eval-tune eval-holdout bench-picture bench-import bench-channels bench-media eval-media bench-offline bench-patrol bench-documents

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Set up the embedded database with the region list and units, then serve on :8000.
run: install
	$(BIN)/sejuk setup
	SEJUK_CHAT_SIMULATOR=1 $(BIN)/sejuk serve

## Every test. SEJUK_DATABASE_URL=postgresql://... runs them on PostgreSQL.
test: install
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check sejuk tests bench fuzz
	$(BIN)/ruff format --check sejuk tests bench fuzz
	$(BIN)/mypy
	$(BIN)/lint-imports --no-cache

format: install
	$(BIN)/ruff format sejuk tests bench fuzz
	$(BIN)/ruff check --fix sejuk tests bench fuzz

## Property-based requests to the whole API from its schema (schemathesis), as anonymous,
## operator and Bhabinkamtibmas: no server error, every answer as the schema says.
## A fresh Sejuk in a throwaway folder; SEJUK_DATABASE_URL=postgresql://... for PostgreSQL.
fuzz: install
	$(BIN)/python -m fuzz

## The text reader on the shared real texts, scored (targets in the issue).
eval: install
	mkdir -p var/eval
	$(BIN)/sejuk extract $(EVAL_DIR)/texts/*.txt > var/eval/predictions.jsonl
	$(BIN)/python $(EVAL_DIR)/../score.py $(EVAL_DIR)/gold.jsonl var/eval/predictions.jsonl

## The reader on the composed texts with gold in the repository, scored by our own scorer
## (bench/score.py, the same fields and definitions): the tune half may be read to find
## misses; the holdout half only scored.
HOLDOUT := tests/fixtures/reader_holdout
TUNE ?= tune
eval-tune: install
	mkdir -p var/eval
	$(BIN)/sejuk extract $(HOLDOUT)/$(TUNE)/texts/*.txt > var/eval/$(TUNE).jsonl
	$(BIN)/python -m bench.score $(HOLDOUT)/$(TUNE)/gold.jsonl var/eval/$(TUNE).jsonl

eval-holdout: install
	mkdir -p var/eval
	$(BIN)/sejuk extract $(HOLDOUT)/holdout/texts/*.txt > var/eval/holdout.jsonl
	$(BIN)/python -m bench.score $(HOLDOUT)/holdout/gold.jsonl var/eval/holdout.jsonl

## Benchmarks that print figures (never timed unit tests).
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench extract --texts $(EVAL_DIR)

## The map: first views of a Polres, a Polda and the nation in a phone-sized Chromium
## (bytes, time to draw), server time per map request beside a bare Django view, the
## build for all of Indonesia, against the targets. SEJUK_DATABASE_URL=postgresql://...
bench-map: install
	$(BIN)/python -m bench map

## Sejuk served on generated national data (BENCH_SCALE activities; 5000000 for the nation)
## against bare Django views on the same server: req/s, p50/p95, CPU per request, targets.
bench-web: install
	$(BIN)/python -m bench web --scale $(BENCH_SCALE)

## The situation picture on generated national data: full recompute, upkeep per write,
## commander pages p50/p95 at Polres, Polda and national scope, memory; targets.
bench-picture: install
	$(BIN)/python -m bench picture --scale $(BENCH_SCALE)
## The daily situation report (PDF, DOCX) and the recap (XLSX) of the busiest Polda and
## of the nation on the same data: wall time, queries, peak memory per download; targets.
bench-documents: install
	$(BIN)/python -m bench documents --scale $(BENCH_SCALE)
## An activity import against raw batched inserts into the same tables, in one run
bench-import: install
	$(BIN)/python -m bench import
## The channels' webhook: acknowledged messages per second on SQLite (nothing lost), the
## ratio to a bare POST view of the same server, and receipt-to-reply p50/p95.
bench-channels: install
	$(BIN)/python -m bench channels
## Media monitoring on one core: articles/s end to end from a fake outlet on the loopback
## address (fetch, extract, group, read, store), and the cost of placing one article in a
## store of 1,000 and of 100,000 articles.
bench-media: install
	$(BIN)/python -m bench media

## What a field officer's phone downloads, gzip-compressed: each field page's first load
## (its HTML and the static files it names) and the offline bundle the phone keeps.
bench-offline: install
	$(BIN)/python -m bench offline
## The patrol planner against the top-N by tension and nearest-first on generated areas,
## the same teams and hours: the need each covers and the planner's ratio to each.
bench-patrol: install
	$(BIN)/python -m bench patrol

## Media monitoring on the real texts of EVAL_DIR served as a recorded feed: copies
## grouped into one story each, kind and incident types against the reader's own.
eval-media: install
	$(BIN)/python -m bench.media_eval $(EVAL_DIR)

# The benchmark's extra (id-location-ner, run beside our reader), installed once per
# install rather than on every run.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev,bench]'
	touch $(BENCH_STAMP)

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
