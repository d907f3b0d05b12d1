"""The interview loop as data: the four stages, the story slots, follow-up questions and employer questions.

Both hiring reports name the same four stages ("Case scenario discussion", "Setting fit and
workflow realities", "Communication and patient education", "Documentation and
prioritization") and the prompts a candidate should have a story for. The Prepare page, the
follow-up drills and the employer-question builder read these entries; adding a stage, a slot
or a question is adding data. Plain Python (no Django), like the catalog in `kinds.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from portfolios.kinds import KINDS_BY_KEY

STORY_KIND = "interview_story"


@dataclass(frozen=True)
class Stage:
    """One interview stage: what it probes (quoted from the reports) and what to lead with."""

    key: str
    title: str
    probes: tuple[str, ...]  # quotes: what the stage tests
    lead_kinds: tuple[str, ...]  # artifact kinds that fit as the lead, best first
    lead_slots: tuple[str, ...]  # story slots that fit as the lead, best first
    standard_probes: tuple[str, ...]  # questions every interviewer at this stage is likely to ask


@dataclass(frozen=True)
class StorySlot:
    """One prompt from the reports a candidate should have a story ready for."""

    key: str
    title: str
    prompt: str  # quoted from the reports


@dataclass(frozen=True)
class FollowUp:
    """A follow-up question an interviewer asks when a finding (by check id prefix) shows a gap."""

    key: str
    question: str


@dataclass(frozen=True)
class EmployerQuestion:
    """A question to ask the employer, with the report line it comes from.

    Empty `tracks` means every track; empty `industries` means every industry lens (or none).
    """

    key: str
    question: str
    why: str
    tracks: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()


STAGES: tuple[Stage, ...] = (
    Stage(
        key="case",
        title="Case scenario discussion",
        probes=(
            "\u201cExpect follow-ups on tradeoffs. Bring evidence, not opinions.\u201d (Consumer)",
            "\u201cBe ready to talk about what you would do differently next time.\u201d (Enterprise)",
            "\u201cRehearse the Case scenario discussion stage: narrate constraints \u2192 approach \u2192 "
            "verification, not just the answer.\u201d (Enterprise)",
        ),
        lead_kinds=("case_writeup", "plan_of_care", "before_after"),
        lead_slots=("edge_case", "ambiguity", "safety_near_miss", "dont_know"),
        standard_probes=(
            "Walk me through a case: assessment \u2192 plan \u2192 documentation \u2192 follow-up under time pressure.",
            "What would you do differently next time?",
            "What tradeoff did you make, and what evidence backs it?",
        ),
    ),
    Stage(
        key="setting_fit",
        title="Setting fit and workflow realities",
        probes=(
            "\u201cSay what you'd measure next if the result is ambiguous; avoid \u2018it depends\u2019 with no plan.\u201d "
            "(Consumer)",
            "\u201cDon't chase cleverness; show judgment and checks under constraints.\u201d (Enterprise)",
            "\u201cTreat the Setting fit and workflow realities stage like a rubric test: what are they scoring, and "
            "what evidence proves it?\u201d (Consumer)",
        ),
        lead_kinds=("caseload_note", "setting_fit_questions", "ninety_day_plan", "scope_cut_log"),
        lead_slots=("throughput_quality", "escalation", "ambiguity"),
        standard_probes=(
            "Explain how you balance throughput and quality on a high-volume day.",
            "What support do you need to do quality work here?",
            "If the result is ambiguous, what would you measure next?",
        ),
    ),
    Stage(
        key="communication",
        title="Communication and patient education",
        probes=(
            "\u201cBring one example where you handled pushback and kept quality intact.\u201d (Consumer)",
            "\u201cNarrate assumptions and checks; treat it as a \u2018how you think\u2019 test.\u201d (Enterprise)",
            "\u201cPractice the Communication and patient education stage as a drill: capture mistakes, tighten your "
            "story, repeat.\u201d (Enterprise)",
        ),
        lead_kinds=("education_script", "handoff_template", "conflict_story", "stakeholder_memo"),
        lead_slots=("pushback", "disagreement", "escalation"),
        standard_probes=(
            "Tell me about a time you handled pushback and kept quality intact.",
            "How do you know the patient understood?",
            "What did you assume, and how did you check it?",
        ),
    ),
    Stage(
        key="documentation",
        title="Documentation and prioritization",
        probes=(
            "\u201cMatch this stage with one story and one artifact you can defend.\u201d (both reports)",
            "\u201cRun a timed mock for the Documentation and prioritization stage\u2014score yourself with a rubric, "
            "then iterate.\u201d (Enterprise)",
            "\u201cAfter the Documentation and prioritization stage, list the top 3 follow-up questions you'd ask "
            "yourself and prep those.\u201d (Consumer)",
        ),
        lead_kinds=("workflow_safeguards", "sop_checklist", "caseload_note", "calibration_checklist"),
        lead_slots=("documentation_pressure", "throughput_quality", "safety_near_miss"),
        standard_probes=(
            "How do you stay accurate under time pressure without cutting corners?",
            "What do you document first when the day falls apart?",
            "How would a reviewer know your notes are defensible?",
        ),
    ),
)

STORY_SLOTS: tuple[StorySlot, ...] = (
    StorySlot(
        "edge_case",
        "An edge case caught early",
        "\u201cHave one story where you caught an edge case early ... and saved the team from rework later.\u201d",
    ),
    StorySlot(
        "ambiguity",
        "Working through ambiguity",
        "\u201cPractice a walkthrough where the main challenge was ambiguity: what you assumed, what you tested, and "
        "how you avoided thrash.\u201d",
    ),
    StorySlot(
        "safety_near_miss",
        "A safety concern or near-miss, and what you changed",
        "\u201cDescribe how you handle a safety concern or near-miss: escalation, documentation, and prevention.\u201d",
    ),
    StorySlot(
        "escalation",
        "An escalation, and what you asked for",
        "\u201cCan explain an escalation: what they tried, why they escalated, and what they asked Compliance for.\u201d",
    ),
    StorySlot(
        "disagreement",
        "A disagreement with another discipline",
        "\u201cA decision you made that others disagreed with, and how you used evidence to resolve it.\u201d",
    ),
    StorySlot(
        "pushback",
        "Pushback on a plan",
        "\u201cBring one example where you handled pushback and kept quality intact.\u201d",
    ),
    StorySlot(
        "documentation_pressure",
        "Documentation under time pressure",
        "\u201cPrepare one documentation story: how you stay accurate under time pressure without cutting corners.\u201d",
    ),
    StorySlot(
        "throughput_quality",
        "Throughput vs quality",
        "\u201cExplain how you balance throughput and quality on a high-volume day.\u201d",
    ),
    StorySlot(
        "dont_know",
        "\u201cI don't know \u2014 here is how I'd find out\u201d",
        "\u201cCan say \u2018I don't know\u2019 ... and then explain how they'd find out quickly.\u201d",
    ),
)

STAGES_BY_KEY: dict[str, Stage] = {stage.key: stage for stage in STAGES}
SLOTS_BY_KEY: dict[str, StorySlot] = {slot.key: slot for slot in STORY_SLOTS}

# Finding check ids (by prefix, most specific first) -> the follow-up an interviewer would ask.
# Evidence notes are "evidence.<rule id>"; families' checks are "<family>.<check>".
FOLLOW_UPS: tuple[tuple[str, FollowUp], ...] = (
    ("goal.timeline", FollowUp("timeline", "By when, and how will you know?")),
    ("goal.coast", FollowUp("timeline", "By when, and how will you know?")),
    ("goal.discharge", FollowUp("discharge", "When would you discharge, and what number tells you?")),
    ("overlay.", FollowUp("setting_rule", "Which documentation rule of this setting does this meet, and how?")),
    ("evidence.case.goals", FollowUp("timeline", "By when, and how will you know?")),
    ("evidence.plan.", FollowUp("goals", "What is the measurable goal, and how far is it from the baseline?")),
    ("goal.", FollowUp("goals", "What is the measurable goal, and how far is it from the baseline?")),
    ("case.safety", FollowUp("threshold", "At what number would you stop the session?")),
    ("general.vague_escalation", FollowUp("threshold", "At what number would you stop the session?")),
    ("handoff.escalation", FollowUp("threshold", "At what number would you stop the session?")),
    ("evidence.handoff.escalation", FollowUp("threshold", "At what number would you stop the session?")),
    ("evidence.caseload.escalation", FollowUp("staffing", "At what caseload do you escalate staffing, and to whom?")),
    ("caseload.", FollowUp("who_waits", "On a day with three more patients than you can see, who waits, and why?")),
    (
        "evidence.caseload.",
        FollowUp("who_waits", "On a day with three more patients than you can see, who waits, and why?"),
    ),
    ("ownership.we_only", FollowUp("owned", "What exactly did you do, and what did the team do?")),
    ("ownership.hedge", FollowUp("owned", "What exactly did you do, and what did the team do?")),
    ("ownership.verification", FollowUp("verified", "How do you know it worked \u2014 what number moved?")),
    ("evidence.story.verified", FollowUp("verified", "How do you know it worked \u2014 what number moved?")),
    ("general.vague_outcome", FollowUp("verified", "How do you know it worked \u2014 what number moved?")),
    ("case.follow_up", FollowUp("verified", "How do you know it worked \u2014 what number moved?")),
    ("evidence.case.outcome", FollowUp("verified", "How do you know it worked \u2014 what number moved?")),
    ("ownership.alternative", FollowUp("alternative", "What else did you consider, and why not that?")),
    ("case.reasoning", FollowUp("alternative", "What else did you consider, and why not that?")),
    ("evidence.story.decision", FollowUp("alternative", "What else did you consider, and why not that?")),
    ("ownership.constraint", FollowUp("constraint", "What was the real constraint?")),
    ("case.constraint", FollowUp("constraint", "What was the real constraint?")),
    ("general.no_constraint", FollowUp("constraint", "What was the real constraint?")),
    ("evidence.story.constraint", FollowUp("constraint", "What was the real constraint?")),
    ("case.baseline", FollowUp("baseline", "What was the baseline, in numbers?")),
    ("general.no_stakeholder", FollowUp("who", "Who else was involved, and who decided?")),
    ("shortform.decider", FollowUp("who", "Who else was involved, and who decided?")),
    ("checklist.count", FollowUp("cut_item", "Which item would you cut first on a busy day, and why is it safe to?")),
    ("checklist.", FollowUp("checklist_tested", "How do you know the checklist prevents the error?")),
    ("evidence.sop.", FollowUp("checklist_tested", "How do you know the checklist prevents the error?")),
    ("workflow.", FollowUp("note_signed", "When is the note signed, and what catches an error before it is?")),
    ("evidence.workflow.", FollowUp("note_signed", "When is the note signed, and what catches an error before it is?")),
    ("education.teach_back", FollowUp("understood", "How do you know they understood?")),
    ("evidence.education.teach_back", FollowUp("understood", "How do you know they understood?")),
    ("education.", FollowUp("adherence", "Did they follow the plan at home, and how do you know?")),
    ("handoff.", FollowUp("handoff_gap", "What goes wrong if the receiver skips the read-back?")),
    ("evidence.handoff.", FollowUp("handoff_gap", "What goes wrong if the receiver skips the read-back?")),
    ("shortform.next_update", FollowUp("next_update", "When exactly will they hear from you next?")),
    ("shortform.same_measure", FollowUp("same_measure", "Is the after on the same measure as the before?")),
    ("shortform.unbacked_objection", FollowUp("evidence", "What evidence backs that answer?")),
    ("shortform.milestone_date", FollowUp("milestone", "What ships by week 2, and how would you know it slipped?")),
    ("shortform.risk_check", FollowUp("risk", "What is the biggest risk, and what check catches it?")),
    ("shortform.triage", FollowUp("triage", "Which requests are noise, which need a fix and which need a policy?")),
    ("evidence.ninety.", FollowUp("first_win", "What is your first win by day 30, and how will you measure it?")),
    ("evidence.", FollowUp("missing_evidence", "Where is the evidence for that claim?")),
)

# A question each track's interviewers ask whatever the artifact shows.
TRACK_FOLLOW_UPS: dict[str, FollowUp] = {
    "outpatient": FollowUp("track", "When is the progress report due, and what goes in it?"),
    "acute": FollowUp("track", "What is your discharge recommendation, and what would change it?"),
    "inpatient_rehab": FollowUp("track", "How do you score Section GG at admission, and how did the goal progress?"),
    "home_health": FollowUp("track", "How do you document homebound status and the skilled need?"),
    "pediatrics": FollowUp("track", "How is progress measured, and when is it reported to the family?"),
}

FOLLOW_UPS_PER_SUBJECT = 3
# When the findings and the track give fewer than three, these fill in (both reports' stock follow-ups).
FALLBACK_FOLLOW_UPS: tuple[FollowUp, ...] = (
    FollowUp("differently", "What would you do differently next time?"),
    FollowUp("measure_next", "If the result were ambiguous, what would you measure next?"),
    FollowUp("tradeoff", "What tradeoff did you make, and what evidence backs it?"),
)


def follow_up_for(check: str) -> FollowUp | None:
    """The follow-up an interviewer asks for a finding with this check id (most specific prefix wins)."""
    for prefix, follow_up in FOLLOW_UPS:
        if check.startswith(prefix):
            return follow_up
    return None


def follow_ups(findings: Iterable[Mapping], track: str, limit: int = FOLLOW_UPS_PER_SUBJECT) -> tuple[FollowUp, ...]:
    """The `limit` likeliest follow-ups for stored findings (weakest first: errors, warnings, then missing
    evidence), topped up with the track's own question and then the stock ones; never the same question twice."""
    order = {"error": 0, "warning": 1, "info": 2}
    ranked = sorted(
        (finding for finding in findings if not str(finding.get("check", "")).startswith("phi.")),
        key=lambda finding: order.get(finding.get("severity"), 3),
    )
    chosen: list[FollowUp] = []
    for finding in ranked:
        follow_up = follow_up_for(str(finding.get("check", "")))
        if follow_up and all(follow_up.key != seen.key for seen in chosen):
            chosen.append(follow_up)
        if len(chosen) == limit:
            return tuple(chosen)
    for follow_up in (TRACK_FOLLOW_UPS.get(track), *FALLBACK_FOLLOW_UPS):
        if follow_up and all(follow_up.key != seen.key for seen in chosen):
            chosen.append(follow_up)
    return tuple(chosen[:limit])


def stages_for_kind(kind: str) -> tuple[Stage, ...]:
    return tuple(stage for stage in STAGES if kind in stage.lead_kinds)


def stages_for_slot(slot: str) -> tuple[Stage, ...]:
    return tuple(stage for stage in STAGES if slot in stage.lead_slots)


EMPLOYER_QUESTIONS: tuple[EmployerQuestion, ...] = (
    EmployerQuestion(
        "good_bad_week",
        "What does a good week look like in this role, and what did the last bad week look like?",
        "\u201cAsk what a \u2018good week\u2019 looks like in this role vs a \u2018bad week\u2019; it's the fastest reality "
        "check.\u201d (Enterprise) \u201cAsk what the last \u2018bad week\u2019 looked like: what triggered it, how it was "
        "handled, and what changed after.\u201d (Consumer)",
    ),
    EmployerQuestion(
        "day_30_60_90",
        "What does good look like at 30, 60 and 90 days?",
        "\u201cAsk for the pass bar ... what does \u2018good\u2019 look like for documentation quality by day "
        "30/60/90?\u201d (Consumer)",
    ),
    EmployerQuestion(
        "documentation_burden",
        "How much documentation time is built into the day, and how does it affect schedule and quality?",
        "\u201cAsk about documentation burden and how it affects schedule and quality.\u201d (Consumer)",
    ),
    EmployerQuestion(
        "productivity",
        "How is productivity measured, and what guardrails protect quality and safety?",
        "\u201cGet specific on how productivity is measured and what guardrails protect quality and safety.\u201d "
        "(Enterprise)",
    ),
    EmployerQuestion(
        "busy_day_support",
        "Who supervises me, and what support exists on a high-volume day?",
        "\u201cAsk about ratios/caseload, supervision model, and what support exists on a high-volume day.\u201d "
        "(Consumer)",
    ),
    EmployerQuestion(
        "trusted_artifact",
        "Which artifact do your reviewers trust most: a memo, a runbook, or a handoff template?",
        "\u201cAsk what artifact reviewers trust most: a memo, a runbook, or something like a handoff communication "
        "template.\u201d (Enterprise)",
    ),
    EmployerQuestion(
        "first_quarter_outputs",
        "What are three concrete outputs you expect in the first quarter?",
        "\u201cFind out for 3 concrete outputs tied to patient intake in the first quarter.\u201d (Consumer)",
    ),
    EmployerQuestion(
        "tired_of_repeating",
        "What is the team tired of repeating: escalations, rework, stakeholder churn, or quality bugs?",
        "\u201cGet specific on what the team is tired of repeating.\u201d (Enterprise)",
    ),
    EmployerQuestion(
        "level_before_pay",
        "Where does this role land on your ladder, and what separates it from the next level?",
        "\u201cDon't negotiate against fog ... lock level + scope first, then talk numbers.\u201d (Consumer)",
    ),
    EmployerQuestion(
        "progress_reports",
        "How are progress reports scheduled against the 10-treatment-day rule, and who tracks it?",
        "Outpatient: a progress report at least once every 10 treatment days.",
        tracks=("outpatient",),
    ),
    EmployerQuestion(
        "payer_mix",
        "What is the payer mix, and how does it change visit limits and documentation?",
        "\u201cPrepare a clinic evaluation checklist: productivity targets, support, mentorship, payer mix.\u201d "
        "(Consumer)",
        tracks=("outpatient", "home_health"),
    ),
    EmployerQuestion(
        "discharge_handoffs",
        "How are discharge recommendations and handoffs to nursing done here, and what must they include?",
        "\u201cClarify how handoffs are done and what information must be included to avoid errors.\u201d (Enterprise)",
        tracks=("acute", "inpatient_rehab"),
    ),
    EmployerQuestion(
        "team_conference",
        "How does the weekly team conference work, and who owns the therapy-intensity documentation?",
        "Inpatient rehab: a weekly interdisciplinary team conference; intensity documented.",
        tracks=("inpatient_rehab",),
    ),
    EmployerQuestion(
        "visit_load",
        "How many visits a day, how much drive time, and when is documentation done?",
        "Home health: \u201cAsk about workload, supervision model, documentation burden.\u201d (FAQ)",
        tracks=("home_health",),
    ),
    EmployerQuestion(
        "family_reporting",
        "How and when is progress reported to families, and who writes the report?",
        "Pediatrics: progress is measured and reported to families on a set schedule.",
        tracks=("pediatrics",),
    ),
)

# Asked when the candidate sets the portfolio's industry lens (Portfolio.industry).
LENS_QUESTIONS: tuple[EmployerQuestion, ...] = (
    EmployerQuestion(
        "compliance_priorities",
        "When Compliance and the administrators want different outcomes, who decides, and how?",
        "\u201cAsk how they decide priorities when Compliance/Admins want different outcomes for care "
        "coordination.\u201d (Enterprise)",
        industries=("enterprise",),
    ),
    EmployerQuestion(
        "top_risks",
        "What are the top two risks you are hiring this therapist to reduce in the next three months?",
        "\u201cWhat are the top 2 risks you\u2019re hiring Occupational Therapist to reduce in the next 3 months?\u201d "
        "(Enterprise)",
        industries=("enterprise",),
    ),
    EmployerQuestion(
        "approvals_and_audits",
        "Which approvals, audits or system changes shape the schedule, and what happens when they slip?",
        "\u201cSchedule reality: approvals, release windows, and what happens when scope boundaries hits.\u201d and "
        "\u201cgovernance, compliance, and approval requirements tighten under security posture and audits.\u201d "
        "(Enterprise)",
        industries=("enterprise",),
    ),
    EmployerQuestion(
        "decision_rights",
        "Which care-coordination decisions can I make on my own, and which must be reviewed?",
        "\u201cLeveling is mostly a scope question: what decisions you can make on care coordination and what must "
        "be reviewed.\u201d (Enterprise)",
        industries=("enterprise",),
    ),
    EmployerQuestion(
        "satisfaction_measure",
        "Which patient-satisfaction or retention measure does the team watch, who owns it, and what changes it?",
        "\u201cA metric definition doc for patient satisfaction: edge cases, owner, and what action changes "
        "it.\u201d (Consumer)",
        industries=("consumer",),
    ),
    EmployerQuestion(
        "review_evidence",
        "What evidence matters in reviews here: metrics, patient feedback, write-ups, or how steadily work ships?",
        "\u201cWhat evidence usually matters in reviews: metrics, stakeholder feedback, write-ups, delivery "
        "cadence?\u201d (Consumer)",
        industries=("consumer",),
    ),
    EmployerQuestion(
        "churn_and_quality",
        "When patients drop out or churn, what do you change first, and how is quality protected under volume?",
        "\u201cWhat shapes approvals: churn risk.\u201d and \u201cask how quality is protected under "
        "volume.\u201d (Consumer)",
        industries=("consumer",),
    ),
    EmployerQuestion(
        "support_model",
        "Who unblocks me when I am stuck, what tools do I get, and how does escalation work?",
        "\u201cSupport model: who unblocks you, what tools you get, and how escalation works under documentation "
        "requirements.\u201d (Consumer)",
        industries=("consumer",),
    ),
)

EMPLOYER_QUESTIONS_BY_KEY: dict[str, EmployerQuestion] = {
    question.key: question for question in (*EMPLOYER_QUESTIONS, *LENS_QUESTIONS)
}


def employer_questions(track: str, industry: str = "") -> tuple[EmployerQuestion, ...]:
    """The questions for this track and industry lens: the ones for everyone, the track's own, then the lens's."""
    return tuple(
        question
        for question in (*EMPLOYER_QUESTIONS, *LENS_QUESTIONS)
        if (not question.tracks or track in question.tracks)
        and (not question.industries or industry in question.industries)
    )


def _check_catalog() -> None:
    for stage in STAGES:
        for kind in stage.lead_kinds:
            if kind not in KINDS_BY_KEY or not KINDS_BY_KEY[kind].listed:
                raise ValueError(f"Stage {stage.key!r} leads with unknown kind {kind!r}")
        for slot in stage.lead_slots:
            if slot not in SLOTS_BY_KEY:
                raise ValueError(f"Stage {stage.key!r} leads with unknown story slot {slot!r}")
    if STORY_KIND not in KINDS_BY_KEY:
        raise ValueError("The interview_story kind is missing from the catalog")


_check_catalog()
