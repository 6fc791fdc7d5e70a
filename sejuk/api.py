"""The JSON API: one NinjaAPI, each app contributing its router, one error shape."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema

from sejuk.accounts.api import officers_router
from sejuk.accounts.api import router as accounts_router
from sejuk.accounts.audit import record_denial
from sejuk.activities.api import router as activities_router
from sejuk.alerts.api import router as alerts_router
from sejuk.bulletins.api import router as bulletins_router
from sejuk.errors import Invalid, SejukError, error_body
from sejuk.incidents.api import router as incidents_router
from sejuk.leaders.api import router as leaders_router
from sejuk.links.api import router as links_router
from sejuk.links.inbox_api import router as inbox_router
from sejuk.maps.api import router as maps_router
from sejuk.media.api import router as media_router
from sejuk.openapi import document_errors
from sejuk.regions.api import router as regions_router
from sejuk.reports.api import public_router as public_reports_router
from sejuk.reports.api import router as reports_router
from sejuk.tension.api import regions_router as tension_regions_router
from sejuk.tension.api import router as tension_router
from sejuk.units.api import router as units_router


class SejukAPI(NinjaAPI):
    """The schema says the error answers too (``sejuk.openapi.document_errors``)."""

    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        document_errors(schema)
        return schema


api = SejukAPI(
    title="Sejuk API",
    version="1",
    description="API Sejuk: wilayah, satuan, kegiatan, laporan dan buletin Cooling System.",
    urls_namespace="api",
)
api.add_router("/regions", regions_router)
api.add_router("/units", units_router)
api.add_router("/officers", officers_router)
api.add_router("/leaders", leaders_router)
api.add_router("/activities", activities_router)
api.add_router("/reports", reports_router)
api.add_router("/reports", links_router)  # a case's incident and response activities
api.add_router("/incidents", incidents_router)
api.add_router("/tension", tension_router)
api.add_router("/regions", tension_regions_router)  # a region's picture
api.add_router("/bulletins", bulletins_router)
api.add_router("/map", maps_router)
api.add_router("/public", public_reports_router)
api.add_router("/accounts", accounts_router)
api.add_router("/alerts", alerts_router)
api.add_router("/channels", inbox_router)  # the operators' inbox of the channels
api.add_router("/media", media_router)


@api.exception_handler(SejukError)
def _sejuk_error(request: HttpRequest, exc: SejukError) -> HttpResponse:
    if getattr(exc, "audit_denial", False):
        record_denial(request, exc)
    response = api.create_response(request, exc.as_dict(), status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    body = error_body("perlu_masuk", "Silakan masuk, atau sertakan token API yang berlaku.")
    return api.create_response(request, body, status=401)


@api.exception_handler(NinjaValidationError)
def _validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    fields: dict[str, str] = {}
    for error in exc.errors:
        location = [
            str(part)
            for part in error.get("loc", ())
            # Where the value came from is noise for the person reading the message.
            if part not in ("query", "body", "path", "payload", "params")
        ]
        fields[".".join(location) or "permintaan"] = _indonesian(error)
    body = Invalid("Data permintaan tidak valid.", fields).as_dict()
    return api.create_response(request, body, status=422)


# What django-ninja refuses itself, in our words (its own messages are English).
_HTTP_ERRORS = {
    400: ("permintaan_tidak_terbaca", "Isi permintaan tidak dapat dibaca: kirim JSON yang sah."),
    403: ("tidak_diizinkan", "Permintaan ditolak: muat ulang halaman lalu coba lagi."),
    405: ("metode_tidak_didukung", "Metode HTTP ini tidak didukung di alamat ini."),
}


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    code, message = _HTTP_ERRORS.get(exc.status_code, ("galat_http", "Permintaan tidak sah."))
    return api.create_response(request, error_body(code, message), status=exc.status_code)


_MESSAGES = {
    "missing": "wajib diisi",
    "int_parsing": "harus bilangan bulat",
    "float_parsing": "harus angka",
    "string_too_long": "terlalu panjang",
    "string_too_short": "terlalu pendek",
    "too_long": "terlalu banyak",
    "too_short": "terlalu sedikit",
    "literal_error": "pilihan tidak dikenal",
    "string_pattern_mismatch": "bentuknya tidak sesuai",
    "greater_than": "terlalu kecil",
    "less_than": "terlalu besar",
    "bool_parsing": "harus true atau false",
    "time_parsing": "harus jam (HH:MM)",
    "datetime_parsing": "harus tanggal dan jam",
    "dict_type": "harus objek JSON",
    "list_type": "harus daftar",
    "string_type": "harus teks",
    "int_type": "harus bilangan bulat",
    "model_attributes_type": "harus objek JSON",
    "finite_number": "harus angka terhingga",
    "less_than_equal": "terlalu besar",
    "greater_than_equal": "terlalu kecil",
    "date_from_datetime_parsing": "harus tanggal (YYYY-MM-DD)",
    "date_parsing": "harus tanggal (YYYY-MM-DD)",
    "json_invalid": "bukan JSON yang sah",
}


def _indonesian(error: dict[str, object]) -> str:
    return _MESSAGES.get(str(error.get("type")), "tidak valid")
