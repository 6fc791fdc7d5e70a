"""After an administrator resets a password, the user changes it before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from sejuk.errors import error_body

# The anonymous public API is among them: it reads no session and no user at all.
_ALLOWED_PREFIXES = ("/static/", "/i18n/", "/api/public/")


class MustChangePasswordMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path.startswith(_ALLOWED_PREFIXES):
            return self.get_response(request)
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
        ):
            allowed = {reverse("password_change"), reverse("logout")}
            if request.path not in allowed:
                if request.path.startswith("/api/"):
                    body = error_body(
                        "ganti_kata_sandi", "Ganti kata sandi Anda dulu sebelum memakai Sejuk."
                    )
                    return JsonResponse(body, status=403)
                return HttpResponseRedirect(reverse("password_change"))
        return self.get_response(request)
