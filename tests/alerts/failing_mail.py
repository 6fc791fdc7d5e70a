"""A mail backend whose server is down: every send raises as smtplib does when the
connection is refused. Set as EMAIL_BACKEND to test what a failed e-mail leaves."""

from __future__ import annotations

import smtplib
from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class Backend(BaseEmailBackend):
    def send_messages(self, email_messages: Any) -> int:
        raise smtplib.SMTPServerDisconnected("server e-mail tidak menjawab")
