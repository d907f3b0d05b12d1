"""The five rubric rows' keys: the vocabulary the checker's findings and scores speak.

Their titles and the reports' wording belong to the catalog (`portfolios.rows`).
"""

from __future__ import annotations

TIME_MANAGEMENT = "time_management"
DOCUMENTATION = "documentation"
PLAN_OF_CARE = "plan_of_care"
PATIENT_EDUCATION = "patient_education"
ASSESSMENT = "assessment"

# In the order the reports list them.
ROW_KEYS: tuple[str, ...] = (TIME_MANAGEMENT, DOCUMENTATION, PLAN_OF_CARE, PATIENT_EDUCATION, ASSESSMENT)
