"""One rule for the text Sejuk takes in, and one for the text it writes out.

Taking in, by kind of text:

- **Never accepted, anywhere**: the NUL character, a lone UTF-16 surrogate, and bytes that
  are not UTF-8. No person types them; they come from a broken or hostile client,
  PostgreSQL cannot store a NUL at all, and a query holding one fails. A request that
  carries one is refused whole with a 400 in Bahasa Indonesia (``refuse``, called by
  ``sejuk.web.middleware.InputMiddleware`` for the address, query, headers and body,
  and again when anything is stored).
- **Multi-line text** (an activity's summary, a report's description, a message, a
  pasted field report: ``TextField``): tab and line breaks stay, they are the text's
  shape. Other control characters (ESC, SOH, DEL, C1 codes) are removed; Word's
  vertical tab and form feed become line breaks. They come invisibly with text pasted
  from WhatsApp, Word or a terminal: the officer cannot see them to delete them, so
  refusing would block a good message for nothing.
- **Single-line text** (a name, a dusun, a landmark, a reason, a code: ``CharField``):
  the same, and tab and line breaks become one space, since a single-line input cannot
  hold them and a name split over lines is a paste accident.

The taking-in rule runs where every path meets, when a record is saved (``clean_record``,
connected to ``pre_save`` for Sejuk's own models by ``sejuk.web.apps``), so the form,
the JSON API, the import and the command line cannot differ.

Writing out, ``printable`` drops what an XLSX, DOCX or PDF (XML inside) cannot hold, so
a document is made from whatever an older version stored.
"""

from __future__ import annotations

import re
from typing import Any

from django.db import models

from sejuk.errors import SejukError

REFUSED_MESSAGE = (
    "Teks berisi karakter yang tidak sah (karakter NUL atau kode yang rusak). "
    "Hapus karakter itu lalu kirim lagi."
)

_REFUSED = re.compile("[\x00\ud800-\udfff]")
# C0 controls except tab (09), line feed (0a), vertical tab (0b), form feed (0c) and
# carriage return (0d); DEL; the C1 controls except NEL (85).
_CONTROL = re.compile("[\x01-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BREAK = re.compile("\r\n|[\x0b\x0c\x85\u2028\u2029]")
_LINE_SPACE = re.compile("[\t\r\n]+")
# What XML 1.0 (inside XLSX and DOCX) cannot hold, and what ReportLab's paragraphs choke on.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class BadText(SejukError):
    status = 400
    code = "karakter_tidak_sah"


def is_refused(value: str) -> bool:
    return _REFUSED.search(value) is not None


def refuse(value: str, field: str = "") -> str:
    """``value`` unchanged, or BadText (400) when it holds a NUL or a lone surrogate."""
    if _REFUSED.search(value):
        raise BadText(REFUSED_MESSAGE, {field: "karakter tidak sah"} if field else None)
    return value


def clean_text(value: str, field: str = "") -> str:
    """Multi-line text: tab and line breaks kept, other control characters removed."""
    refuse(value, field)
    return _CONTROL.sub("", _BREAK.sub("\n", value))


def clean_line(value: str, field: str = "") -> str:
    """Single-line text: control characters removed, tab and line breaks one space."""
    return _LINE_SPACE.sub(" ", clean_text(value, field))


def clean_data(value: Any, field: str = "") -> Any:
    """Every string in a JSON value (keys too), cleaned as multi-line text."""
    if isinstance(value, str):
        return clean_text(value, field)
    if isinstance(value, dict):
        return {clean_data(k, field): clean_data(v, field) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(v, field) for v in value]
    return value


def printable(value: str) -> str:
    """``value`` without what a document cannot hold (vertical tab and form feed become
    line breaks); for writers, on text stored before the input rule existed."""
    return _UNPRINTABLE.sub(lambda m: "\n" if m[0] in "\x0b\x0c" else "", value)


def clean_record(sender: type[models.Model], instance: models.Model, **kwargs: Any) -> None:
    """``pre_save``: the taking-in rule on every text of a record about to be stored,
    by the field's kind (``TextField`` multi-line, ``CharField`` single-line, JSON)."""
    for f in instance._meta.concrete_fields:
        value = getattr(instance, f.attname, None)
        if value is None:
            continue
        if isinstance(f, models.JSONField):
            setattr(instance, f.attname, clean_data(value, f.name))
        elif not isinstance(value, str):
            continue
        elif isinstance(f, models.TextField):
            setattr(instance, f.attname, clean_text(value, f.name))
        elif isinstance(f, models.CharField):
            setattr(instance, f.attname, clean_line(value, f.name))
