"""The `sejuk` command: Django's management commands under the project's name.

`sejuk setup`, `sejuk serve`, `sejuk regions find "..."`, `sejuk units load`, and every
Django command (`sejuk migrate`, `sejuk createsuperuser`) run through here.
"""

from __future__ import annotations

import os
import sys

# Commands that run whatever the encryption key: copying data out and back in, and help.
KEYLESS_COMMANDS = {"backup", "restore", "help", "--help", "-h", "version", "--version"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError, ProgrammingError

    try:
        if len(sys.argv) > 1 and sys.argv[1] not in KEYLESS_COMMANDS:
            _refuse_without_the_key()
        execute_from_command_line(sys.argv)
    except (OperationalError, ProgrammingError) as exc:
        # A command run on a database never set up (or from another folder, whose ./var
        # is empty) would end in a traceback about a missing table: say what to do.
        text = str(exc)
        if "no such table" not in text and "does not exist" not in text:
            raise
        from django.conf import settings

        sys.stderr.write(
            f"Basis data ({settings.DATA_DIR}) belum disiapkan atau belum diperbarui. "
            "Jalankan `sejuk setup` dulu (atau `make run` di folder Sejuk).\n"
        )
        sys.exit(2)


def _refuse_without_the_key() -> None:
    """Stop before any command runs when the stored contacts cannot be opened with the
    configured key (a data folder restored without its key, or another key set)."""
    import django
    from django.core.exceptions import ImproperlyConfigured
    from django.db import DatabaseError

    try:
        django.setup()
    except ImproperlyConfigured:
        return  # the command line reports a bad setting its own way
    from sejuk.crypto import key_problem

    try:
        problem = key_problem()
    except DatabaseError:
        return  # unreachable database: the command meets it and says so
    if problem:
        sys.stderr.write(problem + "\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
