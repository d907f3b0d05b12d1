from django.conf import settings
from django.urls import path, register_converter

from portfolios.converters import IdConverter
from portfolios.views import candidate, dev, identifiers, public, review, share, share_pdf, targets
from portfolios.views import prepare as prepare_views

register_converter(IdConverter, "id")

app_name = "portfolios"

urlpatterns = [
    path("", public.landing, name="landing"),
    path("dev/outbox/", dev.outbox, name="dev_outbox"),  # 404 unless DEBUG
    path("examples/<slug:kind>/", public.strong_example, name="strong_example"),
    path("dashboard/", candidate.dashboard, name="dashboard"),
    path("portfolios/new/", candidate.portfolio_new, name="portfolio_new"),
    path("portfolios/<id:portfolio_id>/", candidate.portfolio_detail, name="portfolio"),
    path("portfolios/<id:portfolio_id>/track/", candidate.portfolio_change_track, name="portfolio_track"),
    path("portfolios/<id:portfolio_id>/headline/", identifiers.portfolio_headline, name="portfolio_headline"),
    path("portfolios/<id:portfolio_id>/artifacts/<slug:kind>/", candidate.artifact_edit, name="artifact_edit"),
    path("portfolios/<id:portfolio_id>/artifacts/<slug:kind>/check/", candidate.artifact_check, name="artifact_check"),
    path(
        "portfolios/<id:portfolio_id>/artifacts/<slug:kind>/redact/", candidate.artifact_redact, name="artifact_redact"
    ),
    path(
        "portfolios/<id:portfolio_id>/artifacts/<slug:kind>/replace-all/",
        identifiers.artifact_replace_all,
        name="artifact_replace_all",
    ),
    path(
        "portfolios/<id:portfolio_id>/artifacts/<slug:kind>/history/purge/",
        identifiers.artifact_purge_history,
        name="artifact_purge_history",
    ),
    path(
        "portfolios/<id:portfolio_id>/artifacts/<slug:kind>/history/",
        candidate.artifact_history,
        name="artifact_history",
    ),
    path(
        "portfolios/<id:portfolio_id>/artifacts/<slug:kind>/history/<id:number>/restore/",
        candidate.revision_restore,
        name="revision_restore",
    ),
    # Interview preparation (owner only)
    path("portfolios/<id:portfolio_id>/prepare/", prepare_views.prepare, name="prepare"),
    path(
        "portfolios/<id:portfolio_id>/prepare/stages/<slug:stage>/", prepare_views.prepare_stage, name="prepare_stage"
    ),
    path("portfolios/<id:portfolio_id>/prepare/stories/<slug:slot>/", prepare_views.story_edit, name="story_edit"),
    path("portfolios/<id:portfolio_id>/prepare/drills/<slug:subject>/", prepare_views.drill, name="drill"),
    path(
        "portfolios/<id:portfolio_id>/prepare/questions/", prepare_views.employer_questions, name="employer_questions"
    ),
    path(
        "portfolios/<id:portfolio_id>/prepare/questions/<id:note_id>/",
        prepare_views.employer_notes,
        name="employer_notes",
    ),
    # Target jobs and the industry lens (owner only)
    path("portfolios/<id:portfolio_id>/targets/", targets.targets, name="targets"),
    path("portfolios/<id:portfolio_id>/industry/", targets.portfolio_industry, name="portfolio_industry"),
    path("portfolios/<id:portfolio_id>/targets/<id:target_id>/", targets.target, name="target"),
    path(
        "portfolios/<id:portfolio_id>/targets/<id:target_id>/industry/",
        targets.target_industry,
        name="target_industry",
    ),
    path("portfolios/<id:portfolio_id>/targets/<id:target_id>/link/", targets.target_link, name="target_link"),
    path("portfolios/<id:portfolio_id>/targets/<id:target_id>/delete/", targets.target_delete, name="target_delete"),
    # Recruiters: share links
    path("portfolios/<id:portfolio_id>/pdf/", share_pdf.portfolio_pdf, name="portfolio_pdf"),
    path("portfolios/<id:portfolio_id>/share/", share.share_links, name="share_links"),
    path("portfolios/<id:portfolio_id>/share/<id:link_id>/revoke/", share.share_link_revoke, name="share_link_revoke"),
    path("portfolios/<id:portfolio_id>/share/<id:link_id>/edit/", share.share_link_edit, name="share_link_edit"),
    path(
        "portfolios/<id:portfolio_id>/share/<id:link_id>/preview/", share.share_link_preview, name="share_link_preview"
    ),
    path("portfolios/<id:portfolio_id>/share/brief/", share.portfolio_brief, name="portfolio_brief"),
    path("s/<str:token>/", share.share_page, name="share_page"),
    path("s/<str:token>/pdf", share_pdf.share_pdf, name="share_pdf"),
    # Mentors: invites, review pages, threads, verdicts
    path("portfolios/<id:portfolio_id>/mentors/", review.mentors, name="mentors"),
    path("portfolios/<id:portfolio_id>/mentors/<id:invite_id>/revoke/", review.invite_revoke, name="invite_revoke"),
    path("invites/<str:token>/", review.invite_accept, name="invite_accept"),
    path("review/", review.inbox, name="review_inbox"),
    path("review/<id:portfolio_id>/", review.review_portfolio, name="review"),
    path("review/<id:portfolio_id>/<slug:kind>/", review.review_artifact, name="review_artifact"),
    path("review/<id:portfolio_id>/<slug:kind>/comments/", review.comment_create, name="comment_create"),
    path("review/<id:portfolio_id>/<slug:kind>/verdict/", review.verdict_give, name="verdict_give"),
    path("review/<id:portfolio_id>/<slug:kind>/scores/", review.scores_give, name="scores_give"),
    path("review/<id:portfolio_id>/<slug:kind>/re-review/", review.re_review, name="re_review"),
    path("threads/<id:thread_id>/reply/", review.comment_reply, name="comment_reply"),
    path("threads/<id:thread_id>/resolve/", review.comment_resolve, name="comment_resolve"),
    path("notifications/", review.notifications, name="notifications"),
    path("notifications/<id:notification_id>/", review.notification_open, name="notification_open"),
]

if settings.BENCHMARK_VIEWS:  # `make bench` only: a tiny page every real page's throughput is compared with
    from portfolios.views import bench

    urlpatterns.append(path("bench/baseline/", bench.baseline, name="bench_baseline"))
    urlpatterns.append(path("bench/signed-in-floor/", bench.signed_in_floor, name="bench_signed_in_floor"))
    urlpatterns.append(
        path("bench/one-query-floor/<id:portfolio_id>/", bench.one_query_floor, name="bench_one_query_floor")
    )
