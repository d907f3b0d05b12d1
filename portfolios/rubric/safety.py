"""Safety judgment: decisions that carry on through a red flag, and escalations refused.

Hiring teams score "safety-first judgment" before anything else (both reports). Three checks,
each an `error` on the row the unsafe decision undermines (Assessment where the kind proves
it, else Documentation):

- `safety.continued_through_red_flag`: a passage names a red flag — pain at 7/10 or more,
  dizziness or orthostatic symptoms, new numbness or weakness, SpO2 under 90%, systolic BP
  over 180 or under 90 (or a drop of 20 mmHg or more), chest pain, shortness of breath, a fall —
  and the decision in that sentence or the next carries on (continued, kept going, pushed
  through, completed the session, progressed the load) with no stop, rest, modification or
  escalation in the same window;
- `safety.unsafe_contingency`: an if/then rule whose trigger is instability or a red flag and
  whose response is to continue;
- `safety.guardrail_skipped`: a safety step (vitals, precautions, orders, a handoff, a stop
  rule) skipped to keep up with volume ("I skip the pre-activity vitals on busy days");
- `safety.escalation_refused`: "escalated nothing", "did not notify the RN", "no need to call", or a
  clinician's say-so dropped ("does not need to ask nursing before exercising"), with no reason that the signs were within limits (on Documentation where the kind proves it:
  the escalation path is what the artifact failed to write down);
- `safety.unsafe_instruction`: what the client or caregiver is taught to do puts the person at risk,
  however plainly it is taught: watching over them dropped ("you don't need to check on him"),
  something wrapped or tucked so they cannot free themselves, or the face or head covered and
  called fine (on Patient education where the kind proves it: the teaching itself is unsafe);
- `safety.record_falsified`: the record says what did not happen: short visits billed as full
  ones, a client marked as refusing with nothing offered, a note back-dated (on Documentation:
  a record that is not true is no record);
- `safety.symptom_overridden`: activity prescribed to go on whatever a stop-sign symptom shows
  ("regardless of fatigue", "pushing through the dizziness"), unless the symptom is softened ("mild
  soreness") or the habit is described to be changed ("she tends to push through pain, so I taught pacing");
- `safety.failed_check_carried_on`: equipment found failed (damaged, broken, expired, a flat battery) and
  used anyway ("if a clip looks damaged, use it for this transfer").

Thresholds follow `shared/research/domain-checks.md` (vital-sign stop rules in acute care and
home health). The window is the red-flag sentence plus the next two, running on into the next
written section when the flag closes its own (an assessment that ends on new numbness, a plan that
opens "I continued the session…"); a stop described before the carrying on ("…so I stopped and sat
her down") clears it.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.assist import fold
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import ASSESSMENT, DOCUMENTATION, PATIENT_EDUCATION, PLAN_OF_CARE, TIME_MANAGEMENT
from portfolios.rubric.text import Span, finding, iter_sentences

# The decision about a red flag is read in its sentence and the next two (running into the next section).
WINDOW_SENTENCES = 2
OPENING_CHARS = 600
PAIN_LIMIT = 7  # out of 10: at or above this, pain is a red flag
SPO2_LIMIT = 90  # percent: below this, a red flag
SYSTOLIC_HIGH = 180
SYSTOLIC_LOW = 90
BP_DROP = 20  # mmHg

_PAIN = re.compile(
    r"\bpain\b[^.;\n]{0,40}?\b(\d{1,2})\s?(?:/|out of)\s?10\b|\b(\d{1,2})\s?(?:/|out of)\s?10\b[^.;\n]{0,25}\bpain"
)
_SPO2 = re.compile(r"\b(?:spo2|o2\s?sat\w*|sats?|oxygen\s+sat\w*|saturation)\b[^.;\n\d]{0,25}(\d{2,3})\s?%?")
_BP = re.compile(r"\b(?:bp|blood\s+pressure)\b[^.;\n\d]{0,25}(\d{2,3})\s?/\s?\d{2,3}")
_BP_DROP = re.compile(r"\b(?:dropp?e?d?|fell|fall|decrease\w*)\s+(?:of\s+|by\s+)?(\d{2})\s?(?:points|mm\s?hg)")
# Two readings, the second lower: "128/76 sitting to 92/58 standing", "from 140/80 down to 110/70".
_BP_PAIR = re.compile(r"\b(\d{2,3})\s?/\s?\d{2,3}\b[^.;\n\d]{0,30}?\bto\s+(\d{2,3})\s?/\s?\d{2,3}\b")
# A pair of slashed numbers is a blood pressure only where the sentence says so (not a score "24/30 to 18/30").
_BP_CONTEXT = re.compile(r"\b(?:bp|blood\s+pressure|systolic|orthostatic\w*|sitting|standing|supine|lying)\b")
_SIGN = re.compile(
    r"\b(?:dizz\w*|light-?headed\w*|orthostatic|vertigo|(?:pre|near)-?syncop\w*|syncop\w*|vision\s+(?:went|going)"
    r"\s+(?:gr[ae]y|black|dark)|new[\s-]+(?:numbness|tingling|weakness|onset\s+\w+)|(?:increasing|worsening|new)\s+"
    r"(?:numbness|tingling|weakness|confusion|pain|swelling|disorientation|drowsiness|agitation)|numbness"
    r"|facial\s+droop|slurred\s+speech|chest\s+(?:pain|pressure|tightness)|short(?:ness)?\s+of\s+breath|sob\b|diaphore\w*|(?:grip|strength)[^.;\n]{0,20}"
    r"(?:falling|dropping|declin\w*|decreas\w*)|(?:fell|slid|slipped)\s+(?:to|on)\s+the\s+floor|had\s+a\s+fall|"
    r"red\s+flags?\b|sudden\s+(?:pop|snap|loss|onset|increase|swelling|weakness)|loss\s+of\s+(?:active|motion"
    r"|sensation|function|flexion|extension|strength|consciousness|balance)|"
    r"(?:she|he|they|client|pt|patient)\s+fell\b|near[- ]fall|desaturat\w*|unresponsive|unstable"
    # Bleeding that is happening, not a precaution or a risk: with low counts it is a stop sign.
    r"|nose-?bleeds?|(?:new|increas\w*|worsening|active|fresh|spreading)\s+(?:bleed\w*|bruis\w*)"
    r"|bleed(?:s|ing)?\s+(?:from|through|at|into)|blood\s+(?:in\s+(?:the\s+)?(?:urine|stool|sputum)|through)"
    # signs of aspiration at a meal: a cough or choke while eating or drinking, a wet voice
    r"|(?:cough\w*|chok\w*)\s+(?:during|while|with|when|at|on)\s+(?:the\s+|a\s+|her\s+|his\s+|their\s+)?(?:meals?"
    r"|eating|drinking|swallow\w*|feeding|liquids?|drinks?|food)|wet\s+(?:voice|cough)|gurgl\w*"
    # the same signs written apart: "coughs, gags or his eyes water when he tries the new food"
    r"|(?:cough|chok|gag)\w*\b[^.;\n]{0,40}?\b(?:when|while|during|with|on|at)\b[^.;\n]{0,40}?\b(?:eat|drink|swallow"
    r"|food|bites?\b|meal|liquid|sip|spoon|feed)"
    # a swollen calf (a clot until shown otherwise): "her calf had been sore and swollen", "a hot, swollen calf"
    r"|(?:calf|calves)\b[^.;\n]{0,40}?\b(?:swollen|swelling)|(?:swollen|hot|red)\s+(?:and\s+\w+\s+|,\s*\w+\s+)?calf"
    # circulation cut off under a splint, cast or garment: "fingers look swollen or go a darker colour"
    r"|(?:fingers?|toes?|nail\s?beds?|fingertips?)\b[^.;\n]{0,40}?\b(?:swollen|swell\w*|blue|purple|dusky|white|pale"
    r"|cold|darker|discolou?r\w*))"
)
_CARRY_ON = re.compile(
    r"\b(?:continu\w*|kept\s+(?:going|on|working)|keep\s+going|proceed\w*|push\w*\s+(?:through|on)|carr(?:y|ied)\s+on"
    r"|regardless\s+of|even\s+(?:if|when|though)|work(?:ed|ing)?\s+through|(?:finish\w*|complet\w*)\s+(?:the\s+|all\s+"
    r"|his\s+|her\s+|their\s+)?(?:\w+\s+){0,2}?(?:session|program|set|sets|reps|exercises?|routine|treatment|eval\w*"
    r"|activit(?:y|ies)|tasks?|grooming|dressing|shower\w*|wash\w*|bath\w*|transfers?|walk|minutes|adls?|training|stairs)"
    r"|progress\w*\s+(?:the\s+)?(?:load|reps|resistance|program|weight)|increas\w*\s+(?:the\s+)?(?:load|reps|resistance"
    r"|weight)"
    # "so we finished it", "keep gently re-offering the bite", "left to stay on schedule"
    r"|(?:finish\w*|complet\w*)\s+(?:it|them|off|up)\b|keep\w*\s+(?:\w+ly\s+)?(?:re-?)?(?:present|offer|feed|giv|try|tri"
    r"|push|practi[sc]|exercis|walk|work)\w*|(?:stay|stayed|staying|keep|kept|keeping)\s+on\s+(?:schedule|time|track)"
    # "went ahead with the transfer", "just keep it on", "leave the splint on anyway": the plan or the device kept
    # ("leave the dressing on and ring the clinic" alone is a plain instruction)
    r"|(?:went|go|goes|going|gone)\s+ahead|(?:(?:just|still|simply)\s+(?:keep|leave)\s+(?:it|them|the\s+\w+|your\s+\w+"
    r"|his\s+\w+|her\s+\w+)\s+on\b|(?:keep|leave)\s+(?:it|them|the\s+\w+|your\s+\w+)\s+on\s+(?:anyway|regardless)))"
)
# The reason for carrying on is the timetable: "so she didn't lose her slot", "to stay on schedule". Trading a
# red flag for the day's list is a failure of time management as much as of the record.
_FOR_THE_SCHEDULE = re.compile(
    r"\b(?:on\s+(?:schedule|time|track)|schedule|timetable|slots?|running\s+(?:late|behind|over)|(?:fall\w*|fell|get\w*|got|be|being)\s+behind"
    r"|productivity|(?:numbers|count)\s+up|the\s+next\s+(?:visit|patient|client|appointment)|rota|diary"
    # the booking kept: "since she was already booked in for it", "as scheduled"
    r"|as\s+(?:scheduled|booked)|booked\s+(?:in|for))\b"
)
# What makes carrying on safe when it comes first: the activity was stopped or changed, someone was told,
# or a recheck showed recovery. Sitting or resting alone, then carrying on, is not enough.
_SAFE = re.compile(
    r"\b(?:stop\w*|(?:held|hold\w*)\s+(?:the\s+|all\s+|further\s+|off\s+(?:on\s+)?)?(?:session|activit\w*|exercis\w*"
    r"|therapy|treatment|program|mobility|ambulation|transfers?|standing|it|off|them)|on\s+hold|end(?:ed|ing)\b|terminat\w*|defer\w*|discontinu\w*|notif\w*|paged?\b|escalat\w*"
    r"|call(?:ed|ing)?\s+(?:the\s+)?(?:rn|nurse|md|doctor|physician|surgeon|charge|provider|rapid|911|ems|team|agency)"
    r"|(?:i|we|and|then)\s+reported|report\w*\s+(?:it\s+|this\s+)?to|told\s+(?:the\s+)?(?:rn|nurse|md|doctor|physician"
    r"|surgeon|charge|team|provider)|alert\w*|recheck\w*|re-check\w*|recover\w*|resolv\w*|returned\s+to\s+baseline"
    r"|back\s+to\s+(?:baseline|\d)|cleared|rapid\s+response|modif\w*|reduc\w*|lower(?:ed|ing)\b|switch\w*\s+to"
    r"|decreas\w*\s+(?:the\s+)?(?:load|reps|resistance|intensity)"
    # help sought in British, Irish and Australian words: "rang the GP", "phoned the district nurse", "bleeped the doctor"
    r"|(?:rang|rung|phoned|bleeped|contacted)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:gp|rn|nurse|doctor|dr\b|md"
    r"|physician|surgeon|provider|team|ambulance|paramedics?|999|112|000|111|out-of-hours|district\s+nurse|ward|sister)"
    # a device taken off is an activity stopped: "take the splint off; otherwise keep it on"
    r"|take\s+(?:it|them|the\s+\w+|your\s+\w+)\s+off|remov\w*)"
)
# Carrying on that is refused, or made to wait for recovery, is no carrying on.
_NEGATOR_BEFORE = re.compile(
    r"(?:\bnot|\bnever|n't|\brather\s+than|\binstead\s+of|\bbefore|\bavoid\w*|\bwithout|\buncomfortable"
    r"|\bunsafe\s+to|\bno\s+longer|\bdeclin\w*\s+to|\brefus\w*\s+to|\bonly|\bwant\w*\s+to|\bwish\w*\s+to"
    r"|\bask\w*\s+to|\boffer\w*\s+to|\bbegg?\w*\s+to|\burg\w*\s+(?:me\s+)?to"
    # negations said as a phrase: "no way we push through", "under no circumstances do we carry on"
    r"|\bno\s+way|\bunder\s+no\s+circumstances|\bat\s+no\s+(?:point|time)|\bby\s+no\s+means|\bin\s+no\s+case)"
    r"\W+(?:\w+\W+){0,3}$"
)
_RECOVERY_AFTER = re.compile(
    r"^\W*(?:\w+\W+){0,6}?(?:once|after|when|until|if)\b[^.;]{0,50}\b(?:recover\w*|resolv\w*"
    r"|return\w*\s+to\s+(?:baseline|normal|\d)|back\s+to"
    r"|settle\w*|cleared|normali[sz]\w*|stabili[sz]\w*|within\s+(?:limits|parameters))"
)
_REFUSED = re.compile(
    r"\b(?:escalated\s+nothing|nothing\s+(?:was\s+)?escalated|(?:did\s+not|didn't|chose\s+not\s+to|decided\s+not\s+to"
    r"|no\s+need\s+to|did\s+not\s+need\s+to|never|(?:do|does)(?:\s+not|n't)\s+(?:need|have)\s+to)\s+(?:\w+\s+){0,1}"
    r"(?:escalate|notify|call|page|tell|report|inform|alert|mention|raise|flag|pass\s+on)"
    r"|without\s+(?:escalating|notifying|calling|telling|reporting|informing|alerting|mentioning)"
    # the clinician's say-so dropped: "she does not need to ask nursing before exercising", "no need to check
    # with the doctor first" (asking for help with a task is no clearance: the one asked must be a clinician)
    r"|(?:(?:do|does)(?:\s+not|n't)\s+(?:need|have)\s+to|no\s+need\s+to|need\s+not|without)\s+(?:ask\w*"
    r"|check\w*\s+(?:in\s+)?with|consult\w*|clear\w*\s+(?:it\s+|this\s+)?with|get\w*\s+(?:clearance|permission"
    r"|the\s+ok|approval)\s+from)\s+(?:the\s+|her\s+|his\s+|their\s+|your\s+|a\s+)?(?:nurs\w*|rn|doctor|md"
    r"|physician|surgeon|provider|medical\s+team|care\s+team|oncolog\w*|cardiolog\w*|charge\s+nurse)\b"
    r"(?!\s+(?:for|to\s+give)\s+(?:\w+\s+)?(?:help|assist\w*|cues?|support|a\s+hand)))\b"
)
_WITHIN_LIMITS = re.compile(
    r"\b(?:because|since|as|given)\b[^.;\n]{0,80}\b(?:within|normal|wnl|stable|baseline|parameters|limits"
    r"|no\s+(?:red\s+flags?|symptoms))"
)
_CONDITION = re.compile(r"\b(?:if|when|whenever|should)\b")
# A sign said to be absent is no red flag: "no numbness", "denies dizziness", "negative for chest pain".
_DENIED_BEFORE = re.compile(
    r"\b(?:no|denie[sd]|denying|without|not|nor|negative\s+for|free\s+of|absence\s+of)\s+(?:[\w-]+\s+){0,2}$"
)

# Safety steps skipped to save time: pre-activity vitals, precautions, orders, handoffs, stop rules.
_SKIPPED_GUARDRAIL = re.compile(
    r"\b(?:skip\w*|cut(?:ting)?\s+(?:out\s+)?|omit\w*|drop\w*|bypass\w*|leave\s+out|don't\s+(?:do|check|take)"
    r"|do\s+not\s+(?:do|check|take)|no\s+longer\s+(?:do|check|take))\s+(?:the\s+|my\s+|our\s+)?(?:[\w-]+\s+){0,4}"
    r"(?:vitals?|bp\s+checks?|precautions?|orders?\s+checks?|order\s+review|safety\s+checks?|handoffs?|hand-?offs?"
    r"|stop\s+rules?|gait\s+belts?|fall\s+(?:risk\s+)?(?:checks?|precautions?|screen\w*)|checklists?|chart\s+review)\b"
    r"|\b(?:vitals?|precautions?|handoffs?|hand-?offs?|safety\s+checks?|stop\s+rules?)\s+(?:[\w-]+\s+){0,3}(?:are|is|get|gets"
    r"|were|was)\s+(?:skipped|dropped|cut|omitted)\b"
    r"|\b(?:do\s+not|don't|never|won't)\s+stop\s+(?:the\s+|a\s+)?(?:sessions?|activit\w*|treatments?|exercis\w*)\s+for\b"
    # a step dropped when time runs short: "oral check after the meal: skip if the session is running over"
    r"|\bskip\w*\s+(?:it\s+|this\s+|them\s+)?(?:if|when|on\s+days\s+when)\s+(?:the\s+)?(?:[\w'’]+\s+){0,2}?"
    r"(?:running\s+(?:over|late|behind)|short\s+(?:on|of)\s+time|(?:too\s+)?busy|behind|pressed\s+for\s+time|full)\b"
)
# A stop rule waved away: activity goes ahead whatever a vital sign or a lab value shows.
_THRESHOLD_IGNORED = re.compile(
    r"\b(?:whatever|regardless\s+of|no\s+matter(?:\s+what)?|irrespective\s+of|ignor\w*|even\s+with)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|a\s+|low\s+|high\s+)?(?:[\w-]+\s+){0,2}?(?:counts?|levels?|labs?|lab\s+values?"
    r"|vitals?|vital\s+signs?|readings?|bp|blood\s+pressure|spo2|sats?|saturation|heart\s+rate|hr|inr|glucose"
    r"|platelets?|hb|h[ae]moglobin|potassium|temperature|fever)\b"
)
# A stop sign in the body waved away: activity prescribed to go on whatever the client feels ("regardless of
# fatigue", "pushing through the dizziness", "ignore the pain and finish the set"). A mild symptom worked
# through ("mild soreness") is ordinary practice; the named symptoms are the ones that stop activity.
_SYMPTOM_OVERRIDDEN = re.compile(
    r"\b(?:regardless\s+of|no\s+matter(?:\s+how\s+(?:much|bad)|\s+what)?|irrespective\s+of|whatever|ignor\w*"
    r"|(?:push\w*|work\w*|power\w*|press\w*|keep\w*\s+going|carr\w*\s+on)\s+(?:on\s+)?through)\s+(?:any\s+|the\s+|his\s+"
    r"|her\s+|their\s+|your\s+|a\s+|new\s+|increas\w*\s+|worsening\s+|high\s+|severe\s+)?(?:[\w-]+\s+){0,1}?"
    r"(?:fatigue|tiredness|exhaustion|pain|dizziness|light-?headedness|breathlessness|short(?:ness)?\s+of\s+breath"
    r"|symptoms?|nausea|numbness|chest\s+pain|palpitations)\b"
)
_SYMPTOM_SOFTENED = re.compile(r"\b(?:mild|minor|slight|light|low-?level|muscle|some)\b")
# Habits described to be changed, not decisions: "she tends to push through pain, so I taught pacing".
_HABIT_BEFORE = re.compile(
    r"(?:\btends?\s+to|\btended\s+to|\bhabit\s+of|\bused\s+to|\blikes?\s+to|\bprone\s+to|\bstop\w*"
    r"|\binstead\s+of|\brather\s+than|\bavoid\w*|\bdon't|\bdo\s+not|\bnever|\bnot)\W+(?:\w+\W+){0,2}$"
)
# "I never skip …", and "skipped" used of something counted or prevented ("0 events from skipped checks").
_NEVER_BEFORE = re.compile(
    r"(?:\bnever|\bnot|n't|\bno|\bnobody|\bwithout|\bfrom|\bof|\bzero|\b0|\bany|\bprevent\w*|\bavoid\w*"
    r"|\bcatch\w*|\bflag\w*|\bcount\w*|\bmiss(?:ed)?)\W+(?:\w+\W+){0,2}$"
)

# Taught practices that put the person at risk, whatever the wording around them.
_PERSON = (
    r"(?:him|her|them|he|she|they|(?:your|the|my|our)\s+(?:[a-z]+\s+)?(?:child|baby|infant|toddler|son|daughter|kid"
    r"|mother|mom|father|dad|husband|wife|partner|parent|loved\s+one|client|patient|resident))"
)
# Watching over the person dropped: "you don't need to check on them", "leave her alone in the bath".
_SUPERVISION_DROPPED = re.compile(
    r"\b(?:(?:do|does)\s+not|don't|doesn't|no|never)\s+need\s+(?:to|for)\s+(?:\w+\s+){0,1}?(?:check(?:ing)?\s+on"
    r"|look(?:ing)?\s+in\s+on|watch(?:ing)?|monitor(?:ing)?|supervis\w*|stay(?:ing)?\s+with)\s+" + _PERSON + r"\b"
    r"|\bleave\s+" + _PERSON + r"\s+(?:alone|unattended|unsupervised|unwatched)\b"
)
# "Never leave her alone" keeps the watch; so does a rule against it.
_LEAVING_REFUSED = re.compile(r"(?:\bnever|\bnot|n't|\bno\s+one\s+should|\bavoid)\W+(?:\w+\W+){0,2}$")
# Something on the body made so the person cannot free themselves: "tuck it in so he can't kick it off".
_BODY_HELD = re.compile(
    r"\b(?:tuck\w*|wrap\w*|strap\w*|tie\w*|tying|pin\w*|fasten\w*|bind\w*|swaddl\w*|belt\w*)\b[^.;\n]{0,80}?"
    r"\bso\s+(?:that\s+)?" + _PERSON + r"\s+(?:can't|can\s?not|is\s+unable\s+to|won't\s+be\s+able\s+to|couldn't)\s+"
    r"(?:\w+\s+){0,2}?(?:off|out|free|loose|away|up)\b"
)
# The face or head covered, and called fine: "if she pulls it over her face, that's fine".
_AIRWAY_COVERED = re.compile(
    r"\b(?:over|covers?|covering|across)\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+|your\s+)?(?:head|face|mouth"
    r"|nose)\b[^.;\n]{0,40}?\b(?:fine|ok(?:ay)?|alright|all\s+right|no\s+problem|harmless|nothing\s+to\s+worry)\b"
)
# Pressure or rubbing taught onto broken skin: "massage firmly over the whole area, including any open spots".
_RUBBED_OPEN_SKIN = re.compile(
    r"\b(?:massag\w*|rub\w*|knead\w*|scrub\w*|press\w*\s+(?:firmly|hard))\b[^.;\n]{0,80}?\b(?:over|on|onto|into"
    r"|including|across)\s+(?:the\s+|any\s+|all\s+|your\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:open|weeping"
    r"|raw|broken|bleeding|blistered|oozing|unhealed)\s+(?:or\s+\w+\s+)?(?:skin|wounds?|areas?|spots?|patch\w*|sores?"
    r"|blisters?|bits|parts?|places?)\b"
)
_OPEN_SKIN_AVOIDED = re.compile(r"\b(?:avoid\w*|not|never|n't|except|apart\s+from|away\s+from|around|until|once)\b")
_AIRWAY_REFUSED = re.compile(r"\b(?:not|never|n't|no\s+longer|remove\w*|take\s+it\s+off|pull\s+it\s+(?:off|down))\b")

# The record made to say what did not happen.
_BILLED_AS_FULL = re.compile(
    r"\b(?:bill|charg|chart|cod|record|log|document|count)\w*\s+(?:them|it|these|those|each|the\s+\w+)?\s*(?:as|for)\s+"
    r"(?:a\s+)?(?:full|complete|whole|standard)\s+(?:[\w-]+\s+)?(?:sessions?|visits?|units?|hours?|treatments?|slots?)\b"
)
_SHORTENED = re.compile(r"\b(?:only|shortened|shorter|partial|cut\s+short|less\s+than|fewer\s+than)\b")
_MARKED_WITHOUT = re.compile(
    r"\b(?:mark|record|chart|document|log|list|code)\w*\s+(?:them\s+|it\s+|him\s+|her\s+)?(?:as\s+)?(?:a\s+)?"
    r"(?:refus\w*|declin\w*|seen|done|complet\w*|no-?shows?|unavailable)\s+without\s+(?:\w+\s+){0,2}?"
    r"(?:offer\w*|ask\w*|seeing|trying|attempt\w*|re-?offer\w*|going|checking|a\s+(?:later|second|new))\b"
)
_BACK_DATED = re.compile(r"\bback-?dat\w*\b")

# Anything that could start a red flag or a refused escalation: the sentences worth a closer look.
# Equipment found failed and used anyway: "if a clip looks damaged, use it for this transfer", "if the battery is
# low, finish the transfer". A check whose failure changes nothing prevents nothing.
_FAILED_EQUIPMENT_USED = re.compile(
    r"\b(?:if|when|whenever)\s+(?:[\w'’-]+\s+){0,6}?(?:damaged|broken|frayed|cracked|torn|faulty|expired"
    r"|(?:(?<=battery\s)|(?<=battery\sis\s)|(?<=batteries\sare\s))(?:flat|low|dead)|not\s+(?:working|charged))"
    r"\W+(?:then\s+)?(?:still\s+)?(?:use\s+(?:it|them|this|that|the\s+same)|continue|proceed|finish|complete"
    r"|carry\s+on|go\s+ahead)\b"
)

_ANY_FLAG = re.compile(
    "|".join(
        f"(?:{pattern.pattern})"
        for pattern in (
            _PAIN,
            _SPO2,
            _BP,
            _BP_DROP,
            _BP_PAIR,
            _SIGN,
            _REFUSED,
            _SKIPPED_GUARDRAIL,
            _THRESHOLD_IGNORED,
        )
    )
)
# Taught practices and records are rare: each pattern runs only on a section holding all of its gate's
# word groups (one word of each), a substring test far cheaper than one more branch read at every position.
_GATED: tuple[tuple[re.Pattern[str], tuple[tuple[str, ...], ...]], ...] = (
    (
        _SUPERVISION_DROPPED,
        (("don't need", "do not need", "doesn't need", "does not need", "no need", "never need", "leave "),),
    ),
    (
        _BODY_HELD,
        (
            ("can't", "can not", "cannot", "unable to", "won't be able", "couldn't"),
            (
                "tuck",
                "wrap",
                "strap",
                "tie ",
                "tied",
                "ties ",
                "tying",
                "pin ",
                "pinned",
                "fasten",
                "bind",
                "swaddl",
                "belt",
            ),
        ),
    ),
    (
        _AIRWAY_COVERED,
        (
            ("head", "face", "mouth", "nose"),
            ("fine", "okay", " ok", "alright", "all right", "no problem", "harmless", "nothing to worry"),
        ),
    ),
    (
        _BILLED_AS_FULL,
        (
            ("full", "complete", "whole", "standard"),
            ("only", "shorten", "shorter", "partial", "cut short", "less than", "fewer than"),
        ),
    ),
    (
        _MARKED_WITHOUT,
        (("without",), ("refus", "declin", "no-show", "no show", "unavailable", "seen", "done", "complet")),
    ),
    (_BACK_DATED, (("back-dat", "backdat"),)),
    (
        _RUBBED_OPEN_SKIN,
        (
            ("massag", "rub ", "rubs", "rubb", "knead", "scrub", "press firm", "press hard"),
            ("open ", "open,", "weeping", "raw ", "broken ", "bleeding", "blister", "oozing", "unhealed"),
        ),
    ),
    (
        _SYMPTOM_OVERRIDDEN,
        (
            ("regardless", "no matter", "irrespective", "whatever", "ignor", "through"),
            ("fatigue", "tired", "exhaust", "pain", "dizz", "headed", "breath", "symptom", "nausea", "numb", "palpit"),
        ),
    ),
    (
        _FAILED_EQUIPMENT_USED,
        (
            ("if ", "when"),
            ("damaged", "broken", "frayed", "cracked", "torn", "faulty", "expired", "flat", "low", "not working"),
        ),
    ),
)


def _sentence_indices(starts: list[int], positions: list[int]) -> list[int]:
    """The indices, in order, of the sentences (by start offset) that hold the positions."""
    return sorted({max(0, bisect.bisect_right(starts, position) - 1) for position in positions})


def _gated_hits(folded_body: str) -> list[int]:
    """Where a gated pattern matches in a (folded) section whose words pass its gate."""
    return [
        match.start()
        for pattern, gate in _GATED
        if all(any(word in folded_body for word in words) for words in gate)
        for match in pattern.finditer(folded_body)
    ]


FIX = (
    "Write the safe decision: stop or modify the activity, recheck, and say who you told and when, e.g. "
    "\u201cPain rose to 8/10, so I stopped, positioned her for rest and notified the RN before any further activity.\u201d"
)


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every unsafe decision in the artifact's sections."""
    row = text.spec.row_for((ASSESSMENT, DOCUMENTATION, PLAN_OF_CARE)) if text.spec else ASSESSMENT
    # A refused escalation is a documentation failure first: the escalation path is not written down.
    escalation_row = text.spec.row_for((DOCUMENTATION, ASSESSMENT)) if text.spec else DOCUMENTATION
    # Skipping a safety step to get through the list trades quality for volume: time management first.
    guardrail_row = text.spec.row_for((TIME_MANAGEMENT, DOCUMENTATION, ASSESSMENT)) if text.spec else TIME_MANAGEMENT
    # Teaching an unsafe practice fails the teaching first.
    teaching_row = text.spec.row_for((PATIENT_EDUCATION, ASSESSMENT, DOCUMENTATION)) if text.spec else PATIENT_EDUCATION
    next_openings = _next_openings(text)
    taught = _taught_sections(text)
    # The error a checklist prevents, a memo's risk: the hazard told as the problem is no decision taken.
    hazards = frozenset(text.spec.role("hazard")) if text.spec else frozenset()
    for key, body in text.fields.items():
        if not body.strip() or key in hazards:
            continue
        folded_body = fold(body)
        # One pass over the section finds the sentences worth reading; most hold no red flag.
        flagged = [match.start() for match in _ANY_FLAG.finditer(folded_body)]
        gated = _gated_hits(folded_body)
        if not flagged and not gated:
            continue
        sentences = list(iter_sentences(body))
        starts = [sentence.start for sentence in sentences]

        # Taught practices and records are read only in the sentences their own patterns hit.
        for index in _sentence_indices(starts, gated):
            sentence = sentences[index]
            lowered = folded_body[sentence.start : sentence.end]
            yield from _unsafe_instruction(key, sentence, lowered, teaching_row)
            yield from _record_falsified(key, sentence, lowered, escalation_row)
            yield from _failed_equipment_used(key, sentence, lowered, row)
            yield from _symptom_overridden(key, sentence, lowered, row)
        for index in _sentence_indices(starts, flagged):
            sentence = sentences[index]
            lowered = folded_body[sentence.start : sentence.end]
            yield from _refused(key, sentence, lowered, escalation_row)
            yield from _skipped(key, sentence, lowered, guardrail_row)
            yield from _threshold_ignored(key, sentence, lowered, row)
            flag = red_flag(lowered)
            if flag is None:
                continue
            # What the person is told to do about a red flag is the teaching: an unsafe rule there fails it.
            flag_row = teaching_row if key in taught else row
            if _CONDITION.search(lowered):
                yield from _contingency(key, sentence, lowered, flag, flag_row)
                continue
            window = _window(lowered, folded_body, sentences, index, next_openings.get(key, ""))
            if carried_on_unsafely(window):
                if guardrail_row != row and _FOR_THE_SCHEDULE.search(window):
                    yield finding(
                        key,
                        sentence,
                        check="safety.schedule_over_safety",
                        row=guardrail_row,
                        severity="error",
                        message=(
                            f"This carries on through a red flag ({flag}) to keep to the schedule: the day's list "
                            "was put ahead of the person's safety."
                        ),
                        fix=FIX,
                    )
                yield finding(
                    key,
                    sentence,
                    check="safety.continued_through_red_flag",
                    row=flag_row,
                    severity="error",
                    message=(
                        f"This carries on through a red flag ({flag}) without stopping, modifying or escalating. "
                        "Reviewers score safety-first judgment before anything else."
                    ),
                    fix=FIX,
                )


def _taught_sections(text: ArtifactText) -> frozenset[str]:
    """The sections only the Patient education row reads: what the person is told (a script, its main message)."""
    if text.spec is None or PATIENT_EDUCATION not in text.spec.rows:
        return frozenset()
    rows_by_section: dict[str, set[str]] = {}
    for rule in text.spec.evidence:
        for key in rule.sections:
            rows_by_section.setdefault(key, set()).add(rule.row)
    return frozenset(key for key, rows in rows_by_section.items() if rows == {PATIENT_EDUCATION})


def _next_openings(text: ArtifactText) -> dict[str, str]:
    """For each section, the (folded) first two sentences of the next written section: a narrative runs on.

    A red flag at the end of the assessment and "I continued the session …" at the start of the plan is
    one decision, written across a section break.
    """
    keys = [key for key, body in text.fields.items() if body.strip()]
    openings: dict[str, str] = {}
    for key, following in itertools.pairwise(keys):
        # Only the opening is read, so only a few hundred characters are split into sentences.
        opening = list(itertools.islice(iter_sentences(text.fields[following][:OPENING_CHARS]), WINDOW_SENTENCES))
        openings[key] = " ".join(fold(sentence.text) for sentence in opening)
    return openings


def _window(lowered: str, folded_body: str, sentences: list[Span], index: int, next_opening: str) -> str:
    """The red-flag sentence and the WINDOW_SENTENCES after it, running into the next section when this one ends."""
    following = [folded_body[span.start : span.end] for span in sentences[index + 1 : index + 1 + WINDOW_SENTENCES]]
    if len(following) < WINDOW_SENTENCES and next_opening:
        following.append(next_opening)
    return " ".join([lowered, *following])


def carried_on_unsafely(lowered: str) -> bool:
    """True when (folded) text carries on before any stop, change, escalation or recheck, and not on recovery."""
    for carry in _CARRY_ON.finditer(lowered):
        if _NEGATOR_BEFORE.search(lowered, max(0, carry.start() - 40), carry.start()):
            continue
        if _RECOVERY_AFTER.search(lowered[carry.end() : carry.end() + 80]):
            continue
        if _SAFE.search(lowered, 0, carry.start()):
            continue
        return True
    return False


def red_flag(lowered: str) -> str | None:
    """The red flag a (folded) sentence names, in plain words, or None."""
    for match in _PAIN.finditer(lowered):
        value = int(match.group(1) or match.group(2))
        if PAIN_LIMIT <= value <= 10:
            return f"pain {value}/10"
    for match in _SPO2.finditer(lowered):
        value = int(match.group(1))
        if 50 <= value < SPO2_LIMIT:
            return f"SpO2 {value}%"
    for match in _BP.finditer(lowered):
        value = int(match.group(1))
        if value > SYSTOLIC_HIGH or value < SYSTOLIC_LOW:
            return f"systolic BP {value}"
    for match in _BP_DROP.finditer(lowered):
        if int(match.group(1)) >= BP_DROP:
            return "a blood-pressure drop"
    if _BP_CONTEXT.search(lowered):
        for match in _BP_PAIR.finditer(lowered):
            if int(match.group(1)) - int(match.group(2)) >= BP_DROP:
                return "a blood-pressure drop"
    for sign in _SIGN.finditer(lowered):
        if not _DENIED_BEFORE.search(lowered, max(0, sign.start() - 30), sign.start()):
            return sign.group(0)
    return None


def _contingency(key: str, sentence: Span, lowered: str, flag: str, row: str) -> Iterator[Finding]:
    condition = _CONDITION.search(lowered)
    then = lowered[condition.end() :] if condition else lowered
    if not carried_on_unsafely(then):
        return
    yield finding(
        key,
        sentence,
        check="safety.unsafe_contingency",
        row=row,
        severity="error",
        message=(
            f"This if/then rule answers a red flag ({flag}) by carrying on. A contingency for instability "
            "has to stop or change the activity and say who is told."
        ),
        fix="Make the response safe: \u201cIf SpO2 drops below 88% or she is unstable, then stop, sit her down and "
        "notify the RN at once.\u201d",
    )


def _skipped(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    for match in _SKIPPED_GUARDRAIL.finditer(lowered):
        if _NEVER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()):
            continue
        yield finding(
            key,
            sentence,
            check="safety.guardrail_skipped",
            row=row,
            severity="error",
            message=(
                "This skips a safety step (vitals, precautions, orders, a handoff) to keep up with volume. "
                "Reviewers look for what you never cut, however busy the day."
            ),
            fix="Name the steps you never skip and what you defer instead: \u201cI never skip pre-activity vitals "
            "or the precautions check; on a 16-client day I defer stable follow-ups and tell the charge nurse.\u201d",
        )
        return


def _threshold_ignored(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    match = _THRESHOLD_IGNORED.search(lowered)
    if match is None or _NEVER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()):
        return
    yield finding(
        key,
        sentence,
        check="safety.threshold_ignored",
        row=row,
        severity="error",
        message=(
            "This goes ahead whatever a vital sign or lab value shows. A plan that waves away its own stop "
            "thresholds tells reviewers the assessment does not guide the decisions."
        ),
        fix="State the threshold and what you do at it: \u201cResistive exercise only with platelets above 20; below "
        "that, active range of motion and ADL practice, and I check the morning count before each session.\u201d",
    )


def _refused(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    refused = _REFUSED.search(lowered)
    if refused is None or _WITHIN_LIMITS.search(lowered):
        return
    yield finding(
        key,
        sentence,
        check="safety.escalation_refused",
        row=row,
        severity="error",
        message=(
            "This says nothing was escalated (or that no clinician need be asked first), without a reason that "
            "the signs stayed within limits. "
            "Reviewers read that as unclear escalation boundaries."
        ),
        fix="Say what you escalated, to whom and when, or why escalation was not needed (the numbers that stayed "
        "within limits): \u201cBP recovered to 124/78 within 2 minutes of rest, so I did not page the MD; I told the RN.\u201d",
    )


def unsafe_instruction(lowered: str) -> str | None:
    """What a (folded) taught sentence puts at risk, in plain words, or None."""
    for dropped in _SUPERVISION_DROPPED.finditer(lowered):
        if dropped.group(0).startswith("leave") and _LEAVING_REFUSED.search(lowered, 0, dropped.start()):
            continue
        return "no one watching over the person"
    if _BODY_HELD.search(lowered):
        return "something on the body fixed so the person cannot free themselves"
    covered = _AIRWAY_COVERED.search(lowered)
    if covered and not _AIRWAY_REFUSED.search(covered.group(0)):
        return "the face or head covered and called fine"
    rubbed = _RUBBED_OPEN_SKIN.search(lowered)
    if rubbed and not _OPEN_SKIN_AVOIDED.search(rubbed.group(0)):
        return "pressure or rubbing on open or broken skin"
    return None


def _unsafe_instruction(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    hazard = unsafe_instruction(lowered)
    if hazard is None:
        return
    yield finding(
        key,
        sentence,
        check="safety.unsafe_instruction",
        row=row,
        severity="error",
        message=(
            f"This teaches a practice that puts the person at risk ({hazard}). However plain the words and "
            "however well it is taught back, reviewers score what is taught for safety first."
        ),
        fix="Teach the safe version and the check that goes with it: \u201cKeep the face and head uncovered, "
        "leave it loose enough that he can push it off himself, and look in on him before you go to bed.\u201d",
    )


def record_falsified(lowered: str) -> bool:
    """True when a (folded) sentence makes the record say what did not happen."""
    for match in itertools.chain(
        _MARKED_WITHOUT.finditer(lowered), _BACK_DATED.finditer(lowered), _BILLED_AS_FULL.finditer(lowered)
    ):
        if _NEVER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()):
            continue  # "notes are never back-dated"
        if match.re is not _BILLED_AS_FULL or _SHORTENED.search(lowered):
            return True
    return False


def _record_falsified(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    if not record_falsified(lowered):
        return
    yield finding(
        key,
        sentence,
        check="safety.record_falsified",
        row=row,
        severity="error",
        message=(
            "This makes the record say what did not happen (time billed that was not given, a refusal nobody "
            "was offered the choice to make, a date that is not the day). Reviewers read it as a note that "
            "cannot be defended."
        ),
        fix="Record what happened and say how you protect it on a heavy day: \u201cShortened visits are billed "
        "for the minutes given; a client who is tired is offered a later slot the same day, and I note the offer.\u201d",
    )


def _failed_equipment_used(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    match = _FAILED_EQUIPMENT_USED.search(lowered)
    if match is None or _NEVER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()):
        return
    yield finding(
        key,
        sentence,
        check="safety.failed_check_carried_on",
        row=row,
        severity="error",
        message=(
            "This finds equipment failed and uses it anyway. A check whose failure changes nothing prevents "
            "nothing, and reviewers read it as the error the checklist exists to stop."
        ),
        fix="Say what a failed check stops: \u201cIf a sling loop or clip is damaged, take the sling out of use, "
        "tag it, and do not transfer until a checked sling is in place; tell the charge nurse at once.\u201d",
    )


def symptom_overridden(lowered: str) -> str | None:
    """The symptom a (folded) sentence tells someone to carry on through, or None."""
    for match in _SYMPTOM_OVERRIDDEN.finditer(lowered):
        if _HABIT_BEFORE.search(lowered, max(0, match.start() - 40), match.start()):
            continue
        if _NEVER_BEFORE.search(lowered, max(0, match.start() - 30), match.start()):
            continue
        if _SYMPTOM_SOFTENED.search(match.group(0)):
            continue
        return match.group(0)
    return None


def _symptom_overridden(key: str, sentence: Span, lowered: str, row: str) -> Iterator[Finding]:
    overridden = symptom_overridden(lowered)
    if overridden is None:
        return
    yield finding(
        key,
        sentence,
        check="safety.symptom_overridden",
        row=row,
        severity="error",
        message=(
            f"This carries on through a symptom that should stop or change the activity (\u201c{overridden}\u201d). "
            "Reviewers score safety-first judgment before anything else: a plan has to say what the symptom stops."
        ),
        fix="Name the symptom's limit and what happens at it: \u201cIf fatigue rises above 6/10 or she feels dizzy, "
        "stop, sit her down and recheck; resume only when it settles, and tell the RN.\u201d",
    )
