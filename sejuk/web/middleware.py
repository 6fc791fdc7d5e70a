"""Page middleware: the interface language, and expected errors as friendly pages."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from sejuk.accounts.audit import record_denial
from sejuk.errors import SejukError


class SejukErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exc: Exception) -> HttpResponse | None:
        if not isinstance(exc, SejukError):
            return None
        if getattr(exc, "audit_denial", False):
            record_denial(request, exc)
        return render(request, "web/error.html", {"error": exc}, status=exc.status)


class PermissionsPolicyMiddleware:
    """Pages may ask for the phone's location and camera (activity photos, GPS points),
    nothing else; django-csp sets the Content-Security-Policy beside it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class LanguageMiddleware:
    """Bahasa Indonesia first: the language is the one the user chose (the cookie set by
    the switcher) or SEJUK_LANGUAGE, never the browser's own preference, so an officer's
    phone set to English still gets the Indonesian interface unless they ask otherwise."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
