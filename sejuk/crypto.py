"""Encrypting personal details at rest (a reporter's name and phone).

Fernet (AES-128-CBC with HMAC-SHA256, from the `cryptography` package) with the keys of
settings.ENCRYPTION_KEYS: the first encrypts, all decrypt, so a key can be rotated by
putting a new one first.
"""

from __future__ import annotations

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in settings.ENCRYPTION_KEYS])


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return "(tidak dapat dibuka: kunci enkripsi tidak cocok)"
