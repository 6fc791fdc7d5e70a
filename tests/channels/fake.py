"""A fake of the three services' sending APIs on 127.0.0.1: it records every request
(method, path, headers, JSON body) and answers as each service's documentation shows;
``fail_next`` makes the next calls answer 500, as a service in trouble does."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from PIL import Image


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (80, 60), (200, 120, 40)).save(out, "JPEG")
    return out.getvalue()


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: Any


@dataclass
class Fake:
    url: str = ""
    requests: list[Recorded] = field(default_factory=list)
    fail_next: int = 0

    def sent(self, path_part: str) -> list[Recorded]:
        return [r for r in self.requests if path_part in r.path and r.method == "POST"]

    def texts(self) -> list[str]:
        """Every text sent, whichever service's shape it had."""
        out = []
        for r in self.requests:
            body = r.body if isinstance(r.body, dict) else {}
            text = body.get("text")
            if isinstance(text, dict):
                text = text.get("body")
            text = text or body.get("message")
            if isinstance(text, str):
                out.append(text)
        return out


def _answer(fake: Fake, method: str, path: str, body: Any) -> tuple[int, bytes, str]:
    if fake.fail_next > 0 and method == "POST":
        fake.fail_next -= 1
        return 500, b'{"error": "sementara tidak tersedia"}', "application/json"
    if path.startswith("/tolak/"):  # a request the service refuses as wrong
        return 400, b'{"error": {"message": "nomor tidak sah"}}', "application/json"
    if path.startswith("/media/"):
        return 200, jpeg(), "image/jpeg"
    if "/file/bot" in path:
        return 200, jpeg(), "image/jpeg"
    if path.endswith("/messages"):  # WhatsApp Cloud API
        answer: Any = {
            "messaging_product": "whatsapp",
            "contacts": [{"input": body.get("to"), "wa_id": body.get("to")}],
            "messages": [{"id": f"wamid.keluar{len(fake.requests)}"}],
        }
    elif path.endswith("/sendMessage"):  # Telegram
        answer = {"ok": True, "result": {"message_id": len(fake.requests), "chat": {"id": 1}}}
    elif path.endswith("/getFile"):
        answer = {
            "ok": True,
            "result": {"file_id": body.get("file_id"), "file_path": "photos/f.jpg"},
        }
    elif path.endswith("/getUpdates"):
        answer = {"ok": True, "result": fake.updates}  # type: ignore[attr-defined]
    elif path.endswith("/message"):  # SMS Gateway for Android, local server
        answer = {"id": f"sms{len(fake.requests)}", "state": "Pending", "recipients": []}
    else:  # WhatsApp media: GET /{media-id} gives a URL to fetch
        answer = {"url": f"{fake.url}/media{path}", "mime_type": "image/jpeg", "id": path[1:]}
    return 200, json.dumps(answer).encode(), "application/json"


@contextmanager
def fake_server() -> Iterator[Fake]:
    fake = Fake()
    fake.updates = []  # type: ignore[attr-defined]

    class Handler(BaseHTTPRequestHandler):
        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = raw
            fake.requests.append(Recorded(self.command, self.path, dict(self.headers), body))
            status, data, kind = _answer(fake, self.command, self.path, body or {})
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _handle

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
