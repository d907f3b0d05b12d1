from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from portfolios.content_versions import content_changed
from portfolios.models import (
    Artifact,
    Comment,
    DrillAttempt,
    EmployerNote,
    HistoryPurge,
    InterviewStory,
    MentorInvite,
    Notification,
    Portfolio,
    ReviewRequest,
    ReviewScore,
    Revision,
    ShareLink,
    StagePlan,
    TargetJob,
    ThrottleBucket,
    User,
    Verdict,
)


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


class BumpsContentVersion:
    """An admin edit is a write like any other: cached share pages and dashboards must not go stale.

    (Deleting is refused anyway: it would take revisions with it, and revisions are never deleted.)
    """

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        portfolio = obj if isinstance(obj, Portfolio) else obj.portfolio
        content_changed(owner_id=portfolio.owner_id, portfolio_id=portfolio.pk)


@admin.register(Portfolio)
class PortfolioAdmin(BumpsContentVersion, admin.ModelAdmin):
    list_display = ["id", "owner", "track", "created_at", "updated_at"]
    list_filter = ["track"]
    search_fields = ["owner__email", "owner__display_name"]
    list_select_related = ["owner"]
    raw_id_fields = ["owner"]
    readonly_fields = ["content_version", "created_at", "updated_at"]
    inlines = [ArtifactInline]


@admin.register(Artifact)
class ArtifactAdmin(BumpsContentVersion, admin.ModelAdmin):
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


@admin.register(ShareLink)
class ShareLinkAdmin(admin.ModelAdmin):
    list_display = ["label", "portfolio", "created_at", "expires_at", "revoked_at", "view_count", "last_viewed_at"]
    list_filter = ["portfolio__track", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["label", "portfolio__owner__email"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio"]
    readonly_fields = ["token_hash", "view_count", "last_viewed_at", "created_at", "updated_at"]


@admin.register(MentorInvite)
class MentorInviteAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "portfolio", "status", "user", "accepted_at", "revoked_at"]
    list_filter = ["status", "portfolio__track"]
    search_fields = ["email", "display_name", "portfolio__owner__email"]
    list_select_related = ["portfolio__owner", "user"]
    raw_id_fields = ["portfolio", "user"]
    readonly_fields = ["token_hash", "created_at", "updated_at"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["id", "author_name", "artifact", "section", "thread", "resolved_at", "created_at"]
    list_filter = [("resolved_at", admin.EmptyFieldListFilter), "artifact__kind"]
    search_fields = ["author_name", "body", "artifact__portfolio__owner__email"]
    list_select_related = ["artifact", "thread"]
    raw_id_fields = ["artifact", "thread", "author", "author_invite"]


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ["artifact", "invite", "call", "artifact_version", "updated_at"]
    list_filter = ["call", "artifact__kind"]
    search_fields = ["invite__email", "invite__display_name", "artifact__portfolio__owner__email"]
    list_select_related = ["artifact", "invite"]
    raw_id_fields = ["artifact", "invite"]


@admin.register(ReviewScore)
class ReviewScoreAdmin(admin.ModelAdmin):
    list_display = ["artifact", "invite", "row", "score", "agrees_with_checker", "artifact_version", "updated_at"]
    list_filter = ["row", "score", "artifact__kind"]
    search_fields = ["invite__email", "invite__display_name", "artifact__portfolio__owner__email"]
    list_select_related = ["artifact", "invite__user"]
    raw_id_fields = ["artifact", "invite"]


@admin.register(ReviewRequest)
class ReviewRequestAdmin(admin.ModelAdmin):
    list_display = ["artifact", "invite", "artifact_version", "created_at"]
    search_fields = ["invite__email", "artifact__portfolio__owner__email"]
    list_select_related = ["artifact", "invite__user"]
    raw_id_fields = ["artifact", "invite"]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "message", "read_at", "created_at"]
    list_filter = ["kind", ("read_at", admin.EmptyFieldListFilter)]
    search_fields = ["recipient__email", "message"]
    list_select_related = ["recipient"]
    # Notifications are written by the app only: the users' unread counts are kept in step with them.
    readonly_fields = ["recipient", "kind", "message", "url", "read_at", "created_at", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ThrottleBucket)
class ThrottleBucketAdmin(admin.ModelAdmin):
    list_display = ["key", "window_start", "count", "updated_at"]
    search_fields = ["key"]
    readonly_fields = ["key", "window_start", "count", "created_at", "updated_at"]


@admin.register(HistoryPurge)
class HistoryPurgeAdmin(admin.ModelAdmin):
    """The audit trail of history purges: counts only, written by the app, never edited."""

    list_display = ["artifact", "actor", "revisions_rewritten", "identifiers_removed", "created_at"]
    list_select_related = ["artifact", "actor"]
    readonly_fields = ["artifact", "actor", "revisions_rewritten", "identifiers_removed", "created_at", "updated_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(InterviewStory)
class InterviewStoryAdmin(admin.ModelAdmin):
    list_display = ["portfolio", "slot", "version", "updated_at"]
    list_filter = ["slot"]
    search_fields = ["portfolio__owner__email"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio"]
    readonly_fields = ["version", "check_result", "created_at", "updated_at"]


@admin.register(StagePlan)
class StagePlanAdmin(admin.ModelAdmin):
    list_display = ["portfolio", "stage", "lead_kind", "updated_at"]
    list_filter = ["stage"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio", "lead_story"]


@admin.register(DrillAttempt)
class DrillAttemptAdmin(admin.ModelAdmin):
    """Rehearsal answers are the candidate's own: listed for support, never edited."""

    list_display = ["portfolio", "subject", "question_key", "score", "created_at"]
    list_filter = ["score"]
    list_select_related = ["portfolio__owner"]
    readonly_fields = [
        "portfolio",
        "subject",
        "question_key",
        "question",
        "answer",
        "seconds_allowed",
        "seconds_taken",
        "score",
        "result",
        "created_at",
        "updated_at",
    ]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(EmployerNote)
class EmployerNoteAdmin(admin.ModelAdmin):
    list_display = ["portfolio", "employer", "updated_at"]
    search_fields = ["employer", "portfolio__owner__email"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio"]


@admin.register(TargetJob)
class TargetJobAdmin(admin.ModelAdmin):
    list_display = ["label", "portfolio", "industry", "created_at"]
    list_filter = ["industry"]
    search_fields = ["label", "portfolio__owner__email"]
    list_select_related = ["portfolio__owner"]
    raw_id_fields = ["portfolio"]
