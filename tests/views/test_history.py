from django.urls import reverse

from portfolios.models import Artifact, Revision
from tests.conftest import save


def history_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_history", args=[portfolio.pk, kind])


def restore_url(portfolio, number, kind="case_writeup"):
    return reverse("portfolios:revision_restore", args=[portfolio.pk, kind, number])


def test_history_lists_revisions_and_diffs_the_latest_change(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Client needs Mod A."})
    save(portfolio, "case_writeup", {"context": "Client needs Min A."})
    body = candidate_client.get(history_url(portfolio)).content.decode()
    assert "2 revisions, newest first" in body
    assert "<del>Mod </del>" in body and "<ins>Min </ins>" in body


def test_history_diffs_any_two_chosen_revisions(candidate_client, portfolio):
    for text in ["first", "second", "third"]:
        save(portfolio, "case_writeup", {"context": text})
    body = candidate_client.get(history_url(portfolio), {"old": 1, "new": 3}).content.decode()
    assert "Changes from revision 1 to revision 3" in body
    assert "<del>first</del>" in body and "<ins>third</ins>" in body


def test_history_with_a_missing_revision_number_explains_itself(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "only"})
    body = candidate_client.get(history_url(portfolio), {"old": 1, "new": 7}).content.decode()
    assert "One of those revisions does not exist" in body


def test_history_of_an_artifact_never_saved_is_not_found(candidate_client, portfolio):
    assert candidate_client.get(history_url(portfolio)).status_code == 404


def test_restore_makes_a_new_revision_from_an_old_one(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "original"})
    save(portfolio, "case_writeup", {"context": "rewrite"})
    response = candidate_client.post(restore_url(portfolio, 1), {"version": 2}, follow=True)
    assert "Revision 1 restored as revision 3." in response.content.decode()
    assert Artifact.objects.get().fields["context"] == "original"
    assert Revision.objects.count() == 3


def test_restore_from_a_stale_page_restores_nothing(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "original"})
    save(portfolio, "case_writeup", {"context": "rewrite"})
    response = candidate_client.post(restore_url(portfolio, 1), {"version": 1}, follow=True)
    assert "Nothing was restored" in response.content.decode()
    assert Artifact.objects.get().fields["context"] == "rewrite"


def test_restore_with_garbage_version_restores_nothing(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "original"})
    save(portfolio, "case_writeup", {"context": "rewrite"})
    candidate_client.post(restore_url(portfolio, 1), {"version": "abc"})
    assert Revision.objects.count() == 2


def test_restore_is_post_only(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "original"})
    assert candidate_client.get(restore_url(portfolio, 1)).status_code == 405


def test_huge_numbers_in_urls_and_queries_are_a_clean_answer_not_a_crash(candidate_client, portfolio):
    # Found by fuzzing: SQLite cannot bind integers this large (OverflowError -> 500).
    save(portfolio, "case_writeup", {"context": "only"})
    huge = "9" * 30
    assert candidate_client.get(history_url(portfolio), {"old": huge, "new": 1}).status_code == 200
    assert candidate_client.get(f"/portfolios/{huge}/").status_code == 404
    assert (
        candidate_client.post(
            restore_url(portfolio, 1).replace("/1/restore", f"/{huge}/restore"), {"version": 1}
        ).status_code
        == 404
    )
    candidate_client.post(restore_url(portfolio, 1), {"version": huge})
    assert Revision.objects.count() == 1
