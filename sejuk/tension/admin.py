"""The administrator's side of the picture: baseline figures, imported from a CSV with a
source per row (``imports``), and listed with their sources; and the stages of elections
added to the shipped calendar."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from sejuk.accounts.access import current_viewer
from sejuk.errors import Invalid
from sejuk.regions.models import Level, Region

from . import imports, services
from .models import Baseline, ElectionStage

MAX_BYTES = 5_000_000


class ImportForm(forms.Form):
    file = forms.FileField(label="Berkas CSV (kode, skor, kelas_tps, sumber)")


@admin.register(Baseline)
class BaselineAdmin(admin.ModelAdmin):
    list_display = ("region_code", "score", "tps_class", "source", "imported_at")
    search_fields = ("region_code", "source")
    change_list_template = "admin/tension/baseline_changelist.html"

    def has_module_permission(self, request: HttpRequest) -> bool:
        # Administrators read the figures; importing them changes the whole nation's
        # tension, so it is for the superuser (no area rule for imports yet).
        return bool(request.user.is_superuser or current_viewer(request).can("user.manage"))

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self.has_module_permission(request)

    def _may_import(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_superuser)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # by CSV, each row with its source

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may_import(request)

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view(self.import_view)
        return [path("impor/", view, name="tension_baseline_import"), *super().get_urls()]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not self._may_import(request):
            return HttpResponse("Impor hanya untuk superuser.", status=403)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                if upload.size > MAX_BYTES:
                    raise Invalid("Berkas terlalu besar (paling besar 5 MB).", {"file": "besar"})
                text = upload.read().decode("utf-8")
                rows = imports.parse(text)
            except UnicodeDecodeError:
                form.add_error("file", "Berkas harus CSV UTF-8. Tidak ada yang diubah.")
            except Invalid as exc:
                form.add_error("file", exc.message)
            else:
                with transaction.atomic():
                    n = imports.store(rows)
                services.recompute_today()
                messages.success(
                    request,
                    f"{n} angka kerawanan dasar diimpor; kerawanan hari ini dihitung ulang.",
                )
                return HttpResponseRedirect(reverse("admin:tension_baseline_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "form": form,
            "title": "Impor kerawanan dasar",
        }
        return TemplateResponse(request, "admin/tension/baseline_import.html", context)


class StageForm(forms.ModelForm):
    class Meta:
        model = ElectionStage
        fields = ("region_code", "name", "day", "source")

    def clean_region_code(self) -> str:
        code = (self.cleaned_data.get("region_code") or "").strip()
        if (
            code
            and not Region.objects.filter(
                code=code, level__in=(Level.PROVINSI, Level.KABKOTA)
            ).exists()
        ):
            raise forms.ValidationError(
                "Kode ini bukan provinsi atau kabupaten/kota yang dikenal (contoh: 52 atau "
                "52.01). Kosongkan untuk seluruh Indonesia."
            )
        return code


@admin.register(ElectionStage)
class ElectionStageAdmin(admin.ModelAdmin):
    """The calendar's additions: administrators add the stages Sejuk does not ship (a new
    re-vote, the next election's days); the tension's election part counts them at its
    next recompute."""

    form = StageForm
    list_display = ("day", "name", "region_code", "source", "added_at")
    search_fields = ("name", "region_code", "source")

    def _may(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or current_viewer(request).can("user.manage"))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._may(request)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        messages.info(
            request,
            "Tahapan tersimpan. Bagian 'tahapan pemilihan' pada kerawanan desa ikut "
            f"menghitungnya pada penghitungan berikutnya (paling lambat "
            f"{settings.TENSION_RECOMPUTE_MINUTES} menit).",
        )
