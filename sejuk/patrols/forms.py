"""The patrol plan's forms: the request, and the edits of a draft (plain forms that work
on a phone without JavaScript)."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms

from sejuk.accounts.access import Viewer
from sejuk.activities.forms import REGION_HELP, region_code
from sejuk.widgets import DateInput

from .services import CAPABILITY, MAX_HOURS, MAX_TEAMS, officers_of, plannable_units

SEPARATORS = re.compile(r"[;\n]+")


def _desa_list(value: str, viewer: Viewer) -> list[str]:
    """Desa named one a line (or separated by ";"), each by name or code."""
    codes, errors = [], []
    for part in SEPARATORS.split(value or ""):
        part = part.strip()
        if not part:
            continue
        try:
            codes.append(region_code(part, viewer, CAPABILITY))
        except forms.ValidationError as exc:
            errors.append(f"{part}: {exc.messages[0]}")
    if errors:
        raise forms.ValidationError(errors)
    return codes


class RequestForm(forms.Form):
    unit_id = forms.TypedChoiceField(label="Wilayah (satuan)", coerce=int)
    day = forms.DateField(label="Tanggal patroli", widget=DateInput)
    teams = forms.IntegerField(
        label="Jumlah tim",
        min_value=1,
        max_value=MAX_TEAMS,
        required=False,
        help_text="atau pilih personel di bawah: satu tim untuk setiap personel",
    )
    hours = forms.FloatField(label="Jam per tim", min_value=0.5, max_value=MAX_HOURS)
    officer_ids = forms.TypedMultipleChoiceField(
        label="Personel (opsional)",
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    include = forms.CharField(
        label="Desa yang harus masuk (opsional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="satu desa per baris: " + REGION_HELP,
    )
    avoid = forms.CharField(
        label="Desa yang dihindari (opsional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="satu desa per baris",
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer
        units = plannable_units(viewer)
        cast(forms.ChoiceField, self.fields["unit_id"]).choices = [(u.pk, u.name) for u in units]
        officers = officers_of(units[0])[:200] if units else []
        cast(forms.ChoiceField, self.fields["officer_ids"]).choices = [
            (o.pk, f"{o} ({o.position or o.unit.name})") for o in officers
        ]

    def clean_include(self) -> list[str]:
        return _desa_list(self.cleaned_data["include"], self.viewer)

    def clean_avoid(self) -> list[str]:
        return _desa_list(self.cleaned_data["avoid"], self.viewer)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("teams") and not data.get("officer_ids"):
            self.add_error("teams", "isi jumlah tim atau pilih personel")
        return data


class MoveForm(forms.Form):
    stop = forms.IntegerField(min_value=1)
    team = forms.IntegerField(label="Pindah ke", min_value=0, max_value=MAX_TEAMS)


class AddForm(forms.Form):
    region = forms.CharField(label="Desa/kelurahan", max_length=200, help_text=REGION_HELP)
    team = forms.IntegerField(label="Ke tim", min_value=1, max_value=MAX_TEAMS)

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.viewer = viewer

    def clean_region(self) -> str:
        return region_code(self.cleaned_data["region"], self.viewer, CAPABILITY)
