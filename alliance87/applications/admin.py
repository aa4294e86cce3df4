from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from alliance87.applications.models import Application, ApplicationEvent


class ApplicationEventInline(admin.TabularInline):
    model = ApplicationEvent
    extra = 0
    fields = ["at", "status", "actor", "note"]
    readonly_fields = ["at", "status", "actor", "note"]
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Read-only here: decisions go through the review page, which emails
    the applicant and writes the records acceptance implies."""

    list_display = ["organisation_name", "kind", "status", "stakeholder_type", "email", "created"]
    list_filter = ["status", "kind", "stakeholder_type", "group"]
    search_fields = ["organisation_name", "contact_name", "email"]
    date_hierarchy = "created"
    readonly_fields = [f.name for f in Application._meta.fields]
    inlines = [ApplicationEventInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def view_on_site(self, obj: Application) -> str:
        return obj.get_absolute_url()
