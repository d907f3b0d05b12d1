"""Fuzzing the candidate's pages: portfolio create and change track, the artifact editor (draft, complete,
check), the live check, replace-with-placeholder, history with arbitrary query strings, and restore.

Invariants: never a 5xx; a refused request changes no row; an accepted save stores exactly
the sent text after the documented normalisation (see `support.normalised`).
"""

from __future__ import annotations

from django import forms
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from portfolios.kinds import KINDS, KINDS_BY_KEY, SECTION_MAX_CHARS
from portfolios.models import Artifact, Portfolio, Revision
from portfolios.rubric.phi import PLACEHOLDERS
from portfolios.tracks import TRACKS
from tests.conftest import save
from tests.fuzz.conftest import CASE
from tests.fuzz.support import (
    CONTROLS,
    ENCODINGS,
    USER_COUNTERS,
    assert_unchanged,
    changed_fields,
    changed_tables,
    clean_text,
    counts,
    db_state,
    fuzz,
    isolated,
    last,
    maybe_duplicated,
    nasty_text,
    normalised,
    numbers,
    section_refused,
    submit,
)

KIND_KEYS = [kind.key for kind in KINDS if kind.listed]  # unlisted kinds (interview stories) have their own editor
TRACK_KEYS = [track.key for track in TRACKS]
VALID_ACTIONS = {None, "", "draft", "complete", "check"}
ACTIONS = st.sampled_from([None, "", "draft", "complete", "check", "draft", "complete", "garbage", "DRAFT", " draft"])


def edit_url(world, kind="case_writeup"):
    return reverse("portfolios:artifact_edit", args=[world.portfolio.pk, kind])


def parsed_version(value):
    """What the editor's hidden `version` field accepts (0 to the largest database integer), or None."""
    try:
        return forms.IntegerField(min_value=0, max_value=2**31 - 1).clean(value)
    except forms.ValidationError:
        return None


@st.composite
def editor_posts(draw):
    """A kind, a value for each of its sections (sometimes duplicated, sometimes with a control character)."""
    kind = KINDS_BY_KEY[draw(st.sampled_from(KIND_KEYS))]
    values = {key: draw(maybe_duplicated(clean_text())) for key in kind.section_keys}
    if draw(st.integers(0, 4)) == 0:
        key = draw(st.sampled_from(kind.section_keys))
        text = last(values[key])
        at = draw(st.integers(0, len(text)))
        values[key] = text[:at] + draw(st.sampled_from(CONTROLS)) + text[at:]
    summary = draw(SUMMARIES)
    if summary is not None:  # None: a post without the field (an older page), which keeps the current summary
        values["summary"] = summary
    return kind.key, values, draw(ACTIONS)


# The proof summary as sent: absent, blank, a good line, or one the form refuses (second line, too long).
GOOD_SUMMARY = "Grip from 8 to 22 lb in 30-minute visits."
SUMMARIES = st.sampled_from([None, "", "  ", GOOD_SUMMARY, f" {GOOD_SUMMARY} ", "two\nlines", "x" * 201])


def summary_refused(summary: str | None) -> bool:
    return summary is not None and ("\n" in summary or len(summary.strip()) > 200)


def form_refuses(kind, values, action, current_summary: str = "") -> bool:
    """Whether the editor's form must refuse these sections, summary and action (version aside).

    Marking complete needs a proof summary: the one sent, or the current one when none is sent.
    """
    if action not in VALID_ACTIONS:
        return True
    sent = {key: last(values.get(key, "")) for key in kind.section_keys}
    if any(section_refused(text) for text in sent.values()) or summary_refused(values.get("summary")):
        return True
    if action != "complete":
        return False
    summary = values["summary"].strip() if "summary" in values else current_summary
    return not summary or any(section.required and not normalised(sent[section.key]) for section in kind.sections)


# ---- the artifact editor -----------------------------------------------------------------------


def browser_post(values: dict, action: str | None) -> dict:
    """The form data a browser sends: every section, then the clicked submit button (`name="action"`).

    A section whose key is also "action" (metric_definition's "What action changes it") is sent
    under the same name, before the button, exactly as a browser serialises the form.
    """
    data = dict(values)
    if action is not None:
        if "action" in data:
            typed = data["action"]
            data["action"] = [*(typed if isinstance(typed, list) else [typed]), action]
        else:
            data["action"] = action
    return data


# Every section of a kind, blank: the editor always posts them all.
BLANK = {key: dict.fromkeys(kind.section_keys, "") for key, kind in KINDS_BY_KEY.items()}

METRIC_DEFINITION = {
    "metric": "Press Ganey top-box, OT questions",
    "definition": "Share of returned surveys scoring 5/5 on the three OT items, per calendar month.",
    "edge_cases": "Surveys returned after discharge count in the month of the visit.",
    "owner": "OT lead, reviewed monthly",
    "response_action": "Below 80% two months running: review scheduling and education scripts.",
}


@fuzz(70)
@given(post=editor_posts(), encoding=ENCODINGS)
@example(
    post=("case_writeup", {**BLANK["case_writeup"], "plan": "a \r\n\u3000b\r\r\n \t"}, "draft"), encoding="multipart"
)
@example(
    post=("metric_definition", {**BLANK["metric_definition"], "response_action": ""}, "draft"), encoding="multipart"
)
def test_the_editor_stores_exactly_the_normalised_text_or_nothing(world, post, encoding):
    kind_key, values, action = post
    kind = KINDS_BY_KEY[kind_key]
    world.reset_cookies()
    with isolated():
        current = Artifact.objects.filter(portfolio=world.portfolio, kind=kind.key).first()
        version = current.version if current else 0
        data = {"version": str(version), **browser_post(values, action)}
        before, before_counts = db_state(), counts()
        response = submit(world.owner, edit_url(world, kind.key), data, encoding=encoding)
        expected = {key: normalised(last(values.get(key, ""))) for key in kind.section_keys}
        if form_refuses(kind, values, action, current.summary if current else ""):
            assert response.status_code == 422, response.status_code
            assert_unchanged(before, response, "refused editor save")
        elif action == "check":
            assert response.status_code == 200, response.status_code
            assert_unchanged(before, response, "check without saving")
        else:
            assert response.status_code == 302, response.status_code
            artifact = Artifact.objects.get(portfolio=world.portfolio, kind=kind.key)
            assert artifact.version == version + 1
            assert artifact.fields == expected
            assert artifact.status == ("complete" if action == "complete" else "draft")
            revision = artifact.revisions.get(number=artifact.version)
            assert revision.fields == expected and revision.status == artifact.status
            summary = values["summary"].strip() if "summary" in values else (current.summary if current else "")
            assert artifact.summary == revision.summary == summary
            assert counts() == {
                **before_counts,
                "Artifact": before_counts["Artifact"] + (0 if current else 1),
                "Revision": before_counts["Revision"] + 1,
            }
            after = db_state()
            assert set(changed_tables(before, after)) <= {"Artifact", "Revision", "Portfolio", "User"}
            assert changed_fields(before, after, "User") <= USER_COUNTERS
            # The saved text renders back in the editor (findings, marks and all) without an error.
            assert world.owner.get(edit_url(world, kind.key)).status_code == 200


def test_metric_definition_keeps_its_action_section_as_typed(world):
    """Regression: the section key "action" collided with the editor's submit buttons (`name="action"`).

    The browser sends the typed section and then the clicked button under the same name; the
    form keeps the last value, so the section is saved as the word "draft" (or "complete").
    """
    world.reset_cookies()
    with isolated():
        for button, status in (("draft", "draft"), ("complete", "complete")):
            current = Artifact.objects.filter(portfolio=world.portfolio, kind="metric_definition").first()
            data = browser_post({"summary": GOOD_SUMMARY, **METRIC_DEFINITION}, button)
            data["version"] = str(current.version if current else 0)
            response = submit(world.owner, edit_url(world, "metric_definition"), data)
            assert response.status_code == 302
            artifact = Artifact.objects.get(portfolio=world.portfolio, kind="metric_definition")
            assert artifact.status == status
            assert artifact.fields == METRIC_DEFINITION, artifact.fields["response_action"]


def django_int(value) -> int | None:
    """How Django's IntegerField reads a value (no bounds), or None when it cannot."""
    try:
        return forms.IntegerField().clean(value)
    except forms.ValidationError:
        return None


@fuzz(50)
@given(
    version=st.one_of(st.none(), maybe_duplicated(numbers())),
    text=clean_text(),
    action=st.sampled_from(["draft", "complete"]),
    encoding=ENCODINGS,
)
def test_a_save_at_any_version_but_the_current_one_changes_nothing(world, version, text, action, encoding):
    """Stale, negative, huge, non-numeric, missing or duplicated versions: a 409 or 422 that writes nothing."""
    world.reset_cookies()
    with isolated():
        data = {**CASE, "summary": GOOD_SUMMARY, "plan": text, "action": action}
        if version is not None:
            data["version"] = version
        before = db_state()
        response = submit(world.owner, edit_url(world), data, encoding=encoding)
        current = world.artifact.version
        sent = last(version) if version is not None else None
        plain = sent is not None and sent.strip().isascii() and sent.strip().isdigit() and len(sent.strip()) < 12
        if action == "complete" and not normalised(text):
            assert response.status_code == 422, response.status_code  # the plan is required to complete
        elif plain and int(sent) == current:
            assert response.status_code == 302, response.status_code
        elif plain and int(sent) <= 2**31 - 1:
            assert response.status_code == 409, response.status_code  # the conflict page
        else:
            assert response.status_code in (302, 409, 422), response.status_code
        if response.status_code == 302:
            assert django_int(sent) == current
            artifact = Artifact.objects.get(pk=world.artifact.pk)
            assert artifact.version == current + 1
            assert artifact.fields["plan"] == normalised(text)
        else:
            assert_unchanged(before, response, "editor save at a stale or unreadable version")


@fuzz(30)
@given(
    keep=st.sets(st.sampled_from([*KINDS_BY_KEY["case_writeup"].section_keys, "version", "action"])),
    encoding=ENCODINGS,
)
def test_missing_fields(world, keep, encoding):
    """A save must carry every section and the version; anything less is refused and changes nothing."""
    world.reset_cookies()
    with isolated():
        full = {**CASE, "reflection": "Measure weekly. ", "version": str(world.artifact.version), "action": "draft"}
        data = {key: value for key, value in full.items() if key in keep}
        before = db_state()
        response = submit(world.owner, edit_url(world), data, encoding=encoding)
        sections = KINDS_BY_KEY["case_writeup"].section_keys
        if "version" not in keep or not set(sections) <= keep:
            assert response.status_code == 422
            assert_unchanged(before, response, "save without a version or with sections missing")
            return
        assert response.status_code == 302
        artifact = Artifact.objects.get(pk=world.artifact.pk)
        for key in sections:
            assert artifact.fields[key] == normalised(data[key])


@fuzz(12)
@given(
    length=st.integers(SECTION_MAX_CHARS - 4, SECTION_MAX_CHARS + 4),
    line_breaks=st.integers(0, 4),
    tail=st.sampled_from(["", "\r\n", "  ", "\r\n\r\n", " \t", "\u3000"]),
)
def test_section_length_limit_counts_text_after_line_break_normalisation(world, length, line_breaks, tail):
    world.reset_cookies()
    with isolated():
        body = "ab\r\n" * line_breaks
        text = body + "x" * max(0, length - len(body.replace("\r\n", "\n"))) + tail
        data = {**CASE, "plan": text, "version": str(world.artifact.version), "action": "draft"}
        before = db_state()
        response = submit(world.owner, edit_url(world), data)
        if section_refused(text):
            assert response.status_code == 422
            assert_unchanged(before, response, "oversize section")
        else:
            assert response.status_code == 302
            assert Artifact.objects.get(pk=world.artifact.pk).fields["plan"] == normalised(text)


def test_a_megabyte_section_is_refused_and_nothing_is_saved(world):
    for encoding in ("multipart", "urlencoded"):
        with isolated():
            before = db_state()
            data = {**CASE, "plan": "a" * 1_000_000, "version": str(world.artifact.version), "action": "draft"}
            response = submit(world.owner, edit_url(world), data, encoding=encoding)
            assert response.status_code == 422
            assert_unchanged(before, response, f"1 MB section ({encoding})")


# ---- the live check ------------------------------------------------------------------------------


@fuzz(40)
@given(post=editor_posts(), version=st.one_of(st.none(), numbers()), encoding=ENCODINGS)
def test_the_live_check_answers_findings_or_errors_and_saves_nothing(world, post, version, encoding):
    """Posted as live-check.js does: the whole form, then `body.set("action", "check")`."""
    kind_key, values, _ = post
    kind = KINDS_BY_KEY[kind_key]
    world.reset_cookies()
    with isolated():
        data = {**values, "action": "check"}
        if version is not None:
            data["version"] = version
        url = reverse("portfolios:artifact_check", args=[world.portfolio.pk, kind.key])
        before = db_state()
        response = submit(world.owner, url, data, encoding=encoding)
        if "action" in kind.section_keys:
            # metric_definition: the "action" section is overwritten by the JS (see the editor test).
            assert response.status_code in (200, 422)
        else:
            refused = version is None or parsed_version(version) is None or form_refuses(kind, values, "check")
            assert response.status_code == (422 if refused else 200)
        assert_unchanged(before, response, "live check")


# ---- replace with placeholder -----------------------------------------------------------------

IDENTIFIERS = [
    "Mrs. Alvarez",
    "03/14/2024",
    "555-123-4567",
    "john.doe@example.com",
    "MRN 12345678",
    "SSN 123-45-6789",
    "Boston, MA 02115",
]


@fuzz(40)
@given(
    data=st.fixed_dictionaries(
        {},
        optional={
            "expected_version": maybe_duplicated(numbers()),
            "field": st.one_of(st.sampled_from([*CASE, "reflection", "nope"]), nasty_text(3)),
            "start": numbers(),
            "end": numbers(),
            "check": st.one_of(st.sampled_from([*PLACEHOLDERS, "phi.zz", "phi."]), nasty_text(3)),
        },
    ),
    encoding=ENCODINGS,
)
def test_replace_with_arbitrary_input_changes_nothing(world, data, encoding):
    """Nothing in the world's case write-up is flagged, so no input may change it."""
    world.reset_cookies()
    with isolated():
        url = reverse("portfolios:artifact_redact", args=[world.portfolio.pk, "case_writeup"])
        before = db_state()
        response = submit(world.owner, url, data, encoding=encoding)
        assert response.status_code == 302
        assert_unchanged(before, response, "replace of an unflagged span")


@fuzz(25)
@given(
    prefix=clean_text(4),
    identifier=st.sampled_from(IDENTIFIERS),
    suffix=clean_text(4),
    section=st.sampled_from(["context", "assessment", "plan"]),
    pick=st.integers(0, 20),
)
def test_replace_with_placeholder_rewrites_only_the_flagged_span(world, prefix, identifier, suffix, section, pick):
    world.reset_cookies()
    with isolated():
        artifact = save(world.portfolio, "case_writeup", {**CASE, section: f"{prefix} {identifier} {suffix}"})
        flagged = [f for f in artifact.check_result["findings"] if f["check"].startswith("phi.")]
        if not flagged:
            return
        finding = flagged[pick % len(flagged)]
        data = {"expected_version": artifact.version, **{k: finding[k] for k in ("field", "start", "end", "check")}}
        url = reverse("portfolios:artifact_redact", args=[world.portfolio.pk, "case_writeup"])
        response = submit(world.owner, url, data)
        assert response.status_code == 302
        saved = Artifact.objects.get(pk=artifact.pk)
        text = artifact.fields[finding["field"]]
        placeholder = PLACEHOLDERS[finding["check"]]
        replaced = normalised(text[: finding["start"]] + placeholder + text[finding["end"] :])
        assert saved.version == artifact.version + 1
        assert saved.fields == {**artifact.fields, finding["field"]: replaced}
        # The same click from the now stale page changes nothing.
        before = db_state()
        response = submit(world.owner, url, data)
        assert response.status_code == 302
        assert_unchanged(before, response, "replace replayed from a stale page")


# ---- history and restore ----------------------------------------------------------------------


@fuzz(60)
@given(
    params=st.fixed_dictionaries(
        {},
        optional={"old": maybe_duplicated(numbers()), "new": maybe_duplicated(numbers())},
    ),
    extra=st.dictionaries(nasty_text(2), nasty_text(3), max_size=3),
)
@example(params={"old": "1", "new": str(2**63)}, extra={})
def test_history_with_arbitrary_query_strings(world, params, extra):
    world.reset_cookies()
    with isolated():
        url = reverse("portfolios:artifact_history", args=[world.portfolio.pk, "case_writeup"])
        before = db_state()
        response = world.owner.get(url, {**extra, **params})
        assert response.status_code == 200
        assert_unchanged(before, response, "history page")


def restore_target(version) -> int:
    """The version the restore view reads: int() of the last `version` value, -1 when unreadable."""
    try:
        return int(last(version))
    except (TypeError, ValueError):
        return -1


@fuzz(40)
@given(
    number=st.one_of(st.integers(0, 5), st.integers(0, 2**70)),
    version=st.one_of(st.none(), maybe_duplicated(numbers()), st.just("3")),
    encoding=ENCODINGS,
)
def test_restore_brings_back_exactly_the_old_revision_or_changes_nothing(world, number, version, encoding):
    world.reset_cookies()
    with isolated():
        url = f"/portfolios/{world.portfolio.pk}/artifacts/case_writeup/history/{number}/restore/"
        before = db_state()
        response = submit(world.owner, url, {} if version is None else {"version": version}, encoding=encoding)
        current = world.artifact.version
        if len(str(number)) > 9:  # ids in URLs have at most nine digits
            assert response.status_code == 404
            assert_unchanged(before, response, "restore of an impossible revision number")
            return
        assert response.status_code == 302
        if 1 <= number <= current and version is not None and restore_target(version) == current:
            old = Revision.objects.get(artifact=world.artifact, number=number)
            artifact = Artifact.objects.get(pk=world.artifact.pk)
            assert artifact.version == current + 1
            assert artifact.fields == old.fields
            assert artifact.status == old.status
        else:
            assert_unchanged(before, response, "refused restore")


# ---- portfolios ------------------------------------------------------------------------------------

TRACK_VALUES = st.one_of(
    st.sampled_from(TRACK_KEYS),
    st.sampled_from(TRACK_KEYS).map(str.upper),
    st.sampled_from(TRACK_KEYS).map(lambda key: f" {key}"),
    st.sampled_from(TRACK_KEYS).map(lambda key: f"{key}\x00"),
    nasty_text(3),
)


@fuzz(30)
@given(track=st.one_of(st.none(), maybe_duplicated(TRACK_VALUES)), encoding=ENCODINGS)
def test_portfolio_create(world, track, encoding):
    world.reset_cookies()
    with isolated():
        before, before_counts = db_state(), counts()
        response = submit(
            world.owner,
            reverse("portfolios:portfolio_new"),
            {} if track is None else {"track": track},
            encoding=encoding,
        )
        chosen = last(track) if track is not None else None
        if chosen in TRACK_KEYS and chosen != world.portfolio.track:
            assert response.status_code == 302
            created = Portfolio.objects.get(owner=world.candidate, track=chosen)
            assert response["Location"] == created.get_absolute_url()
            assert counts() == {**before_counts, "Portfolio": before_counts["Portfolio"] + 1}
        else:
            assert response.status_code == 200  # the form again, with its error
            assert_unchanged(before, response, "refused portfolio create")


@fuzz(30)
@given(
    track=st.one_of(st.none(), maybe_duplicated(TRACK_VALUES)),
    other=st.one_of(st.none(), st.sampled_from(TRACK_KEYS[1:])),
    encoding=ENCODINGS,
)
def test_portfolio_change_track(world, track, other, encoding):
    world.reset_cookies()
    with isolated():
        if other is not None:
            Portfolio.objects.create(owner=world.candidate, track=other)
        url = reverse("portfolios:portfolio_track", args=[world.portfolio.pk])
        before = db_state()
        response = submit(world.owner, url, {} if track is None else {"track": track}, encoding=encoding)
        assert response.status_code == 302
        chosen = last(track) if track is not None else None
        moved = chosen in TRACK_KEYS and chosen not in {world.portfolio.track, other}
        portfolio = Portfolio.objects.get(pk=world.portfolio.pk)
        if moved:
            assert portfolio.track == chosen
            after = db_state()
            assert set(changed_tables(before, after)) <= {"Portfolio", "Artifact", "User"}
            assert changed_fields(before, after, "User") <= USER_COUNTERS
        else:
            assert_unchanged(before, response, "refused or no-op track change")
