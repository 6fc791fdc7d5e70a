from django.contrib import admin
from django.http import HttpRequest

from .models import Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "postal_code")
    list_filter = ("level", "kind")
    search_fields = ("code", "name")
    ordering = ("code",)
    readonly_fields = ("code", "level", "kind", "parent")
    fields = ("code", "name", "level", "kind", "parent", "postal_code", "lat", "lng")
    show_full_result_count = False

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.user.is_staff  # public reference data

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return request.user.is_superuser  # only the national administrator edits names

    def has_add_permission(self, request: HttpRequest) -> bool:
        # The list comes from the Kemendagri decree (`sejuk regions load`), not by hand.
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
