"""Create (or bring up to date) the demo: a candidate, two portfolios, a share link, a target job, a mentor review.

Safe to run again. The demo's share and invite tokens are derived from the secret key, so
every run prints the same working link without storing any token. Bulk data for load tests is
the benchmark's business: `python -m bench.seed_scale`.
"""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.urls import reverse

from portfolios import services, tokens
from portfolios.demo_data import (
    DEMO_EMAIL,
    DEMO_HEADLINE,
    DEMO_MENTOR_EMAIL,
    DEMO_MENTOR_NAME,
    DEMO_NAME,
    DEMO_PASSWORD,
    DEMO_SUMMARIES,
    OUTPATIENT_ARTIFACTS,
    REHAB_ARTIFACTS,
)
from portfolios.demo_links import SHARE_LABEL, demo_token
from portfolios.demo_prepare import seed_prepare
from portfolios.demo_targets import seed_brief, seed_target_job
from portfolios.models import (
    Artifact,
    Comment,
    MentorInvite,
    Portfolio,
    ReviewScore,
    ShareLink,
    User,
    Verdict,
)


class Command(BaseCommand):
    help = "Create the demo candidate, portfolios, share link and mentor review (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even with DJANGO_DEBUG off (e.g. a load-test server). Never on a public site.",
        )

    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            # The demo account's password is printed here and in the README: on a public site it is
            # a login anyone can use.
            raise CommandError(
                f"Refusing to seed: DJANGO_DEBUG is off, so this looks like production, and the demo adds a "
                f"public login ({DEMO_EMAIL} with a published password). Pass --force only on a private test server."
            )
        self._seed_demo()

    @transaction.atomic
    def _seed_demo(self) -> None:
        user = User.objects.filter(email__iexact=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, DEMO_PASSWORD)
        else:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        services.profile_update(user=user, display_name=DEMO_NAME, headline=DEMO_HEADLINE)

        outpatient = self._portfolio(user, "outpatient", OUTPATIENT_ARTIFACTS)
        rehab = self._portfolio(user, "inpatient_rehab", REHAB_ARTIFACTS)
        services.artifacts_recheck(portfolios=[outpatient, rehab])  # results from an older checker, if any
        seed_brief(rehab)  # the positioning line the demo link's brief opens with
        share_path = self._share_link(rehab)
        target = seed_target_job(rehab)  # a posting to weigh the shared portfolio against
        mentor_path = self._mentor_review(rehab)
        seed_prepare(outpatient)  # the Prepare page: two stories, stage leads, a drill history

        self.stdout.write(self.style.SUCCESS(f"Demo ready: {outpatient} and {rehab}."))
        self.stdout.write(f"Log in at /accounts/login/ with email {DEMO_EMAIL} and password {DEMO_PASSWORD}")
        self.stdout.write(f"Share link: {share_path}")
        self.stdout.write(f"Target job: {target.get_absolute_url()}")
        self.stdout.write(f"Mentor link: {mentor_path}")

    def _portfolio(self, user: User, track: str, artifacts) -> Portfolio:
        portfolio = Portfolio.objects.filter(owner=user, track=track).first()
        if portfolio is None:
            portfolio = services.portfolio_create(owner=user, track=track)
        for kind, status, fields in artifacts:
            summary = DEMO_SUMMARIES[track][kind]
            artifact = Artifact.objects.filter(portfolio=portfolio, kind=kind).first()
            if artifact and artifact.fields == fields and artifact.status == status and artifact.summary == summary:
                continue  # already as the demo wants it: no new revision
            services.artifact_save(
                portfolio=portfolio,
                kind=kind,
                fields=fields,
                status=status,
                expected_version=artifact.version if artifact else 0,
                author=user,
                note="Demo data",
                summary=summary,
            )
        return portfolio

    def _share_link(self, portfolio: Portfolio) -> str:
        token = demo_token(f"share:{portfolio.pk}")
        link = ShareLink.objects.filter(portfolio=portfolio, label=SHARE_LABEL).order_by("pk").first()
        if link is not None and link.token_hash != tokens.hash_token(token):  # the secret key changed
            link.token_hash = tokens.hash_token(token)
            link.save(update_fields=["token_hash", "updated_at"])
        if link is None:
            created = services.share_link_create(portfolio=portfolio, label=SHARE_LABEL, expires_in_days=None)
            # Swap the random token for the stable demo one, so re-runs print the same link.
            created.link.token_hash = tokens.hash_token(token)
            created.link.save(update_fields=["token_hash", "updated_at"])
        elif not link.is_active:
            link.revoked_at = None
            link.expires_at = None
            link.save(update_fields=["revoked_at", "expires_at", "updated_at"])
        return reverse("portfolios:share_page", args=[token])

    def _mentor_review(self, portfolio: Portfolio) -> str:
        """The demo mentor's comments, row scores (one disagreeing with the checker), a verdict and a
        re-review request; returns the path of the mentor's invite link."""
        token = demo_token(f"invite:{portfolio.pk}")
        token_hash = tokens.hash_token(token)
        # Found by portfolio and email, not by token: the token follows the secret key, which may change.
        invite = (
            MentorInvite.objects.filter(portfolio=portfolio, email=DEMO_MENTOR_EMAIL)
            .exclude(status=MentorInvite.Status.REVOKED)
            .first()
        )
        if invite is None:
            invite = MentorInvite.objects.create(portfolio=portfolio, email=DEMO_MENTOR_EMAIL, token_hash=token_hash)
        elif invite.token_hash != token_hash:
            invite.token_hash = token_hash
            invite.save(update_fields=["token_hash", "updated_at"])
        if invite.status != MentorInvite.Status.ACCEPTED:
            invite.status = MentorInvite.Status.PENDING
            invite = services.mentor_invite_accept(invite=invite, display_name=DEMO_MENTOR_NAME, user=None)
        reviewer = services.Reviewer(name=invite.name, invite=invite)
        plan = Artifact.objects.get(portfolio=portfolio, kind="plan_of_care")
        case = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
        if not Comment.objects.filter(artifact=plan, author_invite=invite).exists():
            thread = services.comment_start(
                artifact=plan,
                reviewer=reviewer,
                section="short_term_goals",
                quote="within 6 days",
                body="Good progression. Could you add how you will **measure** partial assistance at day 6?",
            )
            services.comment_reply(
                thread=thread,
                reviewer=services.Reviewer(name=str(portfolio.owner), user=portfolio.owner),
                body="I'll add the GG score sheet we use at the day-6 team conference.",
            )
        if not ReviewScore.objects.filter(artifact=case, invite=invite).exists():
            services.review_scores_give(
                artifact=case,
                reviewer=reviewer,
                scores={
                    "assessment": services.ScoreInput(
                        4, "Finds the real constraint (shoulder flexion) and a measured baseline.", True
                    ),
                    "documentation": services.ScoreInput(3, "Defensible notes; the assist level is named.", True),
                    # The one disagreement with the checker the demo shows.
                    "plan_of_care": services.ScoreInput(
                        2, "The goals are measurable, but the progression after week 2 is not written down.", False
                    ),
                },
                expected_version=case.version,
            )
            services.review_scores_give(
                artifact=case,
                reviewer=services.Reviewer(name=str(portfolio.owner), user=portfolio.owner),
                scores={
                    "assessment": services.ScoreInput(3, "I name the constraint and a baseline."),
                    "plan_of_care": services.ScoreInput(4, "Every goal has a date and a measure."),
                },
                expected_version=case.version,
            )
        if not Verdict.objects.filter(artifact=case, invite=invite).exists():
            services.verdict_give(
                artifact=case,
                reviewer=reviewer,
                call="ready",
                note="Clear constraint, measured follow-up, and a safety decision a reviewer can check.",
                expected_version=case.version,
            )
        if not ReviewScore.objects.filter(artifact=plan, invite=invite).exists():
            self._plan_re_review(plan, reviewer)
        return reverse("portfolios:invite_accept", args=[token])

    def _plan_re_review(self, plan: Artifact, reviewer) -> None:
        """The mentor scores an earlier draft of the plan; the candidate finishes it and asks for a re-review."""
        finished = dict(plan.fields)
        draft = {**finished, "short_term_goals": finished["short_term_goals"].split(".")[0] + "."}

        def save(fields):
            return services.artifact_save(
                portfolio=plan.portfolio,
                kind=plan.kind,
                fields=fields,
                status=plan.status,
                expected_version=Artifact.objects.get(pk=plan.pk).version,
                author=plan.portfolio.owner,
                note="Demo data",
            )

        save(draft)
        plan.refresh_from_db()
        services.review_scores_give(
            artifact=plan,
            reviewer=reviewer,
            scores={
                "assessment": services.ScoreInput(2, "The baseline is there; the barrier to dressing is not.", True),
                "plan_of_care": services.ScoreInput(2, "Only one short-term goal: add the progression.", True),
            },
            expected_version=plan.version,
        )
        save(finished)
        plan.refresh_from_db()
        services.re_review_request(artifact=plan)
