"""The admin speaks Indonesian: every field of every Sejuk model names itself
(``verbose_name``), every model too, and no page of the admin shows an English label
made up from a field's code name ("Is demo", "Created by")."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import file_report, log_activity, superuser

SEJUK_MODELS = [m for m in apps.get_models() if m.__module__.startswith("sejuk.")]

# Words of field code names that are English, not Indonesian: a label holding one was
# made up by Django from the code name. (Words both languages share, such as "status",
# "data", "token" or "email", are not listed.)
ENGLISH = {
    "active", "at", "by", "category", "code", "count", "created", "date", "default",
    "description", "detail", "end", "from", "height", "image", "is", "key", "kind", "last",
    "level", "name", "notes", "number", "of", "officer", "parent", "phone", "reader",
    "reason", "region", "report", "role", "source", "start", "state", "summary", "text",
    "time", "title", "to", "type", "unit", "updated", "uploaded", "used", "user", "width",
    "window", "with",
}  # fmt: skip


def test_every_model_field_has_its_own_indonesian_name():
    unnamed = [
        f"{model._meta.label}.{field.name}"
        for model in SEJUK_MODELS
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many)
        and not field.auto_created
        # Django keeps the name given in the code; None: made up from the field's name.
        and field._verbose_name is None  # type: ignore[union-attr]
    ]
    assert unnamed == []


def test_every_model_has_its_own_indonesian_name():
    unnamed = [
        m._meta.label
        for m in SEJUK_MODELS
        if not {"verbose_name", "verbose_name_plural"} <= set(m._meta.original_attrs)
    ]
    assert unnamed == []


def english_words(label: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", label.lower()) if w in ENGLISH}


def test_the_english_word_check_catches_a_label_made_from_a_code_name():
    assert english_words("Is demo") == {"is"}
    assert english_words("Created by:") == {"created", "by"}
    assert english_words("Dibuat oleh") == set()


class Labels(HTMLParser):
    """Text of the admin's field labels, column headings and filter titles."""

    TAGS = ("label", "th", "h3", "summary")

    def __init__(self) -> None:
        super().__init__()
        self.open = 0
        self.current: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.TAGS:
            self.open += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.TAGS and self.open:
            self.open -= 1
            text = " ".join("".join(self.current).split())
            if text:
                self.found.append(text)
            self.current = []

    def handle_data(self, data: str) -> None:
        if self.open:
            self.current.append(data)


def labels(html: str) -> list[str]:
    parser = Labels()
    parser.feed(html)
    return parser.found


@pytest.mark.django_db
def test_no_admin_page_shows_an_english_label(client, world, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    log_activity(world.users["bhabin"])
    file_report(anonymous=False, name="Siti", phone="081234567890")
    client.force_login(superuser())
    english: dict[str, set[str]] = {}
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages = [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            pages.append(reverse(f"{name}_change", args=[first.pk]))
        for url in pages:
            response = client.get(url)
            if response.status_code == 403:  # a model without an add form
                continue
            assert response.status_code == 200, url
            for label in labels(response.content.decode()):
                if words := english_words(label):
                    english[f"{url} {label!r}"] = words
    assert english == {}
