"""What a page costs in SQL, for the query-budget tests of lists and commander pages."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_of(client, user, url: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The SQL a second load of ``url`` sends as ``user`` (the first fills the
    per-process caches, as on a served instance)."""
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        answer = client.get(url)
    assert answer.status_code == 200, url
    return [q["sql"] for q in queries.captured_queries]
