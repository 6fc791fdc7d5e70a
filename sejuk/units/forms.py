"""Admin forms that apply the same rules as the services."""

from __future__ import annotations

from typing import Any

from django import forms

from sejuk.errors import Invalid

from . import phones, services
from .models import Officer


class OfficerForm(forms.ModelForm):
    class Meta:
        model = Officer
        fields = [
            "name",
            "rank",
            "nrp",
            "position",
            "unit",
            "is_bhabinkamtibmas",
            "villages",
            "phone",
            "telegram_id",
            "active",
        ]

    def clean_phone(self) -> str:
        written = self.cleaned_data.get("phone") or ""
        if not written.strip():
            return ""
        found = phones.e164(written)
        if found is None:
            raise forms.ValidationError(phones.INVALID)
        return found

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        unit, villages = data.get("unit"), data.get("villages")
        if unit is not None and villages:
            try:
                services.check_villages(unit, villages)
            except Invalid as exc:
                self.add_error("villages", exc.message)
        return data
