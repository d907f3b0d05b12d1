"""The demo's recruiter brief and target job, as `seed_demo` writes them (idempotent).

The posting is inpatient rehab in a health system, Enterprise-flavoured (Joint Commission,
compliance, an EHR rollout), with must-haves under "Requirements" and nice-to-haves under
"Preferred": the portfolio `seed_demo` shares, weighed against a job it could be sent to.
"""

from __future__ import annotations

from portfolios import services
from portfolios.models import Portfolio, TargetJob

DEMO_POSITIONING = (
    "I own discharge planning and caregiver training on a 24-bed rehab unit; next, I want to own its handoff and "
    "fall-prevention program."
)

DEMO_TARGET_LABEL = "Inpatient rehab OT — Lakeside Health"

DEMO_POSTING = """\
Occupational Therapist, Inpatient Rehabilitation (Full time)
Lakeside Health System, 32-bed acute inpatient rehabilitation unit

About us
Lakeside is a five-hospital health system. We offer tuition support and a sign-on bonus.

What you'll do
- Complete OT evaluations within 24 hours of admission and write measurable, functional goals with the patient.
- Provide 3 hours of therapy a day, 5 days a week, with PT and SLP, and document minutes accurately.
- Present progress and discharge recommendations at the weekly interdisciplinary team conference.
- Teach patients and caregivers home exercise programs and safe transfers using teach-back.
- Keep documentation timely and compliant with CMS and Joint Commission standards.

Requirements
- Current state OT license and NBCOT certification.
- Must manage a caseload of 6 to 8 patients while meeting productivity expectations.
- Must write clear handoffs to nursing and case management at every transfer.

Preferred
- Experience with the FIM or Section GG and the IRF-PAI.
- Experience with an Epic rollout or other EHR implementation is a plus.
- Quality improvement or audit experience is a plus.
"""


def seed_brief(portfolio: Portfolio) -> None:
    """Fill the brief every demo link opens with: the positioning line and the unproven rows."""
    if portfolio.positioning != DEMO_POSITIONING or not portfolio.show_unproven_rows:
        services.portfolio_brief_update(
            portfolio=portfolio, positioning=DEMO_POSITIONING, show_email=False, show_unproven_rows=True
        )


def seed_target_job(portfolio: Portfolio) -> TargetJob:
    """The demo's target job, created once and kept as written here."""
    target = TargetJob.objects.filter(portfolio=portfolio, label=DEMO_TARGET_LABEL).order_by("pk").first()
    if target is None:
        return services.target_job_create(portfolio=portfolio, label=DEMO_TARGET_LABEL, posting=DEMO_POSTING)
    if target.posting != DEMO_POSTING.strip() or target.industry:
        target.posting = DEMO_POSTING.strip()
        target.industry = ""
        target.save(update_fields=["posting", "industry", "updated_at"])
    return target
