"""The `sejuk` command: Django's management commands under the project's name.

`sejuk setup`, `sejuk serve`, `sejuk regions find "..."`, `sejuk units load`, and every
Django command (`sejuk migrate`, `sejuk createsuperuser`) run through here.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sejuk.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
