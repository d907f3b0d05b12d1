"""import_portfolio: every malformed file is a CommandError with a reason, and what it stores is clean."""

from __future__ import annotations

import copy
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from portfolios import services
from portfolios.models import Portfolio, Revision, User
from tests.conftest import Client, make_user, save
from tests.fuzz.support import fuzz, isolated

TARGET = "target@example.com"


@pytest.fixture
def good(candidate, portfolio) -> dict:
    """A real export: an outpatient portfolio whose case write-up has two revisions (case_writeup first)."""
    save(portfolio, "case_writeup", {"context": "Client A, 72.", "plan": "Client will dress with min A."})
    save(portfolio, "case_writeup", {"context": "Client A, 72, hand clinic.", "plan": "Client will dress with min A."})
    save(portfolio, "plan_of_care", {"problem": "Client requires Mod A for LB dressing due to hip pain."})
    data = json.loads(json.dumps(services.account_export(user=candidate)))
    data["portfolios"][0]["artifacts"].sort(key=lambda artifact: artifact["kind"])
    make_user(TARGET)
    return data


def run_import(tmp_path, content: str) -> None:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    call_command("import_portfolio", str(path), user=TARGET)


def first(data):
    return data["portfolios"][0]["artifacts"][0]  # case_writeup


def set_in(path, value):
    """A mutation: set the value at `path` (keys and indexes from the root)."""

    def mutate(data):
        node = data
        for step in path[:-1]:
            node = node[step]
        node[path[-1]] = value

    return mutate


CASE = ["portfolios", 0, "artifacts", 0]
OLD = [*CASE, "revisions", 0]

MALFORMED = [
    (lambda d: d.clear() or d.update(format="otportfolio-export", version=True), "Unsupported export version"),
    (set_in(["portfolios"], {}), "no list of portfolios"),
    (set_in(["portfolios", 0], []), "expected an object, not a list"),
    (set_in(["portfolios", 0, "track"], ["outpatient"]), "unknown track"),
    (set_in(["portfolios", 0, "artifacts"], {"a": 1}), "expected a list, not an object"),
    (set_in(CASE, "case_writeup"), "expected an object, not text"),
    (set_in([*CASE, "kind"], {"k": 1}), "unknown kind"),
    (set_in([*CASE, "revisions"], "abc"), "needs its revisions"),
    (set_in(OLD, None), "numbered 1..version"),
    (set_in([*OLD, "number"], True), "numbered 1..version"),
    (set_in([*OLD, "number"], 1.0), "numbered 1..version"),
    (set_in([*CASE, "version"], "2"), "numbered 1..version"),
    (set_in([*OLD, "fields"], ["context"]), "fields: expected an object, not a list"),
    (set_in([*OLD, "fields"], None), "fields: expected an object, not null"),
    (set_in([*OLD, "fields", "context"], 5), "must be text"),
    (set_in([*OLD, "fields", "context"], {"nested": ["deep"]}), "must be text"),
    (set_in([*OLD, "fields", "context"], False), "must be text"),
    (set_in([*OLD, "fields", "nonsense"], "x"), "Unknown section"),
    (set_in([*OLD, "status"], ["draft"]), "unknown status"),
    (set_in([*OLD, "note"], 7), "note: expected text, not a number"),
    (set_in([*OLD, "note"], "two\nlines"), "single line"),
    (set_in([*OLD, "created_at"], "2024-13-45T00:00:00"), "not a date and time"),
    (set_in([*OLD, "created_at"], 12345), "not a date and time"),
    (set_in([*CASE, "fields", "context"], "edited"), "fields differ from the last revision"),
    (set_in([*OLD, "summary"], 7), "summary: expected text, not a number"),
    (set_in([*OLD, "summary"], "two\nlines"), "single line"),
    (set_in([*OLD, "summary"], "x" * 201), "201 characters; the limit is 200"),
    (set_in([*OLD, "summary"], "Mrs. Alvarez: grip from 8 to 22 lb in 30-minute visits."), "patient identifier"),
    (set_in([*CASE, "summary"], "Edited: 0 late notes with one OT."), "summary differs from the last revision"),
    (lambda d: d["portfolios"].append(copy.deepcopy(d["portfolios"][0])), "two portfolios for one track"),
    (lambda d: d["portfolios"][0]["artifacts"].append(first(d)), "appears twice"),
]


@pytest.mark.parametrize(("mutate", "message"), MALFORMED)
def test_a_malformed_file_is_a_command_error_that_says_why(good, tmp_path, mutate, message):
    mutate(good)
    with pytest.raises(CommandError, match=message):
        run_import(tmp_path, json.dumps(good))
    assert not Portfolio.objects.filter(owner__email=TARGET).exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested or sized past reason"),
        ('{"version": ' + "1" * 5000 + "}", "nested or sized past reason"),
        ("[]", "not an OT Portfolio export"),
        ('"otportfolio-export"', "not an OT Portfolio export"),
    ],
)
def test_files_that_are_not_exports_at_all_are_command_errors(db, tmp_path, content, message):
    make_user(TARGET)
    with pytest.raises(CommandError, match=message):
        run_import(tmp_path, content)


def history_pages_open(owner: User) -> bool:
    client = Client()
    client.force_login(owner)
    for portfolio in Portfolio.objects.filter(owner=owner).prefetch_related("artifacts"):
        for artifact in portfolio.artifacts.all():
            url = reverse("portfolios:artifact_history", args=[portfolio.pk, artifact.kind])
            if client.get(url).status_code != 200:
                return False
    return True


def test_a_null_section_is_stored_as_empty_text_and_its_history_opens(good, tmp_path):
    for node in (first(good), *first(good)["revisions"]):
        node["fields"]["context"] = None
    run_import(tmp_path, json.dumps(good))
    target = User.objects.get(email=TARGET)
    revisions = Revision.objects.filter(artifact__portfolio__owner=target, artifact__kind="case_writeup")
    assert [revision.fields["context"] for revision in revisions] == ["", ""]
    assert history_pages_open(target)


def test_text_is_cleaned_as_the_editor_cleans_it(good, tmp_path):
    for node in (first(good), first(good)["revisions"][-1]):
        node["fields"]["plan"] = "Client will dress with min A.\r\n   \r\n"
    run_import(tmp_path, json.dumps(good))
    stored = Revision.objects.get(artifact__portfolio__owner__email=TARGET, artifact__kind="case_writeup", number=2)
    assert stored.fields["plan"] == "Client will dress with min A."


def test_summaries_come_back_on_the_artifact_and_every_revision(candidate, portfolio, tmp_path):
    first_line = "Grip from 8 to 22 lb in 30-minute visits."
    second_line = "Grip from 8 to 22 lb in 10 visits under a payer cap."
    for summary in (first_line, second_line):
        current = portfolio.artifacts.filter(kind="case_writeup").first()
        services.artifact_save(
            portfolio=portfolio,
            kind="case_writeup",
            fields={"context": "Client A, 72."},
            status="draft",
            expected_version=current.version if current else 0,
            author=candidate,
            summary=summary,
        )
    data = services.account_export(user=candidate)
    exported = data["portfolios"][0]["artifacts"][0]
    assert exported["summary"] == second_line
    assert [revision["summary"] for revision in exported["revisions"]] == [first_line, second_line]
    make_user(TARGET)
    run_import(tmp_path, json.dumps(data))
    revisions = Revision.objects.filter(artifact__portfolio__owner__email=TARGET).order_by("number")
    assert [revision.summary for revision in revisions] == [first_line, second_line]
    assert revisions[0].artifact.summary == second_line


def test_an_export_from_before_summaries_imports_with_none(good, tmp_path):
    for node in (first(good), *first(good)["revisions"]):
        del node["summary"]
    run_import(tmp_path, json.dumps(good))
    assert not Revision.objects.filter(artifact__portfolio__owner__email=TARGET).exclude(summary="").exists()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def paths(node, prefix=()):
    """Every place in a JSON document, the root's children and down."""
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        yield (*prefix, key)
        yield from paths(child, (*prefix, key))


@fuzz(150)
@given(data=st.data())
def test_any_single_change_to_an_export_is_imported_clean_or_refused_with_a_reason(good, tmp_path, data):
    document = copy.deepcopy(good)
    path = data.draw(st.sampled_from(sorted(paths(document), key=repr)))
    replacement = data.draw(JSON | st.sampled_from(["", "draft", "complete", 2, 3, "case_writeup", "outpatient"]))
    set_in(list(path), replacement)(document)
    with isolated():
        try:
            run_import(tmp_path, json.dumps(document))
        except CommandError as error:
            assert str(error) and "Traceback" not in str(error)
            return
        target = User.objects.get(email=TARGET)
        for revision in Revision.objects.filter(artifact__portfolio__owner=target):
            assert all(isinstance(text, str) for text in revision.fields.values())
            assert isinstance(revision.note, str)
            assert isinstance(revision.summary, str) and len(revision.summary) <= 200
        assert history_pages_open(target)
