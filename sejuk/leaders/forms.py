from __future__ import annotations

from django import forms

from .models import CATEGORIES


class LeaderForm(forms.Form):
    region = forms.CharField(
        label="Kode desa/kelurahan", max_length=13, help_text="Cari kodenya di halaman Wilayah."
    )
    name = forms.CharField(label="Nama", max_length=120)
    category = forms.ChoiceField(label="Kategori", choices=CATEGORIES)
    role = forms.CharField(label="Kedudukan", max_length=120, required=False)
    phone = forms.CharField(label="Telepon", max_length=30, required=False)
    notes = forms.CharField(
        label="Catatan",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Jangan mencatat pilihan atau dukungan politik siapa pun.",
    )
