"""Every artifact kind a candidate can write, as data.

Adding a kind means adding an `ArtifactKind` entry to `KINDS`: forms, templates and
the rubric engine read the entry, so no other code changes. Wording of purposes
and guidance comes from the two hiring reports in `shared/seeds/`.
This module is plain Python (no Django) so the rubric engine can read it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from portfolios.kind_evidence import EVIDENCE
from portfolios.rubric.rows import (
    ASSESSMENT,
    DOCUMENTATION,
    PATIENT_EDUCATION,
    PLAN_OF_CARE,
    TIME_MANAGEMENT,
)
from portfolios.rubric.spec import KindSpec, SectionSpec, frozen_mapping

SECTION_MAX_CHARS = 20_000

# Safety-bearing rows per kind: a mentor may call the artifact "looks ready" only with a score of
# SAFE_SCORE or more on each (a weak assessment in a handoff, or weak documentation in an SOP, can hurt).
SAFETY_ROWS: dict[str, tuple[str, ...]] = {
    "handoff_template": (ASSESSMENT,),
    "case_writeup": (ASSESSMENT, DOCUMENTATION),
    "plan_of_care": (ASSESSMENT,),
    "sop_checklist": (DOCUMENTATION,),
    "caseload_note": (TIME_MANAGEMENT,),
}
SAFE_SCORE = 3


@dataclass(frozen=True)
class Section:
    """One guided field of an artifact form."""

    key: str
    label: str
    guidance: str
    required: bool = True
    long: bool = True  # long text (textarea) or a one-line answer
    placeholder: str = ""
    # Rubric rows this section is evidence for; empty means every row the kind proves.
    evidences: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArtifactKind:
    """One kind of proof artifact: what it is for, what it proves, how it is written."""

    key: str
    title: str
    purpose: str
    proves: tuple[str, ...]
    sections: tuple[Section, ...]
    checks: tuple[str, ...] = ()  # rubric check families beyond those every kind gets
    core: bool = False  # recommended for every track
    # Listed among a portfolio's artifacts; False for kinds written elsewhere (interview stories live
    # on the Prepare page, several per portfolio, and are checked through the same catalog entry).
    listed: bool = True

    @cached_property
    def spec(self) -> KindSpec:
        """What the rubric engine is told about this kind: sections, rows, families, evidence, section roles."""
        return KindSpec(
            key=self.key,
            title=self.title,
            rows=self.proves,
            sections=tuple(
                SectionSpec(
                    key=section.key,
                    label=section.label,
                    guidance=section.guidance,
                    placeholder=section.placeholder,
                    required=section.required,
                    rows=section.evidences,
                )
                for section in self.sections
            ),
            families=self.checks,
            evidence=EVIDENCE.get(self.key, ()),
            roles=frozen_mapping(SECTION_ROLES.get(self.key, {})),
            options=frozen_mapping(FAMILY_OPTIONS.get(self.key, {})),
        )

    @property
    def section_keys(self) -> tuple[str, ...]:
        return tuple(section.key for section in self.sections)

    def sections_for_row(self, row: str) -> tuple[Section, ...]:
        """The sections that evidence a rubric row (all of them, unless sections say otherwise)."""
        return tuple(section for section in self.sections if row in (section.evidences or self.proves))

    @property
    def safety_rows(self) -> tuple[str, ...]:
        """Rows where a weak score means risk to a patient: a mentor's "looks ready" needs 3 or more on each."""
        return tuple(row for row in SAFETY_ROWS.get(self.key, ()) if row in self.proves)

    def section(self, key: str) -> Section:
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def _s(
    key: str,
    label: str,
    guidance: str,
    *,
    required: bool = True,
    long: bool = True,
    placeholder: str = "",
    evidences: tuple[str, ...] = (),
) -> Section:
    return Section(key, label, guidance, required=required, long=long, placeholder=placeholder, evidences=evidences)


KINDS: tuple[ArtifactKind, ...] = (
    ArtifactKind(
        key="handoff_template",
        title="Handoff communication template",
        purpose=(
            "A communication template for handoffs (what must be included, what is optional). "
            "Communicate clearly in handoffs so errors don't propagate."
        ),
        proves=(DOCUMENTATION, TIME_MANAGEMENT, ASSESSMENT),
        checks=("handoff",),
        core=True,
        sections=(
            _s(
                "framework",
                "Framework and when it is used",
                "Name the structure you follow (I-PASS, SBAR or ISBAR) and the moment the handoff happens "
                "(end of shift, transfer, discharge to home health).",
                placeholder="I-PASS, used at every OT-to-OT handoff at end of shift and on unit transfer.",
            ),
            _s(
                "required_items",
                "What must be included (required)",
                "List the items every handoff must carry. Good templates include illness severity "
                "(stable / watcher / unstable), precautions, current assist level, DME, cognition and pending items.",
            ),
            _s(
                "optional_items",
                "What is optional",
                "Mark what the sender may add when it matters (social context, preferences) so the required core stays short.",
            ),
            _s(
                "actions",
                "Action list: owner and time",
                "Each to-do names who owns it and by when: \u201cOT to re-check orthostatic BP before next session, by 14:00.\u201d",
            ),
            _s(
                "contingencies",
                "If/then contingencies",
                "Write contingencies in if/then form: \u201cIf SpO2 drops below 90% during activity, then stop and notify RN.\u201d",
            ),
            _s(
                "escalation",
                "Escalation",
                "Say what triggers escalation, whom you notify, and what you say (CUS: concerned, uncomfortable, safety issue).",
            ),
            _s(
                "read_back",
                "Read-back by the receiver",
                "How the receiver summarises, asks questions and restates key actions, so accountability is handed over.",
            ),
        ),
    ),
    ArtifactKind(
        key="sop_checklist",
        title="Error-prevention checklist (SOP)",
        purpose=(
            "A checklist or SOP you use to prevent common errors, with exceptions and escalation under patient safety."
        ),
        proves=(DOCUMENTATION, TIME_MANAGEMENT),
        checks=("checklist",),
        core=True,
        sections=(
            _s(
                "error_prevented",
                "The error it prevents",
                "Name the specific error or near-miss this checklist prevents (e.g. transfers attempted without checking weight-bearing orders).",
            ),
            _s(
                "when_used",
                "When it is used (pause point)",
                "Start with the trigger moment: \u201cBefore the first transfer of a session\u2026\u201d, \u201cAt discharge\u2026\u201d.",
            ),
            _s(
                "checklist_type",
                "Checklist type",
                "DO-CONFIRM (do from memory, then confirm) or READ-DO (read each item, then do it).",
                long=False,
                placeholder="DO-CONFIRM",
            ),
            _s(
                "items",
                "Checklist items",
                "5 to 9 items per pause point, one per line, each a concrete check a colleague could verify. "
                "Avoid \u201cas needed\u201d, \u201cappropriately\u201d, \u201cetc.\u201d.",
            ),
            _s(
                "exceptions",
                "Exceptions",
                "When the checklist does not apply, or what to do if an item cannot be completed (contraindications, unless\u2026).",
            ),
            _s(
                "escalation",
                "Escalation path",
                "Who is told, in what order and how fast when a check fails (e.g. RN, then charge nurse within 15 minutes; two-challenge rule).",
            ),
            _s(
                "owner_review",
                "Owner and review",
                "Who owns the checklist, how it was tested or piloted, and when it is next reviewed.",
            ),
        ),
    ),
    ArtifactKind(
        key="case_writeup",
        title="Redacted case write-up",
        purpose=(
            "A short case write-up (redacted) describing your clinical reasoning and handoff decisions. "
            "A strong story is boring: constraint, decision, verification."
        ),
        proves=(ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE),
        checks=("case", "goals", "ownership"),
        core=True,
        sections=(
            _s(
                "context",
                "Context (redacted)",
                "Setting, referral and the real constraint you worked under. Use \u201cClient A\u201d, age up to 89 or \u201c90+\u201d, "
                "and relative time (\u201cDay 3\u201d); never names, dates, places or record numbers.",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "assessment",
                "Assessment",
                "Prior level of function and the baseline you measured (assist level, scores, minutes), and the real "
                "constraint: \u201cneeds Mod A for LB dressing due to limited hip flexion\u201d.",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "plan",
                "Plan and reasoning",
                "What you chose, what you considered instead and why. Include measurable goals (client, occupation, "
                "assist level, condition, timeline).",
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "documentation",
                "Documentation",
                "What you documented, when, and how it stays defensible: skilled language, not \u201ctolerated well\u201d.",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "follow_up",
                "Follow-up and outcome",
                "When you reassessed and what changed, with before and after values.",
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "handoffs",
                "Handoffs and safety decisions",
                "Who you handed off to, what you escalated and why, any near-miss and how you handled it.",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "reflection",
                "Reflection",
                "What you would do differently next time and what you would measure next.",
                required=False,
            ),
        ),
    ),
    ArtifactKind(
        key="plan_of_care",
        title="Plan of care",
        purpose="Example plan structure (sanitized): patient-centered plans with measurable goals and progression.",
        proves=(PLAN_OF_CARE, ASSESSMENT),
        checks=("goals",),
        sections=(
            _s(
                "problem",
                "Problem statement",
                "\u201cClient requires <assist> in <occupation> due to <contributing factor>.\u201d",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "baseline",
                "Baseline",
                "Current level per occupation with numbers: assist level, cues, trials, minutes, standardized scores.",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "long_term_goals",
                "Long-term goals",
                "One goal per line. COAST: Client will + occupation + assist level + specific condition + timeline, "
                "e.g. \u201cClient will don bilateral shoes with modified independence using a long-handled shoe horn within 4 weeks.\u201d",
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "short_term_goals",
                "Short-term goals",
                "One goal per line, each a step between baseline and the long-term goal, with a shorter timeline.",
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "interventions",
                "Interventions",
                "Skilled interventions tied to the goals (not just \u201cADL retraining\u201d).",
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "frequency_duration",
                "Frequency and duration",
                "How often and for how long, e.g. \u201c2x/week for 8 weeks; progress report every 10 treatment days.\u201d",
                long=False,
                evidences=(PLAN_OF_CARE,),
            ),
            _s(
                "discharge_criteria",
                "Discharge criteria",
                "\u201cDischarge when\u2026\u201d: the measurable point at which skilled OT is no longer needed.",
                evidences=(PLAN_OF_CARE,),
            ),
        ),
    ),
    ArtifactKind(
        key="education_script",
        title="Patient education script",
        purpose="Education script/story showing adherence and motivation: plain language, teach-back, a plan for barriers.",
        proves=(PATIENT_EDUCATION, DOCUMENTATION),
        checks=("education",),
        sections=(
            _s(
                "main_message",
                "Main message",
                "The one thing the person must remember, in one plain sentence. Say it first in the script.",
                long=False,
            ),
            _s(
                "audience",
                "Audience",
                "Who you teach (client, caregiver), their situation and what matters to them.",
            ),
            _s(
                "script",
                "Script",
                "What you say, in short sentences and everyday words (aim for grade 6 or below). Chunk it: one idea, then check.",
            ),
            _s(
                "teach_back",
                "Teach-back",
                "How you check understanding in their own words: \u201cI want to be sure I explained this well. "
                "Can you show me how you\u2019ll\u2026?\u201d Never \u201cDo you understand?\u201d",
            ),
            _s(
                "barriers",
                "Barriers and plan",
                "What might get in the way, and the when/where/how-often plan you agreed on.",
            ),
            _s(
                "response",
                "Response documented",
                "What the person said or showed back, who else was taught, and what you re-explained.",
            ),
        ),
    ),
    ArtifactKind(
        key="caseload_note",
        title="High-volume day plan",
        purpose=(
            "A \u201chigh-volume day\u201d plan: what you prioritize, what you escalate, what you document. "
            "Calm caseload management under productivity constraints."
        ),
        proves=(TIME_MANAGEMENT, DOCUMENTATION),
        checks=("caseload",),
        sections=(
            _s(
                "context",
                "Setting and volume",
                "Setting, typical caseload and what a high-volume day looks like, in numbers.",
            ),
            _s(
                "priorities",
                "Priority rule",
                "Ordered criteria: discharge pending, new evaluations, post-op same day, safety risk\u2026",
            ),
            _s(
                "deferrals",
                "Defer, reschedule or co-treat rule",
                "Which visits you defer or reschedule, on what criterion, and who is told.",
            ),
            _s(
                "guardrails",
                "Never-skip guardrails",
                "The safety items you never cut under volume: precautions, handoffs, documentation.",
            ),
            _s(
                "documentation",
                "Timely documentation",
                "When notes are written (same day, point of service) and the minimum every note carries.",
            ),
            _s(
                "measures",
                "Throughput and quality measure",
                "A number for throughput (patients/day, minutes) and how you check quality held.",
            ),
            _s(
                "escalation",
                "Staffing escalation",
                "The threshold at which you escalate staffing, and to whom.",
            ),
        ),
    ),
    ArtifactKind(
        key="workflow_safeguards",
        title="Documentation workflow and safeguards",
        purpose="Workflow explanation + safeguards: documentation that is timely, accurate, defensible, and supports continuity and reimbursement.",
        proves=(DOCUMENTATION, TIME_MANAGEMENT),
        checks=("workflow",),
        sections=(
            _s("workflow", "Workflow", "The steps from visit to signed note, in order, with who does what."),
            _s("timing", "Timing", "When each note is started and signed (e.g. point of service, same day)."),
            _s(
                "safeguards",
                "Safeguards",
                "The checks that catch errors before a note is signed: templates, required fields, a second look.",
            ),
            _s(
                "payer_requirements",
                "Payer and reimbursement requirements",
                "What the note must carry to be defensible: date, interventions, timed and total minutes, signature and credentials.",
            ),
            _s(
                "failure_modes",
                "Failure modes",
                "What goes wrong under volume, and which safeguard catches it.",
            ),
            _s("verification", "Verification", "How you know it works: an audit, a measure, a before/after number."),
        ),
    ),
    ArtifactKind(
        key="setting_fit_questions",
        title="Setting-fit questions",
        purpose="A setting-fit question list: workload, supervision, documentation, and support model.",
        proves=(TIME_MANAGEMENT, DOCUMENTATION),
        checks=("shortform",),
        sections=(
            _s(
                "workload",
                "Workload",
                "Questions on caseload, productivity targets and what a high-volume day looks like.",
            ),
            _s("supervision", "Supervision and mentorship", "Questions on the supervision model and who unblocks you."),
            _s(
                "documentation",
                "Documentation burden",
                "Questions on documentation time and how quality is protected under volume.",
            ),
            _s(
                "support", "Support model", "Questions on staffing ratios and what support exists on a high-volume day."
            ),
            _s("red_flags", "Answers that would worry you", "What you would listen for, and why.", required=False),
        ),
    ),
    ArtifactKind(
        key="stakeholder_memo",
        title="Decision memo",
        purpose="A stakeholder update memo for Compliance/Admins: decision, risk, next steps.",
        proves=(DOCUMENTATION,),
        checks=("shortform",),
        sections=(
            _s(
                "audience",
                "To",
                "Who the memo is for (Compliance, Admins, the rehab manager) and why they need it.",
                long=False,
            ),
            _s("decision", "Decision", "The decision made or needed, in one or two sentences."),
            _s("risk", "Risk", "The risk, how likely, how bad, and how you will know it is happening."),
            _s("next_steps", "Next steps", "Who does what by when, and when you will update next."),
        ),
    ),
    ArtifactKind(
        key="before_after",
        title="Before-and-after story",
        purpose="A before/after narrative tied to patient satisfaction: baseline, change, outcome, and guardrail.",
        proves=(ASSESSMENT, PLAN_OF_CARE),
        checks=("shortform",),
        sections=(
            _s("baseline", "Before (baseline)", "What was measured before, with numbers."),
            _s("change", "Change", "What you changed and why."),
            _s("outcome", "After (outcome)", "What was measured after, with the same measure."),
            _s("guardrail", "Guardrail", "What you watched so the change did not make something else worse."),
        ),
    ),
    ArtifactKind(
        key="bad_news_update",
        title="Bad-news update",
        purpose="A \u201cbad news\u201d update example: what happened, impact, what you're doing, and when you'll update next.",
        proves=(DOCUMENTATION, TIME_MANAGEMENT),
        checks=("shortform",),
        sections=(
            _s("what_happened", "What happened", "The facts, plainly, without blame."),
            _s("impact", "Impact", "Who is affected and how much."),
            _s("actions", "What you are doing", "The actions under way, with owners."),
            _s("next_update", "Next update", "When you will update next.", long=False),
        ),
    ),
    ArtifactKind(
        key="metric_definition",
        title="Measure definition",
        purpose="A metric definition doc for patient satisfaction: edge cases, owner, and what action changes it.",
        proves=(DOCUMENTATION,),
        checks=("shortform",),
        sections=(
            _s("metric", "Metric", "The metric's name and why it matters.", long=False),
            _s("definition", "Definition", "Exactly what is counted, from which source, over which period."),
            _s("edge_cases", "Edge cases", "What does and does not count, and the cases people argue about."),
            _s("owner", "Owner", "Who owns the number and reviews it.", long=False),
            _s("response_action", "What action changes it", "What the team does when the number moves."),
        ),
    ),
    ArtifactKind(
        key="scope_cut_log",
        title="What I cut and why",
        purpose="A scope cut log for throughput vs quality decisions: what you dropped, why, and what you protected.",
        proves=(TIME_MANAGEMENT,),
        checks=("shortform",),
        sections=(
            _s("context", "Context", "The pressure that forced a cut (volume, staffing, time)."),
            _s("dropped", "What you dropped", "Each item cut or deferred, one per line."),
            _s("reason", "Why", "The rule you used to decide."),
            _s("protected", "What you protected", "What you would not cut, and how you checked it held."),
        ),
    ),
    ArtifactKind(
        key="conflict_story",
        title="Conflict story",
        purpose="A conflict story write-up: where Compliance/Admins disagreed, and how you resolved it.",
        proves=(DOCUMENTATION, ASSESSMENT),
        checks=("ownership", "shortform"),
        sections=(
            _s("situation", "Situation", "The case or decision, and who was involved (roles, not names)."),
            _s("disagreement", "The disagreement", "What each side wanted and why."),
            _s("evidence", "Evidence used", "What evidence you brought and what you checked."),
            _s("resolution", "Resolution", "How it was resolved and who decided."),
            _s("lesson", "What changed after", "What you or the team do differently now.", required=False),
        ),
    ),
    ArtifactKind(
        key="qa_page",
        title="Answers to likely objections",
        purpose="A Q&A page for handoff reliability: likely objections, your answers, and what evidence backs them.",
        proves=(DOCUMENTATION, ASSESSMENT),
        checks=("shortform",),
        sections=(
            _s("topic", "Topic", "The decision or practice the Q&A defends.", long=False),
            _s("questions", "Objections and answers", "Each likely objection followed by your answer."),
            _s("evidence", "Evidence", "What backs each answer: a measure, an audit, a guideline."),
        ),
    ),
    ArtifactKind(
        key="definitions_note",
        title="Definitions note",
        purpose="A definitions note for handoff reliability: key terms, what counts, what doesn't, and where disagreements happen.",
        proves=(DOCUMENTATION,),
        checks=("shortform",),
        sections=(
            _s("terms", "Key terms", "Each term and its definition, one per line."),
            _s("counts", "What counts", "Examples that meet the definition."),
            _s("does_not_count", "What does not count", "Examples that look close but do not."),
            _s("disagreements", "Where people disagree", "The edge cases and how you settle them.", required=False),
        ),
    ),
    ArtifactKind(
        key="ninety_day_plan",
        title="90-day plan",
        purpose=(
            "A realistic 90-day story: first win, measurement, and how you scaled it. Weeks 1\u20132 sort the top "
            "recurring requests into \u201cnoise\u201d, \u201cneeds a fix\u201d and \u201cneeds a policy\u201d; weeks "
            "3\u20136 turn one complaint into a measurable fix; weeks 7\u201312 make the right behavior the default."
        ),
        proves=(TIME_MANAGEMENT, DOCUMENTATION),
        checks=("shortform",),
        sections=(
            _s(
                "weeks_1_2",
                "Weeks 1\u20132: listen and sort",
                "List the top 10 recurring requests and sort them into \u201cnoise\u201d, \u201cneeds a fix\u201d and "
                "\u201cneeds a policy\u201d, with a count in each.",
                evidences=(TIME_MANAGEMENT,),
            ),
            _s(
                "weeks_3_6",
                "Weeks 3\u20136: one measurable fix",
                "Pick one recurring complaint and turn it into a measurable fix: what changes, how you verify it "
                "(a number), and the date you revisit it.",
            ),
            _s(
                "weeks_7_12",
                "Weeks 7\u201312: make it the default",
                "Make the right behavior the default so it holds on a bad week: what gets measured, reviewed, rewarded.",
                evidences=(TIME_MANAGEMENT,),
            ),
            _s(
                "outputs",
                "One output per phase",
                "One concrete output per phase, one per line: the triage list, the fix with its measure, the new default.",
                evidences=(DOCUMENTATION,),
            ),
        ),
    ),
    ArtifactKind(
        key="ship_plan",
        title="Rollout plan",
        purpose=(
            "A \u201chow I'd ship it\u201d plan for throughput vs quality decisions under patient safety: milestones, "
            "risks, checks."
        ),
        proves=(TIME_MANAGEMENT, DOCUMENTATION),
        checks=("shortform",),
        sections=(
            _s(
                "change",
                "What you are shipping, and for whom",
                "The change in one or two sentences, who it affects, and the constraint it must respect.",
            ),
            _s(
                "milestones",
                "Milestones with dates",
                "One milestone per line, each with a date or week: \u201cWeek 2: pilot on the day shift\u201d.",
                evidences=(TIME_MANAGEMENT,),
            ),
            _s(
                "risks",
                "Risks and the check for each",
                "One risk per line, each with the check that catches it: \u201cStaff skip it on busy days \u2014 check: "
                "weekly audit of 10 charts\u201d.",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "done",
                "How you will know it shipped",
                "The measure and the number that says it worked, and the guardrail that says nothing got worse.",
                evidences=(DOCUMENTATION,),
            ),
        ),
    ),
    ArtifactKind(
        key="calibration_checklist",
        title="Calibration checklist",
        purpose=(
            "A calibration checklist for throughput vs quality decisions: what \u201cgood\u201d means, common failure "
            "modes, and what you check before shipping."
        ),
        proves=(DOCUMENTATION, TIME_MANAGEMENT),
        checks=("calibration",),
        sections=(
            _s(
                "good_means",
                "What \u201cgood\u201d means",
                "The pass bar in a sentence or two, with a number where one exists: \u201cevery note signed the same "
                "day, with timed minutes\u201d.",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "error_prevented",
                "Common failure modes",
                "The specific failures this catches (e.g. goals without a timeline, notes missing timed minutes).",
            ),
            _s(
                "when_used",
                "When it is run (pause point)",
                "Start with the trigger moment: \u201cBefore a plan of care is signed\u2026\u201d.",
            ),
            _s(
                "checklist_type",
                "Checklist type",
                "DO-CONFIRM (do from memory, then confirm) or READ-DO (read each item, then do it).",
                long=False,
                placeholder="DO-CONFIRM",
            ),
            _s(
                "items",
                "What you check before shipping",
                "5 to 9 items, one per line, each a concrete check a colleague could verify.",
            ),
            _s(
                "exceptions",
                "Exceptions",
                "When the checklist does not apply, or what to do if an item cannot be completed.",
            ),
            _s(
                "escalation",
                "If a check fails",
                "Who is told, in what order and how fast when a check fails.",
            ),
            _s(
                "owner_review",
                "Owner and review",
                "Who owns the checklist, how it was calibrated (two reviewers, same cases), and when it is next reviewed.",
            ),
        ),
    ),
    ArtifactKind(
        key="interview_story",
        title="Interview story",
        purpose=(
            "A strong story is boring: constraint, decision, verification. State what you owned vs what the team "
            "owned without hedging, and be ready to say what you would do differently next time."
        ),
        proves=(ASSESSMENT, DOCUMENTATION),
        checks=("ownership",),
        listed=False,
        sections=(
            _s(
                "situation",
                "Situation and constraint",
                "The setting and the real constraint you worked under (time, staffing, volume, a payer rule). "
                "Roles, never names.",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "ownership",
                "What I owned vs what the team owned",
                "Say what you did in \u201cI\u201d and what the team did in \u201cwe\u201d. No \u201chelped with\u201d or "
                "\u201cwas involved in\u201d.",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "decision",
                "The decision and the alternative I rejected",
                "What you chose, what you considered instead, and why: \u201cI trained the caregiver on visit 1 rather "
                "than waiting for the DME, because only 2 visits were authorized.\u201d",
                evidences=(ASSESSMENT,),
            ),
            _s(
                "verification",
                "How I verified it \u2014 a number or an observable",
                "A number (\u201clate notes fell from 14 to 2 a week\u201d) or what you saw (\u201cshe showed me the "
                "transfer twice without cues\u201d).",
                evidences=(DOCUMENTATION,),
            ),
            _s(
                "differently",
                "What I would do differently",
                "What you would change next time and what you would measure next.",
                evidences=(ASSESSMENT,),
            ),
        ),
    ),
)

KINDS_BY_KEY: dict[str, ArtifactKind] = {kind.key: kind for kind in KINDS}

# Names the editor form itself posts: a section with one of these keys would be overwritten.
RESERVED_SECTION_KEYS = frozenset({"version", "action", "csrfmiddlewaretoken"})


def _check_section_keys() -> None:
    for kind in KINDS:
        clashes = RESERVED_SECTION_KEYS.intersection(kind.section_keys)
        if clashes:
            raise ValueError(f"Kind {kind.key!r} uses reserved section key(s): {', '.join(sorted(clashes))}")


_check_section_keys()
CORE_KIND_KEYS: tuple[str, ...] = tuple(kind.key for kind in KINDS if kind.core)


def get_kind(key: str) -> ArtifactKind:
    """Return the kind with this key, or raise KeyError."""
    return KINDS_BY_KEY[key]


# The part each section plays for the check families that read it, so families look sections
# up by role instead of branching on kind names:
# - "goals" / "goal_plan": where goals are listed (as sections, or inside a plan narrative);
# - "baseline": where the current level is measured; "discharge", "frequency": as named;
# - "outcome": where a kind reports what happened or was measured (a number there backs
#   outcome claims made elsewhere); "barriers": a section whose purpose is to name constraints;
# - "outcome_judged" / "escalation_judged": sections whose own family already judges vague
#   outcomes or escalations, so the general checks leave them alone (no double charge).
# - "hazard": sections that describe the error or risk the artifact exists to prevent ("presyncope at the
#   first stand, 5 events in 6 weeks"): the safety family reads decisions, and a hazard told is none.
# - "document_dates": sections about the document itself (its owner and review), where a date
#   ("revised by 30 Sept.") is the document's, not a patient's: the PHI gate lets dates pass there.
_OUTCOME_SECTION_KEYS = (
    "follow_up",
    "outcome",
    "measures",
    "verification",
    "response",
    "impact",
    "evidence",
    "resolution",
)
SECTION_ROLES: dict[str, dict[str, tuple[str, ...]]] = {
    "plan_of_care": {
        "goals": ("long_term_goals", "short_term_goals"),
        "long_goals": ("long_term_goals",),
        "short_goals": ("short_term_goals",),
        "baseline": ("baseline",),
        "discharge": ("discharge_criteria",),
        "frequency": ("frequency_duration",),
    },
    "case_writeup": {
        "goal_plan": ("plan",),
        # The case walk: a blank step is reported once, by case.flow, and by no overlay.
        "flow": ("assessment", "plan", "documentation", "follow_up"),
        "baseline": ("assessment",),
        "frequency": ("follow_up",),
        "outcome_judged": ("follow_up",),
    },
    # "prompts": sections whose questions the candidate writes for someone else to answer (a handoff's items,
    # a checklist's checks, questions for an employer): "Falls since admission? (e.g. near-fall on day 3)"
    # there is their design, not another form's prompt pasted back (portfolios/rubric/substance.py).
    "handoff_template": {"escalation_judged": ("escalation",), "prompts": ("required_items", "optional_items")},
    "sop_checklist": {
        "escalation_judged": ("escalation", "items"),
        "prompts": ("items",),
        "document_dates": ("owner_review",),
        "hazard": ("error_prevented",),
    },
    "caseload_note": {"escalation_judged": ("escalation",), "outcome_judged": ("measures",)},
    "workflow_safeguards": {"outcome_judged": ("verification",), "hazard": ("failure_modes",)},
    "education_script": {"barriers": ("barriers",)},
    # Read by the ownership and short-form families (portfolios/rubric/ownership.py, shortform.py).
    "interview_story": {
        "constraint": ("situation",),
        "decision": ("decision",),
        "verification": ("verification",),
        "outcome_judged": ("verification",),
    },
    "ninety_day_plan": {"triage": ("weeks_1_2",)},
    "ship_plan": {"milestones": ("milestones",), "risks": ("risks",), "hazard": ("risks",)},
    "calibration_checklist": {
        "escalation_judged": ("escalation", "items"),
        "prompts": ("items",),
        "document_dates": ("owner_review",),
        "hazard": ("error_prevented",),
    },
    "before_after": {"before": ("baseline",), "after": ("outcome",)},
    "bad_news_update": {"next_update": ("next_update",)},
    "metric_definition": {"metric_definition": ("definition",), "edge_cases": ("edge_cases",)},
    "qa_page": {"objections": ("questions",), "objection_evidence": ("evidence",), "prompts": ("questions",)},
    "conflict_story": {"resolution": ("resolution",)},
    "stakeholder_memo": {"next_steps": ("next_steps",), "hazard": ("risk",)},
    "scope_cut_log": {"cut_agreement": ("reason", "protected")},
    "setting_fit_questions": {
        "fit_topics": ("workload", "supervision", "documentation", "support"),
        "prompts": ("workload", "supervision", "documentation", "support"),
    },
    "definitions_note": {"disagreements": ("disagreements",)},
}
for _kind in KINDS:
    _outcome = tuple(key for key in _kind.section_keys if key in _OUTCOME_SECTION_KEYS)
    if _outcome:
        SECTION_ROLES.setdefault(_kind.key, {})["outcome"] = _outcome

# Per-kind settings of the general checks: how much a missing constraint or stakeholder matters.
# Stories need a constraint (a warning); the case write-up's own family judges it ("off");
# elsewhere it is a note. A reference page need not name people.
_CONSTRAINT_STORIES = (
    "plan_of_care",
    "caseload_note",
    "workflow_safeguards",
    "stakeholder_memo",
    "before_after",
    "bad_news_update",
    "scope_cut_log",
    "conflict_story",
)
# Where each setting's overlay looks in each kind ("overlay.<track>.<part>" → section or switch);
# a kind without an entry for a track gets only that overlay's kind-independent rules.
OVERLAY_OPTIONS: dict[str, dict[str, str]] = {
    "plan_of_care": {
        "overlay.outpatient.schedule": "frequency_duration",
        "overlay.inpatient_rehab.anchor": "frequency_duration",
        "overlay.inpatient_rehab.gg_goals": "on",
        "overlay.home_health.reassessment": "frequency_duration",
        "overlay.home_health.status": "problem",
        "overlay.pediatrics.progress": "frequency_duration",
    },
    "case_writeup": {
        "overlay.acute.discharge": "plan",
        "overlay.acute.discharge_reading": "destination",
        "overlay.acute.detail": "assessment",
        "overlay.inpatient_rehab.anchor": "plan",
        "overlay.pediatrics.progress": "follow_up",
    },
    "handoff_template": {
        "overlay.acute.discharge": "required_items",
        "overlay.acute.discharge_reading": "slot",
        "overlay.acute.detail": "required_items",
    },
    "caseload_note": {
        "overlay.home_health.reassessment": "documentation",
        "overlay.home_health.status": "documentation",
    },
}
FAMILY_OPTIONS: dict[str, dict[str, str]] = {
    **OVERLAY_OPTIONS,
    **{key: {"general.no_constraint": "warning", **OVERLAY_OPTIONS.get(key, {})} for key in _CONSTRAINT_STORIES},
    "case_writeup": {"general.no_constraint": "off", **OVERLAY_OPTIONS["case_writeup"]},
    "interview_story": {"general.no_constraint": "off"},  # ownership.constraint judges it
    "ninety_day_plan": {"general.no_constraint": "warning"},
    "ship_plan": {"general.no_constraint": "warning"},
    "definitions_note": {"general.no_stakeholder": "info"},
}
