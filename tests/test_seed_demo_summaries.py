from io import StringIO

import pytest
from django.core.management import call_command

from portfolios.demo_data import DEMO_SUMMARIES, OUTPATIENT_ARTIFACTS, REHAB_ARTIFACTS
from portfolios.models import Artifact, Revision
from portfolios.proof_summary import summary_problems


@pytest.mark.parametrize(
    ("track", "artifacts"), [("outpatient", OUTPATIENT_ARTIFACTS), ("inpatient_rehab", REHAB_ARTIFACTS)]
)
def test_every_demo_artifact_has_a_summary_that_passes_the_check(track, artifacts):
    assert set(DEMO_SUMMARIES[track]) == {kind for kind, _status, _fields in artifacts}
    for kind, summary in DEMO_SUMMARIES[track].items():
        assert summary_problems(summary) == [], kind


def test_seed_demo_stores_each_summary_and_a_rerun_writes_no_revision(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=StringIO())
    for artifact in Artifact.objects.select_related("portfolio"):
        assert artifact.summary == DEMO_SUMMARIES[artifact.portfolio.track][artifact.kind]
    revisions = Revision.objects.count()
    call_command("seed_demo", stdout=StringIO())
    assert Revision.objects.count() == revisions
