"""Worked examples for the checks' fixes, chosen by the artifact's track.

A fix is only useful when it reads like the candidate's own setting: a school plan gets a
classroom goal, never an adult hip-precaution or a grandchild example. Every check that quotes an
example in its fix asks `example(track, key)`; a track without its own wording falls back to
the adult rehab wording in `_ADULT`.
"""

from __future__ import annotations

# Adult rehab wordings: the default for outpatient, acute, inpatient rehab and home health.
_ADULT: dict[str, str] = {
    "subject": "Client",
    "goal": "Client will don socks and shoes with modified independence using a sock aid and long-handled shoe "
    "horn while seated within 4 weeks.",
    "goal_short": "Client will don socks and shoes with Min A using a sock aid while seated within 2 weeks.",
    "occupation": "“… don socks and shoes …” or “… prepare a simple lunch …”",
    "assist": "“with Min A”, “with supervision”, “modified independent”, “with ≤2 verbal cues”",
    "condition": "“using a sock aid while seated at the edge of the bed” or “in her own kitchen”",
    "timeline": "“within 4 weeks”, “by the 6th visit” or “by discharge”",
    "measure": "“with Min A”, “in 4/5 trials”, “for 10 minutes”, “COPM performance 7/10”",
    "impairment": "“… increase grip strength to 20 lb in order to open jars during meal preparation.”",
    "priority": "“… so she can make her own breakfast again (client's top COPM priority).”",
    "discharge": "“Discharge when client completes LB dressing and toileting at modified independent for 3 "
    "consecutive sessions.”",
    "frequency": "“2x/week for 6 weeks (12 visits); progress report every 10 treatment days.”",
    "baseline": "“LB dressing: Mod A, 3 verbal cues for sequencing; COPM performance 3/10.”",
    "plan": "“Skilled training in LB dressing with a sock aid and reacher, 2x/week for 4 weeks, toward Min A by "
    "visit 8.”",
    "constraint": "“Needs Mod A for LB dressing due to limited trunk flexion and pain 6/10.”",
    "case_baseline": "“PLOF: independent in ADLs and drove. Day 1: Mod A for LB dressing, COPM performance 4/10.”",
    "reasoning": "“I chose compensatory training with a sock aid rather than ROM work, because she goes home alone "
    "in 5 days.”",
    "skilled": "“Trained LB dressing with a sock aid and reacher; completed with Min A and 2 verbal cues.”",
    "follow_up": "“Reassessed on Day 10: LB dressing improved from Mod A to Min A; COPM performance 4/10 → 7/10.”",
    "main_message": "“Sit down to put on your socks and shoes, every time.”",
    "action": "“Each morning, sit on the bed and put on your socks with the sock aid before you stand up.”",
    "reason": "“Do this so you do not lose your balance while you dress.”",
    "teach_back": "“I want to be sure I explained this well. Can you show me how you'll put on your socks with "
    "the sock aid tomorrow morning?”",
    "chunk_check": "“Show me how you'll get out of bed without twisting.”",
    "barrier": "“She worries she will forget the exercises on busy days. We agreed: 10 squeezes with the putty "
    "after breakfast, every day, at the kitchen table.”",
    "response": "“Client used the sock aid correctly on the second try after I re-explained step 2; daughter "
    "(caregiver) was present and repeated the steps in her own words.”",
    "plain_swap": "“Keep your leg up to bring the swelling down” rather than “Elevate the lower extremity to "
    "reduce edema.”",
    # Short pieces appended to the candidate's own goal to show it complete ("<…>" marks their choice).
    "assist_snippet": "with Min A",
    "condition_snippet": "using <equipment or technique> in <setting>",
    "timeline_snippet": "within 4 weeks",
    "handoff_items": "“Precautions (posterior hip, WBAT R leg); current assist level (Min A sit-to-stand); DME (RW, "
    "3-in-1 commode); cognition (A&Ox4, follows 2-step commands); pending items (home eval, shower chair order).”",
    "caseload_priorities": "“1. Discharges pending today. 2. New evaluations. 3. Post-op day 0-1. 4. Safety risk "
    "(falls, new precautions). 5. Everyone else, by frequency owed.”",
    "caseload_deferral": "“I defer a stable patient seen yesterday who is not due for discharge, reschedule within 24 "
    "hours, and tell the RN and the scheduler.”",
    "caseload_guardrails": "“Never skipped: chart and precautions check before every session, gait belt for every "
    "transfer, handoff to the RN, and a note signed the same day.”",
    "checklist_item": "“Weight-bearing order read in the chart.”",
    "checklist_when": "“Before the first transfer of every session, at the bedside, before the patient stands.”",
    "checklist_exact": "“Brakes locked on both wheels” rather than “Ensure proper setup.”",
    "checklist_escalation": "“If any item fails, stop and tell the RN at once; if not resolved within 15 minutes, "
    "call the charge nurse, then the rehab manager. Say it with CUS: ‘I am concerned…’”",
    "caseload_escalation": "“If more than 3 priority-1 patients cannot be seen by 14:00, I tell the rehab manager, "
    "who reassigns or calls in PRN staff.”",
    "handoff_action": "“OT to re-check orthostatic BP before the next session, by 14:00.”",
    "handoff_escalation": "“If HR rises above 120 or the patient reports chest pain, stop and notify the RN at once; "
    "if no response in 10 minutes, page the charge nurse (CUS: ‘I am concerned…’).”",
}

# Per-track wordings that replace the adult default.
_TRACKS: dict[str, dict[str, str]] = {
    "acute": {
        "timeline_snippet": "within 3 days",
        "timeline": "“within 3 days”, “by the 3rd session” or “by discharge”",
        "condition_snippet": "using <equipment> while seated EOB",
        "goal": "Pt will complete LB dressing with Min A using a reacher and sock aid while seated EOB within 3 days, "
        "following posterior hip precautions.",
        "goal_short": "Pt will complete toilet transfer with CGA using grab bars by the 3rd session.",
        "constraint": "“Needs Mod A for LB dressing due to posterior hip precautions and pain 6/10.”",
        "skilled": "“Trained LB dressing with a reacher and sock aid under hip precautions; completed with Min A and "
        "2 verbal cues.”",
        "reason": "“Do this so your new hip stays in place while it heals.”",
        "main_message": "“Sit down to dress, and keep your knee lower than your hip.”",
    },
    "outpatient": {
        "caseload_priorities": "“1. Re-evaluations and progress reports due this week. 2. New evaluations within 48 "
        "hours of referral. 3. Post-op hand and shoulder protocols. 4. Everyone else, by visits owed.”",
        "caseload_deferral": "“I move a stable client who is ahead on visits to the next open slot this week, and the "
        "front desk calls them the same day.”",
        "caseload_guardrails": "“Never skipped: precautions and protocol checked before each visit, vitals for cardiac "
        "clients, and a note signed the same day.”",
    },
    "home_health": {
        "timeline_snippet": "by the 6th visit",
        "condition_snippet": "using <equipment> in her own <room>",
        "caseload_priorities": "“1. Start-of-care and resumption visits due today. 2. Reassessments due within 30 "
        "days. 3. Recent falls or new equipment. 4. Everyone else, by visits owed this week.”",
        "caseload_deferral": "“I move a stable client who is not due for reassessment to tomorrow, call them and the "
        "agency scheduler, and note it in the visit log.”",
        "caseload_guardrails": "“Never skipped: medication and fall-risk check at every visit, vitals before "
        "exercise, and a visit note synced the same day.”",
        "checklist_item": "“Path from bed to bathroom clear of rugs and cords.”",
        "checklist_when": "“At the start of every home visit, before the first transfer in the bathroom.”",
        "checklist_exact": "“Tub bench legs level and locked” rather than “Ensure safe setup.”",
        "goal": "Client will complete tub transfers with supervision using a tub bench and grab bar in her own "
        "bathroom, with no reported dizziness, by the 8th visit.",
        "condition": "“using a tub bench in her own bathroom” or “with no reported dizziness”",
        "constraint": "“Needs Min A for tub transfers because the tub wall is high and she lives alone.”",
    },
    "inpatient_rehab": {
        "timeline_snippet": "by discharge",
        "goal": "Patient will complete LB dressing (GG0130H) at 04 supervision using a reacher while seated in "
        "the w/c by discharge (admission 02).",
        "baseline": "“LB dressing (GG0130H): admission 02; toilet transfer (GG0170F): 03.”",
    },
    "pediatrics": {
        "subject": "Student",
        "assist_snippet": "with no more than 1 verbal prompt in 4/5 trials",
        "condition_snippet": "during <classroom routine>",
        "timeline_snippet": "by the annual IEP review",
        "goal": "Student will write his first and last name legibly on lined paper during seatwork in 4/5 trials "
        "by the annual IEP review.",
        "goal_short": "Student will copy 3 words from the board with no more than 1 verbal prompt in 4/5 trials by "
        "the next progress report.",
        "occupation": "“… write her name on lined paper …” or “… open his lunch containers …”",
        "assist": "“independently”, “with no more than 1 verbal prompt”, “with hand-over-hand fading to min physical "
        "assist”",
        "condition": "“using a pencil grip during seatwork” or “at snack time in the classroom”",
        "timeline": "“by the annual IEP review”, “by the next progress report” or “within 12 weeks”",
        "measure": "“in 4/5 trials”, “in 80% of opportunities”, “with no more than 1 prompt”",
        "impairment": "“… improve pencil grasp in order to write his name legibly on classroom worksheets.”",
        "priority": "“… so she can open her lunch by herself like her classmates (her parents' top priority).”",
        "discharge": "“Discharge from school OT when the student writes legibly for classroom tasks in 4/5 trials "
        "for 2 consecutive progress reports.”",
        "frequency": "“30 minutes, 2x/week in the classroom for the IEP year; progress reported quarterly.”",
        "baseline": "“Name writing: 2 of 5 letters legible with hand-over-hand help; VMI standard score 78.”",
        "plan": "“Classroom-based OT 2x/week for handwriting with a pencil grip and lined paper, toward 4/5 trials "
        "by the IEP review.”",
        "constraint": "“Needs hand-over-hand help to cut along a line because of weak grasp and poor bilateral "
        "coordination.”",
        "case_baseline": "“Before: kept up with peers in preschool. Now: 2/5 letters legible, VMI standard score 78.”",
        "reasoning": "“I chose a pencil grip and slanted board rather than handwriting drills, because his teacher "
        "needs a change she can use tomorrow.”",
        "skilled": "“Graded cutting from thick to thin lines with spring scissors; cut a 6-inch line within 1/4 inch "
        "in 3/5 trials with 1 verbal prompt.”",
        "follow_up": "“Re-checked at the 6-week progress report: name writing went from 2/5 to 4/5 legible letters.”",
        "main_message": "“Practise cutting with the spring scissors for 5 minutes after school.”",
        "action": "“Each day after school, sit with him at the table and let him cut along 3 thick lines.”",
        "reason": "“This builds the hand strength he needs to cut and write at school.”",
        "teach_back": "“Show me how you will set up the scissors and paper with him after school.”",
        "chunk_check": "“Show me how you will hold the paper for him while he cuts.”",
        "barrier": "“Mom works nights, so Grandma will do the 5 minutes of cutting each day after school, at the "
        "kitchen table.”",
        "response": "“Parent set up the spring scissors correctly and explained the 3 steps back in her own words; "
        "grandmother (after-school caregiver) was taught the same.”",
        "plain_swap": "“Help him practise with his hands” rather than “Facilitate fine motor development.”",
        "caseload_priorities": "“1. IEP meetings and evaluations with legal due dates. 2. Students whose minutes are "
        "behind. 3. Classroom safety concerns (elopement, feeding). 4. Everyone else, by minutes owed.”",
        "caseload_deferral": "“When a student is absent I make the session up within the same week, log it, and tell "
        "the teacher and the case manager.”",
        "caseload_guardrails": "“Never skipped: feeding and seizure plans read before each session, IEP minutes "
        "logged the same day, and parents told of any incident.”",
        "checklist_item": "“Student's feeding plan read before snack time.”",
        "checklist_when": "“Before each session that starts on the playground or at lunch, before the student moves.”",
        "checklist_exact": "“Chair feet on the floor and tray locked” rather than “Ensure proper seating.”",
        "checklist_escalation": "“If any item fails, stop the activity and tell the classroom teacher and the school "
        "nurse at once; if it is not resolved that day, tell the special education coordinator and the parents.”",
        "caseload_escalation": "“If I cannot deliver more than 2 students' IEP minutes in a week, I tell the special "
        "education coordinator that day, who approves make-up sessions or a co-treat.”",
        "handoff_action": "“OT to send the updated seating plan to the classroom teacher by Friday.”",
        "handoff_escalation": "“If the student has a seizure or stops breathing, call the school nurse and 911 at "
        "once; if a behaviour puts anyone at risk, call the office for the crisis team and tell the parents that day.”",
        "handoff_items": "“Precautions (seizure plan on file, no unsupervised stairs); current level (1 verbal prompt "
        "for transitions, hand-over-hand for scissors); equipment (adapted chair, slant board); attention (needs a "
        "visual schedule); pending items (IEP meeting, new pencil grip).”",
    },
}


def example(track: str, key: str) -> str:
    """The example wording `key` for `track`, or the adult rehab wording when the track has none."""
    return _TRACKS.get(track, {}).get(key) or _ADULT[key]


def example_keys() -> frozenset[str]:
    """Every example key (each track's wordings are a subset of these)."""
    return frozenset(_ADULT)
