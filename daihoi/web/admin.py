"""Django's admin, read-only, when DAIHOI_ADMIN=1: it may show the records but never change
them, so that every change (a role above all) goes through an action and its audit event."""

from typing import Any

from django.apps import apps
from django.contrib import admin
from django.http import HttpRequest


class ReadOnlyAdmin(admin.ModelAdmin):  # type: ignore[type-arg]  # generic in the stubs only
    """No add, change or delete permission: the admin lists and shows, nothing more."""

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


def read_only_site() -> admin.AdminSite:
    """The admin site with every model of the installation registered read-only."""
    site = admin.site
    for model in apps.get_models():
        if site.is_registered(model):
            site.unregister(model)
        site.register(model, ReadOnlyAdmin)
    return site
