"""What the OpenAPI schema says beyond django-ninja's 2xx answers, so a client can rely
on it: the vocabularies a field takes (``OneOf``), the files an endpoint answers with
(``file_answer``), and the error answers each operation may give, all in the one error
shape of ``sejuk.errors`` (``document_errors``, applied by ``sejuk.api``)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
CSV = "text/csv"
PDF = "application/pdf"
TEXT = "text/plain"
JPEG = "image/jpeg"


@dataclass(frozen=True)
class OneOf:
    """``Annotated[str, OneOf(codes)]``: a string from a vocabulary, checked (422 when
    not) and listed as the schema's ``enum``. ``blank``: the empty string too (a filter
    left empty, a field not filled)."""

    values: tuple[str, ...]

    def __init__(self, values: Iterable[str], *, blank: bool = False) -> None:
        object.__setattr__(self, "values", (("",) if blank else ()) + tuple(values))

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.literal_schema(list(self.values))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "enum": list(self.values)}


@dataclass(frozen=True)
class Limits:
    """``Annotated[int, Limits(minimum=1, maximum=10_000)]``: bounds the schema states
    for a number that the service checks itself, so the answer keeps the service's own
    words ("antara 1 dan 10.000") rather than a generic "terlalu besar"."""

    minimum: float
    maximum: float

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {**handler(schema), "minimum": self.minimum, "maximum": self.maximum}


def file_answer(*media_types: str) -> dict[str, Any]:
    """``openapi_extra`` of an endpoint that answers with a file rather than JSON."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        "responses": {
            200: {"description": "Berkas", "content": {kind: binary for kind in media_types}}
        }
    }


ERROR_SCHEMA: dict[str, Any] = {
    "title": "Galat",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "fields"],
            "properties": {
                "code": {"type": "string", "description": "kode galat, mis. data_tidak_valid"},
                "message": {"type": "string", "description": "pesan untuk orang, Indonesia"},
                "fields": {
                    "type": "object",
                    "additionalProperties": {"type": "string"},
                    "description": "isian -> masalahnya",
                },
            },
        }
    },
}

_ERRORS = {
    400: "Permintaan tidak terbaca, atau berisi karakter yang tidak sah (NUL).",
    401: "Belum masuk, atau token API tidak berlaku.",
    403: "Peran atau wilayah Anda tidak mengizinkan tindakan ini.",
    404: "Tidak ada, atau di luar wilayah Anda.",
    409: "Langkah ini bertentangan dengan keadaan data sekarang (mis. status laporan).",
    413: "Kiriman terlalu besar.",
    422: "Data tidak valid; ``fields`` menyebut isian yang salah.",
    429: "Terlalu sering dari alamat ini; lihat Retry-After.",
}
_WRITE = {"post", "put", "patch", "delete"}
_PATH_PARAM = re.compile(r"\{(\w+)\}")


def errors_of(path: str, method: str, operation: dict[str, Any]) -> list[int]:
    """The error statuses an operation may answer, by what it is: every one may be
    unreadable (400); one with inputs may be invalid (422); a signed-in one may be
    refused (401, 403); one naming an object (its path, an id, a tracking code) may not
    find it (404); a write
    to an object may meet its state (409); a body may be too large (413); the public
    endpoints are rate limited (429)."""
    statuses = {400}
    params = [p for p in operation.get("parameters", []) if p.get("in") != "header"]
    if params or "requestBody" in operation:
        statuses.add(422)
    if operation.get("security"):
        statuses |= {401, 403}
        if params or "requestBody" in operation:
            statuses.add(404)  # a unit, region or object named in the input, not found
    if path.startswith("/api/public/reports/"):
        statuses.add(404)  # a tracking code that is no case
    if _PATH_PARAM.search(path):
        statuses.add(404)
        if method in _WRITE:
            statuses.add(409)
    if "requestBody" in operation:
        statuses.add(413)
    if path.startswith("/api/public/"):
        statuses.add(429)
    return sorted(statuses)


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error answers (``errors_of``) to every operation of ``schema``."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components["Galat"] = ERROR_SCHEMA
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Galat"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            for status in errors_of(path, method, operation):
                answer: dict[str, Any] = {"description": _ERRORS[status], "content": content}
                if status == 429:
                    answer["headers"] = {
                        "Retry-After": {
                            "description": "detik sampai boleh mencoba lagi",
                            "schema": {"type": "integer", "minimum": 1},
                        }
                    }
                responses.setdefault(status, answer)
    return schema
