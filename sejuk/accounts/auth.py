"""How the JSON API knows who is calling: an API token (Authorization: Bearer ...) or
the browser's session (with its CSRF check on writes)."""

from __future__ import annotations

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from .models import User
from .tokens import authenticate_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str) -> User | None:
        return authenticate_token(token)


signed_in = [TokenAuth(), django_auth]
