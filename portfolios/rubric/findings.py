"""Result types of the rubric checker: findings, row scores and the whole result."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

# How many points one distinct check costs a row, by severity.
PENALTY: dict[str, int] = {"error": 2, "warning": 1, "info": 0}

# Every check of the PHI gate is named "phi.<type>" (rubric/phi).
PHI_PREFIX = "phi."

SCORE_LABELS: dict[int, str] = {
    0: "Not shown",
    1: "Emerging",
    2: "Developing",
    3: "Proficient",
    4: "Strong",
}


@dataclass(frozen=True, order=True)
class Finding:
    """One explainable problem: which check, which rubric row, where, and how to fix it.

    `start` and `end` are character offsets into the text of section `field`;
    `start == end == 0` with an empty section means "this section is missing".
    """

    field: str
    start: int
    end: int
    check: str
    row: str
    severity: Severity
    message: str
    fix: str

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_phi(self) -> bool:
        """Raised by the PHI gate (identifiers, and staff-name warnings)."""
        return self.check.startswith(PHI_PREFIX)

    @property
    def is_phi_error(self) -> bool:
        """A patient identifier: the one rule that blocks sharing and is masked for reviewers."""
        return self.is_phi and self.severity == "error"


@dataclass(frozen=True)
class RowScore:
    """A 0-4 score for one rubric row, with the reasons that produced it."""

    row: str
    score: int
    label: str
    reasons: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {"score": self.score, "label": self.label, "reasons": list(self.reasons)}


@dataclass(frozen=True)
class CheckResult:
    """Everything the checker says about one artifact."""

    kind: str
    track: str
    findings: tuple[Finding, ...]
    rows: dict[str, RowScore]

    @property
    def phi_errors(self) -> tuple[Finding, ...]:
        """The patient identifiers found (`Finding.is_phi_error`), in order."""
        return tuple(finding for finding in self.findings if finding.is_phi_error)

    def as_dict(self) -> dict:
        return {
            "kind": self.kind,
            "track": self.track,
            "rows": {key: score.as_dict() for key, score in self.rows.items()},
            "findings": [finding.as_dict() for finding in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict) -> CheckResult:
        """Rebuild a result stored as JSON by `as_dict`."""
        return cls(
            kind=data["kind"],
            track=data["track"],
            findings=tuple(Finding(**finding) for finding in data.get("findings", ())),
            rows={
                key: RowScore(key, value["score"], value["label"], tuple(value.get("reasons", ())))
                for key, value in data.get("rows", {}).items()
            },
        )
