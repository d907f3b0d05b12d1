"""Goal checks for plans of care and case write-ups (domain-checks.md §1.1, §3.4).

Each goal is read for the five COAST elements (Client, Occupation, Assist level, Specific
condition, Timeline) and for something measurable; then the goal set is read for progression
(baseline → short-term → long-term on the assist scale of `assist.py`, and STG timelines
shorter than LTG timelines), for a client-stated priority, and, in a plan of care, for
measurable discharge criteria ("when goals are met" is not), a counted frequency (`goal.frequency`:
"PRN" is not one), a measured baseline (`goal.baseline`: "Below average." is not), a plan that
names an activity, a number or a timeline (`goal.vague_plan`: "Continue POC. Progress as
tolerated." does neither) and skilled wording (`goal.skilled_language`: "tolerated treatment well").

One goal costs one finding: a goal missing a single element gets that element's check
(`goal.timeline`, `goal.condition`, …); a goal missing several gets one `goal.coast` finding that
names each of them. Example fixes follow the artifact's track (`examples.py`).

Helpers for row scoring: `coast_elements` (each element of one goal with its span),
`states_frequency`, `baseline_levels`, `timeline_length`, `extract_goals`.

Where goals come from:
- `plan_of_care`: every item (line or bullet) of `long_term_goals` and `short_term_goals`.
  A heading line ending in ":" ("STGs (2 weeks):", "By discharge, client will:") is not a goal;
  its words carry over to the goals under it.
- `case_writeup`: inside `plan`, lines under a "Goals:" / "LTG:" / "STG:" label, and sentences
  where a named client ("Client will…", "Pt will…", "Student will…") will do something.

Every finding sits on the rubric row `plan_of_care` and spans the goal (or section) it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import AssistMention, find_cues, find_levels, fold, folded, mentions_assist
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import PLAN_OF_CARE
from portfolios.rubric.text import Span, finding, iter_items, iter_sentences, section_finding

_I = re.IGNORECASE

# --- Client ---------------------------------------------------------------------------------
_SUBJECT = (
    r"(?:client|clients|pt\.?|pts|patient|student|child|learner|toddler|infant|resident|caregivers?|"
    r"care\s+partner|family|parents?|individual|participant|consumer"
    # the person as other services name them: "service user", "pupil", "young person", "the gentleman"
    r"|service\s+users?|pupils?|young\s+person|adolescent|teen(?:ager)?|youth|baby|boy|girl|man|woman|lady"
    r"|gentleman|veteran)"
)
_CLIENT = folded(
    r"\b(?:the\s+)?"
    + _SUBJECT
    + r"(?:\s{0,2}(?:/|and|&)\s{0,2}(?:caregivers?|cg|family|parents?|spouse|wife|husband))?"
    r"(?:\s+[A-Z]\b\.?|\s{0,2}\([A-Z]\)|\s+#?\d{1,2})?\s+(?:will|shall|to|is\s+to|would|can)\b"
    r"|\b(?:Mr|Mrs|Ms|Mx|Miss)\.?\s+[A-Z]\b\.?\s+(?:will|shall|to)\b"
    r"|\[[^\]\n]{1,30}\]\s+(?:will|shall|to)\b"
    r"|(?:^|[.:,;]\s{1,3})(?:he|she|they|I)\s+will\b"
    r"|(?:^|[.:,;]\s{1,3})(?:he|she|they)['\u2019]ll\b"  # the same goal said informally: "She'll dress …"
    r"|^\s{0,3}(?:the\s+)?(?:client|pt\.?|patient|student|child)\b"
    # a list goal whose subject is left out after its timeline, as in notes: "Within 4 weeks: sits on the toilet …",
    # "By week 6 - will don socks …" (the goal list is the client's, and a verb says someone acts)
    r"|\b(?:within|in|by)\s+(?:week\s+)?\d{1,3}(?:\s+(?:days?|weeks?|wks?|months?|visits?|sessions?))?\s{0,2}[:,\u2013-]"
    r"\s{0,3}(?:will\s+[a-z]+|(?!(?:is|has|was|sessions|visits|weeks|days|goals|this)\b)[a-z]+s)\b"
)
# Stricter: a sentence in a case plan reads as a goal only with a named client who "will" act.
_GOAL_SENTENCE = folded(
    r"\b(?:the\s+)?(?:client|pt\.?|patient|student|child|resident)(?:\s+[A-Z]\b\.?|\s{0,2}\([A-Z]\))?\s+will\s+"
    r"(?!be\s+(?:discharged|seen|transferred|referred|admitted|re-?evaluated|reassessed|followed)|"
    r"receive|attend|continue\s+(?:to\s+)?(?:receive|attend|be\s+seen))"
)

# --- Occupation -----------------------------------------------------------------------------
# Canonical keys let progression compare "LB dressing: Mod A" in a baseline with a goal for
# "donning pants". Order matters: more specific wordings first ("toilet transfer" before "toilet").
_OCCUPATIONS: tuple[tuple[str, str, str], ...] = (
    (
        "toilet_transfer",
        "toilet transfers",
        r"toilet(?:ing)?\s+transfers?|commode\s+transfers?|BSC\s+transfers?"
        r"|transfers?\s+(?:on(?:to)?|to|on\s+and\s+off|to\s+and\s+from|from)\s+(?:the\s+|a\s+)?(?:toilet|commode|BSC)",
    ),
    (
        "tub_transfer",
        "tub/shower transfers",
        r"(?:tub|shower|tub/shower|bathtub)\s+transfers?"
        r"|transfers?\s+(?:in(?:to)?|in\s+and\s+out\s+of|to\s+and\s+from|out\s+of)\s+(?:the\s+|a\s+)?(?:tub|shower"
        r"|bathtub)",
    ),
    ("car_transfer", "car transfers", r"car\s+transfers?"),
    (
        "bed_mobility",
        "bed mobility",
        r"bed\s+mobility|(?:get(?:s|ting)?|got)\s+in(?:to)?\s+and\s+out\s+of\s+bed|supine[- ]to[- ]sit"
        r"|sit[- ]to[- ]supine"
        r"|roll(?:s|ing)?\s+(?:in\s+bed|side\s+to\s+side)",
    ),
    (
        "meal_prep",
        "meal preparation",
        r"meal\s+prep(?:aration)?|cook(?:s|ing)?\b|(?:prepare|prepares|preparing|make|makes|making|heat|heats|heating)\s+"
        r"(?:a\s+|an\s+|her\s+|his\s+|their\s+|the\s+)?(?:[a-z-]{1,12}\s+){0,2}?"
        r"(?:meals?|lunch|breakfast|dinner|snacks?|sandwich|coffee|tea|soup)\b|pour(?:s|ing)?\b|microwave\b|kitchen\s+(?:tasks?"
        r"|activities|mobility)",
    ),
    (
        "lb_dressing",
        "LB dressing",
        r"L[BE]\s+dressing|lower[- ]body\s+dressing|pants|trousers|underwear|briefs|stockings|TEDs",
    ),
    ("footwear", "footwear", r"footwear|shoes?|socks?|shoelaces|boots"),
    (
        "ub_dressing",
        "UB dressing",
        r"U[BE]\s+dressing|upper[- ]body\s+dressing|shirts?|blouses?|bras?\b|jackets?|coats?\b|sweaters?|pullovers?"
        r"|button(?:s|ing)?\b|fasteners?|zip(?:s|per|pers|ping)?\b|snaps\b",
    ),
    (
        "dressing",
        "dressing",
        r"dress(?:es|ed|ing)?\b|clothing|clothes|garments?|don(?:s|ning|ned)?\b|doff(?:s|ing|ed)?\b"
        r"|put(?:s|ting)?\s+on\b|tak(?:e|es|ing)\s+off\b",
    ),
    (
        "toileting",
        "toileting",
        r"toilet(?:ing)?\b|peri[- ]?care|perineal\s+hygiene|bowel|bladder|continence|catheter\s+care|ostomy"
        # bladder management by catheter: "self-catheterisation", "completes CIC", "self-cath"
        r"|(?:self[- ]?)?catheteri[sz]\w*|self[- ]?cath\w*|cic\b",
    ),
    (
        "bathing",
        "bathing",
        r"bath(?:e|es|ing|ed)?\b|sponge\s+bath|shower(?:s|ing|ed)?\b(?!\s+(?:chair|seat|bench|transfer)s?\b)"
        r"|wash(?:es|ing)?\s+(?:(?:her|his|their)\s+)?(?:body|hair|legs|feet|back)",
    ),
    (
        "grooming",
        "grooming",
        r"groom(?:s|ing)?\b|oral\s+(?:care|hygiene)|brush(?:es|ing)?\s+(?:(?:her|his|their)\s+)?(?:teeth|hair|dentures)"
        r"|comb(?:s|ing)?\s+(?:(?:her|his|their)\s+)?hair|shav(?:e|es|ing)\b|hair\s+care|make-?up|nail\s+care"
        r"|wash(?:es|ing)?\s+(?:(?:her|his|their)\s+)?(?:face|hands)|hand\s?washing|deodorant|denture\s+care",
    ),
    (
        "feeding",
        "feeding",
        r"(?:self[- ])?feed(?:s|ing)?\b|eat(?:s|ing)?\b|meals?\b|drink(?:s|ing)?\b|utensils?|spoon|fork\b|cup\b"
        r"|finger\s+foods?|cut(?:s|ting)?\s+(?:up\s+)?(?:(?:her|his|their|soft|the)\s+)?(?:food|meat|meals?)\b",
    ),
    (
        "medication",
        "medication management",
        r"medications?|meds\b|pills?\b(?!\s+(?:organi[sz]er|box))|insulin"
        # health management: doses, injections, glucose checks, filling the organiser
        r"|(?:insulin\s+)?doses?\b|inject(?:s|ing|ions?)?\b|(?:blood\s+)?glucose|blood\s+sugars?"
        r"|fill(?:s|ing)?\s+(?:a\s+|the\s+|her\s+|his\s+|their\s+)?(?:weekly\s+)?(?:pill|medication)\s+(?:organi[sz]er|box)"
        # the body looked after as a daily task: skin checks, pressure relief
        r"|(?:check(?:s|ing)?|inspect(?:s|ing)?)\s+(?:her\s+|his\s+|their\s+|the\s+)?(?:own\s+)?skin\b|skin\s+(?:checks?"
        r"|inspections?)|pressure\s+(?:relief|reliefs)|weight\s+shifts?",
    ),
    (
        "finances",
        "money management",
        r"financ(?:es|ial)|bills?\b|money\s+management|banking|budget(?:s|ing)?\b|checkbook|pay(?:s"
        r"|ing)?\s+(?:for\s+)?(?:bills|rent)",
    ),
    (
        "home_management",
        "home management",
        r"housekeeping|house\s?work|home\s+management|household\s+(?:tasks|chores)|chores|laundry|clean(?:s|ing)?\b"
        r"|wip(?:e|es|ing)\s+(?:the\s+)?(?:counters?|table)|mak(?:e|es|ing)\s+(?:the\s+|her\s+|his\s+)?bed\b|dishes"
        r"|vacuum(?:s|ing)?|sweep(?:s|ing)?|yard\s?work|garden(?:s|ing)?\b|pet\s+care|child\s?care|caregiving"
        r"|trash|mail\b|mailbox",
    ),
    ("shopping", "shopping", r"shopping|shop\b|grocer(?:y|ies)|errands"),
    (
        "community",
        "community mobility",
        r"driv(?:e|es|ing)\b|community\s+(?:mobility|outings?|access|participation|ambulation)"
        r"|public\s+transport(?:ation)?|ride\s+the\s+bus",
    ),
    (
        "communication",
        "communication device use",
        r"(?:tele)?phone\b|e-?mails?\b|text(?:s|ing)?\s+messages?|computer\s+use",
    ),
    (
        "work",
        "work",
        r"return\s+to\s+work|RTW\b|jobs?\b|employment|work\s+(?:tasks?|duties|shifts?|station|day|hours|simulation)"
        # time at work: "work 6 hours", "full workdays", "work a full shift"
        r"|work(?:s|ing)?\s+(?:a\s+)?(?:\d{1,2}|full|half|part)[- ]?(?:hours?|hrs?|days?|shifts?|time)\b|work\s?days?\b"
        r"|volunteer(?:s|ing)?\b|cashier|(?:full|modified|light|regular|restricted)\s+duty|return\s+to\s+duty"
        # material handling, the core of many jobs: "lift a 12 kg tote", "40 tote lifts", "carry boxes"
        r"|(?:lift(?:s|ing)?|carr(?:y|ies|ying)|stack(?:s|ing)?)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
        r"(?:totes?|boxes|crates?|cartons?|cases\s+of|parcels?|sacks?|bags\s+of)\b"
        r"|(?:tote|box|crate|carton|parcel)\s+lifts?\b",
    ),
    (
        "school",
        "school tasks",
        r"hand-?writing|writ(?:e|es|ing)\b|letter\s+formation|letters\b|copy(?:ing)?\b|copies\b|trac(?:e|es|ing)\b"
        r"|draw(?:s|ing)?\b|colou?r(?:s|ing)\b|cut(?:s|ting)?\s+(?:along|out|on|paper|shapes?|a\s)|cutting|scissor"
        r"|keyboard(?:ing)?|typ(?:e|es|ing)\b|seatwork|desk\s?work|table\s?top\s+(?:tasks?|activities)|classwork"
        r"|schoolwork|homework|attend(?:s|ing|ance)?\s+(?:at\s+)?(?:(?:full|half)(?:[- ]days?)?\s+)?(?:school|class(?:es)?|lessons?)"
        r"|(?:school|classroom)\s+(?:tasks?|work|participation|routines?|activities|materials)|circle\s+time|backpack"
        r"|locker|recess|transition(?:s|ing)?\s+between|participat(?:e|es|ing|ion)\s+in\s+(?:the\s+)?"
        r"(?:class|classroom|circle|group|recess|PE|lessons?)|containers?|jars?\b|packages?|bottles?",
    ),
    (
        "play",
        "play and leisure",
        r"play(?:s|ing|ground)?\b|toys?\b|tummy\s+time|(?<!box and )blocks\b|puzzles?|games?\b|peers?\b|leisure|hobb(?:y|ies)"
        r"|crafts?\b"
        r"|knitting|social\s+participation|sports?\b|swim(?:s|ming)?\b|sleep(?:s|ing)?\b|bedtime\s+routine|stack(?:s"
        r"|ing)?\b",
    ),
    (
        "mobility",
        "functional mobility",
        r"functional\s+mobility|ambulat(?:e|es|ing|ion)\b|wheelchair\s+mobility|w/c\s+mobility|propel(?:s|ling)?\b"
        r"|walk(?:s|ing)?\s+(?:to|from|in|around|household|community)\b|household\s+distances|community\s+distances"
        r"|navigat(?:e|es|ing)\b|climb(?:s|ing)?\s+stairs|access(?:es|ing)?\s+(?:the\s+|her\s+|his\s+|their\s+)?"
        r"(?:bathroom|toilet|kitchen|community|home|bedroom|shower|tub|car|building)",
    ),
    ("transfers", "transfers", r"transfers?\b|sit[- ]to[- ]stand|(?:stand|squat|sit)[- ]pivot"),
    (
        "adl",
        "ADLs",
        r"B?ADLs?\b|self[- ]care|activities\s+of\s+daily\s+living|personal\s+care|hygiene|(?:daily|morning"
        r"|evening)\s+routines?",
    ),
    ("iadl", "IADLs", r"IADLs?\b|instrumental\s+activities|household\b"),
)
OCCUPATION_LABELS: dict[str, str] = {key: label for key, label, _ in _OCCUPATIONS}
# One plain alternation finds occupations fast; which one matched is looked up at that position only.
# The look-ahead lets the engine skip every position that cannot start a word (several times faster).
_OCCUPATION = folded(r"\b(?=[a-z])(?:" + "|".join(pattern for _, _, pattern in _OCCUPATIONS) + ")")
_OCCUPATION_KINDS = tuple((key, folded(r"\b(?:" + pattern + ")")) for key, _, pattern in _OCCUPATIONS)

# --- Specific condition ---------------------------------------------------------------------
# Symptoms a goal can be conditioned on ("with no reported dizziness") and counted against (none = met).
_SYMPTOM = (
    r"(?:dizz(?:y|iness)|light[- ]?headed(?:ness)?|vertigo|pain|discomfort|SOB|shortness\s+of\s+breath|dyspnea"
    r"|desaturation|desats?|fatigue|nausea|symptoms?|signs\s+of\s+distress|orthostatic\s+(?:symptoms|hypotension)"
    r"|palpitations|chest\s+pain|increased\s+(?:pain|swelling|edema)|swelling|edema)"
)
_CONDITION = folded(
    r"(?=[a-z3])"  # every wording starts with a letter (or "3-in-1"): skip other positions fast
    # AE, DME, techniques and strategies
    r"(?:\b(?:reacher|sock\s+aid|stocking\s+(?:aid|donner)|long[- ]handled|shoe\s?horn|dressing\s+stick|button\s+hook"
    r"|elastic\s+(?:shoe)?laces|tub\s+(?:transfer\s+)?bench|shower\s+(?:chair|seat|bench)|grab\s+bars?"
    r"|raised\s+toilet\s+seat|toilet\s+(?:safety\s+)?frame|BSC|bedside\s+commode|3[- ]in[- ]1|walker|RW|FWW|rollator"
    r"|(?:quad\s+)?cane|wheelchair|w/c|built[- ]up|adaptive|adapted|AE|DME|splint|orthosis|brace|slant(?:ed)?\s+board"
    r"|pencil\s+grips?|weighted|visual\s+(?:schedule|timer|checklist|supports?|model)|checklist|timer"
    r"|pill\s+(?:organi[sz]er|box)"
    r"|plate\s+guard|scoop\s+(?:dish|plate)|rocker\s+knife|jar\s+opener|hand[- ]?held\s+shower|bed\s+rail|gait\s+belt"
    r"|transfer\s+(?:board|belt)|hip\s+kit|hemi[- ]?(?:dressing\s+)?techniques?|one[- ]handed|energy\s+conservation"
    r"|work\s+simplification|joint\s+protection|pacing|compensatory|techniques?|strateg(?:y|ies)|lined\s+paper"
    r"|raised[- ]line\s+paper|graph\s+paper|laptop|tablet|iPad|alarm|calendar|memory\s+(?:book|notebook|aid)"
    r"|written\s+(?:[a-z-]{1,12}\s+){0,2}?(?:schedule|instructions|list|checklist|steps|plan)|picture\s+(?:schedule"
    r"|cards?)|sensory\s+(?:breaks?|strategies|diet)"
    r"|wobble\s+cushion|seat\s+cushion|(?:hand)?rail(?:ing)?s?|trolley|cart|tray|stool"
    r"|prosthe(?:sis|ses|tic)|terminal\s+device|myoelectric"
    # the same aids under their British, Australian and Canadian names
    r"|slop(?:e|ed|ing)\s+(?:writing\s+)?board|bath\s+(?:board|lift|seat|step)|perching\s+stool|zimmer(?:\s+frame)?"
    r"|walking\s+(?:frame|stick)|(?:wheeled|pulpit|gutter|pick-?up|rolling|bariatric)\s+frame"
    r"|(?:with|using|on)\s+(?:a\s+|an\s+|her\s+|his\s+|their\s+|the\s+)?frame"
    r"|helping\s+hand|kettle\s+tipper|stair\s?lift|dycem|non-?slip\s+mat|hoist|hoyer"
    r"|mechanical\s+lift|slide\s+sheet|(?:banana|sliding)\s+board|plate\s+surround|crutch(?:es)?|commode)\b"
    # positions
    r"|\b(?:seated|in\s+sitting|in\s+standing|sitting(?!\s+(?:balance|tolerance|endurance))"
    r"|standing(?!\s+(?:balance|tolerance|endurance))|supine|side[- ]?lying|long[- ]sitting|EOB"
    r"|edge\s+of\s+(?:the\s+)?bed"
    r"|(?:un)?supported)\b"
    r"|\bfrom\s+(?:a\s+|the\s+)?(?:[a-z-]{1,12}\s+){0,2}?(?:chair|bed|wheelchair|w/c|toilet|commode|couch|sofa|recliner"
    r"|mat|floor|board|model|near\s+point|far\s+point)\b"
    r"|\bat\s+(?:the\s+|a\s+|her\s+|his\s+)?(?:sink|table|desk|counter|EOB|bedside|mat|edge\s+of\s+bed|cubby|locker"
    r"|board)\b"
    r"|\bon\s+(?:a\s+|the\s+)?(?:toilet|commode|BSC|tub\s+bench|shower\s+chair|mat|level\s+surfaces"
    r"|uneven\s+(?:surfaces|ground)"
    r"|stairs|ramp|playground|bus|unit|curbs?)\b"
    # places and contexts
    r"|\b(?:in|at|within|around|inside)\s+(?:the\s+|her\s+|his\s+|their\s+|a\s+|an\s+)?(?:own\s+)?(?:home\s+)?"
    r"(?:home|house|apartment|bathroom|kitchen|bedroom|shower|tub|classroom|class|school|community|clinic|gym|cafeteria"
    r"|lunchroom|playground|library|hallway|store|supermarket|car|vehicle|workplace|office|daycare|preschool"
    r"|natural\s+environments?|therapy\s+gym|park|restaurant|garden|yard|night)\b"
    r"|\bat\s+(?:work|recess|lunch|snack|mealtime|bedtime)\b"
    r"|\bduring\s+(?:[a-z-]{1,12}\s+){0,2}?(?:routines?|time|recess|lunch|snack|mealtime|meals?|class|centers|seatwork"
    r"|PE|art|music|transitions?|play|the\s+school\s+day)\b"
    r"|\bnatural\s+(?:environments?|contexts?|settings?|routines?)\b"
    # how: "using", "following", "while", "with a/the …"
    r"|\b(?:follow(?:s|ing)?|adher(?:e|es|ing)\s+to|maintain(?:s|ing)?|observ(?:e|es|ing))\s+(?:\d/\d\s+|all\s+)?"
    r"(?:[a-z-]{1,12}\s+)?precautions\b"
    r"|\b(?:using|use\s+of|utili[sz]ing|via|by\s+means\s+of|following|while|given)\s+\S"
    # symptom criteria: "with no reported dizziness", "without SOB", "with pain ≤3/10", "with SpO2 ≥ 90%"
    r"|\b(?:with\s+no|without|w/o|free\s+of|with\s+(?:minimal|mild|stable))\s+(?:[a-z-]{1,12}\s+){0,2}?"
    + _SYMPTOM
    + r"\b"
    r"|\bwith\s+(?:[a-z-]{1,12}\s+){0,3}?(?:pain|SpO2|O2\s+sats?|sats|HR|BP|RPE|dyspnea)\s{0,2}(?:at\s+or\s+)?"
    r"(?:[≤≥<>]|below|under|above|less\s+than|no\s+(?:more|higher|greater|worse)\s+than|at\s+most|at\s+least"
    r"|not\s+(?:above|over|exceeding))"
    # technique named by the body position it keeps: "with a neutral wrist", "correct lifting posture"
    r"|\b(?:neutral|correct|proper|safe)\s+(?:[a-z-]{1,12}\s+)?(?:position(?:ing)?|posture|alignment|mechanics|form"
    r"|technique)\b|\bbody\s+mechanics\b"
    r"|\b(?:with|w/)\s+(?:a|an|the|his|her|their|its)\s+(?!(?:assist|help|cue|prompt|supervision|verbal|physical"
    r"|minimal"
    r"|moderate|maximal|max|min|mod|total|\d))[a-z]"
    r")"
)
# In pediatrics, a school or natural context is the condition (domain-checks.md §4 Pediatrics).
_PEDS_CONTEXT = folded(
    r"\b(?:classroom|school|recess|cafeteria|lunchroom|playground|circle\s+time|centers|seatwork|preschool|daycare"
    r"|child\s?care|natural\s+environments?|home\s+routines?|family\s+routines?|bath\s?time|mealtime|snack\s?time"
    r"|lessons?|class(?:es)?)\b"
)

# --- Timeline -------------------------------------------------------------------------------
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
_ORDINAL_WORDS = r"\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINALS)
_NUM = (
    r"(?P<n>\d{1,3}(?:\s{0,2}[-–]\s{0,2}\d{1,3})?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an)"
)
_UNIT = (
    r"(?P<unit>(?:days?|d|weeks?|wks?|w|months?|mos?|mths?|years?|yrs?|visits?|sessions?|treatments?|tx"
    r"|treatment\s+days)\b)"
)
_NOT_FREQUENCY = r"(?!\s{0,2}(?:/|per\b|a\s+week|consecutive|in\s+a\s+row))"
_TIMELINE_LEAD = folded(
    r"\b(?:within|in|by|after|over\s+the\s+next|for\s+the\s+next|next)\s{1,3}(?:the\s+)?(?:next\s+)?"
    + _NUM
    + r"\s{0,2}-?\s{0,2}"
    + _UNIT
    + _NOT_FREQUENCY
)
# "LB dressing mod I w/ AE 3 wks", "(4 wks)": a bare count of calendar time, unless it reads as a
# frequency ("3 days/week"), a criterion ("3 consecutive days") or a duration of activity ("for 3 weeks").
_TIMELINE_BARE = folded(
    r"(?<![/\w])(?P<n>\d{1,3})\s{0,2}-?\s{0,2}(?P<unit>(?:days?|weeks?|wks?|months?|mos?)\b)"
    + _NOT_FREQUENCY
    + r"(?!\s+of\b)"
)
_BARE_BLOCKED_BEFORE = folded(r"\b(?:for|x|every|each|per|over|across|q)\s{0,2}$")
_TIMELINE_EVENT = folded(
    r"\b(?:by|at|upon|before|prior\s+to|on|until)\s+(?:the\s+)?(?:time\s+of\s+)?(?:discharge|d/c|DC|dc)\b"
    r"|\b(?:discharge|d/c|DC)\s+goals?\b"
    r"|\bby\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:[a-z0-9-]{1,12}\s+){0,2}?(?:week|wk|day|month|quarter|semester"
    r"|trimester"
    r"|term|year|grading\s+period|marking\s+period|cert(?:ification)?(?:\s+period)?|POC|episode|plan\s+of\s+care|IEP"
    r"|IFSP"
    r"|session|visit)\b"
    r"|\bby\s+(?:the\s+)?(?:end\s+of\s+)?(?:week|wk|day|visit|session|month)\s{0,2}#?\d{1,3}\b"
    r"|\b(?:by|at|before)\s+(?:the\s+)?(?:next\s+|annual\s+|6[- ]month\s+|six[- ]month\s+|periodic\s+)?(?:IEP|IFSP"
    r"|annual"
    r"|progress|re-?cert(?:ification)?|re-?eval(?:uation)?|re-?assessment)(?:\s+(?:review|meeting|date|report"
    r"|period))?\b"
    r"|\bwithin\s+(?:the|this)\s+(?:IEP|IFSP|school|cert(?:ification)?|POC|plan\s+of\s+care|episode)(?:\s+(?:year"
    r"|period))?\b"
    r"|\bby\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|spring|summer"
    r"|fall|winter|autumn)\b"
    r"|\bthis\s+(?:cert(?:ification)?\s+period|episode|school\s+year|semester|quarter)\b"
    # counted in visits or sessions by position: "by the fourth visit", "at the 3rd session"
    r"|\b(?:by|at|on|before|until|within)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:next|final|last|"
    + _ORDINAL_WORDS
    + r")"
    r"\s+(?:visit|session|treatment|appointment|week|day|month|shift)s?\b"
    # within one shift or day: "by the end of the same shift", "same-day", "this shift"
    r"|\b(?:by|before|within|during|in|at|on)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+|this\s+|her\s+|his\s+|my\s+)?)?"
    r"(?:same|this|current|next|one|a\s+single)\s+(?:shift|day|visit|session)\b"
    r"|\bsame[- ](?:shift|day)\b"
    r"|\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|my\s+|her\s+|his\s+)?(?:shift|day)\b"
    r"|\b(?:by|before)\s+(?:tomorrow|tonight|noon)\b"
)
# "by the fourth visit": a position in the episode, read as that many visits (or weeks, days).
_TIMELINE_ORDINAL = folded(
    r"\b(?:by|at|on|before|until)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?P<n>" + _ORDINAL_WORDS + r")"
    r"\s+(?P<unit>(?:visit|session|treatment|week|day|month)s?\b)"
)
_RANGE_DASH = re.compile(r"\s*[-–]\s*")
_DAYS_PER_UNIT = {"d": 1, "w": 7, "m": 30, "y": 365}

# --- Measurable -----------------------------------------------------------------------------
_MEASURE = folded(
    r"(?=[\da-z≤≥<>])"  # numbers, comparison signs or a tool's name: skip other positions fast
    r"(?:\d{1,4}\s{0,2}(?:%|percent\b)"
    r"|\b\d{1,3}\s{0,2}/\s{0,2}\d{1,3}\b"
    r"|\b\d{1,3}\s+(?:out\s+)?of\s+(?:the\s+)?\d{1,3}\b"
    r"|\b\d{1,4}(?:\.\d{1,2})?\s{0,2}(?:min(?:ute)?s?|sec(?:ond)?s?|hours?|hrs?|ft|feet|foot|meters?|yards?|yds?"
    r"|inch(?:es)?|cm|mm|lbs?|pounds?|kg|°|degrees?|reps?|repetitions?|sets?|times|wpm|words?|steps?|stairs"
    r"|blocks?|items?|sentences?|letters?|bills?|buttons?|pieces?|objects?|coins?|pages?|lines?|problems?|tasks?"
    r"|trials?|opportunities|attempts?|probes?|turns?|samples?|errors?|rest\s+breaks?|breaks?)\b"
    r"|\b\d{1,3}[- ](?:item|step|page|hour|minute|min|foot|ft|piece|part|word|line)\b"
    r"|\b\d{1,2}\s{0,2}x\s{0,2}/?\s{0,2}(?:day|daily|wk|week|session)\b"
    r"|\bx\s{0,2}\d{1,3}\b"
    r"|\b(?:no|zero|without)\s+(?:[a-z-]{1,12}\s+)?(?:errors?|loss\s+of\s+balance|LOB|spills?|falls?|near[- ]misses)\b"
    r"|\b(?:no|zero|without)\s+(?:reported\s+|report\s+of\s+|c/o\s+|complaints?\s+of\s+)?" + _SYMPTOM + r"\b"
    r"|(?:\b(?:fewer\s+than|less\s+than|no\s+more\s+than|at\s+least|under)|[≤≥<>]=?)\s{0,2}\d"
    r"|\b[0-5][+-]?\s{0,2}/\s{0,2}5\b"
    # a count in words: "has shown safe set-up twice", "less than one GG level in 2 weeks"
    r"|\b(?:twice|thrice)\b|\b(?:one|two|three|\d)\s+(?:[a-z]{2,5}\s+)?levels?\b"
    r"|\b(?:COPM|GAS|FIM|Barthel|AM-PAC|PEDI(?:-CAT)?|VMI|Beery|BOT-?2|9HPT|TUG|Berg|MoCA|SLUMS|KELS|PSFS|Quick-?DASH"
    r"|DASH|LEFS|ACLS|SFA|SPM)\b[^.;\n]{0,40}?\d"
    r")"
)
_VAGUE_VERB = folded(
    r"\b(?:improve|increase|enhance|maximi[sz]e|promote|understand|be\s+aware|tolerate|demonstrate\s+understanding"
    r"|demonstrate\s+improved|be\s+safe|get\s+better)\b"
)

# --- Impairment-only goals (POC-FUNC) ---------------------------------------------------------
_IMPAIRMENT = folded(
    r"\b(?:A{0,2}ROM|PROM|range\s+of\s+motion|strength(?:en(?:ing)?)?|MMT|grip|pinch|dynamometer|flexion|extension"
    r"|abduction|adduction|rotation|supination|pronation|degrees|edema|coordination|dexterity|endurance"
    r"|activity\s+tolerance|balance|fine\s+motor|gross\s+motor|visual[- ]motor|visual\s+perceptual|motor\s+planning"
    r"|sensory\s+processing|core\s+stability|proprioception|tone|spasticity|sensation|cognition|memory|attention"
    r"|safety\s+awareness|posture)\b|°|\b[0-5][+-]?/5\b"
)

# --- Progression ----------------------------------------------------------------------------
_MAINTENANCE = folded(r"\b(?:maintain|maintains|prevent|remain|sustain|preserve|continue\s+to)\b")
PRIOR_LEVEL = folded(
    r"\bPLOF\b|\bprior\s+(?:level|to)\b|\bpreviously\b|\bpremorbid(?:ly)?\b|\bpre-?morbid(?:ly)?\b"
    r"|\bbefore\s+(?:(?:the|her|his|their|this|these|those|the\s+recent|her\s+recent|his\s+recent)\s+)?(?:falls?|injur(?:y|ies)"
    r"|surgery|stroke|CVA|admissions?|onset|hospitali[sz]ations?|accident|diagnosis|illness|fracture|flare)\b"
    r"|\bat\s+baseline\s+prior\b"
    # the prior level in other words: "normally independent", "used to drive", "pre-admission", "pre-injury"
    r"|\b(?:normally|usually|ordinarily)\s+(?:fully\s+)?(?:independent|mobile|manages?|walks?|drives?|mobili[sz]es?"
    r"|cooks?|works?|showers?|dresses)\b|(?<!getting\s)(?<!got\s)(?<!get\s)(?<!is\s)(?<!be\s)\bused\s+to\s+(?!the\b|it\b|this\b|that\b|\w+ing\b)\w+"
    r"|\bpre-?(?:admission|injury|stroke|op(?:eratively)?|fall|morbid)\b"
)

# A baseline item that was not measured: it must not borrow its neighbour's level.
_NOT_MEASURED = folded(
    r"\b(?:not|never)\s+(?:yet\s+)?(?:attempted|assessed|tested|observed|evaluated|performed|measured|trialed|addressed)\b"
    r"|\b(?:unable\s+to\s+(?:assess|test|attempt)|did\s+not\s+(?:attempt|assess|test)|deferred|refused|N/?T|N/A"
    r"|unknown|not\s+applicable)(?![\w/])"
)
_CLAUSE_BREAK = re.compile(r";")

# --- Client priority and discharge ----------------------------------------------------------
_CLIENT_PRIORITY = folded(
    r"[\"“”][^\"“”\n]{3,200}[\"“”]"
    r"|\b(?:client|pt|patient|student|child|family|parents?|caregiver|her|his|their)(?:['’]s)?\s+"
    r"(?:stated\s+|own\s+|identified\s+|top\s+|main\s+|chosen\s+)?(?:goal|priority|priorities|wish|wishes)\b"
    r"|\b(?:wants?\s+to|wanted\s+to|wishes\s+to|hopes?\s+to|stated|identified\s+as|prioriti[sz]ed|most\s+important"
    r"|meaningful|valued|own\s+words|COPM|in\s+order\s+to|so\s+(?:that\s+)?(?:she|he|they|the\s+client|client|pt"
    r"|the\s+student|student|the\s+child|child)\s+can)\b"
)
_DISCHARGE_TRIGGER = folded(
    r"\b(?:when|once|upon|after|if|criteria|met|achieved|attained|reached|reaches|demonstrates?|plateau(?:s|ed)?)\b"
)
# A frequency someone could schedule: a count per period, a daily/weekly word or code, or visits over a span.
_COUNTED_FREQUENCY = folded(
    r"\b\d{1,2}(?:\s{0,2}[-–]\s{0,2}\d{1,2})?\s{0,2}(?:x|times|sessions?|visits?|days?|treatments?)\s{0,2}(?:/|per|a|an"
    r"|each|every)?\s{0,2}(?:wk|week|day|month|mo)\b"
    r"|\b(?:once|twice|one\s+time|two\s+times|three\s+times|four\s+times|five\s+times)\s+(?:a|per|each|every)\s+"
    r"(?:day|week|wk|month)\b"
    r"|\b(?:daily|weekly|bi-?weekly|monthly|every\s+(?:other\s+)?(?:day|week|weekday)|BIW|TIW|QW|QD|BID|TID|QID"
    r"|\d\s{0,2}w\s{0,2}\d{1,2}|fortnightly|every\s+(?:second|2nd)\s+week"
    r"|(?:once|twice|\d\s{0,2}x?)\s{0,2}(?:a|per|each|every)\s+fortnight)\b"
    r"|\b\d{1,3}\s+(?:visits?|sessions?|treatments?)\s+(?:over|in|within|across)\s+\d{1,3}\s+(?:days?|weeks?|wks?|months?)"
    r"|\b\d{1,3}\s{0,2}(?:min(?:ute)?s?|hours?|hrs?)\s{0,2}(?:/|per|a|each)\s{0,2}(?:day|week|wk|month)\b"
)
_AS_NEEDED = folded(
    r"\b(?:PRN|as\s+needed|as\s+tolerated|as\s+indicated|when\s+needed|if\s+needed|ongoing|as\s+appropriate)\b"
)
# Any digit, or a standard rating in place of a number (within functional/normal limits, an MMT grade).
_NUMBER_OR_RATING = folded(r"\d|\b(?:WFL|WNL|within\s+(?:functional|normal)\s+limits)\b")
_PLAN_FILLER = folded(
    r"\b(?:continue\s+(?:with\s+)?(?:POC|plan(?:\s+of\s+care)?|current\s+plan|skilled\s+(?:OT|therapy)|OT|therapy"
    r"|treatment|tx|per\s+plan)|progress\s+as\s+tolerated|as\s+tolerated|per\s+protocol|as\s+indicated"
    r"|see\s+(?:goals|above))\b"
)
_VAGUE_DISCHARGE = folded(
    r"\b(?:as\s+(?:tolerated|appropriate|needed|indicated)|progress\s+(?:plateaus?|stalls?)|plateau(?:s|ed)?"
    r"|max(?:imum)?\s+(?:potential|benefit)|no\s+longer\s+(?:needs?|requires?|benefits?)|safe\s+(?:to|for)\s+"
    r"(?:go\s+)?home|functional(?:ly)?\s+independent|independent\s+with\s+HEP)\b"
)
_GOALS_MET = folded(
    r"\b(?:all\s+)?(?:LTGs?|STGs?|goals?)\s+(?:are\s+|have\s+been\s+|being\s+)?(?:met|achieved|attained|reached)\b"
)

# --- Where goals are --------------------------------------------------------------------------
_HEADING = re.compile(r"^(?:#{1,6}\s.{0,118}|\*\*[^*\n]{1,80}\*\*:?|.{1,118}:)$")
_PLACEHOLDER = re.compile(r"(?:tbd|n/?a|none|see\s+above|pending|to\s+be\s+determined|[-–—.…\s]*)\.?", _I)
_GOAL_LABEL = re.compile(
    # whose goals, and with whom they were set, may frame the label: "Her goals:", "Goals agreed with him:"
    r"^(?P<label>(?:(?:her|his|their|our|the\s+client['’]s|the\s+patient['’]s|agreed|joint|shared)\s+)?"
    r"(?:(?P<long>long[- ]term|LTG)|(?P<short>short[- ]term|STG))?\s{0,2}(?:goals?|LTGs?|STGs?|objectives?"
    r"|outcomes?)?\s{0,2}#?\d{0,2}\s{0,2}(?:\([^)\n]{0,40}\))?"
    r"(?:\s(?:agreed|set|made|negotiated|chosen)\s+(?:with|by)\s+(?:her|him|them|the\s+[a-z]+|[a-z]+)(?:\s+and\s+[a-z]+)?)?"
    r"\s{0,2}):\s*",
    _I,
)
_LABEL_WORD = re.compile(r"\b(?:goals?|LTGs?|STGs?|objectives?|outcomes?)\b|\b(?:long|short)[- ]term\b", _I)
_OTHER_LABEL = re.compile(r"^[A-Za-z][\w /&()-]{0,40}:")
# Goals numbered inside one line after their label: "Goals: (1) … within 2 weeks; (2) …", "Goals: 1) … 2) …".
_INLINE_NUMBER = re.compile(r"(?:^|(?<=[\s;,.]))\(?(?:\d{1,2}|[a-h])\)\s+")
# A goal named in the middle of a plan's sentence: "I set a graded goal: independent seated wash by discharge",
# "our goal was for her to shower with supervision in 3 weeks".
_INLINE_GOAL = re.compile(
    r"\b(?:goals?|aims?|targets?)\s{0,2}(?:\([^)\n]{0,40}\))?\s{0,2}:\s*(?=\S)"
    r"|\b(?:the|my|our|her|his|their)\s+(?:[a-z-]+\s+)?(?:goal|aim)\s+(?:is|was|will\s+be)\s+(?=(?:to|that|for)\s)",
    _I,
)
_STG = re.compile(r"^\s{0,3}(?:STGs?|short[- ]term)\b", _I)
_LTG = re.compile(r"^\s{0,3}(?:LTGs?|long[- ]term)\b", _I)


@dataclass(frozen=True)
class Goal:
    """One goal: where it sits, its words, and any heading words it inherits."""

    field: str
    start: int
    end: int
    text: str
    term: str | None  # "long", "short" or None when the goal is not labelled
    context: str = ""

    @property
    def reading(self) -> str:
        """The goal's words with the heading it sits under ("STGs (2 weeks):"), as one text."""
        return f"{self.context}\n{self.text}" if self.context else self.text


# --- Public helpers (also used by case.py and overlays.py) ------------------------------------
# Each takes the text as written; the patterns run on its `fold`ed copy (same offsets).
def occupations(text: str) -> list[tuple[str, int, int]]:
    """Occupations named in `text`, as (canonical key, start, end)."""
    lowered = fold(text)
    found = []
    for match in _OCCUPATION.finditer(lowered):
        key = next((key for key, pattern in _OCCUPATION_KINDS if pattern.match(lowered, match.start())), "adl")
        found.append((key, match.start(), match.end()))
    return found


def mentions_occupation(text: str) -> bool:
    return _OCCUPATION.search(fold(text)) is not None


def has_client(text: str) -> bool:
    return _CLIENT.search(fold(text)) is not None


def has_condition(text: str, track: str) -> bool:
    lowered = fold(text)
    if _CONDITION.search(lowered):
        return True
    return track == "pediatrics" and _PEDS_CONTEXT.search(lowered) is not None


def has_timeline(text: str) -> bool:
    lowered = fold(text)
    return bool(_TIMELINE_EVENT.search(lowered) or _TIMELINE_LEAD.search(lowered) or _bare_timelines(lowered))


COAST_ELEMENTS = ("client", "occupation", "assist", "condition", "timeline", "measurable")
# The ids one per-goal completeness check reports under (`goal.timeline` when one element is missing,
# `goal.coast` for several): one problem for scoring, however the goals of a plan split across them.
GOAL_COMPLETENESS_CHECKS = frozenset(
    {f"goal.{element}" for element in COAST_ELEMENTS} | {"goal.coast", "goal.impairment_only"}
)


def coast_elements(text: str, track: str = "") -> dict[str, tuple[int, int] | None]:
    """For one goal's text: each COAST element (and "measurable") with the span that shows it, or None.

    Keys are `COAST_ELEMENTS` in order. Spans are (start, end) offsets into `text`. The track only
    matters for pediatrics, where a school or natural context counts as the condition.
    """
    lowered = fold(text)
    levels = find_levels(text)
    cues = find_cues(text)
    assist_span = (levels[0].start, levels[0].end) if levels else (cues[0] if cues else None)
    condition = _CONDITION.search(lowered) or (_PEDS_CONTEXT.search(lowered) if track == "pediatrics" else None)
    timelines = [
        match
        for match in (
            _TIMELINE_EVENT.search(lowered),
            _TIMELINE_LEAD.search(lowered),
            _TIMELINE_ORDINAL.search(lowered),
        )
        if match
    ] + _bare_timelines(lowered)[:1]
    timeline = min(timelines, key=lambda match: match.start(), default=None)
    measure = _MEASURE.search(lowered)
    client = _CLIENT.search(lowered)
    occupation = _OCCUPATION.search(lowered)

    def span(match: re.Match[str] | None) -> tuple[int, int] | None:
        return (match.start(), match.end()) if match else None

    return {
        "client": span(client),
        "occupation": span(occupation),
        "assist": assist_span,
        "condition": span(condition),
        "timeline": span(timeline),
        "measurable": span(measure) or assist_span,
    }


def timeline_length(text: str) -> tuple[float, str, str] | None:
    """The first timeline with a number, as (amount, "days" | "visits", its words); None for "by discharge" or none."""
    lowered = fold(text)
    matches = [*_TIMELINE_LEAD.finditer(lowered), *_TIMELINE_ORDINAL.finditer(lowered), *_bare_timelines(lowered)]
    for match in sorted(matches, key=lambda m: m.start()):
        amount = _number(match.group("n"))
        unit = match.group("unit")
        words = text[match.start() : match.end()]
        if unit[0] in ("v", "s") or unit.startswith("tr") or unit == "tx":
            return amount, "visits", words
        return amount * _DAYS_PER_UNIT.get(unit[0], 1), "days", words
    return None


def is_measurable(text: str) -> bool:
    """True when something in `text` can be counted or scored (assist, cues, trials, %, time, distance, GG…)."""
    return bool(_MEASURE.search(fold(text)) or mentions_assist(text))


def is_impairment_only(text: str) -> bool:
    return _IMPAIRMENT.search(fold(text)) is not None and not mentions_occupation(text)


def cites_client_priority(text: str) -> bool:
    return _CLIENT_PRIORITY.search(fold(text)) is not None


def mentions_prior_level(text: str) -> bool:
    """True when `text` speaks of the prior level of function ("PLOF", "prior to the fall", "previously")."""
    return PRIOR_LEVEL.search(fold(text)) is not None


def _goal_sections(text: ArtifactText) -> list[tuple[str, str]]:
    """(section, "long" | "short") for the sections the catalog says hold goals one per line."""
    if text.spec is None:
        return []
    return [(field, "long") for field in text.spec.role("long_goals")] + [
        (field, "short") for field in text.spec.role("short_goals")
    ]


def extract_goals(text: ArtifactText) -> list[Goal]:
    """The goals of a kind, in order: from its goal sections, or from inside its plan narrative (catalog roles)."""
    found = [goal for field, term in _goal_sections(text) for goal in _section_goals(field, text.text(field), term)]
    if text.spec is not None:
        for field in text.spec.role("goal_plan"):
            found.extend(_plan_goals(text.text(field)))
    return found


# --- The check ------------------------------------------------------------------------------
def check(text: ArtifactText) -> Iterable[Finding]:
    """Goal findings for a plan of care or a case write-up; nothing for other kinds or blank drafts."""
    if text.spec is None or all(not value.strip() for value in text.fields.values()):
        return []
    findings: list[Finding] = []
    goals = extract_goals(text)
    findings.extend(_missing(text, goals))
    for goal in goals:
        findings.extend(_goal_findings(goal, text.track))
    findings.extend(_progression(text, goals))
    findings.extend(_client_priority(text, goals))
    if text.spec.role("discharge"):  # a plan of care's own sections: discharge, frequency, baseline
        findings.extend(_discharge_criteria(text))
        findings.extend(_frequency(text))
        findings.extend(_baseline(text))
        findings.extend(_plan(text))
        findings.extend(_skilled_language(text))
    return findings


def states_frequency(text: str) -> tuple[int, int] | None:
    """The span of a counted frequency ("2x/week", "twice a week", "daily", "12 visits over 6 weeks"), or None.

    "PRN", "as needed" or "as tolerated" are not a frequency: nobody can schedule or audit them.
    """
    match = _COUNTED_FREQUENCY.search(fold(text))
    return (match.start(), match.end()) if match else None


def _frequency(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("frequency_duration")
    if not body.strip() or states_frequency(body):
        return
    vague = _AS_NEEDED.search(fold(body))
    said = f"“{body[vague.start() : vague.end()]}” is not a frequency: " if vague else ""
    yield section_finding(
        "frequency_duration",
        body,
        check="goal.frequency",
        row=PLAN_OF_CARE,
        severity="warning",
        message=f"{said}the plan does not say how often the client is seen (a count per week or day) and for how long.",
        fix=example(text.track, "frequency"),
    )


def _baseline(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("baseline")
    if not body.strip() or is_measurable(body) or _NUMBER_OR_RATING.search(fold(body)):
        return
    yield section_finding(
        "baseline",
        body,
        check="goal.baseline",
        row=PLAN_OF_CARE,
        severity="warning",
        message="The baseline gives no measure: no assist level, cue count, score or number, so no goal can be "
        "shown to move past it.",
        fix=f"State the current level per activity with a number: {example(text.track, 'baseline')}",
    )


def _plan(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("interventions")
    if not body.strip():
        return
    if mentions_occupation(body) or is_measurable(body) or has_timeline(body) or _NUMBER_OR_RATING.search(fold(body)):
        return
    filler = _PLAN_FILLER.search(fold(body))
    said = f" (“{body[filler.start() : filler.end()]}”)" if filler else ""
    yield section_finding(
        "interventions",
        body,
        check="goal.vague_plan",
        row=PLAN_OF_CARE,
        severity="warning",
        message=f"The plan{said} names no activity, no number and no timeline: a reviewer cannot tell what skilled "
        "care is planned or toward which goal.",
        fix=f"Say what you will train, how much and by when: {example(text.track, 'plan')}",
    )


def _skilled_language(text: ArtifactText) -> Iterator[Finding]:
    # case.py reads goals (occupations, prior level); it is imported here, late, to keep that one-way at import.
    from portfolios.rubric.case import unskilled_phrases

    for field in ("problem", "baseline", "interventions", "frequency_duration", "discharge_criteria"):
        body = text.text(field)
        for start, end in unskilled_phrases(body):
            yield finding(
                field,
                (start, end),
                check="goal.skilled_language",
                row=PLAN_OF_CARE,
                severity="warning",
                message=f"“{body[start:end]}” does not show skilled care: it says neither what is done nor how the "
                "client responds.",
                fix=f"Name the skill and the response: {example(text.track, 'skilled')}",
            )


# What each missing element is called in a finding, and the example its fix quotes.
_ELEMENT_NAMES = {
    "client": ("who will do it (COAST “C”)", None),
    "occupation": (
        "the occupation (COAST “O”): a daily activity such as dressing, meal preparation or play",
        "occupation",
    ),
    "assist": ("the assist level or cue count (COAST “A”)", "assist"),
    "condition": ("the specific condition (COAST “S”): equipment, technique, position or setting", "condition"),
    "timeline": ("the timeline (COAST “T”): by when", "timeline"),
    "measurable": ("a measure a colleague could check (assist level, trials, %, time, distance or a score)", "measure"),
}


def _goal_findings(goal: Goal, track: str) -> Iterator[Finding]:
    """One finding per goal, naming every COAST element (and the measure) it lacks.

    A vague goal costs once however many elements it misses. A goal missing exactly one element
    keeps that element's own check id (`goal.timeline`, …); two or more give `goal.coast`.
    """
    reading = goal.reading
    present = coast_elements(reading, track)
    missing = [element for element, span in present.items() if span is None]
    if goal.field == "plan" and goal.context and "client" in missing:
        # Listed under a goals label in a case plan ("Goals: (1) dressing with …"), the goal is the client's.
        missing.remove("client")
    impairment = is_impairment_only(reading)
    if not missing and not impairment:
        return
    subject = example(track, "subject")
    parts: list[str] = []
    advice: list[str] = []
    for element in missing:
        name, key = _ELEMENT_NAMES[element]
        if element == "occupation" and impairment:
            name = "the occupation (COAST “O”): it targets a body function (range of motion, strength, grip…) only"
        if element == "measurable":
            vague = _VAGUE_VERB.search(fold(goal.text))
            if vague:
                name += f" — it says “{goal.text[vague.start() : vague.end()]}” but not by how much"
        parts.append(name)
        if element == "client":
            advice.append(f"start with the person (“{subject} will …”)")
        elif element == "occupation":
            advice.append(f"name the activity it serves, e.g. {example(track, 'impairment' if impairment else key)}")
        elif element != "measurable" or "assist" not in missing:
            advice.append(f"{element}: {example(track, key)}")
    if impairment and "occupation" not in missing:
        # The occupation is named only as a body function ("grip for ROM"): still worth saying once.
        parts.append("an occupation it serves: it reads as a body-function target (range of motion, strength, grip…)")
        advice.append(f"tie it to an activity, e.g. {example(track, 'impairment')}")
    fix = "Add what is missing — " + "; ".join(advice) + ". " + _completed(goal, missing, track)
    if len(missing) == 1 and not impairment:
        check = f"goal.{missing[0]}"
    elif not missing:
        check = "goal.impairment_only"
    else:
        check = "goal.coast"
    listed = "; ".join(parts)
    message = (
        f"This goal is missing {listed}." if len(parts) == 1 else f"This goal is missing {len(parts)} things: {listed}."
    )
    yield finding(
        goal.field,
        (goal.start, goal.end),
        check=check,
        row=PLAN_OF_CARE,
        severity="warning",
        message=message,
        fix=fix,
    )


def _completed(goal: Goal, missing: list[str], track: str) -> str:
    """The candidate's own goal with the missing pieces added, or a whole example when it lacks its core."""
    if "client" in missing or "occupation" in missing:
        return f"A complete goal reads: “{example(track, 'goal')}”"
    words = goal.text.strip().rstrip(".")
    for element in ("assist", "condition", "timeline"):
        if element in missing:
            words += " " + example(track, f"{element}_snippet")
    if "measurable" in missing and "assist" not in missing:
        words += " " + ("in 4/5 trials" if track == "pediatrics" else "for <minutes, distance or count>")
    return f"For example: “{words}.”"


def _missing(text: ArtifactText, goals: list[Goal]) -> Iterator[Finding]:
    goal_sections = _goal_sections(text)
    plan_fields = text.spec.role("goal_plan") if text.spec is not None else ()
    if goal_sections:
        for field, term in goal_sections:
            if not any(goal.field == field for goal in goals):
                name = "long-term" if term == "long" else "short-term"
                yield finding(
                    field,
                    (0, 0),
                    check="goal.missing",
                    row=PLAN_OF_CARE,
                    severity="warning",
                    message=f"No {name} goals are written yet.",
                    fix=f"Write one goal per line: “{example(text.track, 'goal')}”",
                )
    elif plan_fields and not text.is_blank(plan_fields[0]) and not goals:
        # A blank plan is already reported by case.flow.
        yield finding(
            plan_fields[0],
            (0, 0),
            check="goal.missing",
            row=PLAN_OF_CARE,
            severity="warning",
            message="The plan has no goals: no “Client will …” sentence and no “Goals:” list.",
            fix=f"Add the goals you set, e.g. “Goals: {example(text.track, 'goal_short')}”",
        )


def _progression(text: ArtifactText, goals: list[Goal]) -> Iterator[Finding]:
    targets = {goal: _target(goal) for goal in goals}
    # Reading the baseline is the costly part; skip it when no goal has a level to compare.
    comparable = any(keys and target for keys, target in targets.values())
    baseline = (
        baseline_levels("\n".join(text.text(field) for field in text.spec.role("baseline")))
        if comparable and text.spec is not None
        else {}
    )
    limits = _long_term_limits(goals, targets)
    for goal in goals:
        keys, target = targets[goal]
        if _MAINTENANCE.search(fold(goal.text)):
            continue  # maintenance goals are meant not to move
        problems: list[str] = []
        if target is not None:
            for key in keys:
                base = baseline.get(key)
                if base is not None and target.clearly_below_or_equal(base):
                    problems.append(
                        f"its target for {OCCUPATION_LABELS[key]} ({target.label}) does not move past the "
                        f"baseline ({base.label})"
                    )
                    break
        if goal.term == "short":
            problems.extend(_short_term_problems(goal, keys, target, limits))
        if problems:
            yield finding(
                goal.field,
                (goal.start, goal.end),
                check="goal.progression",
                row=PLAN_OF_CARE,
                severity="warning",
                message="This goal breaks the progression: " + "; ".join(problems) + ".",
                fix=_progression_fix(text.track),
            )


Timeline = tuple[float, str, str]  # (amount, "days" | "visits", the words)


@dataclass
class _LongTermLimits:
    """What the long-term goals allow, per occupation key, computed once for all short-term goals."""

    ceilings: dict[str, AssistMention]  # the highest LTG level per occupation
    longest: dict[tuple[str, str], Timeline]  # the longest LTG timeline per (occupation, unit)
    longest_overall: dict[str, Timeline]  # the longest LTG timeline per unit
    keys: set[str]  # every occupation some LTG names


def _long_term_limits(
    goals: list[Goal], targets: dict[Goal, tuple[list[str], AssistMention | None]]
) -> _LongTermLimits:
    limits = _LongTermLimits({}, {}, {}, set())
    for goal in goals:
        if goal.term != "long":
            continue
        keys, target = targets[goal]
        limits.keys.update(keys)
        for key in keys:
            if target is not None and (key not in limits.ceilings or target.high > limits.ceilings[key].high):
                limits.ceilings[key] = target
        timeline = _own_timeline(goal)
        if timeline is None:
            continue
        unit = timeline[1]
        if unit not in limits.longest_overall or timeline[0] > limits.longest_overall[unit][0]:
            limits.longest_overall[unit] = timeline
        for key in keys:
            current = limits.longest.get((key, unit))
            if current is None or timeline[0] > current[0]:
                limits.longest[(key, unit)] = timeline
    return limits


def _short_term_problems(
    goal: Goal, keys: list[str], target: AssistMention | None, limits: _LongTermLimits
) -> list[str]:
    problems: list[str] = []
    if target is not None:
        ceilings = [limits.ceilings[key] for key in keys if key in limits.ceilings]
        best = max(ceilings, key=lambda level: level.high, default=None)
        if best is not None and target.clearly_above(best):
            problems.append(f"it aims higher ({target.label}) than the long-term goal ({best.label})")
    short = _own_timeline(goal)
    if short is not None:
        # Compare with the LTGs for the same occupation when there are any, else with all LTGs.
        if limits.keys.intersection(keys):
            candidates = [limits.longest[(key, short[1])] for key in keys if (key, short[1]) in limits.longest]
        else:
            candidates = [limits.longest_overall[short[1]]] if short[1] in limits.longest_overall else []
        if candidates:
            limit = max(candidates, key=lambda timeline: timeline[0])
            if short[0] >= limit[0]:
                problems.append(f"its timeline (“{short[2]}”) is not shorter than the long-term goal's (“{limit[2]}”)")
    return problems


def _own_timeline(goal: Goal) -> tuple[float, str, str] | None:
    """The goal's own timeline, else the one in the heading it sits under."""
    return timeline_length(goal.text) or timeline_length(goal.context)


def _client_priority(text: ArtifactText, goals: list[Goal]) -> Iterator[Finding]:
    if not goals or any(cites_client_priority(goal.text) for goal in goals):
        return
    field = goals[0].field
    yield section_finding(
        field,
        text.text(field),
        check="goal.client_priority",
        row=PLAN_OF_CARE,
        severity="info",
        message="None of the goals cites what the client said matters to them (a stated priority or their words).",
        fix=f"Tie one goal to what the person said matters to them: {example(text.track, 'priority')}",
    )


def _progression_fix(track: str) -> str:
    if track == "pediatrics":
        return (
            "Order the steps: baseline 1/5 trials → short-term objective 3/5 trials by the next progress report → "
            "annual goal 4/5 trials by the IEP review."
        )
    return "Order the steps: baseline Mod A → short-term goal Min A within 2 weeks → long-term goal modified independent within 6 weeks."


def _discharge_criteria(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("discharge_criteria")
    fix = example(text.track, "discharge")
    lowered = fold(body)
    if not body.strip():
        message = "Discharge criteria are missing: say at what measurable point skilled OT ends."
    elif not _DISCHARGE_TRIGGER.search(lowered):
        message = "The discharge criteria do not say when discharge happens (“discharge when …”)."
    elif not is_measurable(body):
        said = _GOALS_MET.search(lowered) or _VAGUE_DISCHARGE.search(lowered)
        quoted = f" (“{body[said.start() : said.end()]}”)" if said else ""
        message = (
            f"The discharge criteria say when{quoted}, but not at what measurable level: name the assist level, "
            "score or count that ends skilled OT."
        )
    else:
        return
    yield section_finding(
        "discharge_criteria",
        body,
        check="goal.discharge_criteria",
        row=PLAN_OF_CARE,
        severity="warning",
        message=message,
        fix=fix,
    )


# --- Reading baselines and targets -----------------------------------------------------------
def baseline_levels(text: str) -> dict[str, AssistMention]:
    """Current assist level per occupation key, read from a baseline or assessment text.

    Sentences about the prior level of function are skipped. Within a sentence each level goes
    with the occupations it sits next to: "LB dressing: Mod A; toileting: Min A" and "Mod A for
    LB dressing and Min A for toileting" both pair correctly.
    """
    levels: dict[str, AssistMention] = {}
    all_levels = find_levels(text)  # one pass over the whole text, then shared out by sentence
    position = 0
    for sentence in iter_sentences(text):
        if position == len(all_levels):
            break
        first = position
        while position < len(all_levels) and all_levels[position].start < sentence.end:
            position += 1
        found = all_levels[first:position]
        if not found or mentions_prior_level(sentence.text):
            continue
        for key, level in _pair(sentence, found):
            levels.setdefault(key, level)
    return levels


def _pair(sentence: Span, found: list[AssistMention]) -> list[tuple[str, AssistMention]]:
    """Pair occupations with levels, one clause (split at ";") at a time.

    "Not attempted", "not tested" and the like take a level's place without giving one, so the
    item they close is never read with its neighbour's level ("Toileting: not attempted; LB
    dressing: Mod A" gives toileting nothing).
    """
    pairs: list[tuple[str, AssistMention]] = []
    clause_start = 0
    for clause_end in [*(match.start() for match in _CLAUSE_BREAK.finditer(sentence.text)), len(sentence.text)]:
        clause = sentence.text[clause_start:clause_end]
        offset = sentence.start + clause_start
        inside = [level for level in found if offset <= level.start < offset + len(clause)]
        pairs.extend(_pair_clause(clause, offset, inside))
        clause_start = clause_end + 1
    return pairs


def _pair_clause(clause: str, offset: int, found: list[AssistMention]) -> list[tuple[str, AssistMention]]:
    tokens: list[tuple[int, str | AssistMention | None]] = [
        (offset + start, key) for key, start, _ in occupations(clause)
    ]
    tokens += [(level.start, level) for level in found]
    # A "not attempted" marker sits in a level's slot but pairs with nothing (None).
    tokens += [(offset + match.start(), None) for match in _NOT_MEASURED.finditer(fold(clause))]
    tokens.sort(key=lambda token: token[0])
    if not tokens:
        return []
    pairs: list[tuple[str, AssistMention]] = []
    waiting: list[str] = []
    level_first = not isinstance(tokens[0][1], str)
    current: AssistMention | None = None
    for index, (_, token) in enumerate(tokens):
        if not isinstance(token, str):
            if level_first:
                current = token
            elif token is not None:
                pairs.extend((key, token) for key in waiting)
                waiting = []
            else:
                waiting = []
        elif level_first:
            # "Mod A for LB dressing, toileting not attempted": the marker right after closes toileting.
            closed = index + 1 < len(tokens) and tokens[index + 1][1] is None
            if current is not None and not closed:
                pairs.append((token, current))
        else:
            waiting.append(token)
    return pairs


def _target(goal: Goal) -> tuple[list[str], AssistMention | None]:
    keys = list(dict.fromkeys(key for key, _, _ in occupations(goal.text)))
    levels = find_levels(goal.text)
    # "from GG 02 to GG 04": the last level is the target.
    return keys, (levels[-1] if levels else None)


# --- Finding goals in the text ----------------------------------------------------------------
def _section_goals(field: str, body: str, term: str | None) -> Iterator[Goal]:
    context = ""
    for item in iter_items(body):
        words = item.text.strip()
        if _HEADING.match(words):
            context = words
            continue
        if _PLACEHOLDER.fullmatch(words):
            continue
        yield Goal(field, item.start, item.end, words, term, context)


def plan_goals(body: str) -> list[Goal]:
    """The goals written inside a plan narrative ("Goals: 1. … 2. …", or goal-shaped sentences), in order."""
    return list(_plan_goals(body))


def _plan_goals(body: str) -> Iterator[Goal]:
    in_block = False
    block_term: str | None = None
    context = ""
    previous_end = 0
    for item in iter_items(body):
        words = item.text
        if body.count("\n", previous_end, item.start) >= 2:
            in_block = False  # a blank line ends a goal list
        previous_end = item.end
        label = _GOAL_LABEL.match(words)
        if label and _LABEL_WORD.search(label.group("label")):
            in_block = True
            block_term = "long" if label.group("long") else "short" if label.group("short") else None
            rest = words[label.end() :]
            context = "" if rest.strip() else words
            if rest.strip():
                offset = item.start + label.end()
                # The label's own words belong to the goal: "Short-term (2 weeks): Client will …" has its timeline.
                for start, end in _numbered_pieces(rest):
                    yield Goal(
                        "plan", offset + start, offset + end, rest[start:end], block_term, words[: label.end()].strip()
                    )
            continue
        if in_block and _OTHER_LABEL.match(words) and not has_client(words):
            in_block = False
        if in_block:
            yield Goal("plan", item.start, item.end, words, _term_of(words) or block_term, context)
            continue
        for sentence in iter_sentences(words):
            if _GOAL_SENTENCE.search(fold(sentence.text)):
                yield Goal(
                    "plan",
                    item.start + sentence.start,
                    item.start + sentence.end,
                    sentence.text,
                    _term_of(sentence.text),
                )
                continue
            inline = _INLINE_GOAL.search(sentence.text)
            if inline and len(sentence.text) - inline.end() >= 12:
                start = item.start + sentence.start + inline.end()
                marker = sentence.text[inline.start() : inline.end()].strip()
                yield Goal("plan", start, item.start + sentence.end, sentence.text[inline.end() :], None, marker)


def _numbered_pieces(rest: str) -> list[tuple[int, int]]:
    """Offsets of the goals numbered inline in one line ("(1) …; (2) …"); the whole line when not numbered."""
    marks = list(_INLINE_NUMBER.finditer(rest))
    if len(marks) < 2:
        return [(0, len(rest))]
    pieces = []
    for index, mark in enumerate(marks):
        end = marks[index + 1].start() if index + 1 < len(marks) else len(rest)
        piece = rest[mark.end() : end].rstrip(" ;,.")
        if piece:
            pieces.append((mark.end(), mark.end() + len(piece)))
    if marks[0].start() > 0 and rest[: marks[0].start()].strip(" ;,."):
        return [(0, len(rest))]
    return pieces


def _term_of(words: str) -> str | None:
    if _STG.match(words):
        return "short"
    if _LTG.match(words):
        return "long"
    return None


def _bare_timelines(text: str) -> list[re.Match[str]]:
    return [
        match
        for match in _TIMELINE_BARE.finditer(text)
        if not _BARE_BLOCKED_BEFORE.search(text, max(0, match.start() - 8), match.start())
    ]


def _number(words: str) -> float:
    words = words.strip().lower()
    if words in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[words])
    if words in _ORDINALS:
        return float(_ORDINALS[words])
    words = words.rstrip("stndrh")  # "4th" -> "4"
    # "2-3 weeks": the upper end is the promise.
    return float(_RANGE_DASH.split(words)[-1])
