"""Build the checker's input the way the catalog does: an ArtifactText with its kind's spec; and the
share one evidence shape earns on one bare section, for the rule tests."""

from __future__ import annotations

from collections.abc import Mapping

from portfolios.kinds import KINDS_BY_KEY
from portfolios.rubric import evidence
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.spec import EvidenceRule, frozen_mapping


def artifact_text(kind: str, track: str, fields: Mapping[str, str], spec=None) -> ArtifactText:
    """An ArtifactText for `kind` carrying the catalog's spec, as `portfolios.checker` builds it."""
    return ArtifactText(kind=kind, track=track, fields=fields, spec=spec or KINDS_BY_KEY[kind].spec)


def evidence_rule(shape: str, *, row: str = "documentation", **params) -> EvidenceRule:
    """A rule of `shape` reading one section "a", with `params` as a kind would declare them."""
    return EvidenceRule("test", row, shape, ("a",), "test", 1.0, frozen_mapping(params))


def earned_share(shape: str, text: str, *, row: str = "documentation", track: str = "outpatient", **params) -> float:
    """The share of its evidence a rule of `shape` earns on `text` written as its one section."""
    return evidence.earn(evidence_rule(shape, row=row, **params), {"a": text}, track).share
