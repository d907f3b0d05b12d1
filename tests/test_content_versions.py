"""Content versions move in one place, and these are every write that moves them.

Cached share pages, dashboard cards and identifier places are keyed by a content version
(`portfolios.fragments`); a write a reader could see that forgets to bump serves a stale page.
The first test lists every caller of the one helper: a new write path must be added here on
purpose. The second fails when anything else in the app writes the counters itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from portfolios.content_versions import content_changed
from portfolios.models import Portfolio, User
from portfolios.services import portfolio_create

APP = Path("portfolios")
HELPER = APP / "content_versions.py"

CALLERS = {
    "portfolios/admin.py: BumpsContentVersion.save_model",
    "portfolios/services/artifacts.py: artifact_save",
    "portfolios/services/artifacts.py: artifacts_recheck",
    "portfolios/services/artifacts.py: portfolio_change_track",
    "portfolios/services/artifacts.py: portfolio_create",
    "portfolios/services/artifacts.py: profile_update",
    "portfolios/services/identifiers.py: artifact_purge_history",
    "portfolios/services/identifiers.py: portfolio_headline_update",
    "portfolios/services/portability.py: portfolio_import",
    "portfolios/services/prepare.py: _bump",
    "portfolios/services/reviews.py: mentor_invite_accept",
    "portfolios/services/reviews.py: mentor_invite_revoke",
    "portfolios/services/reviews.py: review_scores_give",
    "portfolios/services/reviews.py: verdict_give",
    "portfolios/services/sharing.py: portfolio_brief_update",
    "portfolios/services/sharing.py: share_link_update",
}


def _sources():
    for path in sorted(APP.rglob("*.py")):
        if "migrations" not in path.parts and path != HELPER:
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _enclosing(tree: ast.AST) -> dict[ast.AST, str]:
    """Each node's innermost enclosing function, as Class.method or function."""
    names: dict[ast.AST, str] = {}

    def visit(node: ast.AST, scope: str, owner: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, scope, child.name)
            elif isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, f"{owner}.{child.name}" if owner else child.name, "")
            else:
                names[child] = scope
                visit(child, scope, owner)

    visit(tree, "<module>", "")
    return names


def test_every_caller_of_the_version_helper_is_listed():
    found = set()
    for path, tree in _sources():
        scopes = _enclosing(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "content_changed":
                found.add(f"{path}: {scopes[node]}")
    assert found == CALLERS


def test_nothing_else_writes_a_content_version():
    offenders = []
    for path, tree in _sources():
        for node in ast.walk(tree):
            keyword = isinstance(node, ast.keyword) and node.arg == "content_version"  # update(content_version=…)
            assigned = (
                isinstance(node, ast.Attribute) and node.attr == "content_version" and isinstance(node.ctx, ast.Store)
            )
            expression = (  # F("content_version")
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "F"
                and any(getattr(arg, "value", None) == "content_version" for arg in node.args)
            )
            writes = keyword or assigned or expression
            if writes:
                offenders.append(f"{path}:{node.lineno}")
    assert offenders == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kwargs", "first_moves", "second_moves"),
    [
        ({"portfolio": "first"}, True, False),
        ({"every_portfolio": True}, True, True),
        ({}, False, False),
    ],
)
def test_the_helper_moves_the_named_portfolios_and_always_the_owner(candidate, kwargs, first_moves, second_moves):
    first = portfolio_create(owner=candidate, track="outpatient")
    second = portfolio_create(owner=candidate, track="home_health")
    others = portfolio_create(
        owner=User.objects.create_user(email="other@example.com", password="x" * 16), track="acute"
    )
    before = {p.pk: p.content_version for p in Portfolio.objects.all()}
    user_before = User.objects.get(pk=candidate.pk).content_version
    if kwargs.pop("portfolio", None):
        kwargs["portfolio_id"] = first.pk
    content_changed(owner_id=candidate.pk, **kwargs)
    after = {p.pk: p.content_version for p in Portfolio.objects.all()}
    assert (after[first.pk] > before[first.pk]) is first_moves
    assert (after[second.pk] > before[second.pk]) is second_moves
    assert after[others.pk] == before[others.pk]
    assert User.objects.get(pk=candidate.pk).content_version == user_before + 1
