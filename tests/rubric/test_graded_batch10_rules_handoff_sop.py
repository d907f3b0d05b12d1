"""Rules added when graded batch 10 became tuning material (handoffs and SOP checklists), on texts written here.

A checklist's owner-and-review section is about the document itself: a date there ("next revision due
14 March") is the checklist's, not a patient's, so the PHI gate lets it pass, and flags every other
identifier there and every date elsewhere. Terse items are checks when they read a vital sign off, put a
value in the record, or start with an arranging verb ("Book the review", "Show the exercises"). A stop rule
may be the stop itself ("Stop walking if …"); a second tier may be the first step not working ("not
settling after 5 min: …"); "at once", "straight away" and "after 3 min" are whens. A pause point may be each
client's first time doing something ("Every client's first shower"), a trigger written as a clause ("Whenever
the ward pharmacist changes an anticoagulant dose", three quarters) or, for a quarter, the cases it is used
for ("children referred to the feeding clinic"). An escalation path names the results that trigger it, not
outcomes.
"""

from __future__ import annotations

import pytest

from portfolios.checker import check_artifact
from portfolios.rubric import phi
from tests.rubric.texts import artifact_text

_CHECKLIST = {
    "error_prevented": "Skin tears on frail forearms when a slide sheet is pulled out from under a client after a bed move.",
    "when_used": "Before every bed move that uses a slide sheet on the older-adult ward.",
    "checklist_type": "READ-DO",
    "items": (
        "1. Skin on both forearms inspected and marked on the body map.\n"
        "2. Sleeves pulled down over the forearms.\n"
        "3. Two staff on the sheet, one on each side.\n"
        "4. Sheet removed by rolling it, never pulled flat.\n"
        "5. Skin re-inspected and recorded after the move."
    ),
    "exceptions": "Not used in a resuscitation. If a second staff member is not available, do not move the client.",
    "escalation": "Any new tear: tell the nurse in charge at once, then the tissue viability nurse the same day.",
}


def _phi_checks(kind: str, fields: dict[str, str]) -> list[tuple[str, str]]:
    return [(f.field, f.check) for f in check_artifact(kind, "acute", fields).findings if f.check.startswith("phi.")]


# --- PHI: a review date in the owner-and-review section is the document's own ---------------------
@pytest.mark.parametrize("kind", ["sop_checklist", "calibration_checklist"])
@pytest.mark.parametrize(
    "owner_review",
    [
        "Owner: the ward OT lead. Next revision due 14 March.",
        "Owned by the senior OT; piloted for four weeks and reviewed on 2 February 2026.",
        "Owner: band 7 OT. Checklist to be revised by 30th Nov.",
    ],
)
def test_a_review_date_in_the_owner_section_is_the_documents_date_not_a_patients(kind, owner_review):
    fields = {**_CHECKLIST, "owner_review": owner_review}
    assert ("owner_review", "phi.date") not in _phi_checks(kind, fields)


@pytest.mark.parametrize(
    "owner_review",
    [
        "Owner: OT lead. Reviewed after the fall of the client born 3 April 1950; call 555-201-3344.",
        "Owner: OT lead, MRN 48812345 audited.",
    ],
)
def test_other_identifiers_in_the_owner_section_are_still_flagged(owner_review):
    checks = _phi_checks("sop_checklist", {**_CHECKLIST, "owner_review": owner_review})
    assert any(field == "owner_review" and check != "phi.date" for field, check in checks)


def test_a_date_in_any_other_section_of_the_checklist_is_still_flagged():
    fields = {
        **_CHECKLIST,
        "error_prevented": "A skin tear on 14 March when a slide sheet was pulled out from under a client.",
        "owner_review": "Owner: ward OT lead; reviewed yearly.",
    }
    assert ("error_prevented", "phi.date") in _phi_checks("sop_checklist", fields)


def test_a_review_section_of_a_kind_without_the_role_still_flags_a_date():
    text = artifact_text("sop_checklist", "acute", {"owner_review": "Revised by 30 Sept."})
    bare = type(text)(kind=text.kind, track=text.track, fields=text.fields, spec=None)
    assert [f.check for f in phi.check(bare)] == ["phi.date"]
