"""Share-link and target-job labels: one rule (validation.clean_label), both sides of each edge."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from portfolios import services
from portfolios.models import ShareLink, TargetJob
from portfolios.services.targets import target_job_create
from portfolios.strong_examples import EXAMPLES
from tests.conftest import save

POSTING = "Requirements: measurable goals in every plan of care."


def make_link(portfolio, label):
    return services.share_link_create(portfolio=portfolio, label=label, expires_in_days=7).link


def make_target(portfolio, label):
    return target_job_create(portfolio=portfolio, label=label, posting=POSTING)


@pytest.fixture
def shareable(portfolio):
    save(portfolio, "handoff_template", dict(EXAMPLES["handoff_template"].fields), status="complete")
    return portfolio


@pytest.mark.parametrize(("make", "model"), [(make_link, ShareLink), (make_target, TargetJob)])
def test_80_characters_pass_and_81_are_refused_on_the_label(make, model, shareable):
    assert make(shareable, "R" * 80).label == "R" * 80
    with pytest.raises(ValidationError) as refused:
        make(shareable, "S" * 81)
    assert "under 80 characters" in str(refused.value.message_dict["label"])
    assert model.objects.count() == 1


@pytest.mark.parametrize("make", [make_link, make_target])
@pytest.mark.parametrize(
    ("label", "why"),
    [("   ", "required"), ("two\nlines", "not_single_line"), ("For Margaret Smith's discharge", "phi")],
)
def test_a_blank_multi_line_or_identifying_label_is_refused(make, label, why, shareable):
    with pytest.raises(ValidationError) as refused:
        make(shareable, label)
    codes = {
        error.code
        for errors in getattr(refused.value, "error_dict", {"": [refused.value]}).values()
        for error in errors
    }
    assert why in codes


EMPLOYER_LABELS = [
    "Hand therapist — Riverside Health System",
    "Acute OT, St. Mary Medical Center, Boston",
    "Kaiser Permanente San Jose — outpatient",
]


@pytest.mark.parametrize("make", [make_link, make_target])
@pytest.mark.parametrize("label", EMPLOYER_LABELS)
def test_an_employers_facility_or_town_in_a_label_is_not_a_patient_place(make, label, shareable):
    assert make(shareable, label).label == label


@pytest.mark.parametrize("make", [make_link, make_target])
@pytest.mark.parametrize(
    ("label", "kind"),
    [
        ("Riverside Health System — Mrs. Alvarez's case", "name"),
        ("Boston job, case seen 03/14/2025", "date"),
        ("Mercy Hospital MRN 00482913", "record number"),
    ],
)
def test_beside_an_employers_place_a_patient_identifier_is_still_refused(make, label, kind, shareable):
    with pytest.raises(ValidationError) as refused:
        make(shareable, label)
    assert f"looks like a patient identifier ({kind})" in " ".join(refused.value.message_dict["label"])


def test_the_same_place_is_still_refused_where_it_would_be_a_patients(shareable):
    with pytest.raises(ValidationError) as refused:
        services.portfolio_headline_update(portfolio=shareable, headline="Discharged home from Riverside Health System")
    assert "(place)" in " ".join(refused.value.message_dict["headline"])
