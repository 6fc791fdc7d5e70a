"""Recorded news written for these tests (our own words, no real outlet's text), and a
fake outlet server on the loopback address that serves them as feeds and pages, answers
304 to a conditional request whose tag still holds, and keeps every request it got."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

# One police release republished by two outlets, each with its own dateline and closing
# line; and a different story: a call to mobilise and a hoax in another desa.
RELEASE = (
    "Sebuah akun media sosial mengajak pendukung salah satu calon menolak hasil "
    "rekapitulasi suara dan menulis ayo geruduk kantor panitia kecamatan. Unggahan itu "
    "menyebut warga Desa Sekotong Barat, Kecamatan Sekotong, Kabupaten Lombok Barat "
    "sudah bersiap sejak Minggu (8/12/2024). Polsek Sekotong mendatangi pemilik akun, "
    "memintanya menghapus unggahan, dan bersama tokoh agama menenangkan warga di balai "
    "desa. Kapolsek menyebut situasi tetap terkendali dan warga tidak terpancing."
)
COPY_A = "LOMBOK BARAT - " + RELEASE + " Baca juga berita lain di kanal daerah."
COPY_B = "Sekotong (Kabar Selatan) - " + RELEASE + " Simak terus kabar terbaru dari kami."
OTHER = (
    "Beredar kabar bohong bahwa kotak suara di Kelurahan Gerung Utara, Kecamatan Gerung, "
    "Lombok Barat sudah dibuka sebelum penghitungan pada Senin (9/12/2024). Panitia "
    "pemilihan memastikan segel masih utuh dan mengajak warga menyaksikan penghitungan."
)


def page(title: str, body: str, site: str, published: str) -> bytes:
    paragraphs = "".join(f"<p>{escape(s.strip())}.</p>" for s in body.split(". ") if s.strip())
    return (
        "<html><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | {escape(site)}</title>"
        f"<meta property='og:site_name' content='{escape(site)}'>"
        f"<meta property='article:published_time' content='{published}'>"
        "</head><body><nav><a href='/'>Beranda</a> <a href='/daerah'>Daerah</a></nav>"
        f"<article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Hak cipta dilindungi. Tentang kami. Pedoman media siber.</footer>"
        "</body></html>"
    ).encode()


def feed(base: str, items: list[tuple[str, str, datetime]]) -> bytes:
    """An RSS 2.0 feed of (path, title, published) items."""
    entries = "".join(
        f"<item><title>{escape(title)}</title><link>{base}{path}</link>"
        f"<pubDate>{format_datetime(when)}</pubDate><description>{escape(title)}</description></item>"
        for path, title, when in items
    )
    return (
        "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
        f"<title>Uji</title><link>{base}/</link>{entries}</channel></rss>"
    ).encode()


@dataclass
class Outlet:
    url: str
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # path -> (body, type)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)  # path -> an error it answers

    def serve(self, path: str, body: bytes, kind: str = "text/html; charset=utf-8") -> str:
        self.files[path] = (body, kind)
        return self.url + path


@contextmanager
def outlet() -> Iterator[Outlet]:
    """A fake outlet on 127.0.0.1; the ETag of a file is its length and a digest."""
    state = Outlet("")

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.requests.append((self.path, dict(self.headers.items())))
            found = state.files.get(self.path)
            if self.path in state.statuses:
                self.send_error(state.statuses[self.path])
                return
            if found is None:
                self.send_error(404)
                return
            body, kind = found
            tag = f'"{len(body)}-{hash(body) & 0xFFFFFFFF:x}"'
            if self.headers.get("If-None-Match") == tag:
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("ETag", tag)
            self.send_header(
                "Last-Modified", format_datetime(datetime(2024, 12, 9, tzinfo=UTC), usegmt=True)
            )
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


def lombok_outlet(state: Outlet) -> str:
    """The three articles served as pages, and a feed listing them; returns the feed URL."""
    when = datetime(2024, 12, 8, 3, 0, tzinfo=UTC)
    later = datetime(2024, 12, 8, 9, 0, tzinfo=UTC)
    state.serve(
        "/a/ajakan-geruduk",
        page("Akun ajak geruduk kantor panitia", COPY_A, "Kabar Lombok", "2024-12-08"),
    )
    state.serve(
        "/b/ajakan-geruduk",
        page("Warga diajak geruduk panitia", COPY_B, "Kabar Selatan", "2024-12-08"),
    )
    state.serve(
        "/a/hoaks-kotak-suara",
        page("Kabar kotak suara dibuka tidak benar", OTHER, "Kabar Lombok", "2024-12-09"),
    )
    return state.serve(
        "/rss.xml",
        feed(
            state.url,
            [
                ("/a/ajakan-geruduk", "Akun ajak geruduk kantor panitia", when),
                ("/b/ajakan-geruduk", "Warga diajak geruduk panitia", later),
                ("/a/hoaks-kotak-suara", "Kabar kotak suara dibuka tidak benar", later),
            ],
        ),
        "application/rss+xml",
    )
