"""Evidence shapes: what makes a passage count as proof for a rubric row.

A kind's catalog entry declares, for each row it proves, the evidence a hiring manager looks
for (`spec.EvidenceRule`): a shape from `SHAPES`, the sections to look in, a weight and a
plain sentence saying what is looked for. Each shape is implemented once here, as a pure
function from the (cleaned) section texts to an `Earned` value between 0 and 1 with the
passage that earned it. Shapes are structural, never a bare keyword: a measure is a number
with its unit or an assist level; an action has an owner *and* a time; a contingency has a
trigger with a threshold *and* a response; a goal is judged on its COAST elements.

Every shape carries examples that must earn and must miss (`EXAMPLES`); the test suite runs
them, and every rule in the catalog, LanguageTool-style.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from portfolios.rubric import checklist, education, readability
from portfolios.rubric import goals as goal_rules
from portfolios.rubric.assist import find_levels, fold
from portfolios.rubric.safety import carried_on_unsafely
from portfolios.rubric.spec import EvidenceRule
from portfolios.rubric.substance import buzzword_count
from portfolios.rubric.text import Span, iter_items, iter_list_items, iter_sentences


@dataclass(frozen=True)
class Earned:
    """How much of one rule's evidence is present (0–1), and the passage that shows it."""

    share: float
    field: str = ""
    start: int = 0
    end: int = 0
    note: str = ""

    @property
    def passage(self) -> tuple[str, int, int] | None:
        return (self.field, self.start, self.end) if self.field and self.end > self.start else None


NOTHING = Earned(0.0)

# --- Vocabulary of structure ------------------------------------------------------------------
# All patterns run on `fold`ed (ASCII-lower-cased) text; offsets are those of the original.
_NUMBER = r"(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty)"
_UNIT = (
    r"(?:%|percent|x\b|times|reps?\b|repetitions|minutes?|mins?\b|hours?|hrs?\b|h\b|seconds?|secs?\b|s\b|days?\b"
    r"|weeks?|wks?\b|months?|visits?|sessions?|treatments?|feet|foot|ft\b|meters?|m\b|steps|stairs|trials?"
    r"|opportunities|degrees?|deg\b|°|lbs?\b|pounds?|kg\b|cm\b|mm\b|inch(?:es)?\b|in\.|points?|pts?\b|cues?\b|prompts?|errors?|items?|patients?|pts\b"
    r"|notes?|evals?|evaluations?|falls?|words?|letters?|bites?|grams?|mmhg|bpm|breaths|beats|of\s+\d+|out\s+of\s+\d+)"
)
# A quantity, in two sets of alternatives: those a sentence can show without a digit (a number in words,
# a test's band, a share of the other side, a rate) and those that need one. A sentence with no digit is
# read by the first set alone: same answer, a fraction of the work on prose (`_quantity`).
_QUANTITY_IN_WORDS = (
    rf"(?<![\w.])(?:{_NUMBER}\s?(?:-|–|to)\s?)?{_NUMBER}\s?{_UNIT}",
    # the kind of help between the number and its unit: "4 verbal prompts", "3-4 rest breaks an hour"
    rf"(?<![\w.])(?:{_NUMBER}\s?(?:-|–|to)\s?)?{_NUMBER}\s(?:verbal|visual|tactile|physical|gestural|rest)\s"
    r"(?:cues?|prompts?|breaks?|reminders?)\b",
    # a standardised test's norm-referenced band: "PDMS-2 completed - fine motor below average"
    r"\b(?:pdms-?2|peabody|bot-?2|bruininks|vmi|beery|bayley|m-?abc(?:-?2)?|movement\s+abc|dtvp(?:-?\d)?|tvps(?:-?\d)?"
    r"|sensory\s+profile(?:\s+2)?|spm(?:-?2)?|pedi(?:-?cat)?|school\s+function\s+assessment|sfa|moca|slums|mmse)\b"
    r"[^.;\n]{0,40}?\b(?:(?:well\s+|just\s+|slightly\s+)?(?:below|above)\s+(?:the\s+)?(?:average|mean|norms?|cut-?off)"
    r"|within\s+(?:the\s+)?(?:average|normal)\s+(?:range|limits)|(?:very\s+)?low\s+average|definite\s+difference"
    r"|probable\s+difference|typical\s+performance)\b",
    # a share of the other side: "grip about half the other side", "a third of the unaffected hand"
    r"\b(?:half|a\s+third|a\s+quarter|two[- ]thirds|three[- ]quarters|twice|double)\s+(?:of\s+)?(?:that\s+of\s+)?"
    r"(?:the\s+|her\s+|his\s+|their\s+)?(?:other|left|right|unaffected|uninvolved|non-?dominant|dominant|opposite"
    r"|good|sound)\s+(?:side|hand|arm|leg|one)\b",
    r"\b\w+s\s+(?:per|a|each)\s+(?:day|week|month|visit|session|shift|quarter|client|patient)\b",  # a rate
)
_QUANTITY_WITH_DIGITS = (
    r"(?<![\w/])\d{1,3}\s?/\s?\d{1,3}(?![\w/])",  # a score: 38/56, 3/4 trials, 6/10 pain
    r"\bfrom\s+\d+(?:\.\d+)?\s?\S{0,8}\s+to\s+\d",  # a change: from 14 to 2
    r"\b(?:target|aim|goal|benchmark|threshold|limit|cap|baseline|median|mean|average)\s?(?:of|:|=|is|was)?\s?\d",
    r"\b(?:spo2|o2 sat|sats?|bp|hr|pain|score|fim|gg|moca|slums|berg|tug|copm|am-pac|6[- ]?click|dash|quickdash"
    r"|grip|pinch|rom|mmt|vmi|bot-?2|pdms-?2)\b[^.\n;]{0,25}?\d",
    # a head count by where it stands: "12 on my list", "14 on the caseload", "9 in the diary"
    r"(?<![\w.])\d{1,3}\s+(?:on|in)\s+(?:my|the|our|her|his|their|today's)\s+(?:[\w-]+\s+)?(?:list|caseload|books"
    r"|board|diary|schedule|rota)\b",
    # more named scales and vital signs, with their value next to them: "Borg 3", "Modified Barthel 78", "MMSE: 24"
    r"\b(?:borg|barthel|mbi|katz|lawton|mmse|ace-?iii|nihss|ashworth|mrc|fga|dgi|9hpt|goat|rr|heart\s+rate)"
    r"\s{0,2}(?:score\s{0,2}|of\s{1,2}|[=:]\s{0,2}|(?:was|at)\s{1,2})?\d",
    # a target written as a comparison: ">=80", "<= 1", "≥ 20", "<3.5%" (not an arrow "-> 2")
    r"(?<![-=<>])(?:>=|<=|≥|≤|<|>)\s?\d",
)
_QUANTITY = re.compile("|".join(_QUANTITY_IN_WORDS + _QUANTITY_WITH_DIGITS))
_QUANTITY_WITHOUT_DIGITS = re.compile("|".join(_QUANTITY_IN_WORDS))
_DIGIT = re.compile(r"\d")


def _quantity(lowered: str) -> re.Match[str] | None:
    """The first quantity in a (folded) text; a text with no digit is read by the alternatives that need none."""
    return (_QUANTITY if _DIGIT.search(lowered) else _QUANTITY_WITHOUT_DIGITS).search(lowered)


_FREQUENCY = re.compile(
    rf"\b(?:{_NUMBER}|once|twice|thrice)\s?(?:x|times|sessions?|visits?)?\s?(?:/|per|a|an|each|every)\s?"
    r"(?:week|wk|day|month|shift)\b|\b(?:daily|weekly|biweekly|bid|tid|qid|qd|[1-7]x\s?/?\s?w(?:ee)?k)\b"
    r"|\bevery\s+(?:other\s+)?(?:day|week|morning|evening|visit|session)\b"
    # "each" is "every": "lie on your tummy each day", "each evening after tea"
    r"|\beach\s+(?:day|week|morning|evening|night|afternoon)\b"
    # the British and Australian fortnight: "fortnightly", "once a fortnight", "every second week"
    r"|\bfortnightly\b|\b(?:once|twice|\d)\s?(?:x\s?)?(?:a|per|each|every)\s+fortnight\b|\bevery\s+(?:second|2nd)\s+week\b"
)
_DURATION = re.compile(
    rf"\b(?:for|over|x|across|during|within|next)\s+(?:the\s+)?(?:next\s+)?{_NUMBER}\s?(?:-|–|to)?\s?(?:{_NUMBER}\s?)?"
    r"(?:weeks?|wks?|months?|days?|visits?|sessions?|treatments?)\b"
    r"|\b\d+\s?(?:weeks?|wks?|months?|visits?|sessions?)\b(?:\s+(?:total|of\s+care|certification|plan))"
    r"|\b(?:certification|cert(?:ification)? period|episode|poc)\b[^.\n]{0,30}\d+\s?(?:days?|weeks?|visits?)"
    r"|\b\d+\s?(?:weeks?|wks?|months?|visits?|sessions?)\b"
    # months written short in notes: "x 6 mo", "for 3 mos"
    r"|\b(?:for|over|x|across|within)\s+\d+\s?mos?\b"
)
# Who: roles, the candidate, the client's people.
_ROLE = re.compile(
    # "i" and "me" take no plural: "is" is no role.
    r"(?<![\w-])(?:i|me)(?![\w'’-])|(?<![\w-])i['’](?:ll|d|ve|m)\b|(?<![\w-])(?:ot|otr|otr/l|ota|cota|pt|pta|rn|lpn|md|np|pa|slp|cm|sw|rt|cna|pct|msw|charge|nurse|nursing"
    r"|physician|doctor|dr|therapist|case\s+manager|social\s+worker|receiver|receiving|sender|resident|hospitalist"
    r"|attending|surgeon|aide|tech|supervisor|manager|lead|rapid\s+response|provider|clinician|pharmacist"
    r"|dietitian|family|caregiver|parent|mom|dad|teacher|client|patient|pt's|scheduler|front\s+desk|team"
    r"|director|coordinator|rehab|primary|covering|on-call|team\s+lead|ots?|pts?|rns?"
    # British and Australian care roles: "the physio", "the carer", "the GP", "the registrar", "ward sister",
    # "the band 7", "nurse in charge"
    r"|physio|physiotherapist|carer|gp|registrar|sho|consultant|matron|sister|hca|support\s+worker|care\s+worker"
    r"|key\s?worker|duty\s+worker|locum|band\s?[2-9]|nic|leader)s?(?![\w-])"
)
_WHEN = re.compile(
    r"\b(?:by\s+(?:\d{1,2}\b|noon|midday|morning|afternoon|evening|tonight|tomorrow|end|the\s+end|next|the\s+next"
    r"|discharge|d/c|\w+day|close)|today|tonight|tomorrow|next\s+(?:shift|session|visit|treatment|day|morning|week)"
    r"|this\s+(?:shift|morning|afternoon|evening|session|visit|week)|end\s+of\s+(?:the\s+)?(?:shift|day|session|week)"
    r"|before\s+(?:the\s+)?(?:discharge|d/c|next|transfer|first|any|each|every|lunch|noon|\d|leaving|mobility|the)"
    r"|within\s+\d+\s?(?:min(?:ute)?s?|h|hrs?|hours?|days?|business\s+days?)\b|\d{1,2}:\d{2}|\d{1,2}\s?(?:am|pm)\b"
    r"|same\s+(?:day|shift|session)|(?:on|at|by)\s+day\s+\d+|daily\b|weekly\b|every\s+\d+|q\s?\d+\s?h\b|stat\b"
    r"|(?:each|every|after\s+each|after\s+every)\s+(?:[a-z-]+\s+)?(?:visit|session|treatment|shift|encounter)"
    r"|(?:all|after\s+all)\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:visits|sessions|treatments|encounters|contacts)\b"
    r"|within\s+\d+\s?[-–]\s?\d+\s?(?:min(?:ute)?s?|h|hrs?|hours?|days?)\b"
    r"|asap\b|immediately\b|prior\s+to\s+\w+|at\s+(?:noon|\d|the\s+start|the\s+end|handoff|discharge)"
    r"|\d+\s?(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\s+(?:before|after|of|from)\b|quarterly|monthly"
    r"|annually|every\s+(?:month|quarter|year|week|shift|morning)|(?:in|after)\s+\d+\s?(?:days?|weeks?|months?))"
    # a cycle in other words: "reviewed yearly", "six-monthly", "fortnightly", "biannually"
    r"|\b(?:yearly|annual|fortnightly|biannual(?:ly)?|bi-?monthly|(?:\d+|three|six|twelve)-?monthly)\b"
    r"|\b(?:by|before|at)\s+(?:cob|eod|close\s+of\s+business)\b"
    # at once in other words ("tell the RN at once", "straight away", "without delay"), and a wait before the next
    # step ("not settling after 2 min: rapid response")
    r"|\b(?:at\s+once|straight\s?away|right\s+away|without\s+delay|forthwith)\b"
    r"|\b(?:after|beyond|past)\s+\d+\s?(?:min(?:ute)?s?|h|hrs?|hours?)\b"
    # set against the person's own next contact: "before her first session", "by their next appointment"
    r"|\b(?:before|by)\s+(?:her|his|their|my|our)\s+(?:first|next|initial)\s+(?:session|visit|appointment|clinic|review)"
    r"|\bpoint[- ]of[- ](?:service|care)|\bwithin\s+(?:the|an|one)\s+hour|\bbefore\s+(?:i\s+|they\s+)?leav\w*"
    r"|\bend\s+of\s+(?:my|the|each|every)\s+(?:day|shift|visit|session)"
    r"|\b(?:by|before|on|this|next|until|each|every)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:morning|afternoon|evening|noon|am|pm|by|before)"
    # a named weekday is a when ("I'll update the plan Monday"), and so is a short one with a slot ("Sat 10:00",
    # "Sun: weekend OT", "Tues am"); a meal or a fixed team slot is one too ("Sat breakfast", "at the ward round")
    r"|\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?(?:\s*:|\s+(?:\d|am\b|pm\b|morning|afternoon|evening|night"
    r"|breakfast|lunch|dinner|tea\b))"
    r"|\b(?:at|by|before|after)\s+(?:breakfast|lunch|dinner|teatime)\b"
    r"|\b(?:at|on|by|before|after)\s+(?:the\s+|tomorrow's\s+|\w+day's\s+)?(?:\w+\s+)?(?:ward|board|consultant)\s+rounds?\b"
)
# A trigger: a threshold with a number, or a sign that needs a response.
_TRIGGER = re.compile(
    r"(?:<|>|≤|≥|below|above|under|over|drops?|falls?|rises?|exceeds?|more\s+than|less\s+than|greater\s+than"
    r"|at\s+least|or\s+(?:more|higher|lower|less))\s?\d"
    # a limit named by its order rather than its number: "above the ordered limit", "outside the set parameters"
    r"|\b(?:above|below|over|under|outside|exceeds?|beyond)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:ordered|prescribed"
    r"|set|agreed|documented|target|safe)\s+(?:bp\s+|hr\s+|heart\s+rate\s+)?(?:limits?|range|parameters?|targets?"
    r"|thresholds?)\b"
    # a named test or screen failed: "fails the swallow screen", "failed the OCS neglect subtest"
    r"|\bfail(?:s|ed)?\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:test|subtest|screen\w*"
    r"|check|assessment)\b"
    r"|\d+\s?(?:/10|%|mmhg|bpm)|\b(?:dizz\w*|light-?headed\w*|syncop\w*|chest\s+pain|short(?:ness)?\s+of\s+breath"
    r"|sob\b|diaphore\w*|confus\w*|new\s+(?:numbness|weakness|onset|pain|tingling)|numbness|fall\w*|unresponsive"
    r"|desat\w*|orthostatic|pallor|nausea|vomit\w*|bleed\w*|seizure|refus\w*|unstable|watcher|red\s+flag|agitat\w*"
    # signs a receiver can see on a limb, a wound or the skin: swelling, redness, colour, circulation
    r"|swell\w*|swollen|redness|blister\w*|bruis\w*|skin\s+(?:breakdown|problems?|changes?|tears?|irritation)"
    r"|colou?r\s+changes?|circulation|cyano\w*|drainage|wound\s+opens?|ooz\w*|weep\w*"
    # signs a community or home-care receiver can see happen: wandering, missed meals or medicines, new
    # drowsiness, fever, hallucinations or incontinence ("the carer is struggling" is a worry, not a sign)
    r"|wander\w*|exit[- ]seeking|gets?\s+lost|got\s+lost"
    r"|missed\s+(?:[\w-]+\s+){0,2}?(?:meals?|meds|medications?|medicines?|doses?|tablets?|pills?)|not\s+eating|weight\s+loss|drows\w*|fever\w*"
    r"|hallucinat\w*|delirium|incontinen\w*|aggress\w*)"
)
# A response that acts: "monitor" or "document" alone is no response to a red flag.
_RESPONSE = re.compile(
    r"\b(?:stop\w*|hold\w*|notify\w*|call\w*|page\w*|escalat\w*|contact\w*|tell|inform\w*|report\w*|return\w*"
    r"|sit\w*|rest\w*|recheck\w*|re-check\w*|pause\w*|end\w*|defer\w*|lower\w*|supine|alert\w*|reassess\w*"
    r"|modify|switch\w*|send|transfer\w*|activate\w*|discontinue\w*|hand\s+off|shorten\w*|reduc\w*|cancel\w*"
    r"|reschedul\w*|skip\w*|use|apply|remove|position\w*|elevat\w*"
    # arranging care is a response too: "arrange a visit", "refer to the falls team", "book a review", "bleep the SHO"
    r"|arrang\w*|refer\b|referr\w*|book\w*|bleep\w*|ring\b|phone\w*|recline\w*|raise\w*)\b"
    # telling someone in plain words: "let the office know", "let the GP know today"
    r"|\blet\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}know\b"
)
_CONDITIONAL = re.compile(r"\b(?:if|when|whenever|should|any\s+time|unless|once)\b")
_NOTIFY = re.compile(
    r"\b(?:notify\w*|call\w*|page\w*|escalat\w*|contact\w*|tell|inform\w*|report\w*|alert\w*|flag\w*|text\w*"
    r"|message\w*|raise\w*|let\s+(?:\w+\s+){1,3}know|(?:talk|speak)\w*\s+(?:to|with)|discuss\w*\s+with|phone\w*"
    # told in the past: "told the team leader at 13:00", "rang the GP", "spoke to"
    r"|told|tells|telling|rang|ring(?:s|ing)?|spoke\s+(?:to|with))\b"
)
# A trigger that names nothing a colleague could recognise: "if there are any concerns", "if needed".
_VAGUE_TRIGGER = re.compile(
    r"\b(?:if|when|whenever)\s+(?:there\s+(?:are|is)\s+)?(?:any\s+|an?\s+)?(?:concerns?|issues?|problems?|questions?"
    r"|changes?|worries)\b|\b(?:as|if|when)\s+(?:needed|necessary|appropriate|indicated)\b|\bany\s+concerns?\b"
    # a load with no number: "if the schedule is too full", "when we are short" names no threshold
    r"|\b(?:if|when|whenever)\s+(?:[\w'’]+\s+){0,3}?(?:too\s+(?:full|busy|much|many|heavy)|overloaded|swamped|behind"
    r"|short|packed|(?:really\s+)?bad)\b"
)
_REASON = re.compile(
    r"\b(?:because|since|so\s+that|so\s+(?:i|we|she|he|they|the)|due\s+to|given|which\s+(?:is\s+why|meant)"
    r"|therefore|as\s+a\s+result|in\s+order\s+to|to\s+(?:reduce|prevent|avoid|protect|keep|lower|limit|allow)"
    r"|the\s+reason|rationale|this\s+(?:meant|means|is\s+why)|that\s+is\s+why|led\s+(?:me|us)\s+to)\b"
    # a purpose after "so" with any subject: "move things downstairs so it's one trip a day"
    r"|\bso\s+(?:it|it's|that's|there|you|her|his|their|its)\b"
    # reasoning written as such, or read off the findings: "Reasoning: …", "the pattern fits left neglect",
    # "consistent with orthostatic hypotension"
    r"|\b(?:clinical\s+)?reasoning\s*:|\b(?:consistent|in\s+keeping)\s+with\b"
    r"|\b(?:pattern|picture|presentation|findings?|errors?|this|which)\s+(?:\w+\s+)?(?:fits?|fitted|pointed\s+to|points\s+to)\b"
    # a choice read off the data: "sessions at 09:00 (his calmest hours on the ABS data)", "based on the diary"
    r"|\b(?:based\s+on|guided\s+by|going\s+by)\b"
    r"|\b(?:on|from|per)\s+(?:the\s+|his\s+|her\s+|their\s+|our\s+)?(?:[a-z0-9-]+\s+){0,2}?data\b"
    r"|\b(?:data|diary|log|chart|scores?|results?)\s+(?:showed|shows|suggested|suggests|indicated|indicates)\b"
    # a change of plan told with the event that caused it: "After the fall I changed the transfer plan"
    r"|\b(?:after|following)\s+(?:the|this|that|her|his|their)\s+(?:[a-z-]+\s+){0,4}?[a-z-]+,?(?=\s+(?:i|we)\s+"
    r"(?:changed|revised|modified|adapted|amended|switched|rewrote|updated|paused|stopped)\b)"
    # a step held back until a named condition is met: "stress loading held until the allodynia eased"
    r"|\b(?:held|deferred|delayed|postponed|withheld|paused|not\s+started)\s+(?:off\s+|back\s+)?until\s+(?!further\b)"
    r"(?:the\s+|her\s+|his\s+|their\s+)?[a-z]"
)
_ALTERNATIVE = re.compile(r"\b(?:rather\s+than|instead\s+of|over\s+(?:a|an|the)|not\s+\w+\s+but|chose\b|versus|vs\.?)")
_CONSTRAINT = re.compile(
    r"\b(?:limit\w*|constrain\w*|barrier\w*|the\s+real\s+(?:problem|issue|constraint|barrier|driver)"
    r"|(?:what|which)\s+(?:actually|really)\s+\w+|only\s+\d+|no\s+(?:caregiver|help|car|ride|transport\w*)|lives?\s+alone"
    # the same limits in other services' words: "no carers", "no package of care", "no lift to the flat"
    r"|no\s+(?:carers?|care\s+package|package\s+of\s+care|lift|elevator|funding)|waiting\s+list|wait-?list"
    r"|authori[sz]ed|cap(?:ped)?\s+at|turned\s+out|root\s+cause|driven\s+by|because\s+of|due\s+to|unable\s+to"
    r"|could\s*(?:n't|\s+not)|can(?:'t|not)|too\s+(?:few|little|short|fatigued)|precaution\w*|works?\s+nights?)\b"
    # the main concern named as such, and fear as the limit: "what worried me was …", "my main concern was …",
    # "fear of falling", "frightened of moving it"
    r"|\bwhat\s+(?:worried|concerned|bothered|troubled)\s+(?:me|us)\b|\b(?:my|our|the)\s+(?:main|biggest|chief|greatest"
    r"|real|key)\s+(?:concern|worry)\b|\b(?:fear|afraid|frightened|scared)\s+of\b"
)
_OUTCOME = re.compile(
    r"\b(?:from\b[^.\n]{1,40}\bto\b|went\s+(?:from|to)|improved|progressed|now|at\s+(?:discharge|week\s+\d|day\s+\d|"
    r"follow-?up|re-?eval\w*)|increased|decreased|reduced|fell|dropped|rose|achieved|met\b|returned|reached"
    r"|down\s+to|up\s+to|after\s+\d|correctly|accurately|(?:was|were)\s+correct\b"
    r"|without\s+(?:a\s+|any\s+)?(?:errors?|cues?|help|prompts?|mistakes?|reminders?)\b"
    r"|(?:try|attempt|trial|go)\s+(?:was\s+)?(?:correct|right|successful)\b"
    # a before/after written as a comparison: "(before: missed 2-3 words a line)", "compared with 6/10 last week"
    r"|\(?\s*before\s*:|compared\s+(?:with|to)|last\s+(?:week|visit|session)\s*:"
    # the reassessment point written as a milestone: "By visit 8: showering with supervision", "on discharge"
    r"|(?:by|at)\s+(?:visit|session|review|week|wk|day|month)\s?#?\d|(?:by|on)\s+discharge\b)"
    # the milestone with its count first: "At 6 weeks: NRS 4/10", "at 3 months grip 20 kg"
    r"|\bat\s+\d+\s?(?:weeks?|wks?|months?|days?|sessions?|visits?)\b"
)
_TEACH_BACK = re.compile(
    r"\b(?:teach[- ]?back|show\s+me|tell\s+me|walk\s+me\s+through|in\s+your\s+own\s+words|explain\s+(?:it\s+)?back"
    r"|demonstrat\w*|return\s+demo\w*|(?:can|could|would)\s+you\s+(?:show|tell|explain|walk|point)"
    r"|what\s+(?:will|would)\s+you\s+do|how\s+(?:will|would)\s+you)\b"
)
_RETEACH = re.compile(
    r"\b(?:re-?teach\w*|re-?explain\w*|show\s+(?:it\s+)?again|repeat\w*|try\s+again|another\s+way|clarif\w*"
    r"|correct\w*|until|re-?demonstrat\w*"
    # "so I went over it again", "we'll go through that bit again"
    r"|(?:go|goes|went|going|gone)\s+(?:over|through)\s+(?:it|that|this|them|the\s+\w+)(?:\s+bit)?\s+again)\b"
)
_BARRIER = re.compile(
    r"\b(?:barrier\w*|habit\w*|impatien\w*|insist\w*|(?:keen|eager|determined)\s+to|worr\w*|afraid|fear\w*|forget\w*|can(?:'t|not)|unable|no\s+(?:time|car|ride|help|one)|alone"
    r"|works?\s+(?:nights?|days?|two\s+jobs)|tired|fatigue\w*|pain|cost\w*|afford\w*|language|hearing|vision|low\s+vision"
    r"|literacy|busy|overwhelm\w*|doesn't|does\s+not|won't|will\s+not|refus\w*|embarrass\w*|motivat\w*|stairs"
    r"|schedule|childcare|transport\w*|memory|confus\w*|depress\w*|anxi\w*"
    # a risk stated as what the person is likely to do: "may try to lift", "tends to rush"
    r"|(?:may|might|tends?\s+to|(?:is|are)\s+likely\s+to|will\s+probably)\s+(?:\w+\s+)?(?:try|want|forget|skip|stop"
    r"|overdo|rush|ignore|refuse|not\b))"
)
_ANSWER = re.compile(
    r"\b(?:so\b|plan\w*|will\b|we\s+(?:agreed|chose|set|made|moved|tied|changed|switched|added|use|will)|instead"
    r"|solution|answer\w*|address\w*|by\s+\w+ing|using|use\b|put|set\s+up|tie\w*|link\w*|pair\w*|alarm|reminder"
    r"|chart|calendar|checklist|picture|large[- ]print|interpreter|moved|shorter|simplif\w*|trade\w*|swap\w*"
    r"|remind\w*"
    # the answer arranged in the home: "marked with red tape", "lives next to his tablets", "kept by the bed"
    r"|mark\w*|label\w*|taped|stuck|next\s+to|beside|kept|keeps|lives\s+(?:on|in|by|next)|stor(?:e|ed|es)\b)"
)
_ROUTINE_ANCHOR = (
    r"(?:morning|evening|night|meals?|breakfast|lunch|dinner|snack|bath|shower|brush\w*\s*(?:teeth)?|bed(?:time)?"
    r"|school|bus|commercials?|dose|medications?|pills|nap|toilet\w*|tv|news|prayer|coffee|walk\s+to\s+\w+|homework)"
)
_ROUTINE = re.compile(
    rf"\b(?:every|each)\s+(?:\w+\s+){{0,2}}{_ROUTINE_ANCHOR}"
    rf"|\b(?:after|before|during|with|at)\s+(?:each\s+|every\s+|your\s+|his\s+|her\s+|their\s+|the\s+)?{_ROUTINE_ANCHOR}"
    r"|\b(?:bedtime|morning|evening)\s+routine\b"
)
_PAUSE_POINT = re.compile(
    r"^\W*(?:before|after|at|on|when|whenever|during|prior\s+to|upon|each\s+time|every\s+time|at\s+the\s+start)\b"
    # the person who runs it first: "You run it before every transfer", "We use this at handover"
    r"|^\W*(?:you|we|staff|everyone)\s+(?:\w+\s+)?(?:run|use|do|complete|read|start)s?\s+(?:it|this|the\s+(?:checklist"
    r"|sop|list))\s+(?:\w+\s+)?(?:before|after|at|on|when|whenever|during|prior\s+to|upon|each\s+time|every\s+time)\b"
)
_VAGUE = re.compile(
    r"\b(?:as\s+needed|appropriate(?:ly)?|etc\.?|and\s+so\s+on|if\s+necessary|prn|as\s+indicated|as\s+tolerated"
    r"|when\s+possible|as\s+appropriate|properly|correctly|adequate(?:ly)?|per\s+(?:protocol|policy|guidelines?"
    r"|best\s+practice)|timely|(?:is|are|be)\s+(?:right|ok|okay|fine|good|correct|safe)\b|use\s+(?:good\s+)?judge?ment"
    r"|any\s+(?:concerns?|issues?|problems?|changes?)|how\s+(?:the\s+\w+|he|she|they)\s+(?:is|are)\s+doing"
    r"|general\s+(?:status|info\w*)|other\s+(?:info\w*|items?|things?)|as\s+usual|whatever"
    # a catch-all names no item: "anything important", "anything else relevant", "everything pertinent"
    r"|(?:any|every)(?:thing|one)\s+(?:else\s+)?(?:important|relevant|useful|significant|notable|pertinent|of\s+note)"
    r"|how\s+(?:he|she|they|it)['’](?:s|re)\s+doing"
    # a response that says nothing of what was done or how the client responded: "tolerated treatment well"
    r"|tolerated\s+(?:the\s+)?(?:tx|treatment|session|therapy|intervention|it|activity|activities)?\s*well"
    r"|(?:did|doing|does)\s+(?:really\s+|very\s+)?(?:well|great|fine))\b"
)
# A catch-all that names no item in other words: "anything else that might be useful", "all the important
# information about the baby", "anything the family said that the next therapist should know".
_CATCH_ALL = re.compile(
    r"\b(?:any|every|some)thing\s+(?:else\s+)?(?:[\w'’]+\s+){0,8}?(?:might|may|could|would|should|seems?|needs?\s+to)"
    r"\s+(?:be\s+)?(?:useful|relevant|important|helpful|know|matter|need)\b"
    r"|\ball\s+(?:of\s+)?(?:the\s+)?(?:important|relevant|necessary|key|pertinent|useful|essential)\s+(?:info\w*|details?"
    r"|things?|points?|facts?)\b|\bwhatever\s+(?:else\s+)?(?:seems?|is|might|may)\b"
    # a general update standing in for the items: "what's going on with the child", "how he's getting on"
    r"|\bwhat(?:'s|\s+is|\s+has\s+been)\s+(?:been\s+)?(?:going\s+on|happening)\b"
    r"|\bhow\s+(?:things\s+are|(?:he|she|they)(?:'s|'re|\s+is|\s+are)\s+(?:doing|getting\s+on|going))\b"
    r"|\bgeneral\s+(?:update|overview|info\w*|progress)\b"
)
_ACTION_VERB_START = re.compile(r"^\W*(?:\w+\s){0,2}?\w+(?:s|ed|ify|ize|ise|ck|rm|ew|in|ve|te|de|se|ll|ss|ch)?\b")
_GOAL_REFERENCE = re.compile(
    r"\b(?:goal|ltg|stg|objective)s?\s?#?\s?\d|\b(?:ltg|stg)s?\b"
    r"|\b(?:for|toward|towards|supports?|targets?|address\w*)\s+(?:the\s+)?(?:\w+\s+){0,2}(?:goals?|ltg|stg)\b"
)
_CONTENT_WORD = re.compile(r"[a-z]{4,}")
_STOP = frozenset(
    [
        "with",
        "will",
        "that",
        "this",
        "then",
        "from",
        "have",
        "into",
        "each",
        "when",
        "able",
        "client",
        "patient",
        "about",
        "after",
        "before",
        "their",
        "there",
        "which",
        "would",
        "could",
        "should",
        "using",
        "used",
        "while",
        "within",
        "without",
        "during",
        "other",
        "only",
        "more",
        "less",
        "than",
        "also",
        "very",
        "over",
        "under",
        "week",
        "weeks",
        "session",
        "sessions",
        "visit",
        "visits",
        "goal",
        "goals",
        "time",
        "times",
        "days",
        "minutes",
        "independent",
        "assist",
        "training",
        "practice",
        "therapy",
        "therapeutic",
        "exercise",
        "exercises",
        "activity",
        "activities",
        "program",
        "skills",
        "task",
        "tasks",
        "client's",
    ]
)
_REAL_WORD = re.compile(r"[^\W\d_]{2,}")


# --- Helpers ----------------------------------------------------------------------------------
@lru_cache(maxsize=512)
def _pieces(body: str, unit: str) -> tuple[tuple[Span, str], ...]:
    """A section's sentences, lines ("item") or list items ("list_item": a list written as one paragraph
    gives one per sentence) with their folded text; many rules read the same section."""
    split = {"item": iter_items, "list_item": iter_list_items}.get(unit, iter_sentences)
    pieces = split(body)
    return tuple((piece, fold(piece.text)) for piece in pieces if piece.text.strip())


def _spans(fields: Mapping[str, str], sections: tuple[str, ...], unit: str = "sentence") -> Iterator[tuple[str, Span]]:
    for key in sections:
        body = fields.get(key, "")
        if body.strip():
            for piece, _ in _pieces(body, unit):
                yield key, piece


def _folded_spans(fields: Mapping[str, str], sections: tuple[str, ...], unit: str) -> Iterator[tuple[str, Span, str]]:
    for key in sections:
        body = fields.get(key, "")
        if body.strip():
            for piece, lowered in _pieces(body, unit):
                yield key, piece, lowered


def _first(fields: Mapping[str, str], sections: tuple[str, ...], test: Callable[[str], bool], unit: str = "sentence"):
    for key, span, lowered in _folded_spans(fields, sections, unit):
        if test(lowered):
            return key, span
    return None


def _earned_at(share: float, key: str, span: Span, note: str = "") -> Earned:
    return Earned(min(1.0, share), key, span.start, span.end, note)


def _count(fields, sections, test, unit="sentence") -> list[tuple[str, Span]]:
    return [(key, span) for key, span, lowered in _folded_spans(fields, sections, unit) if test(lowered)]


def _share_of(found: list[tuple[str, Span]], needed: int) -> Earned:
    if not found:
        return NOTHING
    key, span = found[0]
    return _earned_at(len(found) / max(1, needed), key, span, f"{len(found)} found")


def _real_words(text: str) -> int:
    return len(_REAL_WORD.findall(text))


_TIME_UNIT = re.compile(
    r"^(?:.*\s)?(?:minutes?|mins?|hours?|hrs?|h|seconds?|secs?|s|days?|weeks?|wks?|months?|visits?|sessions?"
    r"|treatments?)$"
)


_TOLERANCE_BEFORE = re.compile(r"(?:\bfor|\blasting|\bat\s+least|\bup\s+to|\btolerat\w*|\bendur\w*)\s+$")
_SHORT_TIME_UNIT = re.compile(r"(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h)$")


# A count of tries: "correctly on the second attempt", "after the 3rd role-play", and in note style
# "second try correct".
_ATTEMPT_COUNT = re.compile(
    r"\b(?:on|at|by|after|in)\s+(?:the\s+|her\s+|his\s+|their\s+|a\s+)?(?:first|second|third|fourth|fifth"
    r"|\d(?:st|nd|rd|th))\s+(?:try|tries|attempts?|trials?|round|role-?plays?|demonstrations?|teach-?backs?|go)\b"
    r"|\b(?:first|second|third|fourth|fifth|\d(?:st|nd|rd|th))\s+(?:try|attempt|trial|go)\s+(?:was\s+)?"
    r"(?:correct|right|successful|safe|wrong|incorrect|failed)\b"
)


def is_measure(lowered: str) -> bool:
    """A quantity that is not just a timeline: a score, a count, a level, a before/after, a tolerance ('for 4 hours')."""
    if find_levels(lowered) or _ATTEMPT_COUNT.search(lowered):
        return True
    for match in _QUANTITY.finditer(lowered):
        words = match.group(0).strip()
        if not _TIME_UNIT.match(words):
            return True
        before = lowered[max(0, match.start() - 14) : match.start()]
        if _SHORT_TIME_UNIT.search(words) and _TOLERANCE_BEFORE.search(before):
            return True
    return False


# A head count by what was done: "saw 8 children", "treated 11 residents", "seen 9 of the 12 clients". Read only
# where one of its verbs is, so the common case pays one substring test.
_HEAD_COUNT = re.compile(
    r"\b(?:saw|seen|treated|visited|assessed|evaluated)\s+(?:all\s+)?\d{1,3}\s+(?:of\s+(?:the\s+)?\d{1,3}\s+)?"
    r"(?:new\s+|booked\s+|scheduled\s+)?(?:children|kids|clients|residents|students|people|families|referrals"
    r"|infants|babies|adults|young\s+people|service\s+users|consumers|learners|pupils|cases)\b"
)
_HEAD_COUNT_VERBS = ("saw ", "seen ", "treated ", "visited ", "assessed ", "evaluated ")


def is_quantity(lowered: str) -> bool:
    """A number with its unit, a score (38/56), a named measure with its value, or an assist level."""
    return (
        bool(_quantity(lowered))
        or bool(find_levels(lowered))
        or bool(_ATTEMPT_COUNT.search(lowered))
        or (any(verb in lowered for verb in _HEAD_COUNT_VERBS) and _HEAD_COUNT.search(lowered) is not None)
    )


# --- Shapes ------------------------------------------------------------------------------------
# A measure named without its value: what a note records or a template asks the receiver to carry.
_MEASURE_NAMED = re.compile(
    r"\b(?:assist(?:ance)?\s+levels?|levels?\s+of\s+(?:assist\w*|help)|scores?|angles?|range\s+of\s+motion|rom|mmt"
    r"|vitals?|vital\s+signs|blood\s+pressure|spo2|heart\s+rate|timed\s+minutes|total\s+minutes|cue\s+counts?"
    r"|number\s+of\s+(?:cues|prompts|trials|repetitions|reps|falls|errors|steps)|measurements?|readings?"
    r"|goniomet\w*|dynamomet\w*"
    # measures and rating scales named as such: "a measures table", "outcome measures", "NRS", "pain ratings"
    r"|(?:outcome\s+)?measures|nrs|vas|numeric\s+rating\s+scale|pain\s+(?:ratings?|levels?|scales?)"
    r"|circumferences?|temperatures?"
    # a tolerance or a change recorded by name: "sitting minutes", "walking distance", "pain before/after"
    r"|(?:sitting|standing|walking|wear(?:ing)?|splint)\s+(?:minutes|time|distance|tolerance)|before\s?/\s?after)\b"
)


def _level_tied_to_an_activity(lowered: str) -> bool:
    """A measure that is more than a bare level: a number, or a level said of a named activity."""
    return bool(_quantity(lowered) or _ATTEMPT_COUNT.search(lowered)) or goal_rules.mentions_occupation(lowered)


def measured(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Passages with a measure: a number with its unit, a score, a named test's value or an assist level.

    With `named`, a passage that names the measure without its value ("notes with assist levels", "the angle
    at the last cast change") counts half, and only where no value is given at all: it says what is recorded or
    carried, not what was found.
    With `activity`, a level said of no activity ("when independent and safe", "independent with everything") is no
    measure: it names no task a colleague could check.
    """
    needed = int(rule.params.get("min", 1))
    found = _count(fields, rule.sections, is_quantity)
    if rule.params.get("activity"):
        found = [(key, span) for key, span in found if _level_tied_to_an_activity(fold(span.text))]
    if needed > 1:
        # Several measures written as one run ("Seen 8 of 11; 0 falls; 3/3 new referrals in 24 h") are several.
        listed = _count(fields, rule.sections, is_quantity, "list_item")
        found = listed if len(listed) > len(found) else found
    if not rule.params.get("named"):
        return _share_of(found, needed)
    if found:
        return _share_of(found, needed)
    named = _count(fields, rule.sections, lambda s: bool(_MEASURE_NAMED.search(s)))
    if not named:
        return NOTHING
    key, span = named[0]
    return _earned_at(len(named) / 2 / max(1, needed), key, span, "measures named, no values")


# A cadence says how often, not when against the visit: "daily notes" may be written days later.
_CADENCE = re.compile(
    r"(?:daily|weekly|monthly|quarterly|annually|biweekly|every\s+(?:\d+\s+)?(?:days?|weeks?|months?|quarters?|years?"
    r"|mornings?))"
)


def _tied_to_the_work(lowered: str) -> bool:
    """A when set against the visit or the shift (same day, after each visit, by 17:00), not only a cadence."""
    return any(not _CADENCE.fullmatch(match.group(0).strip()) for match in _WHEN.finditer(lowered))


# A rule hedged into a hope: "I try to", "usually", "when I can" says what happens on a good day only.
_HEDGE = re.compile(
    r"\b(?:(?:try|tries|trying|tried|aim|aims|hope|hopes)\s+to|usually|hopefully|ideally|sometimes|often"
    r"|when(?:ever)?\s+(?:i|we)\s+can|(?:when|whenever|if)\s+possible|if\s+(?:i|we)\s+(?:can|have\s+time)"
    r"|most\s+(?:of\s+the\s+time|days|weeks))\b"
)
# Notes put off past the day or off the premises: "at home over the weekend", "the next day", "when I get time",
# "at the end of the week from my list".
_LATE = re.compile(
    r"\b(?:at\s+home|over\s+the\s+weekend|on\s+(?:the\s+)?weekends?|(?:the\s+)?next\s+(?:day|morning|week)"
    r"|(?:\d+|a\s+few|two|three|several)\s+days?\s+later|within\s+(?:24\s*[-–]\s*)?48\s+hours|catch\s+up"
    r"|when\s+(?:i|we)\s+(?:have|get|find)\s+(?:the\s+)?(?:time|a\s+chance)"
    r"|(?:at|by|towards?)\s+the\s+end\s+of\s+(?:the\s+|each\s+|every\s+)?week|in\s+(?:a\s+)?batch(?:es)?"
    r"|from\s+(?:my\s+|the\s+)?(?:list|memory|scraps|jottings))\b"
)
# "Never carried to the next day" is the rule kept, not broken.
# "If not finished, the next morning" is a condition that sends the note late, not a refusal.
_LATE_REFUSED = re.compile(r"(?:\bnever|(?<!\bif\s)(?<!\bwhen\s)\bnot|n't|\bno)\W+(?:\w+\W+){0,3}$")


def _put_late(lowered: str) -> bool:
    """A when that puts the work past the day ("at the end of the week"), not refused ("never the next day")."""
    return any(
        not _LATE_REFUSED.search(lowered, max(0, late.start() - 30), late.start()) for late in _LATE.finditer(lowered)
    )


def _hedged_or_late(lowered: str) -> bool:
    """A when that is a hope ("I try to") or that puts the work past the day ("at home over the weekend")."""
    if _HEDGE.search(lowered):
        return True
    return any(
        not _LATE_REFUSED.search(lowered, max(0, late.start() - 30), late.start()) for late in _LATE.finditer(lowered)
    )


def timed(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """A when: a deadline, an interval, a clock time or a cadence.

    With `tied`, a cadence alone ("daily notes") earns half: the rule asks when, against the visit, it is done.
    With `firm`, a when hedged into a hope ("I try to finish notes the same day") or put past the day earns half;
    with `late` as well, a when that only puts the work past the day ("will write up at the end of the week") earns
    that share instead: it tells when the work is not done.
    """
    needed = int(rule.params.get("min", 1))
    found = _count(fields, rule.sections, lambda s: bool(_WHEN.search(s) or _FREQUENCY.search(s)))
    if rule.params.get("firm") and found:
        firm = [(key, span) for key, span in found if not _hedged_or_late(fold(span.text))]
        if not firm:
            earned = _share_of(found, needed)
            late = rule.params.get("late")
            if late is not None and all(_put_late(fold(span.text)) for _, span in found):
                return Earned(earned.share * late, earned.field, earned.start, earned.end, "put past the day")
            return Earned(earned.share / 2, earned.field, earned.start, earned.end, "hedged: a hope, not a rule")
        found = firm
    if not rule.params.get("tied") or not found:
        return _share_of(found, needed)
    tied = [(key, span) for key, span in found if _tied_to_the_work(fold(span.text))]
    if tied:
        return _share_of(tied, needed)
    earned = _share_of(found, needed)
    return Earned(earned.share / 2, earned.field, earned.start, earned.end, "a cadence, not when against the visit")


def owner_and_time(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Action lines that each name who owns them and by when.

    Where several are needed they are a list, so a list written as one paragraph counts by sentence;
    a single owner and time ("Owner: the OT lead. Reviewed every 12 months.") may span a line's sentences.
    """
    needed = int(rule.params.get("min", 2))
    unit = "list_item" if needed > 1 else "item"
    return _share_of(_count(fields, rule.sections, lambda s: bool(_ROLE.search(s) and _WHEN.search(s)), unit), needed)


# A rule written as "sign: response" or "sign -> response", with no "if": "Dizzy or systolic below 80 on sitting up:
# recline, raise legs, stop". The sign comes before the first colon or arrow, what to do after it.
_LABELLED_RULE = re.compile(r"(?::|->|\u2192|=>)\s")


def is_labelled_contingency(lowered: str) -> bool:
    """True for a (folded) rule written as a sign, a colon or an arrow, and what to do: no 'if' needed."""
    separator = _LABELLED_RULE.search(lowered)
    if not separator or separator.start() > 200:
        return False
    sign, rest = lowered[: separator.start()], lowered[separator.end() :]
    # with no "if" to frame it, a label is no rule: "Red flags: escalate per protocol" names neither sign nor step
    if _VAGUE.search(rest) or (buzzword_count(rest) and not _TRIGGER.search(re.sub(r"red\s+flags?", " ", sign))):
        return False
    return bool(_TRIGGER.search(sign) and _RESPONSE.search(rest) and not carried_on_unsafely(rest))


def _answered_questions(fields: Mapping[str, str], sections: tuple[str, ...]) -> Iterator[tuple[str, Span, str]]:
    """Sentences, a question joined to the answer that follows it on its line: "What if HR goes above 130? Stop."."""
    for key in sections:
        body = fields.get(key, "")
        if not body.strip():
            continue
        pieces = _pieces(body, "sentence")
        index = 0
        while index < len(pieces):
            piece, lowered = pieces[index]
            if index + 1 < len(pieces) and piece.text.endswith("?"):
                answer, answer_lowered = pieces[index + 1]
                if "\n" not in body[piece.end : answer.start]:
                    yield (
                        key,
                        Span(piece.start, answer.end, body[piece.start : answer.end]),
                        f"{lowered} {answer_lowered}",
                    )
                    index += 2
                    continue
            yield key, piece, lowered
            index += 1


def _is_contingency(lowered: str) -> bool:
    condition = _CONDITIONAL.search(lowered)
    if not condition:
        return is_labelled_contingency(lowered)
    rest = lowered[condition.end() :]
    trigger = _TRIGGER.search(rest)
    return bool(trigger and _RESPONSE.search(rest, trigger.start()) and not carried_on_unsafely(rest))


def contingencies(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """If/then rules whose trigger has a threshold or a named sign and whose 'then' says what to do.

    Rules are counted by sentence: three rules written as one paragraph are three rules.
    """
    needed = int(rule.params.get("min", 2))
    found = [
        (key, span) for key, span, lowered in _answered_questions(fields, rule.sections) if _is_contingency(lowered)
    ]
    return _share_of(found, needed)


def escalation(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """An escalation that names whom to tell and what triggers it; a time frame or order completes it.

    A trigger as vague as "any concerns" earns nothing: the colleague cannot tell when it has fired.
    """
    best = NOTHING
    for key, span in _spans(fields, rule.sections, "item"):
        lowered = fold(span.text)
        who = bool(_NOTIFY.search(lowered) and _ROLE.search(lowered))
        # "if there are any concerns" is no trigger: a named sign or threshold is, or a condition that names one.
        trigger = bool(
            _TRIGGER.search(lowered) or (_CONDITIONAL.search(lowered) and not _VAGUE_TRIGGER.search(lowered))
        )
        when = bool(_WHEN.search(lowered) or re.search(r"\b(?:then|first|next|second|after\s+that)\b", lowered))
        share = (0.5 if who else 0) + (0.3 if who and trigger else 0) + (0.2 if who and when else 0)
        if not who and _NOTIFY.search(lowered) and not _VAGUE.search(lowered) and not buzzword_count(lowered):
            share = 0.5  # "call if there is a problem": someone is to be told, but nobody is named
        if share > best.share:
            best = _earned_at(share, key, span)
    return best


_LIST_SEPARATOR = re.compile(r"\s*(?:[;,]|\band\b)\s*")
_LABEL_PREFIX = re.compile(r"^[^:\n]{1,40}:\s*")


_LIST_PHRASE_WORDS = 5  # "med timing", "how he's moving": a list names things; a clause runs longer


_ASIDE = re.compile(r"\([^()]*\)")


def _short_phrases(text: str) -> bool:
    """True for a run of short phrases between commas (asides in brackets aside), a list rather than a
    sentence with clauses: each of its pieces is a few words."""
    pieces = [piece for piece in _LIST_SEPARATOR.split(_ASIDE.sub(" ", text)) if piece.strip(" .")]
    short = sum(len(piece.split()) <= _LIST_PHRASE_WORDS for piece in pieces)
    return bool(pieces) and short == len(pieces)


def _elements(fields: Mapping[str, str], sections: tuple[str, ...]) -> list[tuple[str, Span]]:
    """List items; a section written as one line that is itself a list ("Required: severity, precautions, DME")
    splits on commas. A line among others is one item, however many commas it holds: "Ask and record: fever,
    chills, new redness" is one check on a written list, not three."""
    elements: list[tuple[str, Span]] = []
    items = list(_spans(fields, sections, "list_item"))
    lines_per_section: dict[str, int] = {}
    for key, _ in items:
        lines_per_section[key] = lines_per_section.get(key, 0) + 1
    # One written line of sentences is a paragraph, not a list of lines: each of its sentences that is itself a
    # list ("Who the pt is, dx, med timing, how he's moving, freezing at doorways.") splits on its commas; a
    # sentence that is one check with clauses ("If it is over 2 hours old, ask the RN to recheck, then
    # start.") stays one item, as it would on a line of its own.
    sentences_of_one_line = set()
    for key in lines_per_section:
        if len([line for line in fields.get(key, "").splitlines() if line.strip()]) == 1:
            if lines_per_section[key] > 1:
                sentences_of_one_line.add(key)
            lines_per_section[key] = 1
    for key, item in items:
        body = item.text
        label = _LABEL_PREFIX.match(body)
        offset = label.end() if label else 0
        rest = body[offset:]
        if (
            lines_per_section[key] > 1
            or len(re.findall(r"[;,]", rest)) < 2
            or (key in sentences_of_one_line and not _short_phrases(rest))
        ):
            elements.append((key, item))
            continue
        position = offset
        for piece in _LIST_SEPARATOR.split(rest):
            index = body.find(piece, position) if piece else -1
            if piece.strip(" .") and index >= 0:
                elements.append((key, Span(item.start + index, item.start + index + len(piece), piece)))
                position = index + len(piece)
    return elements


# A guardrail that is skipped is no guardrail: "I skip the pre-activity vitals on busy days".
_SKIPPING = re.compile(
    r"(?<!never )(?<!not )(?<!n't )\b(?:skip\w*|cut(?:ting)?\s+(?:out\s+)?(?:the\s+)?|omit\w*|drop\w*|leave\s+out|bypass\w*"
    r"|only\s+when\s+(?:there\s+is\s+)?time|if\s+(?:i\s+)?(?:have|there\s+is)\s+time)"
)


def concrete_items(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """A list of `min`–`max` items, each a concrete check a colleague could verify (no 'as needed', 'etc.').

    With `checkable`, an item must also say what to check or do ("Check brakes locked"), not only name a
    thing or a worry ("Know the baseline BP", "Watch for headache"); and vague items dilute the list, so
    five concrete items among seven earn less than five out of five.
    """
    low, high = int(rule.params.get("min", 5)), int(rule.params.get("max", 12))
    min_words = int(rule.params.get("min_words", 3))
    checkable = bool(rule.params.get("checkable"))
    items = _elements(fields, rule.sections)
    if not items:
        return NOTHING
    concrete = [
        (key, span)
        for key, span in items
        if _real_words(span.text) >= min_words
        and not _VAGUE.search(fold(span.text))
        and not _CATCH_ALL.search(fold(span.text))
        and not span.text.rstrip().endswith(":")
        and (buzzword_count(fold(span.text)) == 0 or _real_words(span.text) >= 6)
        and not (rule.params.get("never_skipped") and _SKIPPING.search(fold(span.text)))
        and not (checkable and not checklist.is_checkable(span.text))
    ]
    share = len(concrete) / max(low, 1)
    if checkable:
        share = min(share, len(concrete) / len(items))
    if len(items) > high:
        share = min(share, 0.75)  # too long to run at the pause point
    key, span = (concrete or items)[0]
    return _earned_at(share, key, span, f"{len(concrete)} of {len(items)} items concrete")


def written(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """A section written in the candidate's own words, at least `min_words` of them (placeholders excluded).

    With `firm`, a rule hedged into a hope or put past the day ("I finish notes at home over the weekend")
    earns half: it is written, but it is no rule a colleague could hold you to.
    """
    needed = int(rule.params.get("min_words", 12))
    best = NOTHING
    for key in rule.sections:
        body = fields.get(key, "")
        lowered = fold(body)
        pieces = _pieces(body, "sentence")
        if pieces and all(_CATCH_ALL.search(piece_lowered) for _, piece_lowered in pieces):
            continue  # "Anything else that might be useful." names nothing, however many words it takes
        count = _real_words(body) - 2 * buzzword_count(lowered) - 2 * len(_VAGUE.findall(lowered))
        if count and count / needed > best.share:
            stripped = body.strip()
            start = body.index(stripped[:1]) if stripped else 0
            best = Earned(min(1.0, count / needed), key, start, start + len(stripped))
    if best.share < 0.5:
        return NOTHING
    if rule.params.get("firm") and _hedged_or_late(fold(fields.get(best.field, ""))):
        return Earned(best.share / 2, best.field, best.start, best.end, "hedged or late: no rule")
    return best


# A reason or a constraint whose every word is a qualifier or a category names nothing: "because of evidence",
# "due to occupational demands", "for clinical reasons".
_EMPTY_CLAUSE_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "for",
        "and",
        "or",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "all",
        "any",
        "some",
        "such",
        "its",
        "evidence",
        "research",
        "literature",
        "best",
        "practice",
        "practices",
        "guidelines",
        "guideline",
        "standards",
        "standard",
        "protocol",
        "policy",
        "clinical",
        "medical",
        "functional",
        "occupational",
        "overall",
        "general",
        "various",
        "several",
        "multiple",
        "many",
        "numerous",
        "other",
        "demands",
        "needs",
        "requirements",
        "challenges",
        "complexity",
        "complex",
        "presentation",
        "circumstances",
        "situation",
        "concerns",
        "factors",
        "issues",
        "problems",
        "reasons",
        "deficits",
        "impairments",
        "decline",
        "reasoning",
        "judgment",
        "judgement",
        "findings",
        "identified",
        "noted",
        "reviewed",
        "considered",
        "established",
        "determined",
        "due",
        "because",
        "owing",
        "from",
        "by",
        "with",
        "in",
        "on",
        "at",
        "was",
        "is",
        "were",
        "are",
        "be",
        "been",
        "being",
    ]
)
_CLAUSE = re.compile(r"[^.;:\n()]{0,60}")


def _empty_clause(following: str) -> bool:
    """True when the words after a 'because' or a 'due to', up to the clause's end, name nothing in particular."""
    clause = _CLAUSE.match(following)
    words = re.findall(r"[a-z]+", clause.group(0) if clause else "")
    return bool(words) and all(word in _EMPTY_CLAUSE_WORDS for word in words)


# A reason that explains what the client could not do describes a limitation, not a decision: "she was not able
# to dress because of pain" gives the constraint, and no one chose anything. A decider in the sentence ("I chose",
# "we prioritised") makes it a decision again.
_INABILITY_BEFORE = re.compile(
    r"\b(?:not\s+able|unable|could\s*(?:n't|\s+not)|can(?:'t|not)|(?:had|has|have)\s+(?:difficulty|trouble)"
    r"|struggl\w*|too\s+(?:weak|tired|sore))\b"
)
_DECIDER = re.compile(
    r"\b(?:i|we|chose|choose|decid\w*|opt(?:ed)?|recommend\w*|prioriti[sz]\w*|focus\w*|select\w*|switch\w*"
    r"|plann?\w*|instead|rather)\b"
)


# In note style the reason for a choice against an alternative often sits in brackets or after a dash:
# "caregiver training rather than client drills (not retaining the steps)", "bench over a chair - can't step in".
_REFERENCE_ASIDE = re.compile(r"\s*(?:see|cf|refer\w*|ref|per|as\s+per|page|attached|below|above)\b")
_ASIDE_AFTER = re.compile(r"\(([^()\n]{6,80})\)|\s[-\u2013\u2014]\s+([^.;\n]{6,80})")


def _reason_aside(lowered: str) -> bool:
    """True when a choice named against its alternative carries its reason as an aside after it."""
    alternative = _ALTERNATIVE.search(lowered)
    if alternative is None:
        return False
    for aside in _ASIDE_AFTER.finditer(lowered, alternative.end()):
        words = aside.group(1) or aside.group(2)
        if _real_words(words) >= 2 and not _empty_clause(words) and not _REFERENCE_ASIDE.match(words):
            return True
    return False


def _gives_a_reason(lowered: str) -> bool:
    if _reason_aside(lowered):
        return True
    decided = None
    for match in _REASON.finditer(lowered):
        if _empty_clause(lowered[match.end() :]):
            continue
        if _INABILITY_BEFORE.search(lowered, 0, match.start()):
            if decided is None:
                decided = bool(_DECIDER.search(lowered))
            if not decided:
                continue
        return True
    return False


def reasoned(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """A decision with its reason ('because', 'so that', 'due to' …); naming the rejected alternative completes it.

    A reason that names nothing ("ruled out because of evidence") is no reason.
    """
    reasons = _count(fields, rule.sections, lambda s: _gives_a_reason(s) and _real_words(s) >= 6)
    if not reasons:
        return NOTHING
    alternatives = _count(fields, rule.sections, lambda s: bool(_ALTERNATIVE.search(s)))
    key, span = reasons[0]
    needed = int(rule.params.get("min", 1))
    return _earned_at(0.75 * min(1.0, len(reasons) / needed) + (0.25 if alternatives else 0), key, span)


# A constraint that names nothing: "due to multiple contributing factors", "limited by deficits".
_VAGUE_CONSTRAINT = re.compile(
    r"\b(?:multiple|various|several|many|numerous|contributing|general(?:ised|ized)?|overall|functional\s+deficits?"
    r"|deficits?|impairments?|decline|decreased\s+function|factors|issues|problems|reasons)\b"
)


# What the constraint limits, when it is only a quantity of "things": "not able to do many things because of pain"
# names the cause but no occupation it limits.
_VAGUE_LIMITED_AFTER = re.compile(
    r"\s*(?:(?:do|doing|manage|perform)\s+)?(?:(?:many|most|several|some|a\s+lot\s+of|lots\s+of)\s+)?"
    r"(?:things|everything|anything|stuff|much|a\s+lot|lots)\b"
)
_VAGUE_LIMITED_BEFORE = re.compile(r"\b(?:things|everything|anything|stuff|much|a\s+lot|lots)\s+(?:[a-z]+\s+){0,1}$")


# A task done inside a limit on the body: "help with washing and dressing within his sternal precautions".
_WITHIN_LIMITS = re.compile(
    r"\b(?:within|under|given|because\s+of|owing\s+to)\s+(?:his|her|their|the|its)\s+(?:[a-z-]+\s+){0,2}?"
    r"(?:precautions|restrictions|weight[- ]bearing(?:\s+status)?|lifting\s+limits?|fluid\s+restriction)\b"
)


def _names_a_constraint(lowered: str) -> bool:
    if _WITHIN_LIMITS.search(lowered) and goal_rules.mentions_occupation(lowered):
        return True
    for match in _CONSTRAINT.finditer(lowered):
        following = lowered[match.end() : match.end() + 60]
        if (
            _real_words(following) >= 2
            and not _VAGUE_CONSTRAINT.search(following[:35])
            and not _empty_clause(following)
            and not _VAGUE_LIMITED_BEFORE.search(lowered, max(0, match.start() - 30), match.start())
            and not _VAGUE_LIMITED_AFTER.match(following)
        ):
            return True
    return False


# A problem statement may say what the client cannot do in other words than "unable": "does not feed self with a
# spoon", "struggles with small objects", "harder to do self-care", "fatigue stops her finishing her routine".
_LIMITATION = re.compile(
    r"\b(?:does|do|did)\s*(?:n't|\s+not)\s+(?!(?:have|know|want|like|think|need|mind|seem|always)\b)[a-z]+"
    r"|\bstruggl\w*\s+(?:with|to)\s+\w|\b(?:difficulty|trouble)\s+(?:with|in|\w+ing)\s+\w|\bhard(?:er)?\s+to\s+\w"
    r"|\b(?:stops?|stopped|prevents?|prevented|keeps?|kept)\s+(?:her|him|them)\s+(?:from\s+)?\w+ing\b"
)


def named_constraint(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """The real constraint named: what limited the client or the plan, stated as such (not 'multiple factors').

    With `leveled`, the statement is a problem statement ("Client requires Mod A for showering due to …"): the
    help needed comes with a level or a number, or it earns half ("needs help with bathing due to fatigue").
    """
    found = _count(fields, rule.sections, lambda s: _names_a_constraint(s) and _real_words(s) >= 5)
    if not found and rule.params.get("leveled"):
        # In a problem statement the limitation on an occupation is the problem, even told without "unable".
        found = _count(
            fields,
            rule.sections,
            lambda s: bool(_LIMITATION.search(s)) and goal_rules.mentions_occupation(s) and _real_words(s) >= 5,
        )
    if not found:
        return NOTHING
    if not rule.params.get("leveled"):
        return _earned_at(1.0, *found[0])
    for key, span in found:
        if is_quantity(fold(span.text)):
            return _earned_at(1.0, key, span)
    return _earned_at(0.5, *found[0], "the help needed has no level or number")


# A review point: the follow-up says when the outcome will be checked ("Review at the end of term", "repeat the on-road
# drive in about 3 months", "re-assess at the 6-week review"). A bare "next visit" or "Thursday" is no review.
_REVIEW = re.compile(
    r"\b(?:review(?:ed|s)?|re-?assess\w*|re-?evaluat\w*|re-?evals?|re-?test\w*|re-?screen\w*|re-?measur\w*"
    r"|repeat(?:ed)?\s+(?:the\s+|an?\s+|her\s+|his\s+)?(?:[a-z-]+\s+){0,2}?(?:screen|test|assessment|measures?"
    r"|drive|eval\w*|scores?)|follow[- ]?up\s+(?:visit|appointment|call|review|assessment))\b"
)
_REVIEW_WHEN = re.compile(
    r"\b(?:at|by|in|after|within|on|every|each)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?(?:term|block|week|month"
    r"|course|programme|program|episode|school\s+year|semester)|(?:about|around|roughly)\s+\d+\s+(?:weeks?|months?)"
    r"|\d+[- ]?(?:weeks?|wks?|months?|days?|visits?|sessions?)|(?:week|day|visit|session)\s+\d+|discharge)\b"
    r"|\b\d+[- ](?:week|month|visit)\s+review\b|\b(?:weekly|fortnightly|monthly|termly)\b"
)


# A change told without a number names what changed, a body function or a role, not only the person: "grip
# improved", "less pain", "back at work on light duties" (not "client improved", "she is much better").
_CHANGED_THING = (
    r"(?:pain|motion|rom|range|grip|pinch|strength|swelling|o?edema|endurance|tolerance|balance|sleep|fatigue"
    r"|breathlessness|dyspno?ea|anxiety|confidence|sensation|coordination|dexterity|handwriting|attention|memory|mood"
    r"|participation|mobility|posture|stiffness|spasticity|tremor|scar|wound|continence|appetite|pacing|insight)"
)
_NAMED_CHANGE = re.compile(
    rf"\b{_CHANGED_THING}\s+(?:(?:had|has|was|were|is|are)\s+)?(?:much\s+|a\s+lot\s+|slightly\s+)?"
    r"(?:improved|better|eased|reduced|increased|decreased|settled|resolved|worse)\b"
    rf"|\b(?:less|more|better|reduced|increased|improved|decreased|worse)\s+(?:[a-z]+\s+)?{_CHANGED_THING}\b"
    r"|\b(?:back\s+(?:at|to)|returned\s+to|resumed)\s+(?:her\s+|his\s+|their\s+)?(?:work|school|college|driving|job"
    r"|university|duties|sport)\b"
    # the discharge destination, recorded as such, is an outcome too: "discharged home", "discharged to his own home"
    r"|\bdischarged\s+(?:back\s+)?(?:home|to\s+(?:her|his|their)\s+own\s+(?:home|house|flat))\b"
)


def verified_outcome(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """An outcome with a number or level: 'went from Mod A to supervision', 'late notes fell from 14 to 2'."""
    found = _count(fields, rule.sections, lambda s: bool(_OUTCOME.search(s)) and is_measure(s))
    if found:
        return _share_of(found, int(rule.params.get("min", 1)))
    measured_only = _count(fields, rule.sections, is_measure)
    if measured_only:
        return _share_of(measured_only, 2 * int(rule.params.get("min", 1)))
    # With `unmeasured`, a change told without a number ("grip improved; back at work on light duties") earns
    # that share: the outcome is there, it cannot be verified.
    unmeasured = float(rule.params.get("unmeasured", 0))
    told = _first(fields, rule.sections, lambda s: bool(_NAMED_CHANGE.search(s))) if unmeasured else None
    if told:
        return _earned_at(unmeasured, *told, "the change has no number")
    # ... and so does the review that will measure it: "Review at the end of term", "re-assess at 6 weeks".
    review = _first(fields, rule.sections, _is_review_point) if unmeasured else None
    return _earned_at(unmeasured, *review, "a review is set, no outcome yet") if review else NOTHING


def _is_review_point(lowered: str) -> bool:
    return bool(_REVIEW.search(lowered)) and bool(_REVIEW_WHEN.search(lowered))


def frequency_and_duration(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Frequency and duration in numbers: '3x/week for 6 weeks'. One of the two earns half."""
    frequency = _first(fields, rule.sections, lambda s: bool(_FREQUENCY.search(s)))
    duration = _first(fields, rule.sections, lambda s: bool(_DURATION.search(s)))
    if frequency and duration:
        return _earned_at(1.0, *frequency)
    if frequency or duration:
        return _earned_at(0.5, *(frequency or duration))
    return NOTHING


def _goal_items(fields: Mapping[str, str], sections: tuple[str, ...]) -> list[tuple[str, Span]]:
    """A goal section's goals; a heading line ("By 12 weeks:") lends its words (its timeline) to the goals under it."""
    found = []
    heading_key, heading = None, ""
    for key, span in _spans(fields, sections, "list_item"):
        if span.text.rstrip().endswith(":"):
            heading_key, heading = key, span.text.strip()
            continue
        if _real_words(span.text) < 4:
            continue
        # A timeline written inline as a label ("By 12 weeks: (1) …; (2) …") heads the goals after it, too.
        label = _LABEL_PREFIX.match(span.text.lstrip())
        if label and goal_rules.has_timeline(label.group(0)):
            heading_key, heading = key, label.group(0).strip()
            found.append((key, span))
            continue
        if heading and heading_key == key:
            span = Span(span.start, span.end, f"{heading}\n{span.text}")
        found.append((key, span))
    return found


def _coast(text: str, track: str, client_implied: bool = False) -> float:
    elements = (
        client_implied or goal_rules.has_client(text) or text.lower().startswith(("will ", "to ")),
        goal_rules.mentions_occupation(text),
        # the level is read on the text as written too: a bare capital "I" is independent only in capitals
        is_measure(fold(text)) or bool(find_levels(text)),
        goal_rules.has_condition(text, track),
        goal_rules.has_timeline(text),
    )
    return sum(elements) / len(elements)


def _narrative_goals(fields: Mapping[str, str], sections: tuple[str, ...]) -> list[tuple[str, Span, bool]]:
    """Goals inside a plan narrative ("Goals: 1. … 2. …" or goal-shaped sentences), as the goals family reads them.

    The flag says the client is implied: a goal listed under a goals label, or named as "the goal: …" in a
    sentence, is the case's client's goal even when its subject is left out ("Goals: (1) dressing with …").
    """
    found = []
    for key in sections:
        for goal in goal_rules.plan_goals(fields.get(key, "")):
            # Judged on its reading: a label such as "Short-term (2 weeks):" carries the goal's timeline.
            found.append((key, Span(goal.start, goal.end, goal.reading), bool(goal.context)))
    return found


def coast_goals(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Goals that are COAST-complete: client, occupation, assist level or measure, condition, timeline."""
    needed = int(rule.params.get("min", 1))
    if rule.params.get("narrative"):
        narrative = _narrative_goals(fields, rule.sections)
        goals = [(key, span) for key, span, _ in narrative]
        scores = [_coast(span.text, track, implied) for _, span, implied in narrative]
    else:
        goals = _goal_items(fields, rule.sections)
        # With `client_implied`, a goal section is the client's goals as a goals label is: "Long-term goals" heads them.
        implied = bool(rule.params.get("client_implied"))
        scores = [_coast(span.text, track, implied) for _, span in goals]
    if not goals:
        return NOTHING
    # A goal missing one element counts half; missing more counts nothing.
    credit = sum(1.0 if score == 1 else 0.5 if score >= 0.8 else 0.0 for score in scores)
    best = max(range(len(goals)), key=lambda index: scores[index])
    key, span = goals[best]
    complete = sum(1 for score in scores if score == 1)
    share = credit / max(needed, 1)
    if len(goals) > needed:
        share = min(share, credit / len(goals) * 1.25)
    return _earned_at(share, key, span, f"{complete} of {len(goals)} goals COAST-complete")


def progression(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Goals that step up from the baseline: a goal's target level beats the baseline's level."""
    baseline_sections = tuple(rule.params.get("baseline", ()))
    baseline_text = "\n".join(fields.get(key, "") for key in baseline_sections)
    baseline = find_levels(baseline_text)
    numbers = bool(_quantity(fold(baseline_text)))
    if not baseline and not numbers:
        return NOTHING
    worst = min((level.low for level in baseline), default=None)
    for key, span in _goal_items(fields, rule.sections):
        levels = find_levels(span.text)
        if levels and worst is not None and levels[-1].low > worst:
            return _earned_at(1.0, key, span)
        if numbers and _quantity(fold(span.text)):
            return _earned_at(0.75, key, span)
    return NOTHING


def _stems(text: str) -> set[str]:
    return {word.rstrip("s") for word in _CONTENT_WORD.findall(fold(text)) if word not in _STOP}


def linked_to_goals(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Interventions tied to a named goal: by goal number, or by sharing the goal's activity words."""
    goal_words: set[str] = set()
    for key in rule.params.get("goals", ()):
        goal_words |= _stems(fields.get(key, ""))
    items = _goal_items(fields, rule.sections)
    if not items:
        return NOTHING
    linked = []
    for key, span in items:
        lowered = fold(span.text)
        if _VAGUE.search(lowered) and not _GOAL_REFERENCE.search(lowered):
            continue  # "balance activities as appropriate and as tolerated" commits to no goal
        if _GOAL_REFERENCE.search(lowered) or _stems(span.text) & goal_words:
            linked.append((key, span))
    if not linked:
        return NOTHING
    key, span = linked[0]
    return _earned_at(len(linked) / max(len(items), int(rule.params.get("min", 2))), key, span)


def teach_back(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """The client is asked to show or say it back in their own words; a plan for a wrong answer completes it.

    A show-back recorded with no prompt ("Mom showed me the tendon glides") earns half.
    """
    found = _first(fields, rule.sections, lambda s: bool(_TEACH_BACK.search(s)))
    if not found:
        shown = _first(fields, rule.sections, lambda s: bool(education.SHOWN_BACK.search(s)))
        return _earned_at(0.5, *shown, "shown back, no prompt") if shown else NOTHING
    reteach = _first(fields, rule.sections, lambda s: bool(_RETEACH.search(s)))
    return _earned_at(0.75 + (0.25 if reteach else 0), *found)


# A label naming the barrier, not the plan: "Glasses: …" but not "Plan: …" or "Next steps: …".
_BARRIER_LABEL = re.compile(
    r"^\W*(?!(?:the\s+|our\s+|my\s+)?(?:plan|goal|note|review|follow[- ]?up|next|summary|action|answer|solution"
    r"|strategy|strategies|agreed|outcome|result|response|recheck|when|how)\b)"
    r"[a-z][\w'’-]*(?:\s+[\w'’-]+){0,2}\s*(?::|\s[-–]\s)\s*\S"
)


def barriers_answered(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Barriers named, each with what will be done about it (in the same or the next sentence)."""
    spans = list(_spans(fields, rule.sections))
    named = 0
    answered = 0
    first = first_named = None
    for index, (key, span) in enumerate(spans):
        lowered = fold(span.text)
        # "Glasses: Velcro tabs marked in red" - a barrier named by its label, the plan after it.
        labelled = _BARRIER_LABEL.match(lowered)
        if not _BARRIER.search(lowered) and not labelled:
            continue
        named += 1
        first_named = first_named or (key, span)
        following = fold(spans[index + 1][1].text) if index + 1 < len(spans) else ""
        if _ANSWER.search(lowered) or _ANSWER.search(following):
            answered += 1
            first = first or (key, span)
    if not named:
        return NOTHING
    if not answered:
        return _earned_at(0.25, *first_named, "barriers named, none answered")
    return _earned_at(0.5 + 0.5 * min(1.0, answered / max(1, int(rule.params.get("min", 2)))), *first)


def routine_plan(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """When and how often, tied to the client's routine or a number: 'each morning before the bus', '3 times a day'."""
    found = _first(fields, rule.sections, lambda s: bool(_ROUTINE.search(s) or _FREQUENCY.search(s)))
    return _earned_at(1.0, *found) if found else NOTHING


def plain_language(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Words a client would use: grade 8 or below earns it all, up to grade 10 half, and jargon costs."""
    body = "\n".join(fields.get(key, "") for key in rule.sections)
    words = _real_words(body)
    if words < 25:
        return NOTHING
    # A script said in two languages is graded on its English (the other is not measured by English rules).
    english = readability.english_part(body)
    if english is not body and _real_words(english) >= 25:
        body, words = english, _real_words(english)
    grade = readability.measure(body).grade
    share = 1.0 if grade <= 8 else 0.5 if grade <= 10 else 0.0
    # Unexplained jargon and abbreviations (the education family's lexicon): one per 50 words costs half.
    jargon = len(education.jargon_hits(body))
    if jargon * 50 > words:
        share = min(share, 0.5)
    if jargon * 25 > words:
        share = 0.0
    key = next(key for key in rule.sections if fields.get(key, "").strip())
    stripped = fields[key].strip()
    start = fields[key].index(stripped[:1])
    return Earned(share, key, start, start + len(stripped), f"grade {grade:.0f}")


def main_message(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """One main message: a short statement (at most two sentences, 35 words) of what to do, in the client's words.

    A message the client cannot read is no message: one unexplained clinical term halves it, two or more
    ("Implement a sensory diet with vestibular input") earn nothing.
    """
    for key in rule.sections:
        body = fields.get(key, "")
        sentences = list(iter_sentences(body))
        if not sentences:
            continue
        # A message with its translation ("Weigh yourself daily. / Pésese cada día.") is one message.
        english = [span for span in sentences if readability.is_english(span.text)]
        if english and len(english) < len(sentences):
            sentences = english
            body = " ".join(span.text for span in english)
        words = _real_words(body)
        if words < 4:
            return NOTHING
        share = 1.0 if len(sentences) <= 2 and words <= 35 else 0.5
        jargon = len(education.jargon_hits(body))
        if jargon:
            share = share * 0.5 if jargon == 1 else 0.0
        return _earned_at(share, key, Span(sentences[0].start, sentences[-1].end, body))
    return NOTHING


_MOMENT = re.compile(
    r"\b(?:before|after|at|on|when|whenever|during|prior\s+to|upon|each\s+time|every\s+time)\s+(?:\w+\W+){0,7}?"
    r"(?:shift|transfer\w*|discharge|admission|handoff|hand\s+over|handover|session|visit|change|transition|arrival"
    r"|move|reassignment|cover\w*|weekend|leave|vacation|holidays?|absen\w*|time\s+off|day|evening|morning|night"
    r"|eval\w*|surgery|rounds|mobility"
    r"|feeding|meal|bath\w*|shower\w*|dressing|class|school|home\s+visit|appointment|treatment|intake|start)"
    # an occasion named by its order: "1st post-op visit", "the first session after a fall"
    r"|\b(?:1st|first|2nd|second|initial|final|last)\s+(?:[\w-]+\s+){0,2}(?:visit|session|appointment|treatment"
    r"|review"
    # or by the first time a client does something: "each client's first stand", "the first shower after surgery"
    r"|stand|sit|transfer|walk|mobili[sz]ation|ambulation|shower|bath|meal|feed|outing|drive|use)\b"
)
# A trigger written as a clause: "Whenever the clinic injects an upper limb", "Each time a new splint is issued",
# "Triggered by the referral landing in the tray": an event, not yet the moment in the work, worth three quarters.
# "Whenever needed" names no trigger, and "whenever we give exercises" is our own routine, a stretch of work.
_TRIGGER_CLAUSE = re.compile(
    r"^\W*(?:whenever|each\s+time|every\s+time|any\s*time|as\s+soon\s+as)\s+(?!(?:it\s+is\s+|it's\s+)?(?:needed"
    r"|necessary|required|appropriate|indicated|possible|relevant|applicable|useful|helpful)\b|(?:we|i|you)\s)"
    r"(?:[\w'’-]+\W+){5}"
    r"|\btrigger(?:ed|s)?\s+(?:by|when|on)\b"
)
# A pause point written as the first time something happens to each client: "Every patient's first stand".
_FIRST_OCCASION = re.compile(r"^\W*(?:every|each|any)\s+(?:[\w-]+['’]s?\s+)?(?:1st|first|initial)\b")
# An occasion named by who it is used for and where they are seen ("For babies seen in clinic",
# "Adults referred to the hand service"): a stretch of cases, not a moment, worth a quarter.
_OCCASION = re.compile(r"\b(?:seen|treated|assessed|admitted|referred|reviewed|attending)\s+(?:in|at|on|to|by)\b")


# "During sessions" names a stretch of time, not the moment a list is picked up and read.
# "At home visits" names the occasions it is used on, not the moment within them it is picked up.
_SPAN_NOT_MOMENT = re.compile(
    r"^\W*(?:during|throughout|in\s+the\s+course\s+of"
    r"|(?:at|on|for)\s+(?:all\s+|every\s+|each\s+)?(?:[a-z-]+\s+)?(?:visits|sessions|appointments|treatments|shifts)"
    r"|(?:at|on|for)\s+(?:all|every|each)\s+(?:[a-z-]+\s+)?(?:visit|session|appointment|treatment|shift))\b"
)


# Every moment at once is no moment: "before, during and after each visit", "at every pause point",
# "at all times", "across the continuum of care", or a moment left to judgment ("as clinically indicated").
_EVERY_MOMENT = re.compile(
    r"\bbefore\s*,?\s*during\s*,?\s*(?:and|or|&)\s*after\b|\b(?:at|in)\s+(?:every|all|any)\s+(?:pause\s+points?"
    r"|times?|points?|stages?|phases?)\b|\bacross\s+the\s+(?:continuum|board)\b|\bthroughout\s+(?:the\s+)?(?:episode"
    r"|stay|continuum|care)\b|\bas\s+(?:clinically\s+)?(?:indicated|needed|appropriate|required)\b"
)


def _moment_share(text: str, share: float) -> float:
    """A quarter for a stretch of time or for every moment at once; `share` for a moment."""
    lowered = fold(text)
    return 0.25 if _SPAN_NOT_MOMENT.search(lowered) or _EVERY_MOMENT.search(lowered) else share


def pause_point(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """The moment it is used, stated as a trigger: 'Before the first transfer of each session', 'at end of shift'.

    'During sessions' is a stretch of time, not a moment, and 'before, during and after each visit' is every
    moment at once: each earns a quarter.
    """
    found = _first(
        fields,
        rule.sections,
        lambda s: (
            bool(
                (_PAUSE_POINT.search(s) and (_MOMENT.search(s) or _WHEN.search(s)))
                or (_FIRST_OCCASION.search(s) and _MOMENT.search(s))
            )
            and _real_words(s) >= 3
        ),
    )
    if found:
        key, span = found
        return _earned_at(_moment_share(span.text, 1.0), key, span)
    found = _first(
        fields, rule.sections, lambda s: bool(_MOMENT.search(s) or _WHEN.search(s) or _TRIGGER_CLAUSE.search(s))
    )
    if not found:
        found = _first(fields, rule.sections, lambda s: bool(_OCCASION.search(s)))
        return _earned_at(0.25, *found) if found else NOTHING
    key, span = found
    return _earned_at(_moment_share(span.text, 0.75), key, span)


_SCHEDULING_ACTION = re.compile(
    r"\b(?:defer\w*|reschedul\w*|mov(?:e|ed|es|ing)\b|co-?treat\w*|shorten\w*|combin\w*|group\w*|skip\w*|split\w*"
    r"|push\w*\s+(?:back|to)|swap\w*|postpon\w*|drop\w*|delegat\w*|hand\w*\s+(?:off|over)|cancel\w*|overlap\w*"
    # "two reviews go to Monday", "bumped to Thursday"
    r"|(?:go|goes|went|going|bump\w*|slid|slide\w*)\s+(?:over\s+)?to\s+(?:tomorrow|next|the\s+next|\w+day)"
    # re-booked, or given a new clock time on another day in note style: "Rebooked 0930 tomorrow", "bed 2: 0830 tomorrow"
    r"|re-?book\w*|(?<![\d/])(?:\d{1,2}[:.]\d{2}|\d{4})\s*(?:h|hrs|am|pm)?\s+(?:tomorrow|next\s+\w+|on\s+\w+day))"
)
_CRITERION = re.compile(
    r"\b(?:if|when|unless|whose|who\s+(?:are|is|have|has)|that\s+(?:are|is|have|has)|with(?:out)?|only|never|stable"
    r"|priority|post-?op\w*|discharg\w*|new\s+eval\w*)\b|\d"
)


def decision_rule(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """A rule a colleague could apply: which cases (a criterion), what happens (defer, reschedule, co-treat), who is told."""
    rules = [
        (key, span)
        for key, span in _spans(fields, rule.sections)
        if _SCHEDULING_ACTION.search(fold(span.text)) and _CRITERION.search(fold(span.text))
    ]
    if not rules:
        return NOTHING
    told = any(
        _ROLE.search(fold(span.text)) and (_NOTIFY.search(fold(span.text)) or _WHEN.search(fold(span.text)))
        for _, span in rules
    )
    key, span = rules[0]
    return _earned_at(0.5 + (0.25 if told else 0) + (0.25 if len(rules) >= 2 else 0), key, span, f"{len(rules)} rules")


_OTHER_PERSON = re.compile(
    r"\b(?:caregivers?|carers?|wife|husband|spouse|partner|daughter|son|family|parents?|mother|father|mom|dad|aide"
    r"|friend|sister|brother|grand\w+|niece|nephew|neighbou?r|guardian|teacher|staff|rn|nurs\w*|team|therapists?"
    r"|aides?"
    # family words in British, Irish and Australian use: "mum", "nan", "gran", "auntie"
    r"|mum|mam|mammy|nan|nana|nanna|gran|granny|auntie|aunty|aunt|uncle|cousin"
    # others in the room who are not family: an interpreter, a support or key worker, a personal assistant
    r"|interpreters?|translators?|support\s+workers?|key\s?workers?|care\s+workers?|personal\s+assistants?)\b"
)
_INCLUDED = re.compile(
    r"\b(?:taught|trained|shown|showed|practi[sc]ed|restated|repeated|demonstrated|was\s+(?:also\s+)?(?:present|there)"
    r"|were\s+(?:also\s+)?(?:present|there)|(?:not|wasn't|weren't)\s+(?:present|there|available)|absent|joined"
    r"|included|told|informed|given\s+(?:the|a|copies)|will\s+(?:show|teach|practi[sc]e)"
    # a teach-back result of their own: "wife correct the first time", "son answered both questions"
    r"|correct(?:ly)?|answered|explained|got\s+it\s+right"
    # the teach-back put to them: "asked his wife to show me", "asked the parents what they would try"
    r"|asked\s+(?:[\w'’-]+\s+){0,3}?(?:to|what|how|which|where|when)"
    # doing it themselves while watched: "she and her daughter turned him once with me watching"
    r"|with\s+(?:me|us)\s+watching|while\s+(?:i|we)\s+watch(?:ed)?|under\s+(?:my\s+|our\s+)?supervision|supervised)\b"
)
_NO_ONE_ELSE = re.compile(r"\b(?:lives\s+alone|no\s+(?:caregiver|family|one\s+else)|nobody\s+else)\b")


def others_included(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """Who else was taught or present (a caregiver, family, staff), or that no one else was there.

    Naming someone without saying they were there or taught ("Parents were receptive") is not enough.
    """
    found = _first(
        fields,
        rule.sections,
        lambda s: bool(_NO_ONE_ELSE.search(s) or (_OTHER_PERSON.search(s) and _INCLUDED.search(s))),
    )
    return _earned_at(1.0, *found) if found else NOTHING


SHAPES: dict[str, Callable[[EvidenceRule, Mapping[str, str], str], Earned]] = {
    "measured": measured,
    "timed": timed,
    "owner_and_time": owner_and_time,
    "contingencies": contingencies,
    "escalation": escalation,
    "concrete_items": concrete_items,
    "written": written,
    "reasoned": reasoned,
    "named_constraint": named_constraint,
    "verified_outcome": verified_outcome,
    "frequency_and_duration": frequency_and_duration,
    "coast_goals": coast_goals,
    "progression": progression,
    "linked_to_goals": linked_to_goals,
    "teach_back": teach_back,
    "barriers_answered": barriers_answered,
    "routine_plan": routine_plan,
    "plain_language": plain_language,
    "main_message": main_message,
    "pause_point": pause_point,
    "decision_rule": decision_rule,
    "others_included": others_included,
}


def earn(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """How much of `rule`'s evidence the (cleaned) sections hold."""
    return SHAPES[rule.shape](rule, fields, track)


_READ_BACK = re.compile(
    r"\b(?:read[- ]?backs?|reads?\s+(?:it\s+)?back|repeats?\s+(?:it\s+)?back|restat\w*|summari[sz]\w*|teach[- ]?back"
    r"|check[- ]?back|says?\s+back|repeats?"
    # "the receiver tells me back, in their words, …"
    r"|(?:tells?|says?|gives?|reads?|repeats?)\s+(?:it\s+|me\s+|us\s+|them\s+|everything\s+|this\s+)?back"
    r"|in\s+(?:their|his|her|your)\s+(?:own\s+)?words)\b"
)


def read_back(rule: EvidenceRule, fields: Mapping[str, str], track: str) -> Earned:
    """The receiver restates what they now own (a read-back), and a question or confirmation closes the loop."""
    found = _first(fields, rule.sections, lambda s: bool(_READ_BACK.search(s) and _ROLE.search(s)))
    if not found:
        found = _first(fields, rule.sections, lambda s: bool(_READ_BACK.search(s)))
        return _earned_at(0.5, *found) if found else NOTHING
    closes = _first(
        fields, rule.sections, lambda s: bool(re.search(r"\b(?:question\w*|clarif\w*|confirm\w*|sign\w*)", s))
    )
    return _earned_at(0.75 + (0.25 if closes else 0), *found)


SHAPES["read_back"] = read_back


# --- Examples: text that must earn a shape's evidence and text that must not -------------------
# Keys of a mapping example are section keys; a plain string is the text of section "a".
# Rules are built with sections ("a",) and the params given, so every shape is tested on its own.
EXAMPLES: dict[str, dict] = {
    "measured": {
        "earns": ["Berg 38/56; LB dressing Mod A with 3 verbal cues.", "Grip 8 lb left, 46 lb right."],
        "misses": ["Below average.", "Impaired balance and poor endurance.", "Client is motivated."],
    },
    "timed": {
        "earns": ["Notes signed the same day, before leaving the unit.", "Reviewed every 6 months by the lead OT."],
        "misses": ["Notes are written when possible.", "We review it regularly."],
    },
    "owner_and_time": {
        "params": {"min": 1},
        "earns": [
            "OT to re-check orthostatic BP before the next session, by 14:00.",
            "RN to page MD within 15 minutes.",
        ],
        "misses": ["Re-check BP.", "Somebody should follow up soon."],
    },
    "contingencies": {
        "params": {"min": 1},
        "earns": [
            "If SpO2 drops below 90% during activity, then stop and notify the RN.",
            "If she reports new dizziness on standing, sit her down and recheck BP.",
        ],
        "misses": ["Monitor the patient closely.", "If needed, use clinical judgment."],
    },
    "escalation": {
        "earns": [
            "If pain is above 7/10, stop and notify the charge nurse within 15 minutes.",
            "Let the unit manager know by noon if the lift is out of service.",
        ],
        "misses": ["Escalate as needed.", "Use good judgment."],
    },
    "concrete_items": {
        "params": {"min": 3},
        "earns": [
            "- Confirm weight-bearing order in chart\n- Check brakes locked on both sides\n- Gait belt on before stand",
            "Ask and record: any chills, fever, new swelling, or calf pain since last week\nCheck the wheelchair "
            "brakes are locked\nConfirm the sling size on the lift label",
        ],
        "misses": [
            "- Be safe\n- Use gait belt as needed\n- Etc.",
            "Ask and record: any chills, fever, new swelling or calf pain since last week\nBe safe",
        ],
    },
    "written": {
        "params": {"min_words": 6},
        "earns": ["Transfers attempted without checking current weight-bearing orders."],
        "misses": ["TBD", "Yes."],
    },
    "reasoned": {
        "earns": ["I chose a tub bench rather than a shower chair because she cannot step over the tub wall safely."],
        "misses": ["Continue POC. Progress as tolerated."],
    },
    "named_constraint": {
        "earns": [
            "What actually limited her was fear of falling at night, not strength.",
            "Only 2 visits were authorized, so the caregiver had to learn the transfer on visit 1.",
        ],
        "misses": ["Client did well in therapy today."],
    },
    "verified_outcome": {
        "earns": [
            "LB dressing went from Mod A to supervision in 3 weeks.",
            "Late notes fell from 14 to 2 a week.",
            "He set the pill box up correctly on the second try after one reminder.",
        ],
        "misses": ["Client improved a lot.", "Documentation got better.", "She did well and verbalised understanding."],
    },
    "frequency_and_duration": {
        "earns": ["3x/week for 6 weeks.", "Twice a week for 8 visits."],
        "misses": ["PRN.", "As needed until goals are met."],
    },
    "coast_goals": {
        "params": {"min": 1},
        "earns": ["Client will don socks with modified independence using a sock aid within 3 weeks."],
        "misses": ["Improve ADLs.", "Patient will get stronger."],
    },
    "progression": {
        "params": {"baseline": ("b",)},
        "earns": [{"b": "LB dressing: Mod A.", "a": "Client will complete LB dressing with Min A within 2 weeks."}],
        "misses": [{"b": "LB dressing: Mod A.", "a": "Client will complete LB dressing with Mod A within 2 weeks."}],
    },
    "linked_to_goals": {
        "params": {"goals": ("g",)},
        "earns": [
            {
                "g": "Client will don socks with a sock aid with supervision in 2 weeks.",
                "a": "Sock aid training with graded practice for the sock goal\nEnergy conservation for cooking",
            }
        ],
        "misses": [{"g": "Client will don socks with a sock aid in 2 weeks.", "a": "Therapeutic exercise\nModalities"}],
    },
    "teach_back": {
        "earns": ["Show me how you would put the splint on. If a strap is missed, I show it again."],
        "misses": ["Do you understand?", "Handout given."],
    },
    "barriers_answered": {
        "params": {"min": 1},
        "earns": [
            "Mom works nights, so we tied the exercises to the bedtime routine with the grandmother.",
            "He might try to drive to the shop. His wife will keep the keys and remind him of the bus times.",
        ],
        "misses": ["No barriers.", "Client was pleasant."],
    },
    "routine_plan": {
        "earns": ["Do the stretches each morning before the bus.", "Three times a day, with every meal."],
        "misses": ["Do the exercises as needed.", "Practise sometimes."],
    },
    "plain_language": {
        "earns": [
            "Keep your hand up on two pillows when you sit. This helps the swelling go down. Move your fingers "
            "ten times every hour while you are awake. If your fingers turn blue or feel numb, call us."
        ],
        "misses": [
            "Maintain elevation of the affected extremity to facilitate reduction of edema secondary to the "
            "inflammatory response; perform AROM of the digits TID and report paresthesia or cyanosis immediately.",
            "Stay NWB on the LLE. Do AROM TID. Watch the edema. Call us for paresthesia. Elevate the UE. "
            "Use the AE for ADLs. Keep the DME by the bed. Ask the PT about the FWW.",
        ],
    },
    "main_message": {
        "earns": ["Keep your hand above your heart to bring the swelling down."],
        "misses": ["TBD", "Maintain elevation of the affected extremity to reduce edema and paresthesia."],
    },
    "decision_rule": {
        "earns": [
            "Stable clients with a home program can be rescheduled within the week; the front desk calls them by 10:00."
        ],
        "misses": ["Skip patients as needed.", "I am flexible with my schedule."],
    },
    "others_included": {
        "earns": [
            "Her husband was present and practised the transfer twice.",
            "Client lives alone; no one else taught.",
        ],
        "misses": ["Family was supportive.", "Client did well."],
    },
    "pause_point": {
        "earns": ["Before the first transfer of every session."],
        "misses": ["It is a good checklist for everyone.", "During treatment sessions on the stroke unit."],
    },
    "read_back": {
        "earns": ["The receiving OT reads back each action and owner, then asks questions before signing off."],
        "misses": ["Handoff given."],
    },
}
