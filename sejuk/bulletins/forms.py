"""The release editor: the draft's title and text as Humas changes them."""

from __future__ import annotations

from django import forms


class ReleaseForm(forms.Form):
    templat = forms.CharField(required=False, max_length=60, widget=forms.HiddenInput)
    title = forms.CharField(label="Judul", max_length=300, widget=forms.Textarea(attrs={"rows": 3}))
    body = forms.CharField(
        label="Naskah",
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text="Paragraf dipisah satu baris kosong.",
    )
