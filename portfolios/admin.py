from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from portfolios.models import Artifact, Portfolio, Revision, User


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "headline", "is_staff", "is_active", "date_joined"]
    list_filter = ["is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "display_name", "headline"]
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        ("Profile", {"fields": ("display_name", "headline")}),
        ("Permissions", {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")}),
        ("Dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)


class ArtifactInline(admin.TabularInline):
    model = Artifact
    fields = ["kind", "status", "version", "updated_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True


@admin.register(Portfolio)
class PortfolioAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "track", "created_at", "updated_at"]
    list_filter = ["track"]
    search_fields = ["owner__email", "owner__display_name"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    inlines = [ArtifactInline]


@admin.register(Artifact)
class ArtifactAdmin(admin.ModelAdmin):
    list_display = ["id", "kind", "portfolio", "status", "version", "updated_at"]
    list_filter = ["kind", "status", "portfolio__track"]
    search_fields = ["portfolio__owner__email"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio"]
    readonly_fields = ["version", "check_result", "checked_version", "created_at", "updated_at"]


@admin.register(Revision)
class RevisionAdmin(admin.ModelAdmin):
    list_display = ["id", "artifact", "number", "status", "author", "note", "created_at"]
    list_filter = ["status", "artifact__kind"]
    search_fields = ["artifact__portfolio__owner__email", "note"]
    list_select_related = ["artifact", "author"]
    raw_id_fields = ["artifact", "author"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # revisions are history: never edited

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
