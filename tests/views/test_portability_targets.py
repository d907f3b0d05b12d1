"""The data download carries the portfolio's industry lens and its target jobs, postings and all."""

import json

from django.urls import reverse

from portfolios import services


def test_the_download_holds_the_lens_and_every_target_job(candidate_client, portfolio):
    services.portfolio_industry_update(portfolio=portfolio, industry="consumer")
    target = services.target_job_create(portfolio=portfolio, label="Riverside OT", posting="Must write goals.")
    services.target_job_set_industry(target=target, industry="enterprise")
    data = json.loads(candidate_client.get(reverse("account_export")).content)
    exported = data["portfolios"][0]
    assert exported["industry"] == "consumer"
    assert [(t["label"], t["posting"], t["industry"]) for t in exported["target_jobs"]] == [
        ("Riverside OT", "Must write goals.", "enterprise")
    ]
