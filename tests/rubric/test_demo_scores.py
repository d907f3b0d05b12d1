"""The demo shows what the scores mean: its polished rehab artifacts score high, its deliberately weak ones low."""

from portfolios import demo_data
from portfolios.checker import check_artifact

DELIBERATELY_WEAK = tuple(demo_data.DELIBERATELY_WEAK)  # the kinds the demo labels "Deliberately weak"


def _scores(track, artifacts):
    return {kind: check_artifact(kind, track, fields).rows for kind, _status, fields in artifacts}


def test_the_polished_rehab_artifacts_score_proficient_or_better_on_every_row():
    for kind, rows in _scores("inpatient_rehab", demo_data.REHAB_ARTIFACTS).items():
        assert all(row.score >= 3 for row in rows.values()), (kind, {key: row.score for key, row in rows.items()})


def test_the_deliberately_weak_outpatient_artifacts_score_visibly_lower():
    scores = _scores("outpatient", demo_data.OUTPATIENT_ARTIFACTS)
    for kind in DELIBERATELY_WEAK:
        assert max(row.score for row in scores[kind].values()) <= 1, (kind, scores[kind])
