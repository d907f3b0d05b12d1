"""Checks for a patient education script (kind `education_script`).

What a reviewer looks for (domain-checks §1.4, §3.5): the script reads at grade 6 or below,
leads with its one main message, uses everyday words, ends in a clear action with a reason,
checks understanding by teach-back after each chunk (never "Do you understand?"), plans for
what might get in the way, and documents what the person and caregiver showed back.

Check ids: `readability.grade`, `readability.too_short`, `readability.plain_language` (a script too short
to grade, judged word by word), `readability.hard_sentence`,
`education.teach_back`, `education.do_you_understand`, `education.chunking`,
`education.main_message_first`, `education.call_to_action`, `education.jargon`,
`education.barriers` (row patient_education) and `education.response` (row documentation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from portfolios.rubric import jargon, readability
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.examples import example
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import DOCUMENTATION, PATIENT_EDUCATION
from portfolios.rubric.text import Span, finding, iter_sentences, section_finding, whole

# Reading-grade thresholds (Flesch-Kincaid grade). NIH asks for "below the 8th grade level";
# plain-language guides aim for 6th grade or lower. SMOG runs 2-4 grades above FK on the same
# text, so it is reported alongside but the verdict uses FK, which these targets are quoted for.
GRADE_TARGET = 6.0
GRADE_LIMIT = 8.0
# SMOG and grade formulas are unreliable on fewer than 10 sentences.
MIN_SENTENCES = 10
# At most this many "hard sentence" notes, hardest first, so a long script is not buried in them.
MAX_HARD_SENTENCES = 10
# Checks that point at each occurrence stop after this many, so pasted text cannot flood the page.
MAX_SPAN_FINDINGS = 20
# A grade for one very short sentence is noise ("Any questions?" scores 8.8), so only longer ones are named.
MIN_HARD_SENTENCE_WORDS = 6

# --- teach-back -------------------------------------------------------------------------------

# Asking the person to say or show it back (the ask itself, not the "I want to be sure" preface).
_TEACH_BACK = re.compile(
    r"(?i)\b(?:own words|in your words|teach[- ]?back|show me|walk me through|return demonstration"
    r"|(?:explain|say|tell|repeat|demonstrate)\s+(?:it\s+|that\s+|this\s+|them\s+|those\s+)?back"
    r"|tell me\s+(?:how|what|when|which|where|about|the)"
    r"|(?:what|how|when|where)\s+(?:will|would|are)\s+you\s+(?:going\s+to\s+)?(?:do|say|tell|use|set|put|start|know|explain)"
    r"|what would you do if"
    r"|(?:can|could|would|will)\s+you\s+(?:please\s+)?(?:demonstrate|show|explain|describe|teach|remind)\b"
    r"|(?:explain|describe|teach|demonstrate|show)\s+(?:it\s+|this\s+|that\s+)?(?:me|us|to\s+(?:me|us|your\s+\w+))\b"
    r"|let\s+me\s+(?:see|watch)\s+you|(?:pretend|imagine)\s+(?:i\s+am|i'm|you\s+are|you're)"
    r"|how\s+(?:would|will|could|do)\s+you\s+(?:explain|show|tell|teach|describe|remember|set\s+up|get|put|use|know)"
    r"|what\s+(?:would|will|do)\s+you\s+(?:do|say|tell|use)\b"
    # a check written as a stage direction in the script: "[Check]", "[Show-me]", "(teach-back)"
    r"|[\[(]\s*(?:check|show[- ]?me|teach[- ]?back|ask|quiz|return\s+demo)\w*\s*[\])]|show-me"
    # an open question about what the listener or the person cared for will do: "Where will his head be when …?"
    r"|(?:what|where|when|which|how)\s+(?:will|would|should|do|can|could)\s+(?:you|your|his|her|their|he|she|they)\b"
    r"[^?\n]{0,80}\?"
    # the same open question in reported speech: "Asked the parents what they would try first", "asked him how he'd
    # get in"; "asked if he understood" is a closed check, not this
    r"|\basked\s+(?:[\w'’-]+\s+){1,3}?(?:what|how|when|which|where)(?:\s+[\w-]+)??\s+(?:they|he|she|mum|mom|dad|the\s+\w+)"
    r"(?:\s+(?:would|will|could|should|are\s+going\s+to|is\s+going\s+to|plans?\s+to|planned\s+to)|['’]d|['’]ll)\b"
    # the ask itself in reported speech: "Asked him to show the whole routine", "asked Mum to talk me through it"
    r"|\basked\s+(?:[\w'’-]+\s+){1,3}?to\s+(?:show|demonstrate|explain|tell|say|repeat|teach|describe"
    r"|(?:walk|talk)\s+(?:me|us)\s+through)\b)"
)
# A show-back recorded without the prompt that asked for it: "Mom showed me the tendon glides".
SHOWN_BACK = re.compile(
    r"(?i)\b(?:showed\s+(?:me|us)|demonstrated\s+(?:it\s+|them\s+|the\s+[\w-]+\s+)?(?:back|correctly|to\s+(?:me|us))"
    r"|return[- ]demonstrat\w*|(?:said|explained|repeated)\s+(?:it\s+|them\s+)?back|told\s+(?:me|us)\s+back"
    r"|(?:explained|described|said)\s+(?:it\s+)?in\s+(?:her|his|their)\s+own\s+words"
    # the person taught did the skill: "Client demonstrated log roll with 2 cues", "Mum performed the transfer"
    r"|\b(?:client|pt|patient|he|she|they|caregivers?|carers?|wife|husband|partner|mother|mum|mom|father|dad"
    r"|parents?|daughter|son|family|student|child|resident)\s+(?:then\s+|later\s+)?(?:return[- ])?(?:demonstrated"
    r"|performed)\s+(?!(?:understanding|knowledge|awareness|interest|good|well|fine|ok|okay|great|poorly)\b)\w+)"
)
# "After each chunk I ask..." covers every chunk with one sentence.
_CHECK_EVERY_CHUNK = re.compile(
    r"(?i)\b(?:after|at the end of)\s+(?:each|every)\s+(?:step|chunk|idea|concept|part|section|topic|point|key point)"
)
# Closed questions that invite a polite "yes" instead of showing understanding.
_CLOSED_CHECK = re.compile(
    r"(?i)\b(?:do you (?:understand|get it|have any questions)|does (?:that|this|it) make sense"
    r"|(?:any|got any) questions|is that clear|(?:are you|you) clear on|got it\?|understood\?)"
)
# "I never ask 'Do you understand?'" is the advice, not the mistake.
_NEGATION_BEFORE = re.compile(r"(?i)\b(?:never|not|avoid|instead of|rather than|don't|do not|no more)\b[^.!?\n]{0,25}$")

# --- main message, call to action ---------------------------------------------------------------

_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_STOPWORD_TEXT = """the and for you your are was were this that with will can have has had not but all any its
    our out off who what when where which how why then than them they their there these those
    from into onto over under about after before each every very just also more most less some
    such only own same too should would could must may might one two yes did does doing done
    been being get got make sure want need keep day days time times way thing things"""
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
# A sentence that starts with an instruction: "Wear...", "Sit down...", "Call us if...".
_IMPERATIVE_START = re.compile(
    r"(?i)^\W{0,4}(?:(?:please|first|next|then|now|also|each day|every day|always|never)\W{1,3})?"
    r"(?:wear|walk|use|take|call|keep|put|sit|stand|stop|practice|practise|try|check|place|lift|bring|move"
    r"|bend|hold|push|pull|rest|drink|eat|do(?!\s+you\b)|don't|start|begin|ask|tell|write|set|turn|open|close|wash"
    r"|dry|dress|reach|slide|roll|scoot|lean|breathe|wait|look|follow|remember|avoid|make|get|go|pick"
    r"|squeeze|raise|lower|repeat|pace|plan|sleep|clear|lock|leave|carry|press|slow|count|mark|fill)\b"
)
_ACTION_PHRASE = re.compile(
    r"(?i)\b(?:i want you to|you will|you should|you need to|your (?:job|plan|goal|homework) (?:is|for)"
    r"|try to|make sure you|be sure to|remember to|\d+\s+times|(?:once|twice) a day|every (?:day|morning|evening))"
)
_WHY = re.compile(
    r"(?i)\b(?:because|so that|so you|so your|that way|the reason|that's why|that is why|why"
    r"|(?:this|that|it|these|they)\s+(?:will\s+|can\s+)?(?:helps?|keeps?|stops?|protects?|lowers?|makes?|lets?|means"
    r"|prevents?|reduces?|brings?|saves?)"
    r"|to (?:keep|help|protect|prevent|stop|avoid|lower|make|reduce|build|strengthen|ease|save|stay|heal|loosen"
    r"|improve|bring|give|let|control|calm|relax|lessen|limit|cut|support|get\s+(?:stronger|better|back))"
    r"|(?:which|this|that|it)\s+(?:will\s+|can\s+|should\s+)?(?:helps?|keeps?|stops?|protects?|lowers?|makes?|lets?"
    r"|prevents?|reduces?|builds?|strengthens?|eases?|saves?|gives?|matters?)"
    r"|otherwise|or\s+else|if\s+(?:you\s+)?(?:don't|do\s+not|skip|forget)|in\s+order\s+to|this\s+way"
    r"|(?:it's|it\s+is|this\s+is)\s+(?:important|key|safer)|for\s+(?:your\s+)?safety|since"
    # a purpose after a comma, in plain speech: "raise his head on a pillow, so the wee runs away from the cast"
    r"|,\s*so\s+(?!(?:much|many|far|long|very|too|often|little|few|on|forth|then|now)\b)[a-z]+)\b"
)

# --- jargon ---------------------------------------------------------------------------------------

# The lexicon (term -> plain word) is data in `jargon.py`; these names stay for callers that read them here.
JARGON: dict[str, str] = jargon.TERMS
JARGON_ABBREVIATIONS: dict[str, str] = jargon.ABBREVIATIONS


# The lexicon is looked up word by word (a dictionary per phrase length), not as one alternation of
# 300 phrases, so a long script costs one pass. A "word" keeps inner hyphens, slashes and apostrophes
# ("non-weight-bearing", "D/C", "don't"), as the lexicon writes them.
_TOKEN = re.compile(r"[^\W_]+(?:[-/'\u2019][^\W_]+)*")
_MAX_TERM_WORDS = max(len(term.split()) for term in (*JARGON, *JARGON_ABBREVIATIONS))
# Most words start no lexicon phrase; these let the lookup skip them at once.
_FIRST_WORDS = frozenset(term.split()[0] for term in JARGON) | frozenset(JARGON_ABBREVIATIONS)
# Any other ALL-CAPS token of 2-5 letters, such as "OT", "CVA" or "TKA".
_CAPS_TOKEN = re.compile(r"(?<![\w-])[A-Z]{2,5}s?(?![\w-])")
# Two capitalised words in a row are a heading or emphasis ("DO NOT LIFT"), not an abbreviation.
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"[A-Z]{2,}\W{1,3}$")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"\W{1,3}[A-Z]{2,}\b")
# Capitals that are not clinical abbreviations: common knowledge, or a word shouted for emphasis.
_PLAIN_CAPS_TEXT = """OK TV AM PM USA US ID DVD CD PIN ATM DIY ASAP FAQ ER CPR ICU EMS NOT NO YES DO DON STOP NEVER ALWAYS ONLY
    CALL HELP WAIT SLOW NOW EVERY EACH ALL ANY BOTH OFF ON UP DOWN KEEP MUST TODAY NOTE TIP STEP
    YOU YOUR THE AND OR BUT IF HOT COLD SIT STAND WALK USE ASK GO GET PUT ONE TWO SAFE SAFETY
    IMPORTANT WARNING REMEMBER DAY WEEK BED ARE IS IT TO OF IN AT BE"""
_PLAIN_CAPS = frozenset(_PLAIN_CAPS_TEXT.split())

# --- barriers, response --------------------------------------------------------------------------

# Circumstances that get in the way, stated as plain facts: "Mom works nights", "He lives alone and has
# no car", "Her daughter visits only on weekends", "The bathroom is upstairs", "She reads little English".
_BARRIER_FACT = re.compile(
    r"(?i)\b(?:works?|working)\s+(?:nights?|days|lates?|evenings|weekends|shifts?|two\s+jobs|full[- ]time|long\s+hours"
    r"|overtime|away)|\b(?:night|late|double|early)\s+shifts?\b|\btwo\s+jobs\b"
    r"|\b(?:has|have|had|with)\s+no\b|\b(?:may\s+not|might\s+not|mightn't|will\s+not|would\s+not|wouldn't"
    r"|doesn't|does\s+not|can't|cannot|can\s+not|won't|isn't|aren't"
    r"|wasn't|couldn't|never)\s+\w+|\bno\s+(?:one|car|ride|phone|internet|money|time|help|family|support|transport\w*"
    r"|insurance|space|room|shower|tub|railing)\b|\bnobody\b|\bunable\b|\bwithout\s+(?:a|any|help)\b"
    r"|\bonly\s+(?:on|at|in|has|have|gets?|sees?|visits?|comes?|works?|speaks?|reads?|one|once|twice|weekends|after"
    r"|until|when)\b|\b(?:rarely|seldom|hardly|barely)\b|\blittle\s+(?:english|time|help|money|space|support)\b"
    r"|\b(?:upstairs|downstairs|stairs|steps|walk-?up|second\s+floor|third\s+floor|rural|far\s+from|miles?\s+from"
    r"|(?:an\s+)?hour\s+away|small\s+(?:apartment|bathroom|house|kitchen)|narrow|cluttered|clutter|rugs?|pets?)\b"
    r"|\b(?:english|spanish|language|interpreter|reads?\s+(?:little|no|some)|literacy|hard\s+of\s+hearing|hearing"
    r"|vision|eyesight|glasses|low\s+vision)\b"
    r"|\b(?:cares?\s+for|takes?\s+care\s+of|looks?\s+after|babysit\w*|(?:three|four|five|\d)\s+(?:kids|children)"
    r"|siblings?|newborn|toddler|single\s+(?:mom|mother|dad|father|parent))\b"
    r"|\b(?:afford|insurance|copays?|bus|car|drive|drives|driving|ride)\b"
    r"|\b(?:rush\w*|hectic|chaotic|shifts|schedule)\b"
)
_BARRIER = re.compile(
    r"(?i)\b(?:get(?:s|ting)? in the way|hard|difficult|barriers?|worr(?:y|ied|ies)|forget(?:s|ting)?|pain(?:ful)?"
    r"|sore|tired|fatigue|busy|afraid|fear|scared|cost|money|transport|ride|alone|motivat\w*|trouble|problem"
    r"|challeng\w*|concern\w*|what if|if (?:you|she|he|they) (?:can't|cannot|miss|forget|feel)|dizz\w*|embarrass\w*)"
)
# A plan tied to a routine: "each morning before the bus", "after brushing teeth", "with every meal".
_ROUTINE_ANCHOR = re.compile(
    r"(?i)\b(?:before|after|during|with|at|when(?:ever)?|while|once|as\s+soon\s+as|right\s+(?:before|after)"
    r"|(?:each|every)\s+time)\s+(?:(?:you|she|he|they|we|i|your|her|his|their|the|a|each|every|his|my)\s+){0,2}"
    r"(?:\w+\s+){0,2}?(?:breakfast|lunch|dinner|supper|meals?|snacks?|bed|bedtime|naps?|bath\w*|showers?|teeth"
    r"|brush\w*|school|work|bus|church|tv|television|news|coffee|tea|medications?|meds|pills|toilet|bathroom|potty"
    r"|wak(?:e|es|ing)\s+up|get(?:s|ting)?\s+up|gets?\s+home|get\s+home|come\s+home|comes\s+home|dress\w*"
    r"|homework|recess|class|walks?|stand(?:s|ing)?\s+up|sit(?:s|ting)?\s+down|leave|leaving|prayers?|chores"
    r"|commercials?|story\s*time|routine)\b"
)
_WHEN_HOW_OFTEN = re.compile(
    r"(?i)\b(?:(?:\d+|once|twice|two|three|four|five)\s*(?:times?|x)\b|(?:every|each)\s+(?:day|morning|evening|night"
    r"|meal|hour|week|time|\w+day)|daily|weekly|(?:after|before|during|with)\s+(?:breakfast|lunch|dinner|supper"
    r"|meals?|bed|bedtime|your \w+)|in the (?:morning|afternoon|evening)|at (?:night|bedtime|noon|\d{1,2})"
    # a clock time the plan is set for: "alarm for 23:00 and 02:30", "the 7 pm dose"
    r"|(?:[01]?\d|2[0-3]):[0-5]\d\b|\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)"
    # a time-boxed trial or a review set for a day: "trial it for one week and review", "review in 3 days"
    r"|(?:trial|try|tries|tried|trying|test)\w*\s+(?:it\s+|this\s+|them\s+|that\s+)?for\s+(?:a|one|two|three|four|\d+)"
    r"\s+(?:days?|weeks?|months?)|review\w*\s+(?:it\s+|this\s+)?(?:in|after)\s+(?:a|one|two|three|four|\d+)\s+(?:days?"
    r"|weeks?))"
)
_RESPONSE = re.compile(
    r"(?i)\b(?:said|stated|says|showed|shown|demonstrated|demonstrates|explained|repeated|restated|returned"
    r"|teach[- ]?back|was able|were able|could(?:n't| not)?|correctly|accurately|in (?:his|her|their) own words"
    r"|re-?explained|re-?taught|needed|required|recalled|named|described|performed|completed"
    # "both got it back by the second go", "got it right first time"
    r"|got\s+(?:it|them|all|both|everything)\s+(?:back|right)|(?:first|second|third|\d+(?:st|nd|rd|th))\s+(?:go|try|attempt)"
    r"|first\s+time)\b"
)
_CAREGIVER = re.compile(
    r"(?i)\b(?:caregivers?|carers?|wife|husband|spouse|partner|daughter|son|family|parents?|mother|father|mom|dad"
    r"|aide|friend|sister|brother|grand\w+|niece|nephew|neighbou?r|guardian|lives alone|no caregiver|alone)\b"
)


@lru_cache(maxsize=16)
def _sentences(body: str) -> tuple[Span, ...]:
    """Sentences of a section, split once however many checks read them."""
    return tuple(iter_sentences(body))


def check(text: ArtifactText) -> Iterator[Finding]:
    """Every education-script finding for this artifact (nothing for other kinds)."""
    yield from grade_findings(text)
    yield from _teach_back(text)
    yield from _do_you_understand(text)
    yield from _chunking(text)
    yield from _main_message_first(text)
    yield from _call_to_action(text)
    yield from _jargon(text)
    yield from _barriers(text)
    yield from _response(text)


# --- readability ---------------------------------------------------------------------------------


def grade_findings(
    text: ArtifactText,
    *,
    target: float | None = None,
    limit: float | None = None,
    min_sentences: int | None = None,
) -> list[Finding]:
    """Reading-grade findings for the script: over the target is a warning, over the limit an error.

    Thresholds default to the module constants at call time, so either may be tuned.
    The hardest sentences of the script and the main message are pointed out one by one.
    """
    target = GRADE_TARGET if target is None else target
    limit = GRADE_LIMIT if limit is None else limit
    min_sentences = MIN_SENTENCES if min_sentences is None else min_sentences
    script = text.text("script")
    graded = [
        (scores, field, span)
        for field in ("main_message", "script")
        for span in _sentences(text.text(field))
        if (scores := readability.score_sentences([span.text])).words
    ]
    overall = readability.combine(scores for scores, field, _ in graded if field == "script")
    if not overall.words:
        return []
    graded.sort(key=lambda item: -item[0].fkgl)
    hard = [item for item in graded if item[0].fkgl > limit and item[0].words >= MIN_HARD_SENTENCE_WORDS]
    results: list[Finding] = []
    grades = f"grade {overall.fkgl:.1f} by Flesch-Kincaid (SMOG {overall.smog:.1f})"
    if overall.sentences < min_sentences:
        results.extend(_plain_language(text))
        results.append(
            section_finding(
                "script",
                script,
                check="readability.too_short",
                row=PATIENT_EDUCATION,
                severity="info",
                message=(
                    f"The script has {overall.sentences} sentence{'s' if overall.sentences != 1 else ''}: too short "
                    f"to grade reliably (at least {min_sentences} are needed). As written it measures {grades}."
                ),
                fix="Write out the whole talk, one short sentence per idea, so the reading level can be measured.",
            )
        )
    elif overall.fkgl > target:
        severity = "error" if overall.fkgl > limit else "warning"
        in_script = [item for item in graded if item[1] == "script"]
        worst_scores, worst_field, worst_span = next(
            (item for item in in_script if item[0].words >= MIN_HARD_SENTENCE_WORDS), in_script[0]
        )
        bound = f"the grade {limit:g} limit" if severity == "error" else f"the grade {target:g} target"
        if len(hard) > 1:
            detail = (
                f"{len(hard)} sentences read above grade {limit:g}; the hardest "
                f"(grade {worst_scores.fkgl:.1f}) is this one."
            )
        else:
            detail = f"Its hardest sentence (grade {worst_scores.fkgl:.1f}) is this one."
        results.append(
            finding(
                worst_field,
                worst_span,
                check="readability.grade",
                row=PATIENT_EDUCATION,
                severity=severity,
                message=f"The script reads at {grades}, above {bound}. {detail}",
                fix="Use short sentences (about 10-15 words) and everyday words: " + example(text.track, "plain_swap"),
            )
        )
        hard = [item for item in hard if (item[1], item[2]) != (worst_field, worst_span)]
    for scores, field, span in hard[:MAX_HARD_SENTENCES]:
        results.append(
            finding(
                field,
                span,
                check="readability.hard_sentence",
                row=PATIENT_EDUCATION,
                severity="info",
                message=(
                    f"This sentence reads at grade {scores.fkgl:.1f}: {scores.words} words, {scores.polysyllables} of "
                    f"them with three or more syllables."
                ),
                fix="Split it into two sentences with one idea each, and swap long words for short everyday ones.",
            )
        )
    return results


# Word-level limits for a script too short for a grade formula (plain-language guides: mostly one- and
# two-syllable words, about 10-15 words a sentence, no unexplained medical terms).
SHORT_MAX_JARGON = 1
SHORT_MAX_LONG_WORD_RATIO = 0.25
SHORT_MAX_LONG_WORD_RATIO_WITH_JARGON = 0.15
SHORT_MAX_SENTENCE_WORDS = 20


def plain_language_problems(body: str) -> list[str]:
    """Why a short text is not plain language, judged word by word (empty when it reads plainly).

    Too many unexplained jargon terms or abbreviations, too many long (3+ syllable) words, or
    sentences too long on average. Used where a grade formula needs more sentences than it has.
    """
    level = readability.word_level(body)
    if not level.words:
        return []
    terms = [body[start:end] for start, end, _ in jargon_hits(body)]
    problems: list[str] = []
    ratio_limit = SHORT_MAX_LONG_WORD_RATIO_WITH_JARGON if terms else SHORT_MAX_LONG_WORD_RATIO
    if len(terms) > SHORT_MAX_JARGON:
        shown = ", ".join(f"\u201c{term}\u201d" for term in dict.fromkeys(terms))
        problems.append(f"{len(terms)} clinical terms or abbreviations ({shown})")
    if level.words >= 5 and level.long_word_ratio > ratio_limit:
        problems.append(f"{level.long_words} of {level.words} words have three or more syllables")
    if level.mean_sentence_length > SHORT_MAX_SENTENCE_WORDS:
        problems.append(f"sentences average {level.mean_sentence_length:.0f} words")
    return problems


def _plain_language(text: ArtifactText) -> list[Finding]:
    """A short script is still judged: too short for a grade is never a pass for an unreadable one."""
    body = "\n".join(text.text(field) for field in ("main_message", "script") if not text.is_blank(field))
    problems = plain_language_problems(body)
    if not problems:
        return []
    return [
        section_finding(
            "script",
            text.text("script"),
            check="readability.plain_language",
            row=PATIENT_EDUCATION,
            severity="warning",
            message="The script is too short to grade, but its words are not plain language: "
            + "; ".join(problems)
            + ".",
            fix="Say each idea in short everyday words, and swap each term for its plain word: "
            + example(text.track, "plain_swap"),
        )
    ]


# --- teach-back ----------------------------------------------------------------------------------


def _prompt_count(text: ArtifactText) -> int:
    """How many sentences in the script and teach-back ask the person to say or show it back."""
    return sum(
        1
        for field in ("script", "teach_back")
        for span in _sentences(text.text(field))
        if _TEACH_BACK.search(span.text)
    )


def _teach_back(text: ArtifactText) -> Iterator[Finding]:
    if _prompt_count(text):
        return
    if any(SHOWN_BACK.search(text.text(field)) for field in ("teach_back", "response")):
        # The person did show it back: what is missing is the prompt, so the next OT can ask it the same way.
        yield section_finding(
            "teach_back",
            text.text("teach_back"),
            check="education.teach_back",
            row=PATIENT_EDUCATION,
            severity="warning",
            message=(
                "A show-back is recorded, but no prompt asks for it: write the question you ask (\u201cShow me how "
                "you would \u2026\u201d) so every concept is checked the same way."
            ),
            fix=example(text.track, "teach_back"),
        )
        return
    yield section_finding(
        "teach_back",
        text.text("teach_back"),
        check="education.teach_back",
        row=PATIENT_EDUCATION,
        severity="error",
        message=(
            "No teach-back prompt: nothing asks the person to explain it in their own words or show you how they "
            "will do it."
            if not text.is_blank("teach_back")
            else "The teach-back section is empty: write how you check understanding in their own words."
        ),
        fix=example(text.track, "teach_back"),
    )


def _do_you_understand(text: ArtifactText) -> Iterator[Finding]:
    count = 0
    for field in ("main_message", "script", "teach_back"):
        body = text.text(field)
        for match in _CLOSED_CHECK.finditer(body):
            # Only the few words before it on the same line can negate it ("I never ask ...").
            window = max(0, match.start() - 40)
            newline = body.rfind("\n", window, match.start())
            if newline >= 0:
                window = newline + 1
            if _NEGATION_BEFORE.search(body, window, match.start()):
                continue
            count += 1
            if count > MAX_SPAN_FINDINGS:
                return
            yield finding(
                field,
                (match.start(), match.end()),
                check="education.do_you_understand",
                row=PATIENT_EDUCATION,
                severity="warning",
                message=(
                    f"\u201c{match.group(0)}\u201d invites a polite \u201cyes\u201d and does not show what the person "
                    f"understood."
                ),
                fix=(
                    "Ask them to teach it back: \u201cI want to make sure I explained this clearly. Can you tell "
                    "me, in your own words, what you\u2019ll do when you get home?\u201d"
                ),
            )


def _paragraphs(body: str) -> list[Span]:
    """Blocks of text separated by blank lines: the script's key-concept chunks."""
    spans: list[Span] = []
    start = None
    end = 0
    position = 0
    for line in body.splitlines(keepends=True):
        if line.strip():
            if start is None:
                start = position + len(line) - len(line.lstrip())
            end = position + len(line.rstrip())
        elif start is not None:
            spans.append(Span(start, end, body[start:end]))
            start = None
        position += len(line)
    if start is not None:
        spans.append(Span(start, end, body[start:end]))
    return spans


def _chunking(text: ArtifactText) -> Iterator[Finding]:
    prompts = _prompt_count(text)
    if not prompts:
        return  # education.teach_back already says there is none.
    if any(_CHECK_EVERY_CHUNK.search(text.text(field)) for field in ("script", "teach_back")):
        return
    script = text.text("script")
    chunks = len(_paragraphs(script))
    if chunks <= prompts:
        return
    yield section_finding(
        "script",
        script,
        check="education.chunking",
        row=PATIENT_EDUCATION,
        severity="warning",
        message=(
            f"The script has {chunks} chunks (paragraphs) but {prompts} teach-back "
            f"prompt{'s' if prompts != 1 else ''}: some ideas are never checked."
        ),
        fix="Chunk and check: after each paragraph, ask one teach-back question, e.g. "
        + example(text.track, "chunk_check"),
    )


# --- main message, call to action ------------------------------------------------------------------


def _stem(word: str) -> str:
    word = word.lower()
    for suffix in ("ing", "ed", "es", "ly", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _quoted(sentence: str, limit: int = 160) -> str:
    """A sentence to quote inside a fix: stripped, without its full stop, cut short if very long."""
    sentence = sentence.strip().rstrip(".")
    return sentence if len(sentence) <= limit else sentence[:limit].rstrip() + "\u2026"


def _content_stems(body: str) -> set[str]:
    return {_stem(word) for word in _CONTENT_WORD.findall(body) if word.lower() not in _STOPWORDS}


def _main_message_first(text: ArtifactText) -> Iterator[Finding]:
    script = text.text("script")
    if text.is_blank("script"):
        return
    message = text.text("main_message")
    if text.is_blank("main_message"):
        yield section_finding(
            "main_message",
            message,
            check="education.main_message_first",
            row=PATIENT_EDUCATION,
            severity="warning",
            message="No main message: say the one thing the person must remember, then open the script with it.",
            fix=example(text.track, "main_message"),
        )
        return
    wanted = _content_stems(message)
    if not wanted:
        return
    sentences = _sentences(script)
    opening = sentences[: max(3, (len(sentences) + 3) // 4)]
    found = wanted & _content_stems(" ".join(span.text for span in opening))
    if len(found) * 2 >= len(wanted):
        return
    yield finding(
        "script",
        (opening[0].start, opening[-1].end),
        check="education.main_message_first",
        row=PATIENT_EDUCATION,
        severity="warning",
        message=(
            "The opening of the script does not state the main message, so the person may not know what matters most."
        ),
        fix=f"Start the script with it: \u201cThe most important thing today: {_quoted(message)}.\u201d Then explain.",
    )


def _call_to_action(text: ArtifactText) -> Iterator[Finding]:
    script = text.text("script")
    if text.is_blank("script"):
        return
    sentences = [span.text for field in ("main_message", "script") for span in _sentences(text.text(field))]
    has_action = any(_IMPERATIVE_START.search(sentence) or _ACTION_PHRASE.search(sentence) for sentence in sentences)
    has_why = any(_WHY.search(sentence) for sentence in sentences)
    if has_action and has_why:
        return
    if not has_action:
        message = "No call to action: the script never tells the person exactly what to do, when and how."
        fix = example(text.track, "action")
    else:
        message = "The script says what to do but not why, which is what keeps people doing it."
        fix = "Add the reason: " + example(text.track, "reason")
    yield section_finding(
        "script",
        script,
        check="education.call_to_action",
        row=PATIENT_EDUCATION,
        severity="warning",
        message=message,
        fix=fix,
    )


# --- jargon --------------------------------------------------------------------------------------


# "ROM (how far your joint moves)", "ROM, which means …", "ROM - that is, …", "ROM: the way …".
_EXPLAINED_AFTER = re.compile(
    r"(?i)\s{0,2}(?:\(|\[|[,:\u2014\u2013-]\s{0,2}(?:which|that|this|it)\s+(?:means|is|stands\s+for)\b"
    r"|,?\s{0,2}(?:which|that|this|it)\s+(?:means|stands\s+for)\b|,?\s{0,2}(?:meaning|i\.e\.|that\s+is|in\s+other\s+words"
    r"|or\s+in\s+plain\s+words|stands\s+for|short\s+for)\b|\s{0,2}[:=]\s{0,2}(?:the|a|an|your|how|what|when)\b)"
)
# "how far your joint moves (ROM)": the term in brackets right after its meaning.
_EXPLAINED_BEFORE = re.compile(r"[(\[]\s{0,2}$")


# "NWB means no weight": a bare "means" explains an abbreviation ("edema means healing" explains nothing).
_ABBREVIATION_MEANS = re.compile(r"\s(?:means|stands\s+for|is\s+short\s+for)\b")


def _explained(body: str, start: int, end: int) -> bool:
    """A term is explained when it sits in brackets after its meaning, or its meaning follows it."""
    if _EXPLAINED_BEFORE.search(body, max(0, start - 3), start) or _EXPLAINED_AFTER.match(body, end):
        return True
    return body[start:end].rstrip("s").isupper() and _ABBREVIATION_MEANS.match(body, end) is not None


def _lexicon_matches(body: str) -> list[tuple[int, int, str, str]]:
    """Lexicon phrases in `body`, longest first at each word: (start, end, key, plain word).

    Abbreviations match as written ("ROM", not "rom"); terms in any case, keyed in lower case.
    Words of a phrase are separated by single spaces, as in the lexicon.
    """
    tokens = list(_TOKEN.finditer(body))
    found: list[tuple[int, int, str, str]] = []
    index = 0
    while index < len(tokens):
        word = tokens[index].group(0)
        if word not in _FIRST_WORDS and word.lower() not in _FIRST_WORDS:
            index += 1
            continue
        start = tokens[index].start()
        for length in range(min(_MAX_TERM_WORDS, len(tokens) - index), 0, -1):
            last = tokens[index + length - 1]
            phrase = body[start : last.end()]
            if length > 1 and phrase.count(" ") != length - 1:
                continue  # a line break or other punctuation sits between the words
            if phrase in JARGON_ABBREVIATIONS:
                found.append((start, last.end(), phrase, JARGON_ABBREVIATIONS[phrase]))
                break
            plain = JARGON.get(phrase.lower())
            if plain:
                found.append((start, last.end(), phrase.lower(), plain))
                break
        else:
            length = 1
        index += length
    return found


def jargon_hits(body: str) -> list[tuple[int, int, str]]:
    """Unexplained jargon in a patient-facing text: (start, end, plain word) per occurrence, in order.

    Lexicon terms (`jargon.TERMS`, any case) and abbreviations (`jargon.ABBREVIATIONS`) give their
    plain word; any other all-caps token of 2-5 letters that is not common knowledge, shouting or a
    heading gives "". A term followed by its meaning ("(…)", "which means …", "that is …") or
    written in brackets after it is explained and not a hit.
    """
    lexicon = _lexicon_matches(body)
    hits = [(start, end, plain) for start, end, _, plain in lexicon if not _explained(body, start, end)]
    covered = [(start, end) for start, end, _, _ in lexicon]
    position = 0
    for match in _CAPS_TOKEN.finditer(body):
        token = match.group(0)
        while position < len(covered) and covered[position][1] <= match.start():
            position += 1
        if position < len(covered) and covered[position][0] <= match.start():
            continue  # inside a lexicon phrase
        if token in _PLAIN_CAPS or token.rstrip("s") in _PLAIN_CAPS:
            continue
        if _CAPS_NEIGHBOUR_BEFORE.search(body, max(0, match.start() - 12), match.start()) or (
            _CAPS_NEIGHBOUR_AFTER.match(body, match.end())
        ):
            continue
        if _explained(body, match.start(), match.end()):
            continue
        hits.append((match.start(), match.end(), ""))
    return sorted(hits)


def _explained_terms(body: str) -> set[str]:
    """Terms the text explains somewhere, so their later uses need no second note."""
    explained = {key for start, end, key, _ in _lexicon_matches(body) if _explained(body, start, end)}
    explained.update(
        match.group(0) for match in _CAPS_TOKEN.finditer(body) if _explained(body, match.start(), match.end())
    )
    return explained


_JARGON_FIELDS = ("main_message", "script", "teach_back")


def _jargon(text: ArtifactText) -> Iterator[Finding]:
    seen: set[str] = set()
    for field in _JARGON_FIELDS:
        seen |= _explained_terms(text.text(field))
    flagged = 0
    for field in _JARGON_FIELDS:
        body = text.text(field)
        for start, end, plain in jargon_hits(body):
            shown = body[start:end]
            key = shown if not plain or shown in JARGON_ABBREVIATIONS else shown.lower()
            if key in seen:
                continue
            seen.add(key)
            flagged += 1
            if flagged > MAX_SPAN_FINDINGS:
                return
            if plain:
                message = f"\u201c{shown}\u201d is clinical jargon; say \u201c{plain}\u201d instead."
                fix = f"Replace \u201c{shown}\u201d with \u201c{plain}\u201d."
            else:
                message = f"\u201c{shown}\u201d is an abbreviation the person may not know."
                fix = (
                    "Say it in full words. If the abbreviation matters (it is on their paperwork), explain it the "
                    f"first time: \u201cyour occupational therapist ({shown})\u201d."
                    if shown in ("OT", "OTs")
                    else f"Say it in full words, or give the full words first with \u201c({shown})\u201d after them."
                )
            yield finding(
                field,
                (start, end),
                check="education.jargon",
                row=PATIENT_EDUCATION,
                severity="warning",
                message=message,
                fix=fix,
            )


# --- structural evidence for row scoring ---------------------------------------------------------

EvidenceSpan = tuple[str, int, int]  # (section key, start, end)


def script_evidence(text: ArtifactText) -> dict[str, EvidenceSpan | None]:
    """What an education script shows, each with the passage that proves it (None when absent).

    Keys:
    - "teach_back": the first sentence (script or teach-back section) asking the person to say or show it back;
    - "barrier": the first sentence of the barriers section naming what might get in the way;
    - "when_how_often": the when / how-often plan in the barriers section (or, failing that, the script);
    - "barriers_answered": the barrier sentence, when a when / how-often plan answers it;
    - "main_message": the main message, when it is one or two sentences and the script's opening states it;
    - "call_to_action": the first sentence telling the person what to do;
    - "reason": the first sentence saying why.
    """
    evidence: dict[str, EvidenceSpan | None] = dict.fromkeys(
        ("teach_back", "barrier", "when_how_often", "barriers_answered", "main_message", "call_to_action", "reason")
    )
    evidence["teach_back"] = _first_sentence(text, ("script", "teach_back"), lambda words: _TEACH_BACK.search(words))
    barriers = text.text("barriers")
    barrier = barrier_named(barriers)
    if barrier:
        evidence["barrier"] = ("barriers", *barrier)
    for field in ("barriers", "script"):
        plan = when_how_often(text.text(field))
        if plan:
            evidence["when_how_often"] = (field, *plan)
            break
    if evidence["barrier"] and evidence["when_how_often"]:
        evidence["barriers_answered"] = evidence["barrier"]
    message = text.text("main_message")
    if message.strip() and len(_sentences(message)) <= 2 and not list(_main_message_first(text)):
        evidence["main_message"] = ("main_message", *whole(message))
    evidence["call_to_action"] = _first_sentence(
        text,
        ("main_message", "script"),
        lambda words: _IMPERATIVE_START.search(words) or _ACTION_PHRASE.search(words),
    )
    evidence["reason"] = _first_sentence(text, ("main_message", "script"), lambda words: _WHY.search(words))
    return evidence


def _first_sentence(text: ArtifactText, fields: tuple[str, ...], test) -> EvidenceSpan | None:
    for field in fields:
        for span in _sentences(text.text(field)):
            if test(span.text):
                return field, span.start, span.end
    return None


# --- barriers, response ----------------------------------------------------------------------------


def when_how_often(body: str) -> tuple[int, int] | None:
    """The span of a when / how-often plan: a count ("twice a day"), a cadence ("every morning", "daily") or a
    routine it hangs on ("after brushing teeth", "each morning before the bus", "with every meal"); else None."""
    found = [match for pattern in (_WHEN_HOW_OFTEN, _ROUTINE_ANCHOR) if (match := pattern.search(body))]
    first = min(found, key=lambda match: match.start(), default=None)
    return (first.start(), first.end()) if first else None


def barrier_named(body: str) -> tuple[int, int] | None:
    """The span of the first sentence naming what might get in the way, or None.

    A barrier may be a worry or symptom ("she worries she will forget", "pain") or a plain fact about the
    person's life ("Mom works nights", "He lives alone and has no car", "The bathroom is upstairs"). Words
    inside the when/how-often plan itself ("before the bus") do not count.
    """
    plan = [
        (match.start(), match.end())
        for pattern in (_WHEN_HOW_OFTEN, _ROUTINE_ANCHOR)
        for match in pattern.finditer(body)
    ]
    for sentence in _sentences(body):
        for pattern in (_BARRIER, _BARRIER_FACT):
            for match in pattern.finditer(body, sentence.start, sentence.end):
                start = match.start()
                if not any(low <= start < high for low, high in plan):
                    return sentence.start, sentence.end
    return None


def _barriers(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("barriers")
    missing = []
    if barrier_named(body) is None:
        missing.append("what might get in the way")
    if when_how_often(body) is None:
        missing.append("a when / how-often plan")
    if not missing:
        return
    yield section_finding(
        "barriers",
        body,
        check="education.barriers",
        row=PATIENT_EDUCATION,
        severity="warning",
        message=(
            "No barrier plan yet."
            if text.is_blank("barriers")
            else f"The barrier plan is missing {' and '.join(missing)}."
        ),
        fix=example(text.track, "barrier"),
    )


def _response(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("response")
    missing = []
    if not _RESPONSE.search(body):
        missing.append("what the person said or showed back")
    if not _CAREGIVER.search(body):
        missing.append("who else was taught (or that no caregiver was present)")
    if not missing:
        return
    blank = text.is_blank("response")
    yield section_finding(
        "response",
        body,
        check="education.response",
        row=DOCUMENTATION,
        severity="error" if blank else "warning",
        message=(
            "The response to teaching is not documented."
            if blank
            else f"The documented response does not say {' or '.join(missing)}."
        ),
        fix=example(text.track, "response"),
    )
