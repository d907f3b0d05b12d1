"""Every write in OT Portfolio. Each service is one transaction that validates before it saves.

Grouped by concern; import them from here: `from portfolios import services`.
"""

from portfolios.services.artifacts import (
    SaveResult,
    VersionConflict,
    artifact_replace_identifier,
    artifact_save,
    portfolio_change_track,
    portfolio_create,
    profile_update,
    revision_restore,
)
from portfolios.services.portability import (
    InvalidExport,
    account_delete,
    account_export,
    portfolio_import,
)
from portfolios.services.reviews import (
    NewInvite,
    Reviewer,
    comment_reopen,
    comment_reply,
    comment_resolve,
    comment_start,
    mentor_invite_accept,
    mentor_invite_attach,
    mentor_invite_create,
    mentor_invite_revoke,
    notification_mark_read,
    notifications_mark_read,
    notify,
    verdict_give,
)
from portfolios.services.sharing import (
    DEFAULT_EXPIRY_DAYS,
    EXPIRY_CHOICES_DAYS,
    NewShareLink,
    SharingBlocked,
    phi_blockers,
    share_link_create,
    share_link_record_view,
    share_link_revoke,
)

__all__ = [
    "DEFAULT_EXPIRY_DAYS",
    "EXPIRY_CHOICES_DAYS",
    "InvalidExport",
    "NewInvite",
    "NewShareLink",
    "Reviewer",
    "SaveResult",
    "SharingBlocked",
    "VersionConflict",
    "account_delete",
    "account_export",
    "artifact_replace_identifier",
    "artifact_save",
    "comment_reopen",
    "comment_reply",
    "comment_resolve",
    "comment_start",
    "mentor_invite_accept",
    "mentor_invite_attach",
    "mentor_invite_create",
    "mentor_invite_revoke",
    "notification_mark_read",
    "notifications_mark_read",
    "notify",
    "phi_blockers",
    "portfolio_change_track",
    "portfolio_create",
    "portfolio_import",
    "profile_update",
    "revision_restore",
    "share_link_create",
    "share_link_record_view",
    "share_link_revoke",
    "verdict_give",
]
