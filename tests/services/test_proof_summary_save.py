import pytest
from django.core.exceptions import ValidationError

from portfolios import services
from portfolios.models import Artifact, Revision
from tests.conftest import save

SUMMARY = "Grip from 8 to 22 lb in 10 visits under a 12-visit payer cap, in 30-minute visits."
CASE = {"context": "Client A, 72, outpatient hand clinic."}


def save_with(portfolio, summary, *, fields=CASE, status="draft"):
    current = Artifact.objects.filter(portfolio=portfolio, kind="case_writeup").first()
    return services.artifact_save(
        portfolio=portfolio,
        kind="case_writeup",
        fields=fields,
        status=status,
        expected_version=current.version if current else 0,
        author=portfolio.owner,
        summary=summary,
    )


def test_the_summary_is_stored_on_the_artifact_and_its_revision_trimmed(portfolio):
    saved = save_with(portfolio, f"  {SUMMARY}  ")
    assert saved.artifact.summary == SUMMARY
    assert saved.revision.summary == SUMMARY
    assert Artifact.objects.get().summary == SUMMARY


def test_no_summary_keeps_the_current_one_on_the_artifact_and_the_new_revision(portfolio):
    save_with(portfolio, SUMMARY)
    artifact = save(portfolio, "case_writeup", {"context": "Changed."})
    assert artifact.summary == SUMMARY
    assert Revision.objects.get(number=2).summary == SUMMARY


def test_an_empty_summary_clears_it(portfolio):
    save_with(portfolio, SUMMARY)
    assert save_with(portfolio, "").artifact.summary == ""


@pytest.mark.parametrize(
    ("summary", "message"),
    [
        ("x" * 201, "201 characters; the limit is 200"),
        ("Grip from 8 to 22 lb\nin 30-minute visits.", "single line"),
        ("Mrs. Alvarez: grip from 8 to 22 lb in 30-minute visits.", "looks like a patient identifier (name)"),
        ("Grip from 8 to 22 lb by 03/14/2025 in 30-minute visits.", "looks like a patient identifier (date)"),
    ],
)
def test_a_bad_summary_is_refused_on_its_key_and_nothing_is_written(portfolio, summary, message):
    save_with(portfolio, SUMMARY)
    with pytest.raises(ValidationError) as error:
        save_with(portfolio, summary, fields={"context": "Not saved."})
    assert message in " ".join(error.value.message_dict["summary"])
    artifact = Artifact.objects.get()
    assert (artifact.version, artifact.summary, artifact.fields["context"]) == (1, SUMMARY, CASE["context"])
    assert Revision.objects.count() == 1


def test_200_characters_are_accepted(portfolio):
    summary = SUMMARY[:-1] + " " + "a" * (199 - len(SUMMARY)) + "."
    assert len(summary) == 200
    assert save_with(portfolio, summary).artifact.summary == summary


def test_a_summary_without_a_number_or_constraint_is_saved_the_hints_do_not_block(portfolio):
    assert save_with(portfolio, "Things got better.").artifact.summary == "Things got better."


def test_restoring_a_revision_brings_back_its_summary(portfolio):
    save_with(portfolio, SUMMARY)
    artifact = save_with(portfolio, "Later line: 0 late notes with one OT.").artifact
    restored = services.revision_restore(artifact=artifact, number=1, author=portfolio.owner, expected_version=2)
    assert restored.artifact.summary == SUMMARY
    assert restored.revision.summary == SUMMARY


def test_restoring_a_revision_from_before_summaries_keeps_the_current_one(portfolio):
    save(portfolio, "case_writeup", CASE)  # revision 1: no summary
    artifact = save_with(portfolio, SUMMARY).artifact
    restored = services.revision_restore(artifact=artifact, number=1, author=portfolio.owner, expected_version=2)
    assert restored.artifact.summary == SUMMARY
    assert restored.artifact.fields["context"] == CASE["context"]


def test_replacing_identifiers_keeps_the_summary(portfolio):
    artifact = save_with(portfolio, SUMMARY, fields={"context": "Seen on 03/14/2025 in clinic."}).artifact
    saved = services.artifact_replace_all_identifiers(artifact=artifact, expected_version=1, author=portfolio.owner)
    assert "03/14/2025" not in saved.artifact.fields["context"]
    assert saved.artifact.summary == SUMMARY
    assert saved.revision.summary == SUMMARY


def test_a_conflict_carries_the_submitted_summary(portfolio):
    save_with(portfolio, SUMMARY)
    with pytest.raises(services.VersionConflict) as conflict:
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields=CASE,
            status="draft",
            expected_version=0,
            author=portfolio.owner,
            summary="Mine: 0 late notes with one OT.",
        )
    assert conflict.value.submitted_summary == "Mine: 0 late notes with one OT."
    assert Artifact.objects.get().summary == SUMMARY
