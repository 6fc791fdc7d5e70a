"""Officers' phone numbers in one form, E.164 (``+6281234567890``), read with Google's
libphonenumber rules (``phonenumbers``): a number without a country code is Indonesian.
The record keeps that form, and a channel's sender is put in it before the lookup, so
``0812-3456-7890``, ``+62 812…`` and ``62812…`` are the same officer."""

from __future__ import annotations

from typing import Any

import phonenumbers

INVALID = "Nomor telepon tidak dikenali. Tulis seperti 0812-3456-7890 atau +62 812-3456-7890."


def e164(written: str) -> str | None:
    """The number in E.164, or None when ``written`` is no phone number."""
    text = written.strip()
    if not text:
        return None
    try:
        number = phonenumbers.parse(text, "ID")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_stored(officer_model: Any) -> int:
    """Numbers written before the rule, put in E.164 (the data migration's work, with
    the migration's own model); one that cannot be read is left as it is, for an
    administrator to correct on the form. How many changed."""
    changed = 0
    for pk, phone in officer_model.objects.exclude(phone="").values_list("pk", "phone"):
        found = e164(phone)
        if found and found != phone:
            officer_model.objects.filter(pk=pk).update(phone=found)
            changed += 1
    return changed
