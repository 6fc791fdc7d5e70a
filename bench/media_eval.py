"""`make eval-media EVAL_DIR=...`: media monitoring on real texts, read at run time from
EVAL_DIR (``texts/*.txt`` and ``gold.jsonl``); nothing of them is kept.

Every text is served by a fake outlet on the loopback address as an article page, and a
second time as a republished copy (another outlet's dateline before it and a closing line
after it), all listed in one RSS feed; one polling round takes them in. Printed:

- grouping: every copy in its original's story, and the texts that share a story with
  another text (near-duplicates in the set, or wrong merges: listed by id to look at);
- kind and incident types of each story, scored against the gold, beside the reader's
  own figures on the same texts read directly (``sejuk.nlp.extract``): the pipeline
  should give the reader's figures.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

from bench.media import DATELINES, Outlet, setup_django


def page(title: str, text: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(p.strip())}</p>" for p in text.splitlines() if p.strip())
    return (
        f"<html><head><meta charset='utf-8'><title>{escape(title)}</title></head><body>"
        "<nav><a href='/'>Beranda</a></nav>"
        f"<article>{paragraphs}</article><footer>Hak cipta.</footer></body></html>"
    ).encode()


def f1(gold: set[str], got: set[str]) -> tuple[int, int, int]:
    return len(gold & got), len(got - gold), len(gold - got)


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "../shared/eval/dev")
    gold = {
        row["id"]: row
        for row in map(json.loads, (folder / "gold.jsonl").read_text().splitlines())
        if row
    }
    texts = {
        p.stem: p.read_text(encoding="utf-8") for p in sorted((folder / "texts").glob("*.txt"))
    }
    with tempfile.TemporaryDirectory(prefix="sejuk-eval-media-") as tmp:
        setup_django(tmp)
        from sejuk.media.intake import poll_all
        from sejuk.media.models import Article, Source, Story
        from sejuk.nlp.extract import extract

        files: dict[str, bytes] = {}
        outlet = Outlet(files)
        rng = random.Random(18)
        items = []
        start = datetime(2024, 12, 1, tzinfo=UTC)
        for n, (name, text) in enumerate(texts.items()):
            title = text.strip().splitlines()[0][:120] if text.strip() else name
            copy = f"{rng.choice(DATELINES)} {text.strip()}\n\nSimak kabar lainnya di kanal kami."
            for path, body in ((f"/a/{name}", text), (f"/b/{name}", copy)):
                files[path] = page(title, body)
                items.append(
                    f"<item><title>{escape(title)}</title><link>{outlet.url}{path}</link>"
                    f"<pubDate>{format_datetime(start + timedelta(minutes=n))}</pubDate></item>"
                )
        files["/rss.xml"] = (
            "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>eval</title>"
            + "".join(items)
            + "</channel></rss>"
        ).encode()
        Source.objects.create(name="eval", feed_url=outlet.url + "/rss.xml")
        done = poll_all()
        outlet.close()
        print(f"artikel: {done.articles} dari {2 * len(texts)}; gagal: {done.failed}")
        story_of = {
            url.replace(outlet.url, ""): s
            for url, s in Article.objects.values_list("url", "story_id")
        }
        apart = [n for n in texts if story_of.get(f"/a/{n}") != story_of.get(f"/b/{n}")]
        together: dict[int, list[str]] = defaultdict(list)
        for n in texts:
            together[story_of[f"/a/{n}"]].append(n)
        shared = [sorted(v) for v in together.values() if len(v) > 1]
        print(f"salinan terpisah dari aslinya: {len(apart)} dari {len(texts)} {apart[:10]}")
        print(f"cerita: {len(together)} untuk {len(texts)} teks; berbagi cerita: {shared}")
        stories = {s.pk: s for s in Story.objects.all()}
        rows = {"pipeline": [0, 0, 0, 0], "pembaca": [0, 0, 0, 0]}  # kind ok, tp, fp, fn
        for n, text in texts.items():
            g = gold.get(n)
            if g is None:
                continue
            story = stories[story_of[f"/a/{n}"]]
            record = extract(text)
            for label, kind, types in (
                ("pipeline", story.kind, set(story.incident_types)),
                ("pembaca", record.kind.value, {lab.code for lab in record.incident_types}),
            ):
                r = rows[label]
                r[0] += kind == g["kind"]
                tp, fp, fn = f1(set(g.get("incident_types_agreed") or []), types)
                r[1] += tp
                r[2] += fp
                r[3] += fn
        total = sum(1 for n in texts if n in gold)
        for label, (ok, tp, fp, fn) in rows.items():
            f = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
            share = ok / max(total, 1)
            print(f"{label:>8}: jenis {ok}/{total} = {share:.3f}; jenis kejadian F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
