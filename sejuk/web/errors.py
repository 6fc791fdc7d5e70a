"""Answers for requests that never reach a view, or fail past it: JSON in the one error
shape (``sejuk.errors``) under /api/, a plain Indonesian page for people elsewhere.

The page stands alone (like 500.html) rather than extending base.html: a request refused
for its bytes may carry a cookie or header that the menu's session lookup cannot take.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

from sejuk.errors import SejukError, error_body


class TooLarge(SejukError):
    status = 413
    code = "terlalu_besar"


class Unreadable(SejukError):
    status = 400
    code = "permintaan_tidak_terbaca"


def too_large(limit_bytes: int) -> TooLarge:
    return TooLarge(
        f"Kiriman terlalu besar: paling besar {limit_bytes // (1024 * 1024)} MB. "
        "Kecilkan foto atau berkasnya, atau kirim dalam beberapa bagian."
    )


def is_api(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def respond(request: HttpRequest, exc: SejukError) -> HttpResponse:
    """``exc`` as the answer a client of this address expects."""
    response: HttpResponse
    if is_api(request):
        response = JsonResponse(exc.as_dict(), status=exc.status)
    else:
        page = render_to_string("web/refused.html", {"error": exc})
        response = HttpResponse(page, status=exc.status)
    for name, value in exc.headers.items():
        response[name] = value
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: what Django refuses itself (a body over the limit, a bad host)."""
    if isinstance(exception, RequestDataTooBig):
        return respond(request, too_large(settings.DATA_UPLOAD_MAX_MEMORY_SIZE))
    return respond(request, Unreadable("Permintaan tidak sah dan tidak dapat diproses."))


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler404: JSON under /api/, the site's own page elsewhere."""
    if is_api(request):
        body = error_body("tidak_ditemukan", "Alamat API ini tidak ada. Lihat /api/docs.")
        return JsonResponse(body, status=404)
    from django.views.defaults import page_not_found

    return page_not_found(request, exception or Exception())


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: the one error shape under /api/ too, never an HTML page to a client."""
    if is_api(request):
        body = error_body(
            "galat_server",
            "Terjadi galat di server; permintaan tidak diproses. Coba lagi sebentar lagi, "
            "bila tetap terjadi hubungi administrator.",
        )
        return JsonResponse(body, status=500)
    return HttpResponse(render_to_string("500.html"), status=500)
