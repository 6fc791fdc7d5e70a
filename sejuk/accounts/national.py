"""The account that marks generated national data (``sejuk generate national``).

Activities, leaders and incidents the generator writes name this account as their
author, so they can be found and removed again without touching anyone's real records.
It cannot sign in: no usable password, not active.
"""

from __future__ import annotations

from .models import User

GENERATOR = "sejuk.generator"


def generator_account(create: bool = False) -> User | None:
    user = User.objects.filter(username=GENERATOR).first()
    if user is None and create:
        user = User(username=GENERATOR, is_active=False, first_name="Data bangkitan")
        user.set_unusable_password()
        user.save()
    return user
