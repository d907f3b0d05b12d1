from django.urls import reverse

from portfolios.kinds import get_kind
from portfolios.models import Artifact, Revision
from tests.conftest import save


def edit_url(portfolio, kind="case_writeup"):
    return reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])


def post(client, portfolio, data, kind="case_writeup", **extra):
    """Post as the editor does: the proof summary and every section of the kind, blank unless given."""
    sections = dict.fromkeys(["summary", *get_kind(kind).section_keys], "")
    return client.post(edit_url(portfolio, kind), {**sections, **data}, **extra)


FULL_CASE = {
    "summary": "Grip from 8 to 20 lb in 10 visits, in 30-minute visits.",
    "context": "Client A, 72, outpatient hand clinic, 30-minute visits.",
    "assessment": "PLOF independent. Now Mod A for LB dressing due to hip pain; grip 8 lb.",
    "plan": "Client will dress her lower body with supervision using a reacher within 3 weeks.",
    "documentation": "Notes signed the same day with timed minutes.",
    "follow_up": "Reassessed at visit 10: grip 20 lb (from 8).",
    "handoffs": "Escalated new numbness to the surgeon the same day.",
}


def test_the_editor_shows_one_fieldset_per_section_with_guidance(candidate_client, portfolio):
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    for key in ["context", "assessment", "plan", "documentation", "follow_up", "handoffs", "reflection"]:
        assert f'id="section-{key}"' in body
        assert f'id="guidance-{key}"' in body
        assert f'guidance-{key}"' in body  # described by its guidance (required ones also by the required note)
    assert "Reflection (optional)" in body
    assert 'name="version" value="0"' in body
    assert "Not started" in body


def test_saving_a_draft_writes_revision_one_and_says_so(candidate_client, portfolio):
    response = post(
        candidate_client, portfolio, {"version": 0, "action": "draft", "context": "Client A, 72."}, follow=True
    )
    assert "saved as a draft (revision 1)" in response.content.decode()
    artifact = Artifact.objects.get()
    assert artifact.status == "draft" and artifact.version == 1
    assert artifact.fields["context"] == "Client A, 72."


def test_marking_complete_enforces_required_sections_and_keeps_the_text(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "complete", "context": "Typed text stays."})
    assert response.status_code == 422
    body = response.content.decode()
    assert "Typed text stays." in body
    assert "Assessment is required before you can mark this artifact complete." in body
    assert "Nothing was saved" in body
    assert not Artifact.objects.exists()


def test_marking_complete_with_every_required_section(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE}, follow=True)
    assert "marked complete (revision 1)" in response.content.decode()
    assert Artifact.objects.get().status == "complete"


def test_control_characters_are_refused_with_their_position(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "context": "ok\x00bad"})
    assert response.status_code == 422
    assert "invisible control character (code 0x00) at position 3" in response.content.decode()
    assert not Artifact.objects.exists()


def test_an_oversize_section_is_refused_with_its_length(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "plan": "a" * 20_001})
    assert response.status_code == 422
    assert "20,001 characters long; the limit is 20,000" in response.content.decode()
    assert not Artifact.objects.exists()


def test_whitespace_only_counts_as_empty_when_completing(candidate_client, portfolio):
    response = post(
        candidate_client, portfolio, {"version": 0, "action": "complete", **FULL_CASE, "handoffs": "   \n "}
    )
    assert response.status_code == 422
    assert "Handoffs and safety decisions is required" in response.content.decode()


def test_a_stale_save_shows_the_conflict_page_and_overwrites_nothing(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Text from the other tab."})
    response = post(candidate_client, portfolio, {"version": 0, "action": "draft", "context": "Text from this tab."})
    assert response.status_code == 409
    body = response.content.decode()
    assert "changed while you were editing" in body
    assert "Text from this tab." in body and "Text from the other tab." in body
    assert 'name="version" value="1"' in body  # saving from the conflict page targets the current version
    assert Artifact.objects.get().fields["context"] == "Text from the other tab."
    assert Revision.objects.count() == 1


def test_saving_from_the_conflict_page_keeps_both_texts_in_history(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Text from the other tab."})
    post(candidate_client, portfolio, {"version": 1, "action": "draft", "context": "Text from this tab."})
    texts = list(Revision.objects.order_by("number").values_list("fields__context", flat=True))
    assert texts == ["Text from the other tab.", "Text from this tab."]


def test_check_now_shows_findings_and_saves_nothing(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"version": 0, "action": "check", "context": "Seen on 03/14/2024."})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nothing was saved yet" in body
    assert 'id="findings-panel"' in body
    assert "Seen on 03/14/2024." in body  # the typed text stays in the form
    assert not Artifact.objects.exists()


def test_an_unknown_kind_is_not_found(candidate_client, portfolio):
    assert candidate_client.get(edit_url(portfolio, "resume")).status_code == 404


def test_a_missing_version_is_a_form_error_not_a_crash(candidate_client, portfolio):
    response = post(candidate_client, portfolio, {"action": "draft", "context": "x"})
    assert response.status_code == 422
    assert not Artifact.objects.exists()


def test_the_editor_loads_the_saved_text_and_version(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Saved <b>text</b>."})
    body = candidate_client.get(edit_url(portfolio)).content.decode()
    assert "Saved &lt;b&gt;text&lt;/b&gt;." in body  # user text is always escaped
    assert 'name="version" value="1"' in body


def test_a_save_missing_some_sections_is_refused_so_nothing_is_blanked(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Kept.", "plan": "Also kept."})
    response = candidate_client.post(edit_url(portfolio), {"version": 1, "action": "draft", "context": "Changed."})
    assert response.status_code == 422
    assert "The form arrived incomplete" in response.content.decode()
    assert Artifact.objects.get().fields == {
        **dict.fromkeys(get_kind("case_writeup").section_keys, ""),
        "context": "Kept.",
        "plan": "Also kept.",
    }
