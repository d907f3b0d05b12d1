"""The five rubric rows, worded as the hiring reports word them: part of the catalog.

The checker speaks only the row keys (`portfolios.rubric.rows`); pages read titles and
"what good looks like" from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from portfolios.rubric.rows import (
    ASSESSMENT,
    DOCUMENTATION,
    PATIENT_EDUCATION,
    PLAN_OF_CARE,
    ROW_KEYS,
    TIME_MANAGEMENT,
)


@dataclass(frozen=True)
class RubricRow:
    key: str
    title: str
    good_looks_like: str
    proved_by: str


ROWS: tuple[RubricRow, ...] = (
    RubricRow(TIME_MANAGEMENT, "Time management", "Quality under volume", "High-volume day plan"),
    RubricRow(DOCUMENTATION, "Documentation", "Timely, accurate, defensible", "Documentation workflow and safeguards"),
    RubricRow(
        PLAN_OF_CARE,
        "Plan of care",
        "Measurable goals and progression",
        "Plan of care",
    ),
    RubricRow(PATIENT_EDUCATION, "Patient education", "Adherence and motivation", "Patient education script"),
    RubricRow(ASSESSMENT, "Assessment", "Finds the real constraint and baseline", "Redacted case write-up"),
)

ROWS_BY_KEY: dict[str, RubricRow] = {row.key: row for row in ROWS}
assert tuple(row.key for row in ROWS) == ROW_KEYS
