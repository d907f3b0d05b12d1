import pytest
from django.core.exceptions import ValidationError

from portfolios import services
from portfolios.models import Artifact, Revision
from tests.conftest import save

CASE = {
    "context": "Client A, 72, outpatient hand clinic.",
    "assessment": "PLOF independent; now Mod A for LB dressing.",
}


def test_every_save_writes_a_full_revision_with_author(portfolio):
    artifact = save(portfolio, "case_writeup", CASE)
    assert artifact.version == 1
    revision = Revision.objects.get(artifact=artifact)
    assert revision.number == 1
    assert revision.author == portfolio.owner
    assert revision.fields["context"] == CASE["context"]
    assert revision.fields["reflection"] == ""  # every section is stored, blank ones as ""


def test_it_stores_the_rubric_result_for_the_saved_version(portfolio):
    artifact = save(portfolio, "case_writeup", CASE)
    assert artifact.checked_version == artifact.version
    assert artifact.check_result["kind"] == "case_writeup"
    assert set(artifact.check_result["rows"]) == {"assessment", "documentation", "plan_of_care"}


def test_it_rejects_a_stale_version_and_writes_nothing(portfolio):
    save(portfolio, "case_writeup", CASE)
    with pytest.raises(services.VersionConflict) as conflict:
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields={"context": "my other tab"},
            status="draft",
            expected_version=0,
            author=portfolio.owner,
        )
    assert conflict.value.artifact.version == 1
    assert conflict.value.submitted["context"] == "my other tab"
    artifact = Artifact.objects.get(portfolio=portfolio, kind="case_writeup")
    assert artifact.fields["context"] == CASE["context"]
    assert Revision.objects.count() == 1


def test_a_conflict_on_a_new_artifact_leaves_no_empty_row(portfolio):
    with pytest.raises(services.VersionConflict):
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields=CASE,
            status="draft",
            expected_version=3,
            author=portfolio.owner,
        )
    assert not Artifact.objects.exists()


@pytest.mark.parametrize(
    ("fields", "status", "code_field"),
    [
        ({"context": "bad \x00 byte"}, "draft", "context"),
        ({"context": "x" * 20_001}, "draft", "context"),
        ({"context": "   \n\t  "}, "complete", "context"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(portfolio, fields, status, code_field):
    with pytest.raises(ValidationError) as error:
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields=fields,
            status=status,
            expected_version=0,
            author=portfolio.owner,
        )
    assert code_field in error.value.message_dict
    assert not Artifact.objects.exists()
    assert not Revision.objects.exists()


def test_unknown_sections_are_refused(portfolio):
    with pytest.raises(ValidationError):
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields={"nope": "x"},
            status="draft",
            expected_version=0,
            author=portfolio.owner,
        )
    assert not Artifact.objects.exists()


def test_whitespace_only_sections_are_stored_as_empty(portfolio):
    artifact = save(portfolio, "case_writeup", {"context": "  \n  ", "assessment": "Baseline measured.\n\n"})
    assert artifact.fields["context"] == ""
    assert artifact.fields["assessment"] == "Baseline measured."


def test_complete_needs_every_required_section(portfolio):
    with pytest.raises(ValidationError) as error:
        save(portfolio, "case_writeup", CASE, status="complete")
    missing = set(error.value.message_dict)
    assert missing == {"plan", "documentation", "follow_up", "handoffs"}  # reflection is optional


def test_restore_brings_an_old_revision_back_as_a_new_one(portfolio):
    save(portfolio, "case_writeup", CASE)
    artifact = save(portfolio, "case_writeup", {**CASE, "context": "Rewritten context."})
    result = services.revision_restore(artifact=artifact, number=1, author=portfolio.owner, expected_version=2)
    assert result.revision.number == 3
    assert result.revision.note == "Restored revision 1"
    assert result.artifact.fields["context"] == CASE["context"]
    assert list(Revision.objects.order_by("number").values_list("number", flat=True)) == [1, 2, 3]


def test_restore_refuses_a_stale_page(portfolio):
    save(portfolio, "case_writeup", CASE)
    artifact = save(portfolio, "case_writeup", {**CASE, "context": "Rewritten context."})
    with pytest.raises(services.VersionConflict):
        services.revision_restore(artifact=artifact, number=1, author=portfolio.owner, expected_version=1)
    assert Revision.objects.count() == 2


def test_restore_of_an_unknown_revision_is_a_clear_error(portfolio):
    artifact = save(portfolio, "case_writeup", CASE)
    with pytest.raises(ValidationError):
        services.revision_restore(artifact=artifact, number=9, author=portfolio.owner, expected_version=1)
