"""Editor polish: required sections say so (seen and heard), text boxes grow, check ids fold into a details toggle."""

from django.urls import reverse

from tests.conftest import save


def edit_page(client, portfolio, kind="case_writeup") -> str:
    return client.get(reverse("portfolios:artifact_edit", args=[portfolio.pk, kind])).content.decode()


def test_required_sections_carry_a_required_tag_and_a_description(candidate_client, portfolio):
    body = edit_page(candidate_client, portfolio)
    # The tag is drawn by CSS on the label (`.section-required > label::after`), so screen readers hear it too.
    assert 'id="div_id_context" class="mb-3 section-required"' in body
    assert 'aria-describedby="required-note guidance-context"' in body
    assert 'id="required-note"' in body
    assert 'id="div_id_reflection" class="mb-3"' in body
    assert "Reflection (optional)" in body and 'aria-describedby="guidance-reflection"' in body


def test_the_editor_loads_the_autogrow_script(candidate_client, portfolio):
    assert "js/autogrow" in edit_page(candidate_client, portfolio)


def test_check_ids_sit_behind_a_details_toggle(candidate_client, portfolio):
    save(portfolio, "case_writeup", {"context": "Mrs. Alvarez, 67, seen on 03/14/2025."})
    body = edit_page(candidate_client, portfolio)
    assert '<details class="check-details' in body and "Check id: <code>phi." in body
    assert '<details class="score-reasons' in body or "score-reasons" in body
