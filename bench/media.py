"""`make bench-media` (`python -m bench media`): media monitoring end to end, and the cost
of placing one article as the store grows.

    python -m bench media [--articles 600] [--copies 0.3] [--store 1000,100000]

1. End to end on one core (the process pinned to one CPU): a fake outlet on the loopback
   address serves one RSS feed of ``--articles`` entries and their pages (generated from
   sentence parts written for the benchmark; a share ``--copies`` are republished copies
   of an earlier article with another dateline); one polling round fetches the feed and
   every page, extracts the text (trafilatura), groups near-duplicates (MinHash bands in
   the database), reads each (the text reader and the signal words) and stores it.
   Prints articles per second against the target (50/s), and checks that every copy
   joined its original's story.
2. Dedupe cost per article: the store is filled (bulk, synthetic signatures) to each size
   of ``--store``, then 200 new articles are placed (band look-up, signature comparison,
   band rows written); prints the milliseconds per article at each size.

Runs on a throwaway SQLite file in a temporary folder (the region list is loaded into
it); with SEJUK_DATABASE_URL set to PostgreSQL, on a throwaway database beside it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

TARGET_PER_S = 50.0

PLACES = [
    ("Desa Sekotong Barat, Kecamatan Sekotong, Kabupaten Lombok Barat", "Polsek Sekotong"),
    ("Kelurahan Gerung Utara, Kecamatan Gerung, Kabupaten Lombok Barat", "Polsek Gerung"),
    ("Desa Puyung, Kecamatan Jonggat, Kabupaten Lombok Tengah", "Polsek Jonggat"),
    ("Desa Kuripan, Kecamatan Kuripan, Kabupaten Lombok Barat", "Polsek Kuripan"),
]
OPENINGS = [
    "{unit} menggelar patroli dialogis di {place} pada {day}.",
    "Warga {place} melaporkan unggahan yang mengajak pendukung menolak hasil rekapitulasi "
    "pada {day}.",
    "Beredar kabar bohong tentang kotak suara di {place} sejak {day}.",
    "Seorang pria diduga membagikan amplop berisi uang kepada warga {place} pada {day}.",
    "Sebuah akun menulis ayo geruduk kantor panitia kecamatan, menyasar warga {place}, {day}.",
    "{unit} bersama tokoh agama menyambangi warga {place} pada {day}.",
]
MIDDLES = [
    "Petugas berdialog dengan tokoh masyarakat dan pemuda tentang pentingnya menjaga kerukunan.",
    "Kapolsek meminta warga memeriksa kebenaran setiap kabar sebelum membagikannya.",
    "Panitia pemilihan memastikan logistik tersimpan aman dan dijaga bergantian.",
    "Sejumlah warga sempat berkumpul di depan balai desa sebelum dibubarkan dengan tertib.",
    "Bhabinkamtibmas mencatat keluhan warga soal jalan rusak dan penerangan di dusun.",
    "Pemilik akun didatangi petugas dan diminta menghapus unggahannya.",
    "Tokoh adat mengajak warga menyelesaikan perbedaan pilihan dengan musyawarah.",
    "Kegiatan ditutup dengan doa bersama dan makan siang sederhana.",
    "Petugas juga memeriksa kesiapan pos keamanan di sekitar tempat pemungutan suara.",
    "Warga diminta segera melapor bila melihat hal yang mencurigakan.",
]
CLOSINGS = [
    "Situasi dilaporkan aman dan kondusif.",
    "Hingga sore hari keadaan terpantau terkendali.",
    "Polisi masih mendalami asal unggahan tersebut.",
    "Kegiatan serupa akan dilanjutkan pekan depan.",
]
DATELINES = ["LOMBOK BARAT -", "MATARAM -", "Sekotong (Kabar Selatan) -", "PRAYA -"]


def article(rng: random.Random, n: int) -> str:
    place, unit = rng.choice(PLACES)
    day = (datetime(2024, 12, 1) + timedelta(days=rng.randrange(20))).strftime("%d/%m/%Y")
    parts = [rng.choice(OPENINGS).format(place=place, unit=unit, day=f"Senin ({day})")]
    parts += rng.sample(MIDDLES, 3)
    parts.append(f"Laporan nomor {n} ini dicatat oleh redaksi dengan kode {rng.getrandbits(40):x}.")
    parts.append(rng.choice(CLOSINGS))
    return " ".join(parts)


def page_html(title: str, body: str, site: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(s.strip())}.</p>" for s in body.split(". ") if s.strip())
    return (
        f"<html><head><meta charset='utf-8'><title>{escape(title)} | {site}</title>"
        f"<meta property='og:site_name' content='{site}'></head><body>"
        "<nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a> "
        "<a href='/politik'>Politik</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<aside>Berita terpopuler hari ini.</aside><footer>Hak cipta. Pedoman media siber.</footer>"
        "</body></html>"
    ).encode()


class Outlet:
    def __init__(self, files: dict[str, bytes]) -> None:
        files_ = files

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:
                body = files_.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def build(
    n: int, copies: float, rng: random.Random, base: str
) -> tuple[dict[str, bytes], dict[str, str]]:
    """The outlet's files, and for each republished copy's path its original's path."""
    files: dict[str, bytes] = {}
    originals: list[tuple[str, str]] = []  # (path, text)
    copy_of: dict[str, str] = {}
    items = []
    start = datetime(2024, 12, 1, tzinfo=UTC)
    for i in range(n):
        path = f"/berita/{i}"
        if originals and rng.random() < copies:
            first, text = rng.choice(originals)
            text = f"{rng.choice(DATELINES)} {text} Simak kabar lainnya di kanal kami."
            copy_of[path] = first
        else:
            text = article(rng, i)
            originals.append((path, text))
        title = text.split(".")[0][:90]
        files[path] = page_html(title, text, f"Media {i % 7}")
        items.append(
            f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
            f"<pubDate>{format_datetime(start + timedelta(minutes=i))}</pubDate></item>"
        )
    files["/rss.xml"] = (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Bangku</title>"
        + "".join(items)
        + "</channel></rss>"
    ).encode()
    return files, copy_of


def setup_django(folder: str) -> None:
    os.environ["SEJUK_DATA_DIR"] = folder
    os.environ["SEJUK_FEEDS_HOST_DELAY_MS"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")
    url = os.environ.get("SEJUK_DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        name = url.rsplit("/", 1)[1].split("?")[0] + "_bench_media"
        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}"')
            c.execute(f'CREATE DATABASE "{name}"')
        os.environ["SEJUK_DATABASE_URL"] = url.rsplit("/", 1)[0] + "/" + name
    import django

    django.setup()
    from django.core.management import call_command

    from sejuk.regions.services import load_region_list

    call_command("migrate", verbosity=0)
    load_region_list()


def end_to_end(n: int, copies: float) -> bool:
    from sejuk.media.intake import poll_all
    from sejuk.media.models import Article, Source
    from sejuk.media.reading import Incoming, prepare

    files: dict[str, bytes] = {}
    outlet = Outlet(files)  # serves the dict it was given, filled now
    made, copy_of = build(n, copies, random.Random(18), outlet.url)
    files.update(made)
    Source.objects.create(name="Bangku", feed_url=outlet.url + "/rss.xml")
    # Warm-up: the reader's gazetteer and the extractor load once per process.
    prepare(Incoming(text=article(random.Random(1), 0), channel="tempel"), datetime.now(UTC))
    wall, cpu = time.perf_counter(), time.process_time()
    done = poll_all()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    outlet.close()
    per_s = done.articles / wall
    print(f"artikel: {done.articles} ({len(copy_of)} salinan terbit ulang), gagal: {done.failed}")
    print(f"waktu: {wall:.1f} s, CPU {cpu:.1f} s (termasuk server palsu di proses yang sama)")
    per_cpu = done.articles / cpu
    mark = "tercapai" if per_cpu >= TARGET_PER_S else f"kurang {TARGET_PER_S - per_cpu:.1f}/s"
    print(f"ujung ke ujung: {per_s:.1f} artikel/s menurut jam dinding")
    print(
        f"ujung ke ujung: {per_cpu:.1f} artikel per detik CPU satu inti "
        f"(target >= {TARGET_PER_S:.0f}/s: {mark})"
    )
    story = {
        url.replace(outlet.url, ""): s for url, s in Article.objects.values_list("url", "story_id")
    }
    wrong = sum(story.get(path) != story.get(first) for path, first in copy_of.items())
    originals = n - len(copy_of)
    stories = len(set(story.values()))
    print(
        f"cerita: {stories} (asli {originals}); salinan di luar cerita aslinya: "
        f"{wrong} dari {len(copy_of)}"
    )
    return wrong == 0 and not done.failed


def dedupe_cost(sizes: list[int]) -> None:
    import numpy as np
    from django.db import transaction

    from sejuk.media import dedupe, services
    from sejuk.media.models import Article, Band, Channel, Story
    from sejuk.media.reading import Incoming, prepare

    rng = np.random.default_rng(7)
    when = datetime(2024, 12, 1, tzinfo=UTC)
    have = Article.objects.count()
    probes = [
        prepare(
            Incoming(text=article(random.Random(1000 + i), 10_000 + i), channel=Channel.IMPORT),
            when,
        )
        for i in range(200)
    ]
    for size in sizes:
        while have < size:
            batch = min(5000, size - have)
            with transaction.atomic():
                stories = Story.objects.bulk_create(
                    Story(title="isi", text="isi", first_published=when, latest_published=when)
                    for _ in range(batch)
                )
                sigs = rng.integers(0, 2**32, size=(batch, dedupe.PERMUTATIONS), dtype=np.uint64)
                arts = Article.objects.bulk_create(
                    Article(
                        story=s,
                        channel=Channel.IMPORT,
                        text="isi",
                        published_at=when,
                        signature=dedupe.to_bytes(sig),
                    )
                    for s, sig in zip(stories, sigs, strict=True)
                )
                Band.objects.bulk_create(
                    (
                        Band(article=a, band=b, value=v)
                        for a, sig in zip(arts, sigs, strict=True)
                        for b, v in dedupe.bands(sig)
                    ),
                    batch_size=10_000,
                )
            have += batch
        start, cpu = time.perf_counter(), time.process_time()
        with transaction.atomic():
            for p in probes:
                services.store(p)
            transaction.set_rollback(True)
        ms = (time.perf_counter() - start) * 1000 / len(probes)
        cpu_ms = (time.process_time() - cpu) * 1000 / len(probes)
        print(
            f"menempatkan satu artikel (cari pita, bandingkan, simpan) di antara {size:>7} "
            f"artikel: {ms:.2f} ms jam dinding, {cpu_ms:.2f} ms CPU"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench media", description=__doc__)
    parser.add_argument("--articles", type=int, default=600)
    parser.add_argument("--copies", type=float, default=0.3)
    parser.add_argument("--store", default="1000,100000")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with tempfile.TemporaryDirectory(prefix="sejuk-bench-media-") as folder:
        setup_django(folder)
        ok = end_to_end(args.articles, args.copies)
        dedupe_cost(sorted(int(s) for s in args.store.split(",")))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
