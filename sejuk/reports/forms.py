"""Forms: the citizen's report, the case check, and the officers' steps on a case."""

from __future__ import annotations

from django import forms

from sejuk.widgets import DateInput, TimeInput

from .models import CATEGORIES, Referral, Settlement, State, Urgency

TEXTAREA = forms.Textarea(attrs={"rows": 5})


class ReportForm(forms.Form):
    """The public "Lapor" form. It asks no political preference and needs no account."""

    category = forms.ChoiceField(label="Jenis kejadian", choices=[("", "Pilih…"), *CATEGORIES])
    description = forms.CharField(
        label="Apa yang terjadi?",
        widget=TEXTAREA,
        max_length=5000,
        help_text="Ceritakan apa, siapa (tanpa perlu nama), dan bagaimana.",
    )
    place_text = forms.CharField(
        label="Di mana?",
        max_length=200,
        required=False,
        help_text="Desa/kelurahan dan kecamatan, boleh dengan patokan: mis. Desa Sekotong Barat, "
        "Kec. Sekotong, dekat pasar",
    )
    region = forms.CharField(required=False, max_length=13, widget=forms.HiddenInput)
    occurred_on = forms.DateField(label="Kapan?", required=False, widget=DateInput)
    occurred_time = forms.TimeField(label="Jam", required=False, widget=TimeInput)
    happening_now = forms.BooleanField(label="Kejadian sedang berlangsung sekarang", required=False)
    photo = forms.FileField(label="Foto (boleh kosong)", required=False)
    anonymous = forms.BooleanField(
        label="Kirim tanpa identitas (anonim)", required=False, initial=True
    )
    name = forms.CharField(label="Nama", max_length=100, required=False)
    phone = forms.CharField(label="Nomor telepon/WhatsApp", max_length=20, required=False)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, widget=forms.HiddenInput)


class CheckForm(forms.Form):
    kode = forms.CharField(label="Kode laporan", max_length=20)


class InformationForm(forms.Form):
    kode = forms.CharField(max_length=20, widget=forms.HiddenInput)
    body = forms.CharField(
        label="Informasi tambahan", widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )


class MoveForm(forms.Form):
    to = forms.ChoiceField(label="Status baru", choices=State.choices)
    reason = forms.CharField(label="Alasan", required=False, max_length=500)
    referred_to = forms.ChoiceField(
        label="Dirujuk ke", choices=[("", "-"), *Referral.choices], required=False
    )
    settlement = forms.ChoiceField(
        label="Cara penyelesaian", choices=[("", "-"), *Settlement.choices], required=False
    )
    parties = forms.CharField(label="Para pihak", required=False, max_length=1000)
    agreement = forms.CharField(
        label="Catatan kesepakatan",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
    follow_up_on = forms.DateField(label="Tindak lanjut pada", required=False, widget=DateInput)


class OfficerReportForm(forms.Form):
    text = forms.CharField(
        label="Tempel pesan yang diteruskan", widget=TEXTAREA, required=False, max_length=5000
    )
    category = forms.ChoiceField(
        label="Jenis kejadian", choices=[("", "Pilih…"), *CATEGORIES], required=False
    )
    urgency = forms.ChoiceField(
        label="Urgensi", choices=[("", "Menurut jenis"), *Urgency.choices], required=False
    )
    description = forms.CharField(label="Uraian", widget=TEXTAREA, max_length=5000, required=False)
    region = forms.CharField(label="Kode wilayah", max_length=13, required=False)
    place_text = forms.CharField(label="atau nama tempat", max_length=200, required=False)
    occurred_on = forms.DateField(label="Tanggal kejadian", required=False, widget=DateInput)
    channel = forms.ChoiceField(
        label="Diterima lewat",
        choices=[
            ("officer", "Dicatat petugas"),
            ("whatsapp", "WhatsApp"),
            ("telegram", "Telegram"),
            ("sms", "SMS"),
        ],
    )
