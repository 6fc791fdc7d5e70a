"""The acknowledgement does the least: a webhook call reads no session, user, CSRF token
or messages (its user is the anonymous one), and stores each message with its job in one
short transaction of two inserts, nothing else."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sejuk.channels.models import Inbound
from sejuk.jobs.models import Job
from tests.channels import payloads as p

pytestmark = pytest.mark.django_db


def post(client, body: bytes):
    return client.post(
        "/saluran/webhook/whatsapp/", body, content_type="application/json", **p.wa_headers(body)
    )


def test_a_webhook_call_reads_no_session_user_or_csrf(client, channels_on):
    client.cookies["sessionid"] = "sesi-yang-tidak-ada"
    response = post(client, p.wa_text("wamid.L1", "Ada keributan di pasar"))
    assert response.json() == {"diterima": 1}
    request = response.wsgi_request
    # No session was read; the user is the anonymous one, set without a look-up.
    assert not hasattr(request, "session") and request.user.is_anonymous
    assert "csrftoken" not in response.cookies and "Vary" not in response


def test_a_message_is_stored_with_its_job_in_two_statements(client, channels_on):
    post(client, p.wa_text("wamid.L0", "pemanasan"))  # the first call loads the adapters
    with CaptureQueriesContext(connection) as done:
        assert post(client, p.wa_text("wamid.L2", "Ada keributan di pasar")).status_code == 200
    # Inside the test's own transaction the store's transaction is one savepoint.
    sql = [q["sql"] for q in done.captured_queries]
    inserts = [s for s in sql if s.startswith("INSERT")]
    others = [s for s in sql if not s.startswith(("INSERT", "SAVEPOINT", "RELEASE SAVEPOINT"))]
    assert len(inserts) == 2 and others == [], sql
    assert len([s for s in sql if s.startswith("SAVEPOINT")]) == 1, sql
    stored = Inbound.objects.get(external_id="wamid.L2")
    assert Job.objects.filter(name="pesan-masuk", payload={"inbound": stored.pk}).exists()
    # A second delivery stores nothing more and answers so, still without a savepoint.
    with CaptureQueriesContext(connection) as again:
        assert post(client, p.wa_text("wamid.L2", "Ada keributan di pasar")).json() == {
            "diterima": 0
        }
    assert len([q for q in again.captured_queries if q["sql"].startswith("SAVEPOINT")]) == 1
    assert Inbound.objects.filter(external_id="wamid.L2").count() == 1
    assert Job.objects.filter(name="pesan-masuk").count() == 2
