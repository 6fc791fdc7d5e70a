"""The activity form: what an officer fills in on a phone, or what the text reader fills
in for them from a pasted message."""

from __future__ import annotations

import re
from typing import Any, cast

from django import forms

from sejuk.accounts.access import Viewer
from sejuk.leaders.services import LeaderFilter, leaders
from sejuk.params import whole_number
from sejuk.reference.taxonomy import ACTIVITY_TYPES, PARTICIPANTS
from sejuk.regions.names import place_name
from sejuk.regions.services import search_regions
from sejuk.units.models import Officer, Unit
from sejuk.widgets import DateInput, TimeInput

from .services import REQUIRED, RULES, UNSET, ActivityInput, StaleEdit


def _units(viewer: Viewer) -> list[tuple[int, str]]:
    """The units a user may log for: their own and the two levels below it."""
    if viewer.unit_id is None:
        return []
    own = Unit.objects.filter(pk=viewer.unit_id)
    below = Unit.objects.filter(parent_id=viewer.unit_id, active=True)
    below2 = Unit.objects.filter(parent__parent_id=viewer.unit_id, active=True)
    units = list(own) + list(below.order_by("name")) + list(below2.order_by("name"))
    return [(u.pk, u.name) for u in units[:400]]


def _choices(name: str) -> list[tuple[str, str]]:
    """A field's vocabulary, from the service's rule for it (services.RULES)."""
    return list((RULES[name].choices or {}).items())


def _whole(bound: float | None) -> int | None:
    return int(bound) if bound is not None else None


CODE = re.compile(r"\d{2}(\.\d{2}){0,2}(\.\d{4})?")


class PlaceInput(forms.TextInput):
    """A place by its name, its Kemendagri code kept beside it in a hidden input.

    The person reads "Desa Sekotong Barat, Kec. Sekotong, Kab. Lombok Barat"; the code
    comes back with the form, and stands for the place as long as the name shown with
    it is left as it was. A name typed over it is looked up again (region_code)."""

    template_name = "activities/place_input.html"

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        text = (data.get(name) or "").strip()
        code = (data.get(f"{name}_code") or "").strip()
        if code and CODE.fullmatch(code) and text in (code, place_name(code)):
            return code
        return data.get(name)

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        code = str(value).strip() if value and CODE.fullmatch(str(value).strip()) else ""
        context = super().get_context(name, place_name(code) if code else value, attrs)
        context["widget"]["code"] = code
        return context


REGION_HELP = "nama desa, boleh dengan kecamatannya (atau kode Kemendagri)"


def region_code(value: str, viewer: Viewer, capability: str = "activity.write") -> str:
    """A region field holds a code or a name: a name is looked up inside the user's area,
    so an officer need not know the Kemendagri code of the desa they stand in."""
    value = value.strip()
    if not value or CODE.fullmatch(value):
        return value
    found = [
        m
        for m in search_regions(value, within=viewer.region_area(capability) or ())
        if m.score >= 0.5
    ]
    inside = [m for m in found if viewer.covers(capability, m.code)]
    if found and not inside:
        raise forms.ValidationError(f"{found[0].path} di luar wilayah satuan Anda")
    if not inside:
        raise forms.ValidationError("wilayah tidak dikenali; tulis nama desa dan kecamatannya")
    found = inside
    best = [m for m in found if m.score == found[0].score]
    if len(best) > 1:
        options = "; ".join(f"{m.path} ({m.code})" for m in best[:4])
        raise forms.ValidationError(f"ada beberapa wilayah bernama itu, tulis kodenya: {options}")
    return best[0].code


class ActivityForm(forms.Form):
    text = forms.CharField(
        label="Tempel pesan",
        required=False,
        widget=forms.Textarea(
            attrs={
                "rows": 5,
                "placeholder": "Tempel laporan WhatsApp di sini, lalu tekan Baca pesan",
            }
        ),
        max_length=20000,
    )
    unit_id = forms.TypedChoiceField(label="Satuan", coerce=int, required=False, empty_value=None)
    region = forms.CharField(
        label="Desa/kelurahan",
        max_length=200,
        required=False,
        help_text=REGION_HELP,
        widget=PlaceInput,
    )
    dusun = forms.CharField(
        label="Dusun/lingkungan", max_length=RULES["dusun"].max_length, required=False
    )
    landmark = forms.CharField(
        label="Lokasi (jalan, masjid, pos kamling)",
        max_length=RULES["landmark"].max_length,
        required=False,
    )
    date = forms.DateField(label="Tanggal", required=False, widget=DateInput)
    start_time = forms.TimeField(label="Jam mulai", required=False, widget=TimeInput)
    end_time = forms.TimeField(label="Jam selesai", required=False, widget=TimeInput)
    types = forms.MultipleChoiceField(
        label="Jenis kegiatan",
        choices=_choices("types"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.MultipleChoiceField(
        label="Peserta",
        choices=_choices("participants"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    personnel_count = forms.IntegerField(
        label="Jumlah personel",
        min_value=_whole(RULES["personnel_count"].minimum),
        max_value=_whole(RULES["personnel_count"].maximum),
        required=False,
    )
    online = forms.BooleanField(label="Daring (online)", required=False)
    officer_ids = forms.TypedMultipleChoiceField(label="Personel", coerce=int, required=False)
    leader_ids = forms.TypedMultipleChoiceField(
        label="Tokoh yang ditemui", coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    summary = forms.CharField(
        label="Uraian kegiatan",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=RULES["summary"].max_length,
    )
    findings = forms.CharField(
        label="Hasil/temuan",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        max_length=RULES["findings"].max_length,
    )
    situation = forms.ChoiceField(
        label="Situasi",
        choices=[("", "Tidak disebut"), *_choices("situation")],
        required=False,
        widget=forms.RadioSelect,
    )
    follow_up = forms.BooleanField(label="Perlu tindak lanjut", required=False)
    follow_up_note = forms.CharField(
        label="Catatan tindak lanjut",
        required=False,
        max_length=RULES["follow_up_note"].max_length,
    )
    election = forms.ChoiceField(
        label="Pemilihan", choices=[("", "-"), *_choices("election")], required=False
    )
    phase = forms.ChoiceField(
        label="Tahapan", choices=[("", "-"), *_choices("phase")], required=False
    )
    lat = forms.FloatField(required=False, widget=forms.HiddenInput)
    lng = forms.FloatField(required=False, widget=forms.HiddenInput)
    reason = forms.CharField(label="Alasan perubahan", required=False, max_length=500)
    # The version of the activity the form was opened on (services.update_activity).
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A count beside each participant category ("jumlah_warga"), a field like any
        # other so that an edit form shows the counts it was given.
        for code, label in PARTICIPANTS.items():
            self.fields[count_name(code)] = forms.IntegerField(
                label=f"jumlah {label.lower()}",
                min_value=_whole(RULES["participants"].minimum),
                max_value=_whole(RULES["participants"].maximum),
                required=False,
                widget=forms.NumberInput(
                    attrs={"class": "count", "placeholder": "jml", "aria-label": f"jumlah {label}"}
                ),
            )
        units = _units(viewer)
        cast(forms.ChoiceField, self.fields["unit_id"]).choices = units
        cast(forms.ChoiceField, self.fields["officer_ids"]).choices = _officers(
            [pk for pk, _ in units], self._chosen("officer_ids")
        )
        cast(forms.ChoiceField, self.fields["leader_ids"]).choices = _leaders(
            viewer, self, self._chosen("leader_ids")
        )
        # What the service requires (services.REQUIRED), asked of the browser too, so a
        # weak signal is not spent on a form that will come back; the types are checked
        # by the server alone (a browser cannot require "one box of these").
        for name in REQUIRED:
            if name != "types":
                self.fields[name].widget.attrs["required"] = True
        self.counts: dict[str, int | None] = {}
        self.viewer = viewer
        self.stale: StaleEdit | None = None  # set when a save was refused as stale

    def _chosen(self, name: str) -> list[int]:
        """The ids already chosen (posted, or the record's own): always offered, so that
        an edit never drops a person who is not in the usual list."""
        data: Any = self.data
        if not self.is_bound:
            raw = self.initial.get(name) or []
        elif hasattr(data, "getlist"):
            raw = data.getlist(name)
        else:
            raw = data.get(name) or []
            raw = raw if isinstance(raw, list) else [raw]
        return [n for n in map(whole_number, raw) if n is not None]

    def participant_rows(self) -> list[tuple[Any, forms.BoundField]]:
        """Each participant box with its count, for the template."""
        return [(box, self[count_name(box.data["value"])]) for box in self["participants"]]

    def clean_region(self) -> str:
        return region_code(self.cleaned_data["region"], self.viewer)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        ticked = list(data.get("participants") or [])
        # A count typed beside a box not ticked says those people were there.
        for code in PARTICIPANTS:
            if code not in ticked and data.get(count_name(code)):
                ticked.append(code)
        data["participants"] = ticked
        self.counts = {code: data.get(count_name(code)) for code in ticked}
        return data

    def to_input(self) -> ActivityInput:
        d = self.cleaned_data
        return ActivityInput(
            unit_id=d["unit_id"] if d["unit_id"] is not None else UNSET,
            region=d["region"],
            dusun=d["dusun"],
            landmark=d["landmark"],
            lat=d["lat"],
            lng=d["lng"],
            online=d["online"],
            date=d["date"],
            start_time=d["start_time"],
            end_time=d["end_time"],
            types=d["types"],
            participants={c: self.counts.get(c) for c in d["participants"]},
            personnel_count=d["personnel_count"],
            officer_ids=d["officer_ids"],
            leader_ids=d["leader_ids"],
            summary=d["summary"],
            findings=d["findings"],
            situation=d["situation"],
            follow_up=d["follow_up"],
            follow_up_note=d["follow_up_note"],
            election=d["election"],
            phase=d["phase"],
        )


def count_name(code: str) -> str:
    return f"jumlah_{code}"


def _officers(unit_ids: list[int], chosen: list[int]) -> list[tuple[int, str]]:
    officers = Officer.objects.select_related("unit").order_by("unit__name", "name")
    usual = officers.filter(unit_id__in=unit_ids, active=True).exclude(pk__in=chosen)[:300]
    found = sorted([*officers.filter(pk__in=chosen), *usual], key=lambda o: (o.unit.name, o.name))
    return [(o.pk, f"{o} – {o.unit.name}") for o in found]


def _leaders(viewer: Viewer, form: forms.Form, chosen: list[int]) -> list[tuple[int, str]]:
    """The leaders of the activity's desa (or of the officer's own desa) to tick, and
    those already ticked."""
    if not viewer.can("leader.read"):
        return []
    region = (form.data.get("region_code") or form.data.get("region")) if form.is_bound else None
    region = region or form.initial.get("region")
    codes = [str(region)] if region else list(viewer.villages)
    visible = leaders(viewer, LeaderFilter(include_inactive=True))
    usual = visible.filter(region_id__in=codes, active=True).exclude(pk__in=chosen)[:60]
    found = sorted([*visible.filter(pk__in=chosen), *usual], key=lambda x: x.name)
    return [(x.pk, f"{x.name} ({x.get_category_display()})") for x in found]


def initial_from_values(values: ActivityInput | dict[str, Any]) -> dict[str, Any]:
    """A form's initial data from an activity's input (a record's own, the reader's, a
    plan's): the inverse of ActivityForm.to_input, so a form saved untouched gives back
    what it was opened with."""
    given = values.given() if isinstance(values, ActivityInput) else dict(values)
    out = {k: v for k, v in given.items() if v is not UNSET}
    participants = out.pop("participants", None)
    if participants is not None:
        out["participants"] = list(participants)
        for code, count in dict(participants).items():
            out[count_name(code)] = count
    return out


class PhotoForm(forms.Form):
    photo = forms.FileField(label="Foto")
    keep_location = forms.BooleanField(label="Simpan lokasi foto", required=False)


class DeleteForm(forms.Form):
    reason = forms.CharField(label="Alasan menghapus", min_length=5, max_length=500)


class ImportForm(forms.Form):
    file = forms.FileField(label="Berkas XLSX atau CSV")
    partial = forms.BooleanField(
        label="Impor baris yang benar saja bila ada yang salah", required=False
    )


class PlanForm(forms.Form):
    title = forms.CharField(label="Judul", max_length=150)
    type_code = forms.ChoiceField(label="Jenis", choices=list(ACTIVITY_TYPES.items()))
    unit_id = forms.TypedChoiceField(label="Satuan", coerce=int)
    region = forms.CharField(label="Desa/kelurahan", max_length=200, help_text=REGION_HELP)
    weekday = forms.TypedChoiceField(
        label="Setiap hari",
        coerce=int,
        required=False,
        empty_value=None,
        choices=[
            ("", "-"),
            (0, "Senin"),
            (1, "Selasa"),
            (2, "Rabu"),
            (3, "Kamis"),
            (4, "Jumat"),
            (5, "Sabtu"),
            (6, "Minggu"),
        ],
    )
    every_days = forms.IntegerField(
        label="atau setiap N hari", min_value=1, max_value=90, required=False
    )
    starts_on = forms.DateField(label="Mulai", required=False, widget=DateInput)

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["unit_id"]).choices = _units(viewer)
        self.viewer = viewer

    def clean_region(self) -> str:
        return region_code(self.cleaned_data["region"], self.viewer)
