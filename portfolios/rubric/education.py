"""Checks for a patient education script (kind `education_script`).

What a reviewer looks for (domain-checks §1.4, §3.5): the script reads at grade 6 or below,
leads with its one main message, uses everyday words, ends in a clear action with a reason,
checks understanding by teach-back after each chunk (never "Do you understand?"), plans for
what might get in the way, and documents what the person and caregiver showed back.

Check ids: `readability.grade`, `readability.too_short`, `readability.hard_sentence`,
`education.teach_back`, `education.do_you_understand`, `education.chunking`,
`education.main_message_first`, `education.call_to_action`, `education.jargon`,
`education.barriers` (row patient_education) and `education.response` (row documentation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from portfolios.rubric import readability
from portfolios.rubric.artifact import ArtifactText
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import DOCUMENTATION, PATIENT_EDUCATION
from portfolios.rubric.text import Span, finding, iter_sentences, section_finding

KIND = "education_script"

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
    r"|what would you do if)\b"
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
    r"|to (?:keep|help|protect|prevent|stop|avoid|lower|make))\b"
)

# --- jargon ---------------------------------------------------------------------------------------

# Clinical words and the everyday words to use instead (matched case-insensitively, whole words).
JARGON: dict[str, str] = {
    "activities of daily living": "daily activities like dressing and bathing",
    "instrumental activities of daily living": "home tasks like cooking, shopping and paying bills",
    "range of motion": "how far your joint moves",
    "bilateral": "both sides",
    "bilaterally": "on both sides",
    "unilateral": "one side",
    "ambulate": "walk",
    "ambulating": "walking",
    "ambulation": "walking",
    "edema": "swelling",
    "oedema": "swelling",
    "distal": "farther from the body",
    "proximal": "closer to the body",
    "non-weight-bearing": "do not put any weight on your leg",
    "non-weight bearing": "do not put any weight on your leg",
    "weight-bearing": "putting weight on your leg",
    "weight bearing": "putting weight on your leg",
    "compliance": "sticking with the plan",
    "compliant": "sticking with the plan",
    "non-compliant": "not sticking with the plan",
    "adherence": "sticking with the plan",
    "precautions": "safety rules",
    "adaptive equipment": "tools that make a task easier",
    "durable medical equipment": "equipment for home like a walker or shower chair",
    "lower extremity": "leg",
    "lower extremities": "legs",
    "upper extremity": "arm",
    "upper extremities": "arms",
    "extremities": "arms and legs",
    "flexion": "bending",
    "abduction": "moving out to the side",
    "adduction": "moving in toward your body",
    "supine": "lying on your back",
    "orthostatic": "dizzy when you stand up",
    "hypotension": "low blood pressure",
    "hypertension": "high blood pressure",
    "cognition": "thinking and memory",
    "cognitive": "thinking",
    "fine motor": "small hand movements",
    "gross motor": "big body movements",
    "contraindicated": "not safe for you",
    "proprioception": "your sense of where your body is",
    "energy conservation": "saving your energy",
    "deficit": "problem",
    "deficits": "problems",
    "functional mobility": "moving around your home",
    "transfer training": "practice getting in and out of bed, chairs and the car",
    "ergonomic": "set up to fit your body",
    "etiology": "cause",
    "prognosis": "what to expect",
    "comorbidities": "other health problems",
    "sequencing": "doing the steps in order",
}
# Abbreviations (matched case-sensitively) and what to say instead.
JARGON_ABBREVIATIONS: dict[str, str] = {
    "ADL": "daily activities like dressing and bathing",
    "ADLs": "daily activities like dressing and bathing",
    "IADL": "home tasks like cooking and shopping",
    "IADLs": "home tasks like cooking and shopping",
    "ROM": "how far your joint moves",
    "AROM": "how far you can move your joint yourself",
    "PROM": "how far your joint moves when someone moves it for you",
    "NWB": "do not put any weight on your leg",
    "TTWB": "only touch your toes down, for balance",
    "TDWB": "only touch your toes down, for balance",
    "PWB": "put only part of your weight on your leg",
    "WBAT": "put as much weight on your leg as feels okay",
    "FWB": "you can put all your weight on your leg",
    "DME": "equipment for home like a walker or shower chair",
    "AE": "tools that make a task easier",
    "HEP": "home exercise plan",
    "PRN": "when you need it",
    "BID": "twice a day",
    "TID": "three times a day",
    "QID": "four times a day",
    "SOB": "short of breath",
    "LOB": "losing your balance",
    "UE": "arm",
    "LE": "leg",
    "CGA": "someone stays close with a hand on you",
    "SBA": "someone stands close by to keep you safe",
    "BSC": "bedside toilet",
}


def _phrase_pattern(terms, flags: str) -> re.Pattern[str]:
    # Longest first so "non-weight-bearing" wins over "weight-bearing".
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"{flags}(?<![\w-])(?:{alternatives})(?![\w-])")


_JARGON_WORDS = _phrase_pattern(JARGON, "(?i)")
_JARGON_ABBREVIATION = _phrase_pattern(JARGON_ABBREVIATIONS, "")
# Any other ALL-CAPS token of 2-5 letters, such as "OT", "CVA" or "TKA".
_CAPS_TOKEN = re.compile(r"(?<![\w-])[A-Z]{2,5}s?(?![\w-])")
# Two capitalised words in a row are a heading or emphasis ("DO NOT LIFT"), not an abbreviation.
_CAPS_NEIGHBOUR_BEFORE = re.compile(r"[A-Z]{2,}\W{1,3}$")
_CAPS_NEIGHBOUR_AFTER = re.compile(r"\W{1,3}[A-Z]{2,}\b")
# Capitals that are not clinical abbreviations: common knowledge, or a word shouted for emphasis.
_PLAIN_CAPS_TEXT = """OK TV AM PM USA US ID DVD CD PIN ATM DIY ASAP FAQ NOT NO YES DO DON STOP NEVER ALWAYS ONLY
    CALL HELP WAIT SLOW NOW EVERY EACH ALL ANY BOTH OFF ON UP DOWN KEEP MUST TODAY NOTE TIP STEP
    YOU YOUR THE AND OR BUT IF HOT COLD SIT STAND WALK USE ASK GO GET PUT ONE TWO SAFE SAFETY
    IMPORTANT WARNING REMEMBER DAY WEEK BED ARE IS IT TO OF IN AT BE"""
_PLAIN_CAPS = frozenset(_PLAIN_CAPS_TEXT.split())

# --- barriers, response --------------------------------------------------------------------------

_BARRIER = re.compile(
    r"(?i)\b(?:get(?:s|ting)? in the way|hard|difficult|barriers?|worr(?:y|ied|ies)|forget(?:s|ting)?|pain(?:ful)?"
    r"|sore|tired|fatigue|busy|afraid|fear|scared|cost|money|transport|ride|alone|motivat\w*|trouble|problem"
    r"|challeng\w*|concern\w*|what if|if (?:you|she|he|they) (?:can't|cannot|miss|forget|feel)|dizz\w*|embarrass\w*)"
)
_WHEN_HOW_OFTEN = re.compile(
    r"(?i)\b(?:(?:\d+|once|twice|two|three|four|five)\s*(?:times?|x)\b|(?:every|each)\s+(?:day|morning|evening|night"
    r"|meal|hour|week|time|\w+day)|daily|weekly|(?:after|before|during|with)\s+(?:breakfast|lunch|dinner|supper"
    r"|meals?|bed|bedtime|your \w+)|in the (?:morning|afternoon|evening)|at (?:night|bedtime|noon|\d{1,2}))"
)
_RESPONSE = re.compile(
    r"(?i)\b(?:said|stated|says|showed|shown|demonstrated|demonstrates|explained|repeated|restated|returned"
    r"|teach[- ]?back|was able|were able|could(?:n't| not)?|correctly|accurately|in (?:his|her|their) own words"
    r"|re-?explained|re-?taught|needed|required|recalled|named|described|performed|completed)\b"
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
    if text.kind != KIND:
        return
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
                fix=(
                    "Use short sentences (about 10-15 words) and everyday words: \u201cKeep your leg up to bring the "
                    "swelling down\u201d rather than \u201cElevate the lower extremity to reduce edema.\u201d"
                ),
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
        fix=(
            "\u201cI want to be sure I explained this well. Can you show me how you\u2019ll put on your sock with the "
            "sock aid tomorrow morning?\u201d"
        ),
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
        fix=(
            "Chunk and check: after each paragraph, ask one teach-back question, e.g. \u201cShow me how you\u2019ll "
            "get out of bed without twisting.\u201d"
        ),
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
            fix="\u201cWear your hip brace any time you are out of bed.\u201d",
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
        fix = "\u201cEach morning, sit on the bed and put on your socks with the sock aid before you stand up.\u201d"
    else:
        message = "The script says what to do but not why, which is what keeps people doing it."
        fix = "Add the reason: \u201cDo this so your new hip stays in place while it heals.\u201d"
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


def _explained(body: str, start: int, end: int) -> bool:
    """An abbreviation is explained when it sits in brackets after its meaning, or is followed by one."""
    before = body[max(0, start - 2) : start]
    after = body[end : end + 3].lstrip()
    return before.endswith("(") or after.startswith("(")


def _jargon(text: ArtifactText) -> Iterator[Finding]:
    seen: set[str] = set()
    flagged = 0
    for field in ("main_message", "script"):
        body = text.text(field)
        hits: list[tuple[int, int, str, str]] = []
        for match in _JARGON_WORDS.finditer(body):
            hits.append((match.start(), match.end(), match.group(0).lower(), JARGON[match.group(0).lower()]))
        for match in _JARGON_ABBREVIATION.finditer(body):
            hits.append((match.start(), match.end(), match.group(0), JARGON_ABBREVIATIONS[match.group(0)]))
        taken = {start for start, _, _, _ in hits}
        for match in _CAPS_TOKEN.finditer(body):
            token = match.group(0)
            if token in _PLAIN_CAPS or token.rstrip("s") in _PLAIN_CAPS:
                continue
            if match.start() in taken:
                continue
            if _CAPS_NEIGHBOUR_BEFORE.search(body, max(0, match.start() - 12), match.start()) or (
                _CAPS_NEIGHBOUR_AFTER.match(body, match.end())
            ):
                continue
            if _explained(body, match.start(), match.end()):
                seen.add(token)
                continue
            hits.append((match.start(), match.end(), token, ""))
        for start, end, term, plain in sorted(hits):
            if term in seen:
                continue
            seen.add(term)
            flagged += 1
            if flagged > MAX_SPAN_FINDINGS:
                return
            shown = body[start:end]
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


# --- barriers, response ----------------------------------------------------------------------------


def _barriers(text: ArtifactText) -> Iterator[Finding]:
    body = text.text("barriers")
    missing = []
    if not _BARRIER.search(body):
        missing.append("what might get in the way")
    if not _WHEN_HOW_OFTEN.search(body):
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
        fix=(
            "\u201cShe worries she will forget the exercises on busy days. We agreed: 10 squeezes with the putty "
            "after breakfast, every day, at the kitchen table.\u201d"
        ),
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
        fix=(
            "\u201cClient demonstrated sock aid use correctly on the second try after re-explaining step 2; daughter "
            "(caregiver) present and repeated the hip safety rules in her own words.\u201d"
        ),
    )
