"""Staff can browse every table in the admin, with search and filters, without errors."""

import pytest
from django.contrib import admin
from django.urls import reverse

from portfolios import services
from portfolios.models import User
from tests.conftest import Client, save


@pytest.fixture
def staff_client(db):
    staff = User.objects.create_superuser("admin@example.com", "an-admin-Password-1")
    client = Client()
    client.force_login(staff)
    return client


def test_every_model_is_registered():
    from django.apps import apps

    registered = set(admin.site._registry)
    assert set(apps.get_app_config("portfolios").get_models()) <= registered


def test_every_changelist_and_change_page_renders(staff_client, portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "Client A."})
    services.share_link_create(portfolio=portfolio, label="L", expires_in_days=7)
    from django.apps import apps

    for model in apps.get_app_config("portfolios").get_models():
        meta = model._meta
        url = reverse(f"admin:{meta.app_label}_{meta.model_name}_changelist")
        assert staff_client.get(url, {"q": "a"}).status_code == 200, url
        first = model.objects.first()
        if first is not None:
            change = reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[first.pk])
            assert staff_client.get(change).status_code == 200, change
    assert artifact.pk


INLINE_MANAGEMENT = {
    "artifacts-TOTAL_FORMS": "0",
    "artifacts-INITIAL_FORMS": "0",
    "artifacts-MIN_NUM_FORMS": "0",
    "artifacts-MAX_NUM_FORMS": "1000",
}


def test_admin_edits_reach_cached_pages(staff_client, candidate_client, portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "Client A."})
    dashboard = reverse("portfolios:dashboard")
    assert "status-draft" in candidate_client.get(dashboard).content.decode()  # cached from here on

    change = reverse("admin:portfolios_artifact_change", args=[artifact.pk])
    form = {"portfolio": portfolio.pk, "kind": "case_writeup", "fields": '{"context": "Client A."}'}
    response = staff_client.post(change, {**form, "status": "complete", "phi_error_count": "0"})
    assert response.status_code == 302
    assert "status-complete" in candidate_client.get(dashboard).content.decode()

    change = reverse("admin:portfolios_portfolio_change", args=[portfolio.pk])
    response = staff_client.post(change, {"owner": portfolio.owner_id, "track": "pediatrics", **INLINE_MANAGEMENT})
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "Pediatrics/specialty" in candidate_client.get(dashboard).content.decode()
    # Deleting would take revisions with it: refused.
    assert (
        staff_client.post(reverse("admin:portfolios_artifact_delete", args=[artifact.pk]), {"post": "yes"}).status_code
        == 403
    )
