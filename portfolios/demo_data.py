"""The demo candidate's work: realistic artifacts of mixed quality, used by `seed_demo`.

Some artifacts are strong, some weak; the "redacted" case write-up still names a patient
and a date on purpose, so the PHI gate has something to show.
"""

from __future__ import annotations

DEMO_EMAIL = "demo@otportfolio.test"
DEMO_PASSWORD = "demo-portfolio-2026"  # noqa: S105 - a published demo login, not a secret
DEMO_NAME = "Jordan Lee, OTR/L"
DEMO_HEADLINE = "Outpatient OT: measurable goals, calm caseloads, handoffs that hold"

# (kind, status, fields) for the outpatient portfolio.
OUTPATIENT_ARTIFACTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "case_writeup",
        "complete",
        {
            "context": (
                "Outpatient hand clinic, 2x/week visits. Mrs. Alvarez, 67, was referred 2 weeks after a distal "
                "radius fracture (ORIF), first seen on 03/14/2025. Constraint: 30-minute visits and a payer cap "
                "on visits."
            ),
            "assessment": (
                "PLOF: independent in all ADLs and IADLs, cooked daily for her spouse. Baseline: needs Mod A for "
                "LB dressing and cannot open jars; grip 8 lb on the left vs 46 lb on the right; pain 6/10 with "
                "wrist extension; QuickDASH 68. Main constraint: meal preparation limited by pain and weak grip "
                "due to post-operative stiffness, not by cognition."
            ),
            "plan": (
                "I considered starting with strengthening, but ruled it out because the surgeon's protocol allowed "
                "only active ROM until week 6. Instead I focused on edema control and graded ADL practice so that "
                "she could cook with adaptive equipment.\n"
                "Client will prepare a simple hot meal with modified independence using a jar opener and built-up "
                "utensils within 4 weeks.\n"
                "Client will don a button-front shirt with supervision and 1 verbal cue within 2 weeks."
            ),
            "documentation": (
                "Each note recorded date, CPT-comparable interventions (97535 self-care training, 97110), timed "
                "and total minutes, and her response in numbers. Notes were signed the same day. Progress report "
                "at visit 10 compared grip, pain and QuickDASH with baseline."
            ),
            "follow_up": (
                "Reassessed at visit 10 (week 5): grip 22 lb (from 8), pain 3/10 (from 6/10), QuickDASH 34 (from "
                "68). She prepared a hot meal with modified independence using a jar opener."
            ),
            "handoffs": (
                "Handed off to the covering OT with precautions (no lifting over 2 lb), current level and the "
                "pending surgeon visit. Escalated increasing numbness to the surgeon's office the same day; they "
                "moved her follow-up forward."
            ),
            "reflection": "Next time I would measure meal-preparation time at baseline, so the outcome has a number.",
        },
    ),
    (
        "plan_of_care",
        "complete",
        {
            "problem": (
                "Client requires moderate assistance for lower-body dressing and meal preparation due to limited "
                "right shoulder flexion (90 degrees) and pain 5/10 after rotator cuff repair."
            ),
            "baseline": (
                "LB dressing: Mod A with 3 verbal cues. Meal prep: Max A for reaching upper cabinets. "
                "Shoulder flexion 90 degrees active. COPM performance 3/10, satisfaction 2/10."
            ),
            "long_term_goals": (
                "- Client will complete lower-body dressing with modified independence using a reacher and sock "
                "aid within 6 weeks.\n"
                "- Client will prepare a simple meal with modified independence, retrieving items from shoulder-"
                "height shelves, within 8 weeks so she can cook for her grandchildren (her stated priority)."
            ),
            "short_term_goals": (
                "- Client will complete lower-body dressing with min A and 1 verbal cue using a reacher within "
                "3 weeks.\n"
                "- Client will retrieve 3 of 4 items from a shoulder-height shelf with supervision while standing "
                "at the counter within 4 weeks."
            ),
            "interventions": (
                "Graded ADL training with adaptive equipment, task-specific reaching practice in the clinic "
                "kitchen, home program with written pictures, caregiver training for safe set-up."
            ),
            "frequency_duration": "2x/week for 8 weeks; progress report every 10 treatment days; recertify by day 60.",
            "discharge_criteria": (
                "Discharge when the client dresses and prepares a simple meal with modified independence and "
                "scores COPM performance 7/10 or better."
            ),
        },
    ),
    (
        "handoff_template",
        "complete",
        {
            "framework": "I-PASS, used at every OT-to-OT handoff at end of day and when a covering therapist takes a visit.",
            "required_items": (
                "Required: illness severity (stable / watcher / unstable); precautions (weight bearing, sternal, "
                "hip); current assist level for transfers and toileting; DME in place; cognition and safety "
                "awareness; pending items (orders, imaging, family training)."
            ),
            "optional_items": "Optional: client preferences, social context, what motivates the client.",
            "actions": (
                "- OT to re-check orthostatic BP before standing, by 14:00 today.\n"
                "- Receiving OT to complete caregiver transfer training within 2 visits."
            ),
            "contingencies": (
                "If SpO2 drops below 90% during activity, then stop, seat the client and notify the RN.\n"
                "If the client reports new numbness, then hold exercise and call the surgeon's office."
            ),
            "escalation": (
                "Escalate to the charge nurse, then the rehab manager, when a safety concern is not addressed "
                "within 15 minutes; use CUS words: I am concerned, I am uncomfortable, this is a safety issue."
            ),
            "read_back": (
                "The receiving therapist reads back the severity, precautions and each action with its owner and "
                "time, and asks questions before the sender leaves."
            ),
        },
    ),
    (
        "sop_checklist",
        "draft",
        {
            "error_prevented": "Mistakes with transfers.",
            "when_used": "During sessions.",
            "checklist_type": "",
            "items": "- Check orders as needed\n- Ensure proper body mechanics\n- Use equipment appropriately, etc.",
            "exceptions": "",
            "escalation": "Escalate as needed.",
            "owner_review": "",
        },
    ),
    (
        "education_script",
        "complete",
        {
            "main_message": "Keep your hand above your heart to bring the swelling down.",
            "audience": "Client and her daughter, who helps with evening routines.",
            "script": (
                "Your edema is the result of the inflammatory response subsequent to the distal radius fracture "
                "and surgical intervention. Elevation facilitates venous and lymphatic return, consequently "
                "diminishing the edema. Perform bilateral ROM exercises to maintain joint mobility. Compliance with "
                "the home exercise program is essential for optimal functional outcomes. Do you understand?"
            ),
            "teach_back": "Any questions?",
            "barriers": "She is busy with her grandchildren.",
            "response": "Client said she understood.",
        },
    ),
    (
        "caseload_note",
        "complete",
        {
            "context": (
                "Outpatient clinic, 12-14 visits on a normal day; a high-volume day is 17 visits with one "
                "therapist out."
            ),
            "priorities": (
                "1. Post-operative clients inside their protocol window. 2. New evaluations already scheduled. "
                "3. Clients with a safety risk (falls in the last week). 4. Progress reports due."
            ),
            "deferrals": (
                "Reschedule maintenance-phase clients who are stable to the next 48 hours; the front desk calls "
                "them and I note the reason in the chart."
            ),
            "guardrails": "Never skipped: precautions review, handoff to the covering OT, same-day documentation.",
            "documentation": (
                "Notes written at point of service, signed the same day; every note carries date, interventions, "
                "timed and total minutes, signature and credentials."
            ),
            "measures": (
                "Throughput: 17 visits seen with 0 late notes. Quality check: I audit 3 random notes that week "
                "against the note minimum."
            ),
            "escalation": "If more than 16 visits are booked for one OT, I tell the clinic manager by 08:00.",
        },
    ),
    (
        "workflow_safeguards",
        "draft",
        {
            "workflow": "I write notes after the session.",
            "timing": "",
            "safeguards": "I am careful.",
            "payer_requirements": "",
            "failure_modes": "",
            "verification": "",
        },
    ),
)

# Each artifact's proof summary, by track then kind: the line a recruiter's brief leads with. Each holds a
# number or observable and its constraint (tests/test_seed_demo.py runs them through summary_problems).
DEMO_SUMMARIES: dict[str, dict[str, str]] = {
    "outpatient": {
        "case_writeup": (
            "Grip from 8 to 22 lb and QuickDASH from 68 to 34 by visit 10, in 30-minute visits under a payer cap."
        ),
        "plan_of_care": (
            "Dressing goals from Mod A to modified independent in 8 weeks, at 2 visits a week after rotator cuff repair."
        ),
        "handoff_template": (
            "Every OT-to-OT handoff read back with each action's owner and time, despite end-of-day handoffs to a "
            "covering OT."
        ),
        "sop_checklist": "Transfer checklist drafted on 17 visits a day with one OT out; aim: 0 missed brake checks.",
        "education_script": "Taught edema elevation to client and daughter in one 30-minute visit; swelling down in 1 week.",
        "caseload_note": "17 visits seen with 0 late notes on a high-volume day with one therapist out.",
        "workflow_safeguards": "Notes signed the same day on 12-14 visits a day per OT.",
    },
    "inpatient_rehab": {
        "case_writeup": (
            "Toileting from GG 02 to GG 04 and Box and Block from 12 to 27 in 9 days, within a 12-day stay."
        ),
        "plan_of_care": "Toileting goals from GG 02 to GG 04 by discharge, within a 12-day stay at 90 minutes of OT a day.",
        "handoff_template": (
            "Every OT handoff read back with owner and time across day and evening shifts on an inpatient rehab unit."
        ),
    },
}

# The outpatient artifacts written weak on purpose, so the demo shows what the checker flags; the demo
# labels them in the editor and on the portfolio page (`weak_demo_artifacts`), and a test pins their low scores.
DELIBERATELY_WEAK: dict[str, str] = {
    "sop_checklist": (
        "Its items say \u201cas needed\u201d and \u201cetc.\u201d, its pause point is just \u201cduring sessions\u201d, "
        "and it names no owner and no one to escalate to."
    ),
    "education_script": (
        "The script is in clinical jargon, ends with \u201cDo you understand?\u201d instead of a teach-back, and "
        "answers no barrier."
    ),
    "workflow_safeguards": "Two sections hold one vague line each and the other four are empty.",
}


def weak_demo_artifacts(owner_email: str, track: str) -> dict[str, str]:
    """The deliberately weak artifacts of the demo candidate's outpatient portfolio, by kind, with what is wrong."""
    if owner_email.lower() == DEMO_EMAIL and track == "outpatient":
        return DELIBERATELY_WEAK
    return {}


DEMO_MENTOR_EMAIL = "mentor@otportfolio.test"
DEMO_MENTOR_NAME = "Dr. Riley Kim, OTD"

# (kind, status, fields) for the inpatient rehab portfolio: properly redacted, so it passes the PHI gate.
REHAB_ARTIFACTS: tuple[tuple[str, str, dict[str, str]], ...] = (
    (
        "case_writeup",
        "complete",
        {
            "context": (
                "Inpatient rehab unit, 3 hours of therapy a day across OT, PT and SLP. Client A, 74, admitted on "
                "Day 1 after a left MCA stroke with right-sided weakness. Constraint: a 12-day expected length of "
                "stay and a spouse who works nights."
            ),
            "assessment": (
                "PLOF: independent in ADLs, drove, managed household finances. Baseline on Day 2: Section GG "
                "upper-body dressing 03 (partial/moderate assistance), toileting hygiene 02 (substantial/maximal), "
                "Box and Block 12 on the right vs 48 on the left. Real constraint: toileting limited by standing "
                "balance and right-hand coordination due to the stroke, not by cognition (MoCA 25/30)."
            ),
            "plan": (
                "I considered a commode for home, but ruled it out because the client rated getting to the bathroom "
                "as her top priority; instead we trained toilet transfers with a grab bar so that she could stay "
                "in her own bedroom.\n"
                "Client will complete toileting hygiene with supervision (GG 04) using a grab bar within 10 days.\n"
                "Client will don an upper-body garment with set-up (GG 05) while seated at the edge of the bed "
                "within 7 days."
            ),
            "documentation": (
                "Daily notes recorded minutes per discipline, GG performance and the cues given; weekly team "
                "conference notes stated progress toward each goal and the discharge plan. Notes were signed the "
                "same day with credentials."
            ),
            "follow_up": (
                "Reassessed on Day 9: toileting hygiene improved from GG 02 to GG 04, upper-body dressing from "
                "GG 03 to GG 05, Box and Block from 12 to 27 on the right."
            ),
            "handoffs": (
                "Handed off to the home health OT with precautions (fall risk, right-side neglect cues), GG levels "
                "and the pending grab-bar install. Escalated a near-miss (unlocked wheelchair brake) to the charge "
                "nurse the same shift and added brake checks to the transfer checklist."
            ),
            "reflection": "Next time I would start caregiver training earlier, before the last 3 days of the stay.",
        },
    ),
    (
        "plan_of_care",
        "complete",
        {
            "problem": (
                "Client requires substantial assistance for toileting hygiene and moderate assistance for "
                "upper-body dressing due to right-sided weakness and impaired standing balance after a stroke."
            ),
            "baseline": "GG toileting hygiene 02; GG upper-body dressing 03; Box and Block right 12, left 48; Berg 30/56.",
            "long_term_goals": (
                "- Client will complete toileting hygiene with supervision (GG 04) using a grab bar by discharge "
                "in 12 days.\n"
                "- Client will complete upper-body dressing independently (GG 06) while seated within 12 days."
            ),
            "short_term_goals": (
                "- Client will complete toileting hygiene with partial assistance (GG 03) using a grab bar within "
                "6 days.\n"
                "- Client will don an upper-body garment with set-up (GG 05) while seated within 7 days."
            ),
            "interventions": (
                "Task-specific toileting practice with a grab bar, graded upper-limb coordination tasks tied to "
                "dressing, standing-balance training at the sink, caregiver training for the spouse."
            ),
            "frequency_duration": "OT 90 minutes a day, 5 days a week, for 12 days; weekly team conference.",
            "discharge_criteria": (
                "Discharge when toileting hygiene reaches GG 04 and upper-body dressing GG 06, and the spouse "
                "demonstrates a safe set-up."
            ),
        },
    ),
    (
        "handoff_template",
        "complete",
        {
            "framework": "I-PASS, used at every OT handoff between day and evening therapists and on discharge.",
            "required_items": (
                "Required: illness severity (stable / watcher / unstable); precautions; current GG level for "
                "toileting and transfers; DME in the room; cognition and safety awareness; pending items."
            ),
            "optional_items": "Optional: what motivates the client, family schedule.",
            "actions": (
                "- Evening OT to check wheelchair brakes before every transfer, today by 18:00.\n"
                "- Receiving OT to schedule caregiver training within 2 days."
            ),
            "contingencies": (
                "- If the client reports new dizziness on standing, then sit her down, recheck BP and notify the RN.\n"
                "- If systolic BP drops 20 mmHg or more from sitting to standing, then return her to the chair and "
                "hold standing tasks until the RN has seen her.\n"
                "- If she needs more than Min A for the toilet transfer (today: CGA, GG 04), then use two staff and "
                "tell the evening OT."
            ),
            "escalation": (
                "Escalate a safety concern to the charge nurse, then the rehab manager if not addressed within "
                "15 minutes; say: I am concerned, this is a safety issue."
            ),
            "read_back": "The receiver reads back severity, precautions and each action with its owner and time.",
        },
    ),
)

# The outpatient portfolio's Prepare page: two stories, what each stage leads with, a drill history
# (an early weak answer, then a better one), and notes on one employer.
PREPARE_STORIES: dict[str, dict[str, str]] = {
    "edge_case": {
        "situation": (
            "Outpatient hand clinic, 14 patients a day. A new client after a distal radius fracture had only 2 visits "
            "authorized before her surgeon follow-up."
        ),
        "ownership": (
            "I noticed her splint strap rubbed the ulnar styloid on visit 1 and I remolded it the same day. The front "
            "desk rebooked her recheck; the surgeon's team approved the change."
        ),
        "decision": (
            "I remolded the splint on visit 1 rather than waiting for visit 2, because a pressure area would have "
            "cost her the second authorized visit."
        ),
        "verification": (
            "Red marks fell from 3 of 4 skin checks to 0 of 4 after the remold, and she put the splint on and off "
            "twice on her own."
        ),
        "differently": "I would check every new splint for pressure points before the client leaves, not after.",
    },
    "throughput_quality": {
        "situation": (
            "Two therapists were out sick on a Monday, so only 3 OTs were left for 19 booked patients, and notes "
            "were already running late."
        ),
        "ownership": (
            "I re-cut the schedule: post-op visits and new evaluations first, home-program rechecks moved to Tuesday. "
            "The team covered the rest; the manager approved overtime for one aide."
        ),
        "decision": (
            "I moved rechecks instead of shortening every session, because short sessions would have cut the skilled "
            "part of post-op care."
        ),
        "verification": "All 19 notes were signed the same day, and none of the 6 moved clients missed a week of care.",
        "differently": "I would have asked for the aide at 8 am, not 11 am, when the call-outs came in.",
    },
}
PREPARE_STAGE_LEADS: dict[str, tuple[str, str]] = {
    "case": ("case_writeup", "edge_case"),
    "documentation": ("caseload_note", "throughput_quality"),
}
# (subject, question key, question, answer, seconds allowed, seconds taken, days ago): oldest first.
PREPARE_DRILLS: tuple[tuple[str, str, str, str, int, int, int], ...] = (
    (
        "story-edge_case",
        "case-1",
        "What would you do differently next time?",
        "We would probably be more careful with splints in general and check them more.",
        120,
        95,
        6,
    ),
    (
        "story-edge_case",
        "case-1",
        "What would you do differently next time?",
        "With only 2 visits authorized, I now check every new splint for pressure points before the client leaves. "
        "Since then, 0 of 11 new splints needed a remold.",
        120,
        80,
        2,
    ),
    (
        "story-throughput_quality",
        "documentation-0",
        "How do you stay accurate under time pressure without cutting corners?",
        "With 19 patients for 3 OTs, I wrote each note at the point of service and moved rechecks, not notes. "
        "All 19 notes were signed the same day.",
        120,
        100,
        1,
    ),
)
PREPARE_EMPLOYER = "Riverside Outpatient"
PREPARE_EMPLOYER_ANSWERS: dict[str, str] = {
    "good_bad_week": "Good week: 12 visits a day with notes done by 5 pm. Last bad week: two call-outs, 16 visits a day.",
    "documentation_burden": "30 minutes of documentation time is blocked at the end of each day.",
}
