from django.urls import path

from portfolios.views import candidate, public

app_name = "portfolios"

urlpatterns = [
    path("", public.landing, name="landing"),
    path("dashboard/", candidate.dashboard, name="dashboard"),
    path("portfolios/new/", candidate.portfolio_new, name="portfolio_new"),
    path("portfolios/<int:portfolio_id>/", candidate.portfolio_detail, name="portfolio"),
    path("portfolios/<int:portfolio_id>/track/", candidate.portfolio_change_track, name="portfolio_track"),
    path("portfolios/<int:portfolio_id>/artifacts/<slug:kind>/", candidate.artifact_edit, name="artifact_edit"),
    path("portfolios/<int:portfolio_id>/artifacts/<slug:kind>/check/", candidate.artifact_check, name="artifact_check"),
    path(
        "portfolios/<int:portfolio_id>/artifacts/<slug:kind>/redact/", candidate.artifact_redact, name="artifact_redact"
    ),
    path(
        "portfolios/<int:portfolio_id>/artifacts/<slug:kind>/history/",
        candidate.artifact_history,
        name="artifact_history",
    ),
    path(
        "portfolios/<int:portfolio_id>/artifacts/<slug:kind>/history/<int:number>/restore/",
        candidate.revision_restore,
        name="revision_restore",
    ),
]
