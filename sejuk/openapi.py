"""What the OpenAPI schema says beyond django-ninja's 2xx answers, so a client can rely
on it: the vocabularies a field takes (``OneOf``), the files an endpoint answers with
(``file_answer``), and the error answers each operation may give, all in the one error
shape of ``sejuk.errors`` (``document_errors``, applied by ``sejuk.api``). Request
schemas are generated from a service's input dataclass (``input_schema``), so the API
states the very rules the service checks (``sejuk.rules``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated, Any

from ninja import Schema
from pydantic import Field, GetCoreSchemaHandler, GetJsonSchemaHandler, create_model
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from sejuk.rules import Rule, rule_of

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

    minimum: float | None
    maximum: float | None

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        bounds = {"minimum": self.minimum, "maximum": self.maximum}
        return {**handler(schema), **{k: v for k, v in bounds.items() if v is not None}}


def input_schema(
    name: str,
    source: type,
    *,
    required: Iterable[str] = (),
    patch: bool = False,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    exclude: Iterable[str] = (),
) -> type[Schema]:
    """A request schema made from a service's input dataclass and its fields' rules.

    ``required`` (and every field of the dataclass without a default): the fields a new
    record must give (a text or list is documented as not empty; the service says so in
    its own words). Every other field takes the dataclass's default, or its type's empty
    value where that default is a marker (``UNSET``). ``patch``: every field may be left
    out (None). ``before`` and ``after``: fields of the request that are not the record's
    (a version, a reason), as ``name=(annotation, default or Field)``."""
    hints = typing.get_type_hints(source, include_extras=True)
    needed, left_out = set(required), set(exclude)
    made: dict[str, Any] = dict(before or {})
    for f in dataclasses.fields(source):
        if f.name in left_out:
            continue
        given = _default(f)
        required_ = f.name in needed or given is dataclasses.MISSING
        made[f.name] = _schema_field(hints[f.name], rule_of(f), required_, patch, given)
    made.update(after or {})
    schema: type[Schema] = create_model(name, __base__=Schema, **made)
    return schema


def _default(f: dataclasses.Field[Any]) -> Any:
    """A field's default as a schema takes it: its factory, a plain value, MISSING when
    it has none, or None for a marker object the schema cannot state."""
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory
    if f.default is dataclasses.MISSING or f.default is None:
        return f.default
    return f.default if isinstance(f.default, (str, int, float, bool)) else None


def _schema_field(
    hint: Any, rule: Rule, required: bool, patch: bool, given: Any = None
) -> tuple[Any, Any]:
    inner, nullable = _unwrap(hint)
    annotation, extra, limits = _annotation(inner, rule)
    if required and not patch:
        if inner is str:
            extra["minLength"] = 1
        elif typing.get_origin(inner) is list:
            extra["minItems"] = 1
    if nullable or patch:
        annotation = annotation | None
    if patch:
        default: Any = None
    elif required:
        default = ...
    elif given is not None:
        default = given
    elif nullable:
        default = None
    else:
        default = _EMPTY.get(typing.get_origin(inner) or inner, ...)
    kwargs: dict[str, Any] = dict(limits)
    if extra:
        kwargs["json_schema_extra"] = extra
    if rule.description:
        kwargs["description"] = rule.description
    if callable(default):
        return annotation, Field(default_factory=default, **kwargs)
    return annotation, Field(default, **kwargs)


_EMPTY: dict[Any, Any] = {str: "", bool: False, list: list, dict: dict}


def _unwrap(hint: Any) -> tuple[Any, bool]:
    """``int | None`` -> (int, True)."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(hint))
    return hint, False


def _annotation(inner: Any, rule: Rule) -> tuple[Any, dict[str, Any], dict[str, Any]]:
    """The annotation of a field by its Python type and rule, with the JSON schema
    extras and the pydantic limits it takes."""
    extra: dict[str, Any] = {}
    limits: dict[str, Any] = {}
    origin = typing.get_origin(inner)
    if inner is str:
        if rule.choices is not None:
            return Annotated[str, OneOf(rule.choices, blank=rule.blank)], extra, limits
        if rule.max_length is not None:
            limits["max_length"] = rule.max_length
        return str, extra, limits
    if inner in (int, float):
        return _number(inner, rule), extra, limits
    if origin is list:
        (item,) = typing.get_args(inner)
        if rule.choices is not None:
            item = Annotated[str, OneOf(rule.choices)]
        if rule.max_items is not None:
            limits["max_length"] = rule.max_items
        return list[item], extra, limits  # type: ignore[valid-type]
    if origin is dict:
        key, value = typing.get_args(inner)
        if rule.choices is not None:
            key = Annotated[str, OneOf(rule.choices)]
        value_type, value_nullable = _unwrap(value)
        value = _number(value_type, rule) if value_type in (int, float) else value_type
        if value_nullable:
            value = value | None
        return dict[key, value], extra, limits  # type: ignore[valid-type]
    if inner in (bool, dt.date, dt.time, dt.datetime):
        return inner, extra, limits
    raise TypeError(f"no schema for {inner!r}")


def _number(kind: type, rule: Rule) -> Any:
    if rule.minimum is None and rule.maximum is None:
        return kind
    return Annotated[kind, Limits(minimum=rule.minimum, maximum=rule.maximum)]


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
