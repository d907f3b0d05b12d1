"""Bulk data for load tests (`make bench`): many candidates, artifacts, revisions and comments.

`python -m bench.seed_scale [--portfolios N]` adds, by default, 10,000 candidates with one
portfolio each, 12 artifacts per portfolio with one revision and a stored rubric result, and
50,000 review comments. It writes in batches, one transaction per batch, and skips batches
already present, so it can be re-run or resumed. It lives with the benchmark, not in the app:
nothing a user does needs it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from collections.abc import Callable

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "otportfolio.settings")
django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402 (after django.setup)
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from portfolios.checker import check_artifact  # noqa: E402
from portfolios.kinds import KINDS, KINDS_BY_KEY  # noqa: E402
from portfolios.models import Artifact, Comment, Portfolio, Revision, User  # noqa: E402
from portfolios.tracks import TRACKS, TRACKS_BY_KEY  # noqa: E402

SCALE_EMAIL_DOMAIN = "scale.otportfolio.test"
SCALE_PORTFOLIOS = 10_000
SCALE_ARTIFACTS_PER_PORTFOLIO = 12
SCALE_COMMENTS_PER_PORTFOLIO = 5  # 50,000 for 10,000 portfolios
SCALE_BATCH = 500  # portfolios per transaction
SCALE_COMPLETE_PERCENT = 70
SCALE_REPLY_PERCENT = 30
SCALE_RESOLVED_PERCENT = 25
MENTOR_NAMES = ("Dr. Riley Kim, OTD", "Sam Ortiz, OTR/L", "Dana Brooks, MS, OTR/L", "Pat Nguyen, OTD, CHT")

SAMPLE_FIELDS = {
    "handoff_template": {
        "framework": "I-PASS, used at every OT-to-OT handoff at end of shift and when a client transfers units.",
        "required_items": (
            "Required: illness severity (stable / watcher / unstable); precautions (weight bearing, sternal, hip); "
            "current assist level for transfers and toileting; DME in the room; cognition and safety awareness; "
            "pending items (orders, imaging, family training)."
        ),
        "optional_items": "Optional: client preferences, what motivates the client, family schedule.",
        "actions": (
            "- OT to re-check orthostatic BP before standing, by 14:00 today.\n"
            "- Receiving OT to complete caregiver transfer training within 2 visits."
        ),
        "contingencies": (
            "If SpO2 drops below 90% during activity, then stop, seat the client and notify the RN.\n"
            "If the client reports new dizziness on standing, then sit down and recheck BP before continuing."
        ),
        "escalation": (
            "Escalate to the charge nurse, then the rehab manager, when a safety concern is not addressed within "
            "15 minutes; use CUS words: I am concerned, I am uncomfortable, this is a safety issue."
        ),
        "read_back": (
            "The receiving therapist reads back severity, precautions and each action with its owner and time, "
            "and asks questions before the sender leaves."
        ),
    },
    "sop_checklist": {
        "error_prevented": "Transfers attempted without checking current weight-bearing orders and precautions.",
        "when_used": "Before the first transfer of every session, at the bedside, before the client stands.",
        "checklist_type": "READ-DO",
        "items": (
            "1. Read the current weight-bearing order in the chart.\n"
            "2. Confirm hip or sternal precautions with the RN.\n"
            "3. Check wheelchair brakes are locked on both sides.\n"
            "4. Check the gait belt is on and fastened.\n"
            "5. Check non-slip footwear is on both feet.\n"
            "6. Check the path to the chair is clear.\n"
            "7. Ask the client to state the precautions back."
        ),
        "exceptions": (
            "Does not apply to bed-level sessions. If the order cannot be confirmed, do not transfer: treat at "
            "bed level and page the provider."
        ),
        "escalation": (
            "If a check fails, tell the RN at once, then the charge nurse within 15 minutes if not resolved; "
            "use the two-challenge rule before stopping the session."
        ),
        "owner_review": (
            "Owned by the OT lead; piloted on one unit for 4 weeks with 2 near-misses caught; reviewed every "
            "6 months or after any transfer incident."
        ),
    },
    "case_writeup": {
        "context": (
            "Inpatient rehab unit, 3 hours of therapy a day across OT, PT and SLP. Client A, 74, admitted on Day 1 "
            "after a left MCA stroke with right-sided weakness. Constraint: a 12-day expected length of stay and "
            "a spouse who works nights."
        ),
        "assessment": (
            "PLOF: independent in ADLs, drove, managed household finances. Baseline on Day 2: Section GG upper-body "
            "dressing 03 (partial/moderate assistance), toileting hygiene 02 (substantial/maximal), Box and Block "
            "12 on the right vs 48 on the left. Real constraint: toileting limited by standing balance and "
            "right-hand coordination due to the stroke, not by cognition (MoCA 25/30)."
        ),
        "plan": (
            "I considered a commode for home, but ruled it out because the client rated getting to the bathroom as "
            "her top priority; instead we trained toilet transfers with a grab bar so that she could stay in her "
            "own bedroom.\n"
            "Client will complete toileting hygiene with supervision (GG 04) using a grab bar within 10 days.\n"
            "Client will don an upper-body garment with set-up (GG 05) while seated at the edge of the bed within "
            "7 days."
        ),
        "documentation": (
            "Daily notes recorded minutes per discipline, GG performance and the cues given; weekly team conference "
            "notes stated progress toward each goal and the discharge plan. Notes were signed the same day with "
            "credentials."
        ),
        "follow_up": (
            "Reassessed on Day 9: toileting hygiene improved from GG 02 to GG 04, upper-body dressing from GG 03 to "
            "GG 05, Box and Block from 12 to 27 on the right."
        ),
        "handoffs": (
            "Handed off to the home health OT with precautions (fall risk, right-side neglect cues), GG levels and "
            "the pending grab-bar install. Escalated a near-miss (unlocked wheelchair brake) to the charge nurse the "
            "same shift and added brake checks to the transfer checklist."
        ),
        "reflection": "Next time I would start caregiver training earlier, before the last 3 days of the stay.",
    },
    "plan_of_care": {
        "problem": (
            "Client requires moderate assistance for lower-body dressing and meal preparation due to limited right "
            "shoulder flexion (90 degrees) and pain 5/10 after rotator cuff repair."
        ),
        "baseline": (
            "LB dressing: Mod A with 3 verbal cues. Meal prep: Max A for reaching upper cabinets. Shoulder flexion "
            "90 degrees active. COPM performance 3/10, satisfaction 2/10."
        ),
        "long_term_goals": (
            "- Client will complete lower-body dressing with modified independence using a reacher and sock aid "
            "within 6 weeks.\n"
            "- Client will prepare a simple meal with modified independence, retrieving items from shoulder-height "
            "shelves, within 8 weeks."
        ),
        "short_term_goals": (
            "- Client will complete lower-body dressing with min A and 1 verbal cue using a reacher within 3 weeks.\n"
            "- Client will retrieve 3 of 4 items from a shoulder-height shelf with supervision while standing at the "
            "counter within 4 weeks."
        ),
        "interventions": (
            "Graded ADL training with adaptive equipment, task-specific reaching practice in the clinic kitchen, "
            "home program with written pictures, caregiver training for safe set-up."
        ),
        "frequency_duration": "2x/week for 8 weeks; progress report every 10 treatment days; recertify by day 60.",
        "discharge_criteria": (
            "Discharge when the client dresses and prepares a simple meal with modified independence and scores "
            "COPM performance 7/10 or better."
        ),
    },
    "education_script": {
        "main_message": "Keep your hand above your heart to bring the swelling down.",
        "audience": "The client and her daughter, who helps with evening routines; both read English well.",
        "script": (
            "Your hand is swollen after the surgery. Raise it on two pillows above your heart when you sit. "
            "Open and close your fist ten times every hour you are awake. Stop if the pain goes above 6 out of 10 "
            "and call the clinic."
        ),
        "teach_back": (
            "Can you show me how you will rest your hand tonight, and tell me what you will do if the pain gets "
            "worse? She placed the hand on two pillows and said she would call the clinic above 6/10."
        ),
        "barriers": (
            "She watches her grandchildren after school, so we linked the fist exercises to their snack time and "
            "gave her a picture handout for the fridge."
        ),
        "response": "At the next visit she showed the position correctly and swelling was down by 1 cm at the wrist.",
    },
    "caseload_note": {
        "context": "Outpatient clinic, 12-14 visits on a normal day; a high-volume day is 17 visits with one therapist out.",
        "priorities": (
            "1. Post-operative clients inside their protocol window. 2. New evaluations already scheduled. "
            "3. Clients with a safety risk (falls in the last week). 4. Progress reports due."
        ),
        "deferrals": (
            "Reschedule maintenance-phase clients who are stable to the next 48 hours; the front desk calls them "
            "and I note the reason in the chart."
        ),
        "guardrails": "Never skipped: precautions review, handoff to the covering OT, same-day documentation.",
        "documentation": (
            "Notes written at point of service, signed the same day; every note carries date, interventions, timed "
            "and total minutes, signature and credentials."
        ),
        "measures": (
            "Throughput: 17 visits seen with 0 late notes. Quality check: I audit 3 random notes that week against "
            "the note minimum."
        ),
        "escalation": "If more than 16 visits are booked for one OT, I tell the clinic manager by 08:00.",
    },
    "workflow_safeguards": {
        "workflow": (
            "Point-of-service documentation: I write the note in the last 5 minutes of each visit, with the client, "
            "and finish the assessment section before the next client."
        ),
        "timing": "Notes are signed the same day, before 17:00; progress reports are drafted at visit 9 and signed at visit 10.",
        "safeguards": (
            "A note template that will not save without timed minutes, total minutes and the goal addressed; a "
            "daily unsigned-note report checked at 16:30."
        ),
        "payer_requirements": (
            "Medicare Part B: plan of care certified within 30 days, progress report at least every 10 treatment "
            "days, timed codes billed by the 8-minute rule."
        ),
        "failure_modes": (
            "Late notes on high-volume days; copied text from the last visit. If a note is copied, the template "
            "flags identical text and I rewrite the response section."
        ),
        "verification": "Monthly audit of 10 random notes: 10 of 10 signed same day in March, 9 of 10 in February.",
    },
    "setting_fit_questions": {
        "workload": "How many visits does an OT see on a typical day, and on the busiest day last month?",
        "supervision": "Who do I go to with a clinical question in my first 90 days, and how often do we meet?",
        "documentation": "How much time is scheduled for documentation, and is it done at point of service?",
        "support": "What does orientation look like, and who covers my visits when I am out sick?",
        "red_flags": "If nobody can say how productivity is measured, I ask to see the last quarter's numbers.",
    },
    "stakeholder_memo": {
        "audience": "Rehab manager and the charge nurses of the orthopedic unit",
        "decision": "Move OT evaluations for hip replacements from the afternoon to before 11:00 on post-op day 1.",
        "risk": (
            "Morning slots compete with nursing care; we risk 15-minute delays. We will pilot for 2 weeks on one "
            "unit and stop if more than 3 sessions a week are missed."
        ),
        "next_steps": "OT lead drafts the schedule by Friday; charge nurses review it at Monday huddle; first pilot day is the 3rd.",
    },
    "before_after": {
        "baseline": "Before: 4 of 10 discharge summaries reached the home health agency the same day; median delay 2 days.",
        "change": "We added a discharge summary step to the last OT session and a fax confirmation checkbox.",
        "outcome": "After 6 weeks: 9 of 10 summaries sent the same day; median delay under 4 hours.",
        "guardrail": "Session length did not grow: average OT session stayed at 45 minutes, checked weekly.",
    },
    "bad_news_update": {
        "what_happened": "The new splinting material ordered for the hand clinic is back-ordered for 3 weeks.",
        "impact": "Six clients due for custom splints next week will get prefabricated splints first.",
        "actions": "I called the supplier, reserved the remaining stock at our second site and told each client by phone.",
        "next_update": "Friday at 12:00, or sooner if the supplier confirms a date.",
    },
    "metric_definition": {
        "metric": "Same-day documentation rate",
        "definition": "Share of OT visit notes signed before midnight on the day of the visit, out of all OT visit notes.",
        "edge_cases": "Cancelled visits do not count; late-entry addenda count on the day they are signed, not the visit day.",
        "owner": "OT clinical lead",
        "response_action": "Below 90% in a week, the lead reviews the schedule with the team the next Monday.",
    },
    "scope_cut_log": {
        "context": "A 6-week falls-prevention group had to fit into 4 weeks when one therapist left.",
        "dropped": "We dropped the home-visit week and the second balance reassessment.",
        "reason": "Home visits took 6 hours of therapist time for 8 clients; the group sessions reached all 8 in 1 hour.",
        "protected": "We kept the baseline and final Timed Up and Go, and the caregiver education session.",
    },
    "conflict_story": {
        "situation": "A physical therapist and I disagreed on whether a client was safe to shower alone at discharge.",
        "disagreement": "PT saw steady gait on level floors; I saw the client lose balance stepping over the tub edge.",
        "evidence": "We tested together in the simulated bathroom: the client needed contact guard for 2 of 3 tub transfers.",
        "resolution": "We recommended a tub bench and a first home visit by the home health OT; the team agreed.",
        "lesson": "Test the actual task in the actual set-up before arguing from separate observations.",
    },
    "qa_page": {
        "topic": "Sensory strategies for a child who avoids handwriting",
        "questions": "Why does my child refuse to write? Will a weighted pencil help? How long before we see a change?",
        "evidence": "Answers cite the school OT evaluation, a 6-week handwriting log and the AOTA practice guideline.",
    },
    "definitions_note": {
        "terms": "Visit: a face-to-face OT session of at least 8 minutes. Evaluation: the first visit of an episode.",
        "counts": "A co-treatment with PT counts as one OT visit when OT minutes are documented separately.",
        "does_not_count": "Phone calls, chart reviews and team meetings are not visits.",
        "disagreements": "Billing counts group sessions per client; our schedule counts them once; we report both.",
    },
}


def seed_scale(total: int = SCALE_PORTFOLIOS, *, write: Callable[[str], object] = print) -> int:
    """Add `total` scale portfolios (skipping batches already written); returns how many were added."""
    started = time.perf_counter()
    stored = _ScaleResults()
    password = make_password(None)  # scale candidates never sign in
    created = {"portfolios": 0, "artifacts": 0, "revisions": 0, "comments": 0}
    for first in range(0, total, SCALE_BATCH):
        last = min(first + SCALE_BATCH, total)
        if User.objects.filter(email=_scale_email(first)).exists():
            continue  # written by an earlier run: each batch is one transaction, so it is all there
        batch_started = time.perf_counter()
        with transaction.atomic():
            counts = _write_scale_batch(range(first, last), password, stored)
        for key, value in counts.items():
            created[key] += value
        write(
            f"scale: {last:,}/{total:,} portfolios (+{counts['artifacts']:,} artifacts, "
            f"+{counts['comments']:,} comments) in {time.perf_counter() - batch_started:.1f} s"
        )
    if not created["portfolios"]:
        write(f"Scale data already present ({total:,} portfolios @{SCALE_EMAIL_DOMAIN}): skipped.")
        return 0
    if connection.vendor == "postgresql":
        # What autovacuum would do later, done now (a few seconds): planner statistics for the
        # new rows and a visibility map, so a load test right after measures the steady state.
        # VACUUM cannot run inside a transaction (a caller's atomic block, a test): ANALYZE then.
        command = "ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE"
        with connection.cursor() as cursor:
            for model in (User, Portfolio, Artifact, Revision, Comment):
                cursor.execute(f"{command} {connection.ops.quote_name(model._meta.db_table)}")
    write(
        f"Scale data added: {created['portfolios']:,} portfolios, {created['artifacts']:,} artifacts, "
        f"{created['revisions']:,} revisions, {created['comments']:,} comments "
        f"in {time.perf_counter() - started:.1f} s."
    )
    return created["portfolios"]


def _scale_email(index: int) -> str:
    return f"candidate-{index:05d}@{SCALE_EMAIL_DOMAIN}"


class _ScaleResults:
    """Rubric results for the sample texts, computed once per (kind, track, status) and reused."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], tuple[dict[str, str], dict, int]] = {}

    def get(self, kind: str, track: str, status: str) -> tuple[dict[str, str], dict, int]:
        key = (kind, track, status)
        if key not in self._cache:
            fields = dict(SAMPLE_FIELDS[kind])
            if status == Artifact.Status.DRAFT:
                # A draft is work in progress: its last section is not written yet.
                fields[KINDS_BY_KEY[kind].section_keys[-1]] = ""
            result = check_artifact(kind, track, fields)
            phi_errors = len(result.phi_errors)
            self._cache[key] = (fields, result.as_dict(), phi_errors)
        return self._cache[key]


def _scale_kinds(track: str, index: int) -> list[str]:
    """The track's recommended kinds, then others (rotating with the index) up to the per-portfolio count."""
    kinds = list(TRACKS_BY_KEY[track].recommended_kinds)
    others = [kind.key for kind in KINDS if kind.key not in kinds and kind.listed]
    offset = index % len(others)
    kinds += (others[offset:] + others[:offset])[: SCALE_ARTIFACTS_PER_PORTFOLIO - len(kinds)]
    return kinds[:SCALE_ARTIFACTS_PER_PORTFOLIO]


def _write_scale_batch(indexes: range, password: str, stored: _ScaleResults) -> dict[str, int]:
    rng = random.Random(indexes.start)  # the same data on every run
    users = User.objects.bulk_create(
        [
            User(
                email=_scale_email(index),
                password=password,
                display_name=f"Scale Candidate {index:05d}, OTR/L",
                headline="Occupational therapist: measurable goals, safe handoffs",
            )
            for index in indexes
        ]
    )
    portfolios = Portfolio.objects.bulk_create(
        [
            Portfolio(owner=user, track=TRACKS[index % len(TRACKS)].key, content_version=1)
            for index, user in zip(indexes, users, strict=True)
        ]
    )
    artifacts = []
    for index, portfolio in zip(indexes, portfolios, strict=True):
        for position, kind in enumerate(_scale_kinds(portfolio.track, index)):
            complete = (index * 31 + position * 17) % 100 < SCALE_COMPLETE_PERCENT
            status = Artifact.Status.COMPLETE if complete else Artifact.Status.DRAFT
            fields, result, phi_errors = stored.get(kind, portfolio.track, status)
            artifacts.append(
                Artifact(
                    portfolio=portfolio,
                    kind=kind,
                    fields=fields,
                    status=status,
                    version=1,
                    check_result=result,
                    checked_version=1,
                    phi_error_count=phi_errors,
                )
            )
    artifacts = Artifact.objects.bulk_create(artifacts, batch_size=1000)
    owners = {portfolio.pk: portfolio.owner for portfolio in portfolios}
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                artifact=artifact,
                number=1,
                fields=artifact.fields,
                status=artifact.status,
                author=owners[artifact.portfolio_id],
                note="Scale data",
            )
            for artifact in artifacts
        ],
        batch_size=1000,
    )
    comments = _scale_comments(rng, artifacts, len(indexes) * SCALE_COMMENTS_PER_PORTFOLIO)
    return {
        "portfolios": len(portfolios),
        "artifacts": len(artifacts),
        "revisions": len(revisions),
        "comments": comments,
    }


def _scale_comments(rng: random.Random, artifacts: list[Artifact], count: int) -> int:
    """Review threads on written sections: roots first (they need ids), then replies to some of them."""
    now = timezone.now()
    replies_wanted = count * SCALE_REPLY_PERCENT // 100
    roots = []
    for _ in range(count - replies_wanted):
        artifact = rng.choice(artifacts)
        written = [key for key, text in artifact.fields.items() if text]
        section = rng.choice(written)
        text = artifact.fields[section]
        words = text.split()
        start = rng.randrange(max(1, len(words) - 6))
        mentor = rng.choice(MENTOR_NAMES)
        resolved = rng.randrange(100) < SCALE_RESOLVED_PERCENT
        roots.append(
            Comment(
                artifact=artifact,
                section=section,
                quote=" ".join(words[start : start + 6]),
                section_text=text,
                artifact_version=artifact.version,
                body=rng.choice(
                    (
                        "Could you add how you will **measure** this at the next visit?",
                        "Strong: the constraint and the decision are both clear.",
                        "Name who owns this action and by when.",
                        "Add the baseline number so the outcome has something to compare with.",
                    )
                ),
                author_name=mentor,
                resolved_at=now if resolved else None,
                resolved_by_name="Scale Candidate" if resolved else "",
            )
        )
    roots = Comment.objects.bulk_create(roots, batch_size=1000)
    replies = [
        Comment(
            artifact=root.artifact,
            thread=root,
            section=root.section,
            artifact_version=root.artifact_version,
            body=rng.choice(("Done: added it to the plan.", "Good point, I will add the score sheet.")),
            author_name="Scale Candidate",
        )
        for root in rng.sample(roots, min(replies_wanted, len(roots)))
    ]
    Comment.objects.bulk_create(replies, batch_size=1000)
    return len(roots) + len(replies)


# Samples for the kinds added with the Prepare page, so scale data covers the whole catalog.
SAMPLE_FIELDS.update(
    {
        "calibration_checklist": {
            "checklist_type": "DO-CONFIRM",
            "error_prevented": "Notes that say the client is progressing without a number, "
            "goals with no baseline, and plans that repeat the last visit "
            "without a reason.",
            "escalation": "If a check fails and cannot be fixed before signing, flag the note "
            "for the senior therapist the same day.",
            "exceptions": "A visit cut short by a medical change: document the reason and the "
            "vital signs, and skip items 1 and 5.",
            "good_means": "A good progress note states the goal, the measured change since "
            "baseline, the skilled intervention and the plan, so a reviewer can "
            "see why the next visit is needed.",
            "items": "1. Each goal has a baseline and today's measure.\n"
            "2. The skilled intervention is named, not just the exercise.\n"
            "3. The assist level uses the standard scale.\n"
            "4. Precautions and any change in them are recorded.\n"
            "5. The plan says what changes at the next visit and why.",
            "owner_review": "Owned by the outpatient lead therapist; reviewed every quarter "
            "against ten randomly chosen notes.",
            "when_used": "Before signing each progress note, at the end of the visit, before the note is locked.",
        },
        "ninety_day_plan": {
            "outputs": "Week 2: a one-page problem list shared with the team. Week 6: the late-note "
            "rate chart. Week 12: the EHR template and orientation checklist, owned by "
            "the senior therapist.",
            "weeks_1_2": "Listen: shadow each therapist for one session, read the last month of "
            "incident reports and missed visits, and sort what I hear into safety, "
            "documentation and scheduling problems.",
            "weeks_3_6": "Fix one measurable problem: late progress notes. Baseline 38% signed "
            "after 24 hours; target under 10% by week 6 with a shared note template "
            "and a 15-minute end-of-day documentation block.",
            "weeks_7_12": "Make it the default: the template goes into the EHR, new hires learn it "
            "in orientation, and the weekly huddle reviews the late-note rate so it "
            "stays under 10% without me.",
        },
        "ship_plan": {
            "change": "A standard discharge home-exercise handout for total hip clients, in plain "
            "language at a 6th-grade reading level, for therapists on the orthopedic unit and "
            "the clients they discharge.",
            "done": "Shipped when 90% of total hip discharges in April leave with the handout and a "
            "documented teach-back, and the 30-day call finds clients can name all three "
            "precautions.",
            "milestones": "Week 1: draft reviewed by two therapists and the unit educator. Week 2: "
            "pilot with ten discharges. Week 4: revise from pilot feedback. Week 5: "
            "handout is the unit default.",
            "risks": "Clients may not follow the hip precautions at home: check with teach-back before "
            "discharge. Therapists may keep using their own sheets: check the discharge audit "
            "weekly during the pilot.",
        },
    }
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--portfolios",
        type=int,
        default=SCALE_PORTFOLIOS,
        metavar="N",
        help=f"How many scale portfolios to have (default {SCALE_PORTFOLIOS:,}; emails @{SCALE_EMAIL_DOMAIN}).",
    )
    args = parser.parse_args(argv)
    seed_scale(args.portfolios)
    return 0


if __name__ == "__main__":
    sys.exit(main())
