"""`sejuk serve`: serve Sejuk with waitress, a production WSGI server in pure Python
that runs the same on a Polres laptop as on a server."""

from __future__ import annotations

import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from sejuk.nlp.gazetteer import default_gazetteer


class Command(BaseCommand):
    help = "Jalankan server web Sejuk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=settings.SERVE_HOST)
        parser.add_argument("--port", type=int, default=settings.SERVE_PORT)
        parser.add_argument("--threads", type=int, default=settings.SERVE_THREADS)

    def handle(self, *args: Any, **options: Any) -> None:
        from waitress.server import create_server

        from sejuk.wsgi import application

        # An empty or old database would answer every page with an error: say what to run.
        if _pending_migrations():
            raise CommandError(
                "Basis data belum disiapkan atau belum diperbarui. "
                "Jalankan `sejuk setup` dulu (atau `make run`)."
            )
        # Bind first: a port already taken stops here, before any background work starts.
        server = create_server(
            application,
            host=options["host"],
            port=options["port"],
            threads=options["threads"],
            **_proxy_options(),
        )
        # Build the region index now rather than on the first search.
        threading.Thread(target=default_gazetteer, daemon=True).start()
        if settings.SERVE_JOBS:
            # The background jobs (the morning reports), on the same database, with no
            # other process; servers that run `sejuk worker` set SEJUK_SERVE_JOBS=0.
            from sejuk.background import REGISTRY
            from sejuk.jobs.runner import RunnerThread

            RunnerThread(REGISTRY).start()
        if settings.HTTPS and not settings.TRUSTED_PROXY:
            self.stdout.write(
                self.style.WARNING(
                    "SEJUK_HTTPS=1 tanpa SEJUK_TRUSTED_PROXY: di balik proxy (nginx) setiap "
                    "halaman akan dialihkan ke https tanpa henti. Isi SEJUK_TRUSTED_PROXY "
                    "dengan alamat proxy itu."
                )
            )
        self.stdout.write(
            f"Sejuk berjalan di http://{options['host']}:{options['port']}/ (Ctrl+C untuk berhenti)"
        )
        server.run()


def _proxy_options() -> dict[str, Any]:
    """Waitress believes the forwarded headers of the trusted proxy only, and removes them
    from every other request (its default). One proxy: the last address nginx appends to
    X-Forwarded-For is the client it saw; anything before it the client wrote itself."""
    if not settings.TRUSTED_PROXY:
        return {}
    return {
        "trusted_proxy": settings.TRUSTED_PROXY,
        "trusted_proxy_count": 1,
        "trusted_proxy_headers": {"x-forwarded-for", "x-forwarded-proto"},
        "clear_untrusted_proxy_headers": True,
    }


def _pending_migrations() -> bool:
    connection = connections[DEFAULT_DB_ALIAS]
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return bool(executor.migration_plan(targets))
