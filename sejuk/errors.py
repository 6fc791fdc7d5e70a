"""One error shape for the whole of Sejuk.

Services raise a ``SejukError`` subclass; it carries its HTTP status and a message in
Bahasa Indonesia. The API renders it as ``{"error": {"code", "message", "fields"}}`` and
the pages render the same message on a friendly page, so an expected condition never
becomes a 500.
"""

from __future__ import annotations


class SejukError(Exception):
    status = 400
    code = "permintaan_tidak_valid"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}
        # Extra response headers the answer must carry (Retry-After on a 429).
        self.headers: dict[str, str] = {}

    def as_dict(self) -> dict[str, object]:
        return error_body(self.code, self.message, self.fields)


def error_body(code: str, message: str, fields: dict[str, str] | None = None) -> dict[str, object]:
    """The one JSON error shape: ``{"error": {"code", "message", "fields"}}``."""
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


class Invalid(SejukError):
    status = 422
    code = "data_tidak_valid"


class NotFound(SejukError):
    status = 404
    code = "tidak_ditemukan"


class Forbidden(SejukError):
    status = 403
    code = "tidak_diizinkan"


class Conflict(SejukError):
    status = 409
    code = "konflik"
