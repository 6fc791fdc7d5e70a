"""Encrypting personal details at rest (a reporter's name and phone).

Fernet (AES-128-CBC with HMAC-SHA256, from the `cryptography` package). The keys are
settings.ENCRYPTION_KEYS (SEJUK_ENCRYPTION_KEYS) or else the data folder's
`encryption_key`: the first encrypts, all decrypt, so a key can be rotated by putting a
new one first.

Losing the key loses the contacts, so the key is guarded: it is generated only while no
encrypted value is stored, and `key_problem` checks the configured keys against what is
stored (the oldest and newest value of each encrypted field), which every `sejuk`
command and the WSGI application do before they start.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings

from sejuk.errors import SejukError

# Every encrypted column: (app_label.Model, fields). Named, not imported, so this module
# stays below the apps that use it.
ENCRYPTED_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("reports.Report", ("reporter_name", "reporter_phone", "source_text")),
    ("channels.Inbound", ("sender", "raw")),
    ("channels.Conversation", ("address",)),
)

_creating = threading.Lock()


class KeyProblem(SejukError):
    status = 500
    code = "kunci_enkripsi"


def keys() -> list[str]:
    """The configured keys, newest first; empty while none exists yet."""
    if settings.ENCRYPTION_KEYS:
        return list(settings.ENCRYPTION_KEYS)
    path = Path(settings.ENCRYPTION_KEY_FILE)
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text().splitlines() if line.strip()]


@cache
def _fernet() -> MultiFernet:
    return MultiFernet([Fernet(k.encode()) for k in keys() or [_create_key()]])


def forget_keys() -> None:
    """Read the keys again at the next use (after a restore, or in tests)."""
    _fernet.cache_clear()


def encrypt(text: str) -> str:
    return _fernet().encrypt(text.encode()).decode() if text else ""


def decrypt(token: str) -> str:
    if not token:
        return ""
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        return "(tidak dapat dibuka: kunci enkripsi tidak cocok)"


def stored_samples() -> list[str]:
    """The oldest and newest stored value of each encrypted field (none before the
    tables exist): what the keys must open."""
    from django.apps import apps
    from django.db import connection

    tables = set(connection.introspection.table_names())
    samples: list[str] = []
    for label, fields in ENCRYPTED_FIELDS:
        model = apps.get_model(label)
        if model._meta.db_table not in tables:
            continue
        with connection.cursor() as cursor:
            description = connection.introspection.get_table_description(
                cursor, model._meta.db_table
            )
        # A field added by a later migration (the database not migrated yet) has no
        # column to read; the fields that have one are still checked.
        columns = {c.name for c in description}
        for name in fields:
            if model._meta.get_field(name).column not in columns:
                continue
            values = model._base_manager.exclude(**{name: ""}).order_by("pk")
            for value in (
                values.values_list(name, flat=True).first(),
                values.values_list(name, flat=True).last(),
            ):
                if value and value not in samples:
                    samples.append(value)
    return samples


def opens(candidates: Sequence[str], samples: Sequence[str]) -> bool:
    """Whether these keys decrypt every sample."""
    try:
        fernet = MultiFernet([Fernet(k.encode()) for k in candidates])
    except ValueError:  # not a Fernet key at all
        return False
    for token in samples:
        try:
            fernet.decrypt(token.encode())
        except InvalidToken:
            return False
    return True


def key_problem(
    candidates: Sequence[str] | None = None, samples: Sequence[str] | None = None
) -> str | None:
    """Why the keys cannot open the stored contacts, in Indonesian; None when they can
    (or nothing is encrypted). Defaults: the configured keys and the stored values."""
    candidates = keys() if candidates is None else candidates
    samples = stored_samples() if samples is None else samples
    if not samples:
        return None
    if not candidates:
        return missing_key_message()
    if not opens(candidates, samples):
        return wrong_key_message()
    return None


def missing_key_message() -> str:
    return (
        "Basis data berisi kontak pelapor yang terenkripsi, tetapi kunci enkripsinya tidak "
        f"ditemukan: berkas {settings.ENCRYPTION_KEY_FILE} tidak ada dan "
        "SEJUK_ENCRYPTION_KEYS tidak diisi. Sejuk tidak dijalankan dan tidak membuat kunci "
        "baru, agar kontak itu tidak hilang. Kembalikan berkas encryption_key dari cadangan "
        "yang sama ke folder data, atau isi SEJUK_ENCRYPTION_KEYS dengan kunci yang dulu "
        "dipakai, lalu jalankan lagi."
    )


def wrong_key_message() -> str:
    source = (
        "SEJUK_ENCRYPTION_KEYS"
        if settings.ENCRYPTION_KEYS
        else f"berkas {settings.ENCRYPTION_KEY_FILE}"
    )
    return (
        f"Kunci enkripsi yang terpasang ({source}) tidak dapat membuka kontak pelapor yang "
        "tersimpan di basis data. Sejuk tidak dijalankan, agar tidak ada kontak yang "
        "disimpan dengan kunci lain. Pasang kunci yang dulu dipakai (berkas encryption_key "
        "dari cadangan yang sama, atau SEJUK_ENCRYPTION_KEYS; untuk mengganti kunci, taruh "
        "kunci baru di depan kunci lama, dipisah koma), lalu jalankan lagi."
    )


def ensure_key() -> None:
    """Check the keys against what is stored, and generate the key file when there is
    no key and nothing encrypted yet (`sejuk setup`)."""
    problem = key_problem()
    if problem:
        raise KeyProblem(problem)
    if not keys():
        _create_key()


def _create_key() -> str:
    """A new key in the data folder, only while nothing is encrypted. Written to a
    temporary file and linked into place, so two processes starting at once end with one
    key, whichever came first."""
    with _creating:
        existing = keys()
        if existing:
            return existing[0]
        if stored_samples():
            raise KeyProblem(missing_key_message())
        path = Path(settings.ENCRYPTION_KEY_FILE)
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(Fernet.generate_key().decode() + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process wrote the key first: use that one
        finally:
            temporary.unlink()
        return keys()[0]
