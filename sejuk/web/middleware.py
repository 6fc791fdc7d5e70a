"""Page middleware: the input rule on every request, the interface language, expected
errors as friendly pages, and the short way through for the channels' webhooks."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.urls import Resolver404, ResolverMatch, resolve
from django.utils import translation

from sejuk.accounts.audit import record_denial
from sejuk.errors import SejukError
from sejuk.text import refuse

from .errors import Unreadable, respond, too_large

_FORMS = ("application/x-www-form-urlencoded", "multipart/form-data")
# Raw bytes, not text: a photo sent in parts (the view checks the photo by content).
_BYTES = ("application/octet-stream",)


class InputMiddleware:
    """The input rule of ``sejuk.text`` on every request before any view, form, schema or
    query sees it: the address, the query, the headers and the body (form fields, file
    names, JSON) hold no NUL and no lone surrogate, a body that is not a form is UTF-8,
    and no body is over the limit. A refusal is a 400 (413 for size) in Bahasa
    Indonesia, JSON under /api/, a page elsewhere, and nothing is stored."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            check_request(request)
        except SejukError as exc:
            return respond(request, exc)
        return self.get_response(request)


def check_request(request: HttpRequest) -> None:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    if request.path.startswith(settings.IMPORT_UPLOAD_PATHS):
        limit = settings.IMPORT_MAX_BYTES + 1024 * 1024
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Unreadable("Panjang kiriman (Content-Length) tidak sah.") from None
    if length > limit:
        raise too_large(limit)
    refuse(request.path)
    for key, values in request.GET.lists():
        for value in (key, *values):
            refuse(value, key)
    for name, value in request.META.items():
        if name.startswith("HTTP_") and isinstance(value, str):
            refuse(value)
    if not length and request.content_type != "multipart/form-data":
        return  # (an empty multipart body still needs its boundary: Django checks it)
    try:
        if request.content_type in _FORMS:
            for key, values in request.POST.lists():
                for value in (key, *values):
                    refuse(value, key)
            for _key, uploads in request.FILES.lists():
                for upload in uploads:
                    refuse(upload.name or "", "file")
        elif request.content_type not in _BYTES:
            _check_body(request.body)
    except RequestDataTooBig:
        raise too_large(limit) from None
    except (TooManyFieldsSent, TooManyFilesSent):
        raise Unreadable("Kiriman berisi terlalu banyak isian atau berkas.") from None
    except MultiPartParserError:
        raise Unreadable("Kiriman formulir rusak dan tidak dapat dibaca.") from None


def _check_body(body: bytes) -> None:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("Isi kiriman bukan teks UTF-8 yang sah. Kirim JSON dalam UTF-8.") from None
    refuse(text)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return  # not JSON: the view answers that in its own words
    _refuse_all(data)


def _refuse_all(value: Any) -> None:
    if isinstance(value, str):
        refuse(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse(key, key)
            _refuse_all(item)
    elif isinstance(value, list):
        for item in value:
            _refuse_all(item)


# Where views that need no session may be (resolved only under these prefixes).
LEAN_PREFIXES = ("/saluran/webhook/", "/api/public/")
# Under these every view is lean: the citizens' public API (no account, no cookie, no
# form; its answers are JSON and its errors its own).
LEAN_PATHS = ("/api/public/",)


@functools.lru_cache(maxsize=256)
def _resolved(path: str, urlconf: str) -> ResolverMatch:
    """The view of a lean address, found once per process (the citizens' API lies deep
    in the address list); an unknown address is looked up each time (not kept)."""
    return resolve(path, urlconf)


class LeanMiddleware:
    """A view marked ``lean = True`` (the channels' webhooks: a service's signed POST,
    stored and answered in milliseconds), and every view of the citizens' public API, is
    called straight after the input rule: no session, user, CSRF token, messages,
    password-change redirect or sign-in watch is read for a call that carries none of
    them (the request's user is the anonymous one, whatever cookie came with it).
    Everything above still runs (security headers, the input rule); a view not marked
    goes the whole way."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        path = request.path_info
        if path.startswith(LEAN_PREFIXES):
            try:
                match = _resolved(path, getattr(request, "urlconf", None) or settings.ROOT_URLCONF)
            except Resolver404:
                return self.get_response(request)
            if path.startswith(LEAN_PATHS) or getattr(match.func, "lean", False):
                request.resolver_match = match
                request.user = AnonymousUser()
                # The interface language, not what this thread's previous page chose.
                translation.activate(settings.LANGUAGE_CODE)
                response: HttpResponse = match.func(request, *match.args, **match.kwargs)
                return response
        return self.get_response(request)


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
        response = render(request, "web/error.html", {"error": exc}, status=exc.status)
        for name, value in exc.headers.items():
            response[name] = value
        return response


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
