"""Admin pages for users, tokens, the audit log, units and officers, all under the area
rule: an administrator of a Polres manages the users and officers of that Polres and the
units below it."""

from __future__ import annotations

from typing import Any

from axes.utils import reset
from django import forms
from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from sejuk.regions.models import Region
from sejuk.units.forms import OfficerForm
from sejuk.units.models import Officer, Unit

from .access import current_viewer, region_q
from .audit import record
from .audit import subject as audit_subject
from .models import ApiToken, AuditAction, AuditEvent, Role, User, UserRole


class ScopedAdmin(admin.ModelAdmin):
    """Admin for administrators of a unit: the rows of their area only. Subclasses name
    the field that holds the unit (``unit_field``)."""

    unit_field = "unit"

    def _allowed(self, request: HttpRequest) -> bool:
        return bool(request.user.is_superuser or current_viewer(request).can("user.manage"))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._allowed(request)

    def _unit_ids(self, request: HttpRequest) -> frozenset[int] | None:
        return None if request.user.is_superuser else current_viewer(request).unit_ids

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        unit_ids = self._unit_ids(request)
        if unit_ids is None:
            return qs
        return qs.filter(**{f"{self.unit_field}__in": list(unit_ids)})

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # A choice of unit or officer is limited to the administrator's area too.
        unit_ids = self._unit_ids(request)
        if unit_ids is not None and db_field.related_model is Unit:
            kwargs["queryset"] = Unit.objects.filter(pk__in=list(unit_ids))
        if unit_ids is not None and db_field.related_model is Officer:
            kwargs["queryset"] = Officer.objects.filter(unit_id__in=list(unit_ids))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Regions a unit covers or an officer is assigned stay inside the administrator's
        # own area: an administrator cannot widen their reach by editing a unit.
        if db_field.related_model is Region and not request.user.is_superuser:
            area = current_viewer(request).area
            kwargs["queryset"] = Region.objects.filter(region_q(area, "code"))
        return super().formfield_for_manytomany(db_field, request, **kwargs)


# Roles are Sejuk's own (UserRole); Django's groups are not used.
admin.site.unregister(Group)


class RoleInline(admin.TabularInline):
    model = UserRole
    extra = 1
    verbose_name = "peran"
    verbose_name_plural = "peran"


@admin.register(User)
class UserAdmin(ScopedAdmin, BaseUserAdmin):
    inlines = [RoleInline]
    list_display = ("username", "first_name", "last_name", "unit", "is_active", "last_login")
    list_filter = ("is_active", "roles__role", "unit__level")
    search_fields = ("username", "first_name", "last_name", "unit__name")
    autocomplete_fields = ("unit", "officer")
    list_select_related = ("unit",)
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Identitas", {"fields": ("first_name", "last_name", "email")}),
        ("Satuan", {"fields": ("unit", "officer")}),
        ("Status", {"fields": ("is_active", "must_change_password", "is_staff")}),
        ("Waktu", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"fields": ("username", "password1", "password2", "unit", "officer")}),)
    readonly_fields = ("last_login", "date_joined")
    actions = ["unlock"]

    @admin.action(description="Buka kunci masuk (setelah salah kata sandi berulang)")
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            reset(username=user.get_username())
        messages.success(request, f"Kunci {queryset.count()} pengguna dibuka.")

    def user_change_password(
        self, request: HttpRequest, id: str, form_url: str = ""
    ) -> HttpResponse:
        """An administrator's reset: the user must choose a new password at sign-in."""
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            User.objects.filter(pk=id).update(must_change_password=True)
            record(AuditAction.PASSWORD_RESET, request=request, object_type="user", object_id=id)
        return response

    def save_related(
        self, request: HttpRequest, form: forms.ModelForm, formsets: Any, change: bool
    ) -> None:
        super().save_related(request, form, formsets, change)
        user = form.instance
        is_admin = user.roles.filter(role=Role.ADMIN).exists()
        if user.is_staff != is_admin and not user.is_superuser:
            User.objects.filter(pk=user.pk).update(is_staff=is_admin)


@admin.register(ApiToken)
class ApiTokenAdmin(ScopedAdmin):
    unit_field = "user__unit"
    list_display = ("name", "user", "prefix", "created_at", "last_used_at", "revoked_at")
    list_filter = ("revoked_at",)
    search_fields = ("name", "prefix", "user__username")
    readonly_fields = ("user", "name", "prefix", "created_at", "last_used_at", "revoked_at")
    exclude = ("digest",)
    actions = ["revoke"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # tokens are created by their owner, on the Token API page

    @admin.action(description="Cabut token terpilih")
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        count = queryset.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
        messages.success(request, f"{count} token dicabut.")


@admin.register(AuditEvent)
class AuditEventAdmin(ScopedAdmin):
    list_display = ("created_at", "actor_name", "unit", "action", "subject", "ip")
    list_filter = ("action",)
    search_fields = ("actor_name", "object_type", "object_id")
    date_hierarchy = "created_at"

    @admin.display(description="objek")
    def subject(self, event: AuditEvent) -> str:
        return audit_subject(event.object_type, event.object_id)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return bool(request.user.is_superuser or current_viewer(request).can("audit.read"))

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


# Units and officers are managed under the same rule: an administrator of a Polres edits
# the units below it and their officers.
@admin.register(Unit)
class UnitAdmin(ScopedAdmin):
    unit_field = "pk"
    list_display = ("name", "level", "parent", "home_region", "commander", "active", "is_default")
    list_filter = ("level", "active", "is_default")
    search_fields = ("name", "aliases", "home_region__name", "home_region__code")
    autocomplete_fields = ("parent", "home_region", "area", "commander")
    list_select_related = ("parent", "home_region", "commander")
    show_full_result_count = False

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        # Where a unit sits in the chain is for the national administrator to change.
        if request.user.is_superuser:
            return ()
        return ("level", "parent")


@admin.register(Officer)
class OfficerAdmin(ScopedAdmin):
    form = OfficerForm
    list_display = ("name", "rank", "position", "unit", "is_bhabinkamtibmas", "active")
    list_filter = ("is_bhabinkamtibmas", "active", "unit__level")
    search_fields = ("name", "nrp", "unit__name")
    autocomplete_fields = ("unit", "villages")
    list_select_related = ("unit",)
