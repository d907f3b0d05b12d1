"""Strong examples written for this site: one finished artifact per kind a newcomer starts with.

Each example is identifier-free OT work (Client A, relative days, roles instead of names) that
shows what the rubric rewards: numbers and thresholds, owners and times, named measures,
reasoning with the option ruled out, and teach-back where the kind teaches. A test runs every
example through the real checker and fails if one drops below the top score on a row it evidences.
Plain data: no Django, so the checker's tests can read it too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class StrongExample:
    """One example artifact: its kind, the track it is checked against, what it shows, and its sections."""

    kind: str
    track: str
    shows: str  # one sentence: what to notice in it
    fields: Mapping[str, str]


def _example(kind: str, track: str, shows: str, **fields: str) -> StrongExample:
    return StrongExample(kind, track, shows, MappingProxyType(fields))


_HANDOFF = _example(
    "handoff_template",
    "acute",
    "Every required item is concrete, every action has an owner and a time, and each contingency has a number.",
    framework=(
        "At every OT-to-OT handoff: end of shift (15:30), weekend cover, and a client's transfer from the "
        "step-down unit to the medical floor. We use I-PASS: illness severity, patient summary, action list, "
        "situation awareness and contingencies, synthesis by the receiver."
    ),
    required_items=(
        "- Illness severity: stable / watcher / unstable, with the reason (\u201cwatcher: orthostatic on Day 2\u201d)\n"
        "- Patient summary: reason for admission and prior level of function, with today's key finding\n"
        "- Precautions: weight-bearing status and any hip, sternal or spinal precautions\n"
        "- The HR and SpO2 limits the team set for activity\n"
        "- Current assist level for bed mobility, toilet transfer and lower-body dressing with the device used\n"
        "- DME in the room, and DME still needed before discharge\n"
        "- Cognition and safety awareness: orientation and whether the client follows 2-step commands\n"
        "- Discharge recommendation (home, inpatient rehab or SNF) and what it depends on\n"
        "- Pending items (orders, imaging or family training) and who is waiting on each"
    ),
    optional_items=(
        "Optional, added only when it changes the plan: who is at home and when, the client's preferences "
        "(morning sessions, sits for grooming) and what motivates the client."
    ),
    actions=(
        "- Receiving OT to re-check orthostatic BP (lying, sitting, standing at 1 and 3 minutes) before the "
        "first stand, by 10:00 tomorrow.\n"
        "- Receiving OT to run the toilet-transfer trial with a 3-in-1 commode and record the assist level by "
        "14:00 tomorrow.\n"
        "- Sending OT to call the case manager about the shower chair order before leaving at 16:00 today."
    ),
    contingencies=(
        "- If systolic BP drops 20 mmHg or more on standing, or the client reports dizziness, then return her to "
        "sitting, recheck in 2 minutes and notify the RN.\n"
        "- If SpO2 falls below 90% on 2 L during activity, then stop, rest seated until it is back to 92% or "
        "higher, and notify the RN before resuming.\n"
        "- If she needs more than Min A for the toilet transfer (today: CGA), then use 2 staff and tell the "
        "evening OT before 17:00."
    ),
    escalation=(
        "If a safety concern is not addressed within 15 minutes, escalate to the charge nurse, then the rehab "
        "manager. Use CUS words: \u201cI am concerned, I am uncomfortable, this is a safety issue.\u201d A fall, a "
        "new neurological sign or chest pain goes to the RN at once, and to a rapid response call if the RN is "
        "not at the bedside."
    ),
    read_back=(
        "The receiving OT reads back the severity, the precautions, each action with its owner and time, and the "
        "if/then limits, then asks questions. The sender confirms or corrects before leaving: the handoff is not "
        "done until the read-back matches."
    ),
)

_CHECKLIST = _example(
    "sop_checklist",
    "acute",
    "It names the near-miss it prevents, runs at one pause point in seven checkable items, and was piloted "
    "with a number.",
    error_prevented=(
        "A transfer attempted before the current weight-bearing order and the day's vitals were checked. On our "
        "unit this caused 3 near-misses in one quarter: twice a client stood full weight on a leg ordered "
        "toe-touch, and once a client stood with an untreated orthostatic drop."
    ),
    when_used="Before the first transfer of every session, at the bedside, before the client's feet touch the floor.",
    checklist_type="READ-DO",
    items=(
        "- Weight-bearing order read in today's orders (not yesterday's note) and said aloud to the client\n"
        "- Hip, sternal or spinal precautions named and stated back by the client\n"
        "- Resting BP, HR and SpO2 taken and inside the limits written in the chart\n"
        "- Bed at the client's knee height with brakes locked on the bed and the wheelchair\n"
        "- Gait belt on, fastened and checked with two fingers\n"
        "- Walker within reach and set to wrist height\n"
        "- IV line, catheter and oxygen tubing moved to the transfer side with enough slack"
    ),
    exceptions=(
        "Does not apply in an emergency evacuation or during a rapid response. If an item cannot be completed "
        "(no current weight-bearing order, vitals outside the limits), do not transfer: do bed-level work "
        "instead and document the reason."
    ),
    escalation=(
        "If a check fails, tell the RN at once. If the order is missing or unclear, page the ordering provider "
        "within 15 minutes; with no answer in 30 minutes, tell the charge nurse. Anyone in the room may stop "
        "the transfer (two-challenge rule)."
    ),
    owner_review=(
        "Owner: the unit's senior OT. Piloted for 4 weeks on 2 units with 38 transfers audited: 0 weight-bearing "
        "near-misses, down from 3 the quarter before. Reviewed every 6 months and after any transfer incident."
    ),
)

_CASE = _example(
    "case_writeup",
    "acute",
    "The baseline has named measures, the plan says which option was ruled out and why, and the outcome "
    "returns to the same measures.",
    context=(
        "Acute care medical floor, OT consult on Day 1 after a right hip hemiarthroplasty. Client A, 81, lives "
        "alone in a second-floor apartment with 12 steps and a rail on one side. Constraint: an expected length "
        "of stay of 3 days, and the team needed my discharge recommendation by Day 2."
    ),
    assessment=(
        "PLOF: independent in ADLs and IADLs, walked without a device, shopped weekly. Baseline on Day 1: toilet "
        "transfer Mod A with a front-wheeled walker; lower-body dressing Max A, unable to reach past mid-shin "
        "within posterior hip precautions; stood 2 minutes at the sink for grooming before needing to sit; "
        "Mini-Cog 5/5; systolic BP dropped 22 mmHg on the first stand. The real constraint: lower-body dressing "
        "and toileting within hip precautions and a short standing tolerance, not cognition."
    ),
    plan=(
        "I recommended discharge home with 24-hour family support and home health OT rather than inpatient "
        "rehab, because she followed her precautions after one teaching session and her daughter could stay with "
        "her for 2 weeks; going home was her stated priority. I ruled out inpatient rehab knowing it would give "
        "more therapy minutes, since the gain did not outweigh 2 more weeks away from home.\n"
        "Client will complete toilet transfers with supervision using a raised toilet seat and a front-wheeled "
        "walker within 2 days, so she can use her own bathroom at home (her stated priority).\n"
        "Client will don pants and socks with Min A using a reacher and a sock aid while following hip "
        "precautions within 2 days."
    ),
    documentation=(
        "I documented the evaluation at point of service on Day 1: PLOF, the assist level for each ADL, the "
        "orthostatic values, Mini-Cog 5/5 and the discharge recommendation with its reason. Every note carried "
        "timed and total minutes, her response in numbers, and my signature and credentials, signed the same day."
    ),
    follow_up=(
        "Reassessed on Day 2: toilet transfer improved from Mod A to supervision with a raised seat; lower-body "
        "dressing from Max A to Min A with a reacher and a sock aid; standing at the sink from 2 to 6 minutes; "
        "the orthostatic drop fell from 22 to 8 mmHg after compression stockings. Discharged home on Day 3."
    ),
    handoffs=(
        "Safety decision: I held the transfer when her systolic BP dropped 22 mmHg on Day 1, and notified the RN "
        "at 11:00, asking for compression stockings before the next stand. Handed off to the case manager by 14:00 on Day 1 with the DME list (raised toilet seat, reacher, "
        "sock aid, shower chair). Handed off to the home health OT on Day 3 with precautions, assist levels and "
        "the pending shower chair delivery."
    ),
    reflection=(
        "Next time I would teach her daughter on Day 1, not Day 2, and time lower-body dressing at baseline so "
        "the outcome has minutes as well as assist levels."
    ),
)

_PLAN = _example(
    "plan_of_care",
    "outpatient",
    "Goals are COAST-complete and step up from the measured baseline; each intervention names the goal it serves.",
    problem=(
        "Client requires moderate assistance for upper-body dressing and cannot prepare a hot meal due to "
        "reduced right-hand coordination and grip after a left MCA stroke 6 weeks ago."
    ),
    baseline=(
        "Upper-body dressing: Mod A with 4 verbal cues, 14 minutes. Meal preparation: unable to open containers "
        "or cut food; stands 4 minutes at the counter. Grip 12 lb on the right vs 52 lb on the left; Nine-Hole "
        "Peg Test 78 seconds on the right vs 22 on the left; COPM performance 3/10, satisfaction 2/10."
    ),
    long_term_goals=(
        "- Client will don a button-front shirt with modified independence using a button hook within 8 weeks.\n"
        "- Client will prepare a simple hot meal with modified independence using a rocker knife and a jar "
        "opener within 10 weeks, so she can cook her own lunch (her stated priority)."
    ),
    short_term_goals=(
        "- Client will don a pullover shirt with Min A and 1 verbal cue while seated within 3 weeks.\n"
        "- Client will open 3 of 4 kitchen containers with set-up using a jar opener while seated within 4 weeks.\n"
        "- Client will stand at the counter for 10 minutes with supervision while preparing a cold snack within "
        "4 weeks."
    ),
    interventions=(
        "- For the dressing goals: graded dressing practice, from a pullover shirt to a button-front shirt, with "
        "a button hook and fading cues.\n"
        "- For the meal goal: task-specific practice in the clinic kitchen with a rocker knife and a jar opener, "
        "and standing-tolerance training at the counter.\n"
        "- For every goal: fine-motor coordination tasks for the right hand (pegs, coins, buttons) and a home "
        "program of 15 minutes a day, with a picture sheet and a log."
    ),
    frequency_duration="2x/week for 10 weeks; progress report every 10 treatment days; recertify by day 90.",
    discharge_criteria=(
        "Discharge when she dresses and prepares a simple hot meal with modified independence, COPM performance "
        "reaches 7/10 or better, and she runs her home program 5 days a week from her own log."
    ),
)

_EDUCATION = _example(
    "education_script",
    "outpatient",
    "Short sentences, one idea at a time, a teach-back with a plan for a miss, and the response in numbers.",
    main_message="Keep your hand above your heart and move your fingers 10 times every hour you are awake.",
    audience=(
        "Client, 67, 2 weeks after surgery on her left wrist, and her daughter, who helps with evening routines. "
        "She reads the paper daily but said long handouts go over her head. What matters to her: cooking for "
        "her husband again."
    ),
    script=(
        "The most important thing today: keep your hand above your heart. Also, move your fingers 10 times "
        "every hour.\n"
        "Your hand is swollen after the surgery. That is normal. Swelling makes your fingers stiff and sore. "
        "Doing these two things brings the swelling down, so you can cook again sooner.\n"
        "First, keep your hand up. Rest it on two pillows, higher than your heart, when you sit or lie down.\n"
        "Show me where your hand goes when you sit on the couch.\n"
        "Second, move your fingers. Make a fist, then open your hand wide. Do this 10 times.\n"
        "Do it every hour you are awake. A good time is each time you put the kettle on.\n"
        "Third, know the warning signs. If your fingers turn white or blue, or the pain gets much worse, call "
        "the clinic the same day."
    ),
    teach_back=(
        "I say: \u201cI have given you a lot today. Show me how your hand will rest on the couch tonight, and "
        "tell me how many times you will move your fingers each hour.\u201d If she misses a step, I explain that "
        "step again another way and ask her to show me again."
    ),
    barriers=(
        "Barrier: she forgets during the day. Plan: she ties the finger exercises to the kettle, about 6 times "
        "a day, and ticks a chart on the fridge.\n"
        "Barrier: the pillows slide off the arm of the couch. Plan: her daughter brings a foam wedge this week, "
        "and we set it up together at the next visit."
    ),
    response=(
        "She showed the hand position and 10 fist-and-open movements correctly on the second try, and named 2 of "
        "2 warning signs. Her daughter showed the pillow set-up correctly on the first try. I re-explained "
        "\u201cabove your heart\u201d once. I will recheck at the next visit in 3 days: she shows me again, and I "
        "measure the swelling with a figure-of-eight tape against today's 46 cm."
    ),
)

_CASELOAD = _example(
    "caseload_note",
    "acute",
    "The day is planned in numbers: an ordered priority rule, a deferral rule with who is told, never-skip "
    "guardrails, and a staffing trigger.",
    context=(
        "Acute care, 2 medical floors, 3 OTs. A normal day is 10 to 12 patients per OT. A high-volume day is 16 "
        "patients each with one OT out, including 4 new evaluations and 3 planned discharges before 13:00."
    ),
    priorities=(
        "1. Discharges today that need an OT recommendation or DME before the client leaves.\n"
        "2. New evaluations ordered in the last 24 hours, oldest first.\n"
        "3. Post-op day 1 clients inside their protocol window (hip, knee, spine).\n"
        "4. Clients flagged by nursing as a fall or safety risk.\n"
        "5. Clients with a progress note due today.\n"
        "6. Stable follow-ups in the maintenance phase."
    ),
    deferrals=(
        "If I cannot see everyone by 15:00, I defer stable follow-ups (priority 6) to the next morning, never "
        "two days in a row for the same client. I tell the RN and the case manager by 12:00 which visits moved "
        "and why, and I note each deferral with its reason in the chart."
    ),
    guardrails=(
        "Never skipped, whatever the volume:\n"
        "- precautions checked before every transfer\n"
        "- a handoff to the covering OT for every deferred client\n"
        "- a note signed the same day for every client seen\n"
        "- the discharge recommendation written before the client leaves"
    ),
    documentation=(
        "Notes are written at point of service or within 1 hour of the visit, and signed the same day. Every "
        "note carries the date, interventions, assist levels, timed and total minutes, the plan for the next "
        "visit, and my signature and credentials."
    ),
    measures=(
        "Throughput: clients seen per OT per day (12-14 on a high-volume day) and new evaluations completed "
        "within 24 hours of the order. Quality: I audit 5 random notes each week against the note minimum; "
        "last quarter 96% met it, and 0 clients left without an OT discharge recommendation."
    ),
    escalation=(
        "If more than 14 clients are assigned to one OT, or 3 or more discharges need OT before 13:00, I tell "
        "the rehab manager by 08:30 and ask for a float therapist or a PT co-treat."
    ),
)

EXAMPLES: dict[str, StrongExample] = {
    example.kind: example for example in (_HANDOFF, _CHECKLIST, _CASE, _PLAN, _EDUCATION, _CASELOAD)
}


def get_example(kind: str) -> StrongExample:
    """The strong example for this kind, or raise KeyError when the site has none."""
    return EXAMPLES[kind]
