"""After an administrator resets a password, the user changes it before anything else."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.urls import reverse

from sejuk.errors import error_body

_ALLOWED_PREFIXES = ("/static/", "/i18n/")


class MustChangePasswordMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and getattr(user, "must_change_password", False)
        ):
            allowed = {reverse("password_change"), reverse("logout")}
            if request.path not in allowed and not request.path.startswith(_ALLOWED_PREFIXES):
                if request.path.startswith("/api/"):
                    body = error_body(
                        "ganti_kata_sandi", "Ganti kata sandi Anda dulu sebelum memakai Sejuk."
                    )
                    return JsonResponse(body, status=403)
                return HttpResponseRedirect(reverse("password_change"))
        return self.get_response(request)
