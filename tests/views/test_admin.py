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
