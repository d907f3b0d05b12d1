from django.core.management import call_command

from portfolios.models import Artifact, Revision
from tests.conftest import save


def test_recheck_refreshes_stale_stored_results_without_new_revisions(portfolio, capsys):
    artifact = save(portfolio, "case_writeup", {"context": "Mrs. Alvarez on 03/14/2025."})
    Artifact.objects.filter(pk=artifact.pk).update(
        check_result={"kind": "case_writeup", "track": "outpatient", "rows": {}, "findings": []}, phi_error_count=0
    )
    version_before = portfolio.__class__.objects.get(pk=portfolio.pk).content_version
    call_command("recheck_artifacts")
    artifact.refresh_from_db()
    assert artifact.phi_error_count >= 2
    assert Revision.objects.count() == 1 and artifact.version == 1
    assert portfolio.__class__.objects.get(pk=portfolio.pk).content_version > version_before
    assert "1 stored result(s) changed" in capsys.readouterr().out


def test_recheck_changes_nothing_when_results_are_current(portfolio, capsys):
    save(portfolio, "case_writeup", {"context": "Client A."})
    call_command("recheck_artifacts")
    assert "0 stored result(s) changed" in capsys.readouterr().out
