"""OT Portfolio's tables: people, their portfolios, artifacts and every revision of them.

Writes go through `portfolios.services`, reads through `portfolios.selectors`.
"""

from __future__ import annotations

import unicodedata

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from portfolios.interview import SLOTS_BY_KEY, STAGES, STAGES_BY_KEY, STORY_SLOTS, StorySlot
from portfolios.kinds import KINDS, KINDS_BY_KEY, ArtifactKind
from portfolios.rows import ROWS
from portfolios.rubric.findings import SCORE_LABELS
from portfolios.tracks import TRACKS, TRACKS_BY_KEY, Track

TRACK_CHOICES = [(track.key, track.name) for track in TRACKS]
KIND_CHOICES = [(kind.key, kind.title) for kind in KINDS]


class UserManager(BaseUserManager):
    """Users sign in with their email address, matched without regard to case."""

    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        """The one spelling of an address we store: NFKC (as Django's own clean does), trimmed, lower case."""
        return unicodedata.normalize("NFKC", (email or "").strip()).lower()

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user(self, email: str, password: str | None, **extra_fields) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> User:
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person with an account: a candidate (and, later, a mentor). Signs in by email."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(
        "email address",
        unique=True,
        help_text="Used to sign in, e.g. jordan.lee@example.com.",
    )
    display_name = models.CharField(
        "display name",
        max_length=80,
        blank=True,
        help_text="How your name appears on your portfolio, e.g. \u201cJordan Lee, OTR/L\u201d.",
    )
    headline = models.CharField(
        max_length=140,
        blank=True,
        help_text="One line about you, e.g. \u201cOutpatient OT: measurable goals, calm caseloads\u201d.",
    )
    email_notifications = models.BooleanField(
        "email me about comments, verdicts and accepted invites",
        default=True,
        help_text="In-app notifications are always kept; this only turns the emails on or off.",
    )
    content_version = models.PositiveIntegerField(
        default=0,
        help_text="Bumped with any of the user's portfolios (and by new ones); keys the cached dashboard.",
    )
    unread_notifications = models.PositiveIntegerField(
        default=0,
        help_text="How many notifications are unread: kept by the notification services, so the badge on "
        "every page costs no query.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = "user"
        verbose_name_plural = "users"
        ordering = ["email"]
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_unique_ci")]

    def __str__(self) -> str:
        return self.display_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = User.objects.normalize_email(self.email)

    def get_full_name(self) -> str:
        return self.display_name or self.email

    def get_short_name(self) -> str:
        return self.display_name or self.email.split("@")[0]


class Industry(models.TextChoices):
    """The hiring reports' two industry lenses: what an employer's reviewers weigh."""

    ENTERPRISE = "enterprise", "Enterprise"  # audits, procurement, integration, compliance
    CONSUMER = "consumer", "Consumer"  # churn, attribution, support, growth


class Portfolio(models.Model):
    """A candidate's portfolio for one target track (one per track)."""

    owner = models.ForeignKey(User, on_delete=models.CASCADE, related_name="portfolios")
    track = models.CharField(
        max_length=32,
        choices=TRACK_CHOICES,
        help_text="The practice setting this portfolio targets, e.g. Outpatient.",
    )
    headline = models.CharField(
        max_length=140,
        blank=True,
        help_text="One line for recruiters of this portfolio, e.g. \u201cAcute-care OT: safe early mobility, clear "
        "handoffs\u201d. Empty: the profile headline is shown.",
    )
    positioning = models.CharField(
        max_length=200,
        blank=True,
        help_text="Opens the recruiter's brief: what you own now and what you want to own next, e.g. \u201cI own "
        "discharge teaching on a 28-bed ortho unit; next I want to own the unit's fall-prevention program.\u201d",
    )
    show_email = models.BooleanField(
        default=False, help_text="Show your account e-mail in the brief, so a recruiter can reply without a form."
    )
    show_unproven_rows = models.BooleanField(
        default=False,
        help_text="List rubric rows no shared artifact proves yet (as \u201cNot shown yet\u201d) instead of leaving "
        "them out of the brief.",
    )
    industry = models.CharField(
        "industry lens",
        max_length=16,
        choices=Industry.choices,
        blank=True,
        default="",
        help_text="The employers this portfolio aims at, e.g. Enterprise (audits, compliance) or Consumer (retention, "
        "satisfaction); empty: no lens. Chooses the lens checks and the questions to ask employers.",
    )
    content_version = models.PositiveIntegerField(
        default=0,
        help_text="Bumped by every write a recruiter could see (artifacts, verdicts, mentors, track); keys caches.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["owner", "track"], name="portfolio_one_per_track"),
            models.CheckConstraint(
                condition=models.Q(industry__in=["", *Industry.values]), name="portfolio_industry_known"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.track_info.name} portfolio of {self.owner}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:portfolio", args=[self.pk])

    @property
    def track_info(self) -> Track:
        return TRACKS_BY_KEY[self.track]


class TargetJob(models.Model):
    """A job posting the candidate pasted, to weigh their checked artifacts against it.

    Never shown to recruiters or mentors. The posting is the employer's text, kept as pasted;
    what it asks for is read from it on each view (`portfolios.job_posting.read_posting`).
    """

    LABEL_MAX_CHARS = 80
    POSTING_MAX_CHARS = 20_000

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="target_jobs")
    label = models.CharField(
        "title and employer",
        max_length=LABEL_MAX_CHARS,
        help_text="One line naming the job, e.g. \u201cHand therapist \u2014 Riverside Health\u201d.",
    )
    posting = models.TextField(
        "job posting",
        max_length=POSTING_MAX_CHARS,
        help_text="The posting as the employer wrote it, e.g. \u201cRequirements: OT license; 2 years outpatient\u2026\u201d.",
    )
    industry = models.CharField(
        "industry lens",
        max_length=16,
        choices=Industry.choices,
        blank=True,
        default="",
        help_text="Overrides the industry read from the posting, e.g. Enterprise; empty: as read from the posting.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "target job"
        verbose_name_plural = "target jobs"
        ordering = ["portfolio_id", "-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(industry__in=["", *Industry.values]), name="target_job_industry_known"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    def get_absolute_url(self) -> str:
        return reverse("portfolios:target", args=[self.portfolio_id, self.pk])


class Artifact(models.Model):
    """One proof artifact in a portfolio: its sections' text, status, version and stored rubric result."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        COMPLETE = "complete", "Complete"

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="artifacts")
    kind = models.CharField(max_length=40, choices=KIND_CHOICES)
    fields = models.JSONField(
        default=dict,
        blank=True,
        help_text='Section text keyed by section key, e.g. {"context": "Client A, 72, ..."}.',
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    summary = models.CharField(
        max_length=200,
        blank=True,
        help_text="One line of proof for the recruiter's brief: a number or observable and the constraint, e.g. "
        "\u201cCut missed precautions at handoff from 4 a week to 0 in 6 weeks on a 28-bed unit with one OT.\u201d",
    )
    version = models.PositiveIntegerField(
        default=0, help_text="Bumped by every save; a save must name the version it was opened at."
    )
    check_result = models.JSONField(
        null=True, blank=True, help_text="The rubric checker's result for `checked_version`, as stored JSON."
    )
    checked_version = models.PositiveIntegerField(default=0)
    phi_error_count = models.PositiveIntegerField(
        default=0, help_text="How many patient-identifier errors the stored check found (0 = passes the PHI gate)."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # By column, not relation: ordering by "portfolio" would join the portfolio table on every query.
        ordering = ["portfolio_id", "kind"]
        constraints = [models.UniqueConstraint(fields=["portfolio", "kind"], name="artifact_one_per_kind")]

    def __str__(self) -> str:
        return f"{self.kind_info.title} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:artifact_edit", args=[self.portfolio_id, self.kind])

    @property
    def kind_info(self) -> ArtifactKind:
        return KINDS_BY_KEY[self.kind]


class Revision(models.Model):
    """An immutable copy of an artifact as saved: nothing a candidate writes is ever destroyed."""

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(help_text="Equals the artifact version this save produced.")
    fields = models.JSONField(default=dict, blank=True)
    summary = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=16, choices=Artifact.Status.choices)
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(
        max_length=200, blank=True, help_text="Why this revision exists, e.g. \u201cRestored revision 2\u201d."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["artifact_id", "-number"]  # by column: no join to artifact and portfolio
        constraints = [models.UniqueConstraint(fields=["artifact", "number"], name="revision_unique_number")]

    def __str__(self) -> str:
        return f"Revision {self.number} of {self.artifact}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:artifact_history", args=[self.artifact.portfolio_id, self.artifact.kind])


class ShareLink(models.Model):
    """A recruiter's read-only link to a portfolio. Only a hash of its token is stored."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="share_links")
    label = models.CharField(
        max_length=80, help_text="Who the link is for, e.g. \u201cAcme Rehab \u2014 recruiter\u201d."
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    artifact_kinds = models.JSONField(
        null=True,
        blank=True,
        help_text='The artifacts this link shows, in order, by kind (e.g. ["case_writeup", "handoff_template"]); '
        "empty: every complete artifact, in the track's order.",
    )
    expires_at = models.DateTimeField(null=True, blank=True, help_text="Empty: never expires.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    view_count = models.PositiveIntegerField(default=0)
    last_viewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.portfolio})"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:share_links", args=[self.portfolio_id])

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_active(self) -> bool:
        return not self.is_revoked and not self.is_expired


class MentorInvite(models.Model):
    """A mentor invited by email to review one portfolio; works by link, with or without an account."""

    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        ACCEPTED = "accepted", "Accepted"
        REVOKED = "revoked", "Revoked"

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="mentor_invites")
    email = models.EmailField(help_text="Where the invite goes, e.g. mentor@example.com.")
    display_name = models.CharField(
        max_length=80, blank=True, help_text="The name the mentor gives when accepting, e.g. \u201cDr. Kim, OTD\u201d."
    )
    message = models.TextField(
        blank=True,
        max_length=1000,
        help_text="A personal note sent with the invite, e.g. \u201cCould you look at my plan of care first?\u201d",
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    user = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mentor_invites",
        help_text="Set when the mentor signs up or logs in with the invite.",
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.PENDING)
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"), "portfolio", condition=~models.Q(status="revoked"), name="invite_one_live_per_email"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} for {self.portfolio}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:review", args=[self.portfolio_id])

    @property
    def name(self) -> str:
        return self.display_name or (self.user.display_name if self.user_id and self.user else "") or self.email

    @property
    def is_live(self) -> bool:
        return self.status == self.Status.ACCEPTED


class Comment(models.Model):
    """A review comment on one section of an artifact; a thread is a root comment and its replies."""

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="comments")
    thread = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
        help_text="Empty for the comment that starts a thread.",
    )
    section = models.CharField(max_length=40, help_text="Section key the thread is about, e.g. \u201cplan\u201d.")
    quote = models.TextField(blank=True, help_text="The passage the thread is about, if one was selected.")
    section_text = models.TextField(
        blank=True, help_text="The section's text when the thread started, to show what changed since."
    )
    artifact_version = models.PositiveIntegerField()
    body = models.TextField(help_text="Plain text with **bold**, *italic* and `code` at most.")
    author = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    author_invite = models.ForeignKey(
        MentorInvite, on_delete=models.SET_NULL, null=True, blank=True, related_name="comments"
    )
    author_name = models.CharField(max_length=80)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by_name = models.CharField(max_length=80, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["artifact", "thread"], name="comment_artifact_thread")]

    def __str__(self) -> str:
        return f"Comment by {self.author_name} on {self.section}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:review_artifact", args=[self.artifact.portfolio_id, self.artifact.kind]) + (
            f"#thread-{self.thread_id or self.pk}"
        )

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None


class Verdict(models.Model):
    """A mentor's call on an artifact at one version: looks ready, or needs work."""

    class Call(models.TextChoices):
        READY = "ready", "Looks ready"
        NEEDS_WORK = "needs_work", "Needs work"

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="verdicts")
    invite = models.ForeignKey(MentorInvite, on_delete=models.CASCADE, related_name="verdicts")
    call = models.CharField(max_length=16, choices=Call.choices)
    note = models.TextField(blank=True, help_text="Why, in a sentence or two.")
    artifact_version = models.PositiveIntegerField(help_text="The version the mentor reviewed.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["artifact", "invite"], name="verdict_one_per_mentor")]

    def __str__(self) -> str:
        return f"{self.get_call_display()} on v{self.artifact_version}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:review_artifact", args=[self.artifact.portfolio_id, self.artifact.kind])

    def is_current_for(self, artifact: Artifact) -> bool:
        return self.artifact_version == artifact.version


class ReviewScore(models.Model):
    """A person's 0–4 score on one rubric row of an artifact at one version, with the reason.

    From a mentor (`invite` set, who also says whether they agree with the checker) or the
    candidate's own self-score (`invite` empty). One current score per person per row.
    """

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="review_scores")
    invite = models.ForeignKey(
        MentorInvite,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="review_scores",
        help_text="The mentor who scored; empty for the candidate's self-score.",
    )
    row = models.CharField(max_length=32, choices=[(row.key, row.title) for row in ROWS])
    score = models.PositiveSmallIntegerField(
        choices=sorted(SCORE_LABELS.items()), help_text="0–4 with the checker's labels, e.g. 3 (Proficient)."
    )
    reason = models.TextField(help_text="Why this score, e.g. “Names the real constraint and a baseline.”")
    agrees_with_checker = models.BooleanField(
        null=True, blank=True, help_text="The mentor's word on the checker's score for this row; empty for self-scores."
    )
    artifact_version = models.PositiveIntegerField(help_text="The version scored.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "review score"
        verbose_name_plural = "review scores"
        ordering = ["artifact_id", "row", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["artifact", "invite", "row"],
                condition=models.Q(invite__isnull=False),
                name="review_score_one_per_mentor_row",
            ),
            models.UniqueConstraint(
                fields=["artifact", "row"],
                condition=models.Q(invite__isnull=True),
                name="review_score_one_self_per_row",
            ),
            models.CheckConstraint(condition=models.Q(score__lte=4), name="review_score_at_most_4"),
        ]

    def __str__(self) -> str:
        return f"{self.row}: {self.score} ({self.get_score_display()}) on v{self.artifact_version}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:review_artifact", args=[self.artifact.portfolio_id, self.artifact.kind]) + "#scores"

    def is_current_for(self, artifact: Artifact) -> bool:
        return self.artifact_version == artifact.version


class ReviewRequest(models.Model):
    """The candidate asking a mentor to look again at an artifact after editing it."""

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="review_requests")
    invite = models.ForeignKey(MentorInvite, on_delete=models.CASCADE, related_name="review_requests")
    artifact_version = models.PositiveIntegerField(help_text="The version the candidate asks about.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "re-review request"
        verbose_name_plural = "re-review requests"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["artifact", "invite", "artifact_version"], name="review_request_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"Re-review of v{self.artifact_version} asked of {self.invite.name}"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:review_artifact", args=[self.artifact.portfolio_id, self.artifact.kind])


class Notification(models.Model):
    """Something that happened to a user's portfolio or review: new comment, reply, verdict, accepted invite."""

    class Kind(models.TextChoices):
        COMMENT = "comment", "New comment"
        REPLY = "reply", "New reply"
        VERDICT = "verdict", "New verdict"
        INVITE_ACCEPTED = "invite_accepted", "Invite accepted"
        RE_REVIEW = "re_review", "Re-review requested"

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    message = models.CharField(max_length=300)
    url = models.CharField(max_length=300, help_text="Where the notification leads, e.g. /review/3/plan_of_care/.")
    read_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.message

    def get_absolute_url(self) -> str:
        return self.url


class ThrottleBucket(models.Model):
    """How many times one key (a hashed address or email) did one thing in one time window.

    Kept in the database so every app process sees the same counts without Redis.
    Keys are SHA-256 hashes: no address or email is stored in the clear.
    """

    key = models.CharField(max_length=64, help_text="SHA-256 of scope + identity.")
    window_start = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-window_start"]
        constraints = [models.UniqueConstraint(fields=["key", "window_start"], name="throttle_one_row_per_window")]
        indexes = [models.Index(fields=["window_start"], name="throttle_window")]

    def __str__(self) -> str:
        return f"{self.key[:8]}… ×{self.count} since {self.window_start:%H:%M}"


class HistoryPurge(models.Model):
    """A record that identifiers were rewritten out of an artifact's earlier revisions.

    Holds counts only, never the removed text: the log proves the purge happened without
    keeping what it purged.
    """

    artifact = models.ForeignKey(Artifact, on_delete=models.CASCADE, related_name="history_purges")
    actor = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    revisions_rewritten = models.PositiveIntegerField(help_text="How many earlier revisions changed, e.g. 3.")
    identifiers_removed = models.PositiveIntegerField(help_text="How many identifier passages were replaced, e.g. 5.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "history purge"
        verbose_name_plural = "history purges"

    def __str__(self) -> str:
        return f"Purged {self.identifiers_removed} identifier(s) from {self.revisions_rewritten} revision(s)"


# ---- Prepare: interview stages, stories, follow-up drills, questions for employers ---------------
# The catalog for these is `portfolios.interview`. None of it is ever shown to recruiters or mentors.


class InterviewStory(models.Model):
    """One interview story, written for one of the reports' prompts (a slot), in the interview_story kind's sections."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="stories")
    slot = models.CharField(
        max_length=40,
        choices=[(slot.key, slot.title) for slot in STORY_SLOTS],
        help_text="The prompt the story answers, e.g. \u201cAn edge case caught early\u201d.",
    )
    fields = models.JSONField(
        default=dict,
        blank=True,
        help_text='Section text keyed by section key, e.g. {"situation": "Outpatient, 14 patients a day..."}.',
    )
    version = models.PositiveIntegerField(default=0, help_text="Bumped by every save; a save names the version it saw.")
    check_result = models.JSONField(null=True, blank=True, help_text="The rubric checker's result, as stored JSON.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "interview story"
        verbose_name_plural = "interview stories"
        ordering = ["portfolio_id", "slot"]
        constraints = [models.UniqueConstraint(fields=["portfolio", "slot"], name="story_one_per_slot")]

    def __str__(self) -> str:
        return f"{self.slot_info.title} (v{self.version})"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:story_edit", args=[self.portfolio_id, self.slot])

    @property
    def slot_info(self) -> StorySlot:
        return SLOTS_BY_KEY[self.slot]


class StagePlan(models.Model):
    """What the candidate leads with at one interview stage: an artifact kind and a story."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="stage_plans")
    stage = models.CharField(max_length=32, choices=[(stage.key, stage.title) for stage in STAGES])
    lead_kind = models.CharField(
        max_length=40,
        blank=True,
        choices=[(kind.key, kind.title) for kind in KINDS if kind.listed],
        help_text="The artifact to lead with, e.g. the case write-up.",
    )
    lead_story = models.ForeignKey(
        InterviewStory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="The story to lead with.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["portfolio_id", "stage"]
        constraints = [models.UniqueConstraint(fields=["portfolio", "stage"], name="stage_plan_one_per_stage")]

    def __str__(self) -> str:
        return f"{STAGES_BY_KEY[self.stage].title} plan"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:prepare", args=[self.portfolio_id])


class DrillAttempt(models.Model):
    """One timed answer to a follow-up question about an artifact or a story, with its check and date."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="drill_attempts")
    subject = models.CharField(
        max_length=64, help_text="What the question is about: artifact-<kind> or story-<slot>, e.g. story-edge_case."
    )
    question_key = models.CharField(max_length=64, help_text="Which follow-up, e.g. \u201ctimeline\u201d.")
    question = models.CharField(
        max_length=300, help_text="The question as asked, e.g. \u201cBy when, and how will you know?\u201d"
    )
    answer = models.TextField(max_length=5000, help_text="What the candidate would say, in their own words.")
    seconds_allowed = models.PositiveIntegerField(help_text="The timer the candidate chose, e.g. 120.")
    seconds_taken = models.PositiveIntegerField(help_text="From opening the question to submitting the answer.")
    score = models.PositiveSmallIntegerField(help_text="Criteria met, 0\u20134: owned, verified, constraint, plain.")
    result = models.JSONField(default=dict, blank=True, help_text="The answer's check: criteria met and findings.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["portfolio", "subject"], name="drill_portfolio_subject")]
        constraints = [models.CheckConstraint(condition=models.Q(score__lte=4), name="drill_score_at_most_4")]

    def __str__(self) -> str:
        return f"{self.question} ({self.score}/4)"

    def get_absolute_url(self) -> str:
        return reverse("portfolios:drill", args=[self.portfolio_id, self.subject])

    @property
    def over_time(self) -> bool:
        return self.seconds_taken > self.seconds_allowed


class EmployerNote(models.Model):
    """One employer the candidate is talking to, and their answers to the candidate's questions."""

    portfolio = models.ForeignKey(Portfolio, on_delete=models.CASCADE, related_name="employer_notes")
    employer = models.CharField(
        max_length=120, help_text="Who you are talking to, e.g. \u201cRiverside Outpatient\u201d."
    )
    answers = models.JSONField(
        default=dict,
        blank=True,
        help_text='What they said, keyed by question, e.g. {"good_bad_week": "A bad week is 16 visits..."}.',
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["portfolio_id", "employer", "id"]
        constraints = [models.UniqueConstraint(Lower("employer"), "portfolio", name="employer_note_one_per_employer")]

    def __str__(self) -> str:
        return self.employer

    def get_absolute_url(self) -> str:
        return reverse("portfolios:employer_notes", args=[self.portfolio_id, self.pk])
