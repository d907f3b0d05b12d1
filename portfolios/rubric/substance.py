"""What in a section counts as the candidate's own writing: placeholders and pasted form text earn nothing.

Before evidence is looked for, each section is cleaned: a section (or a list line) that only
says "TBD", "N/A", "see above", "-" … is treated as blank, and a sentence that repeats the
form's own guidance or example (word trigrams shared with any section's guidance of this kind)
is cut out, except a phrasing the guidance recommends in quotes ("I want to be sure I explained this
well") carried on in the candidate's own words; the quoted phrase alone is still cut.
Both are reported, so the candidate learns why a filled-in section earned nothing:

- `section.placeholder` (warning): the section holds only a placeholder, or a template blank left
  unfilled ("[Describe the error]", "<List …>", "[UNIT NAME]", "______"), which is cut out;
- `section.form_text` (warning): a passage repeats the form's guidance or example text, or is any
  template's instruction to its writer ("List 5-9 concrete items", "Select one: …") pasted back.

Cleaning keeps every offset: removed passages are blanked with spaces, so a span found in the
cleaned text is a span in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

from portfolios.rubric.assist import fold
from portfolios.rubric.findings import Finding
from portfolios.rubric.rows import PATIENT_EDUCATION
from portfolios.rubric.spec import KindSpec
from portfolios.rubric.text import Span, iter_items, iter_sentences, section_finding

# A whole section or list line that says nothing: TBD, N/A, see above, to be completed, -, ?, …
_PLACEHOLDER_WORDS = (
    r"tbd|tba|tbc|n/?a|na|none(?:\s+yet)?|nil|pending|todo|to\s?do|xx+|\?+|placeholder|same(?:\s+as)?(?:\s+above)?"
    r"|(?:see|as|per)\s+(?:above|below|prior|previous)(?:\s+section)?|to\s+be\s+(?:completed|determined|added|decided|"
    r"written|filled(?:\s+in)?|confirmed)|will\s+(?:add|complete|fill\s+in|update)(?:\s+\w+){0,2}|coming\s+soon"
    r"|not\s+(?:applicable|yet\s+written|done\s+yet)|lorem\s+ipsum(?:\s+\w+){0,6}|insert(?:\s+\w+){0,3}\s+here|blank"
    r"|fill\s+(?:this\s+)?in|write\s+(?:this\s+)?later|later|etc"
)
_PLACEHOLDER = re.compile(
    rf"[\s\-–—.…*•:;,/()\[\]<>]*(?:(?:{_PLACEHOLDER_WORDS})[\s\-–—.…*•:;,!/()\[\]<>]*)*",
)
# A whole section that only points at another ("Goals.", "See goals", "As per plan"): a heading of that word
# inside a section is kept.
_POINTER_ONLY = re.compile(r"[\s\-–—.…*•:;,]*(?:(?:see|as\s+per|per)\s+(?:the\s+)?)?(?:goals?|plan)[\s\-–—.…*•:;,!]*")
_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
# A template's blank left unfilled: "[Describe the error]", "<List contraindications>", "[UNIT NAME]", "[X]",
# "______". Bracketed stage directions in a script ("[pause, let her answer]") are the candidate's own words.
_SLOT_WORDS = (
    r"describe|list|insert|enter|add|name|date|item|unit|number|role|how|what|who|when|where|why|tbd|fill|your"
    r"|type|select|choose|specify|x|n|e\.g\.|example|details?|here"
)
# Capitals in brackets are a blank when they are one letter ("[X]") or several words ("[UNIT NAME]");
# one acronym ("[CUS]", "[RN]") is the candidate's own shorthand.
_CAPS_SLOT = r"[A-Z]|[A-Z][A-Z/&#-]*(?:\s+[A-Z/&#-]+)+"
_SLOT = re.compile(
    rf"\[\s*(?:(?i:{_SLOT_WORDS})\b[^\[\]\n]{{0,100}}|{_CAPS_SLOT})\s*\]"
    rf"|<\s*(?:(?i:{_SLOT_WORDS})\b[^<>\n]{{0,100}}|{_CAPS_SLOT})\s*>"
    r"|_{3,}"
    # a blank that names what goes in it after one word ("[Check item - what is checked]", "[Client name]") and a
    # date format left as it is ("[DD/MM/YYYY]", "mm/dd/yy")
    r"|(?i:\[\s*[\w-]+\s+(?:items?|name|role|date|details?|description)\b[^\[\]\n]{0,100}\]"
    r"|\[?\b(?:dd|mm)[/.-](?:dd|mm)[/.-]yy(?:yy)?\b\]?)"
)
# The form's own prompt to the writer, from any template: a writing instruction ("Describe", "List", "State",
# "Name", "Select one") that asks for a quality of the writing or speaks of the form and its parts —
# "Describe the specific error this checklist prevents (e.g. wrong-site)", "List 5-9 concrete, observable items",
# "Select one: Read-do / Do-confirm". A writer's own text does not tell its reader what to write.
_WRITING_INSTRUCTION = re.compile(
    r"^\W*(?:describe|list|state|name|specify|explain|outline|enter|insert|provide|identify|summari[sz]e|write"
    r"|indicate|select|choose|tick|circle)\b(?!\s+(?:to|for|with)\b)"  # "Describe to the carer …" is said to someone
)
# The cue is about the form, never the client: a handoff template's own prompt ("Describe current mobility
# (e.g. transfers)") is the candidate's design, so an example in brackets alone is no cue.
_PROMPT_CUE = re.compile(
    r"\b(?:this|the|a)\s+(?:checklist|template|form|section|field|sop|check|pause\s+point|review\s+date)\b"
    r"|\bcheck\s+items?\b|^\W*(?:select|choose|tick|circle)\s+(?:one|all\s+that\s+apply|as\s+appropriate)\b"
    r"|\b(?:concrete|observable|measurable)\b"
    # or of what any artifact's parts must hold, in the abstract: "items that must be included", "actions with
    # owner and due time", "when and where the handoff happens", "how the receiver confirms understanding"
    r"|\bitems?\s+(?:that|which|to)\s+(?:must|may|should|can|could|might|will)\b"
    r"|\bwith\s+(?:an?\s+|the\s+|their\s+)?owners?\s+and\s+(?:an?\s+|the\s+)?(?:due\s+)?(?:times?|dates?|deadlines?)\b"
    r"|\b(?:when|where|how)\s+(?:and\s+(?:when|where|how)\s+)?the\s+(?:handoff|handover|hand-off|checklist|review|escalation)"
    r"\s+(?:happens|takes\s+place|is\s+(?:done|given|run|used))\b"
    r"|\bhow\s+the\s+(?:receiver|recipient|receiving\s+\w+|listener|learner)\s+(?:confirms|shows|checks)\b"
)
# A passage that names what it points on to ("SBAR-R, run under the RACI below", "I-PASS as follows:") is a heading
# for the content after it, not a claim without content.
_POINTS_ON = re.compile(r"\b(?:below|as\s+follows|the\s+following|set\s+out\s+here)\b|:\s*$")
# An instruction cut off at its example ("List the items …, e.g."): the example that follows is the form's too.
_ENDS_IN_EXAMPLE = re.compile(
    r"\b(?:e\.\s?g\.?|eg|for\s+example|for\s+instance|such\s+as|i\.e\.?)[\s,:]*$", re.IGNORECASE
)
# A form's prompt written as a bare question with an infinitive and its example: "Who to escalate to and how
# (e.g. supervisor, physician)", "What to do if the client refuses (e.g. …)". A writer's own text answers it.
_INFINITIVE_PROMPT = re.compile(
    r"^\W*(?:who|whom|what|when|where|how|which)\s+(?:\w+\s+)?to\s+\w+[^.?!\n]{0,60}?\(\s*(?:e\.\s?g\.?|eg\b|for\s+example)"
)


def is_writing_instruction(passage: str) -> bool:
    """True for a template's instruction to the writer ("Describe…", "List 5-9…"), pasted back instead of answered."""
    lowered = fold(passage)
    if "(" in lowered and " to " in lowered and _INFINITIVE_PROMPT.search(lowered):
        return True
    return bool(_WRITING_INSTRUCTION.search(lowered) and _PROMPT_CUE.search(lowered))


# A form's brief to its writer names who the work is for as alternatives ("the patient/caregiver", "(patient,
# caregiver, family)") or speaks of the writer's own teaching ("how you addressed them", "the message you want the
# patient to remember"): a writer's own answer names one person and does the teaching.
_ROLE_WORD = (
    r"(?:patients?|clients?|caregivers?|carers?|famil(?:y|ies)|parents?|guardians?|residents?|students?|persons?)"
)
_BRIEF_CUE = re.compile(
    rf"\b{_ROLE_WORD}\s*/\s*{_ROLE_WORD}\b|\(\s*(?:e\.g\.,?\s*)?{_ROLE_WORD}\s*,\s*{_ROLE_WORD}\b"
    r"|\b(?:how|what|who|when|which)\s+you\s+(?:addressed|taught|documented|will\s+(?:teach|document|address)"
    r"|would\s+(?:teach|document|address))\b"
    rf"|\byou\s+want\s+(?:the|your)\s+(?:{_ROLE_WORD}|reader|audience|listener)"
)


def is_pasted_brief(passage: str) -> bool:
    """True for a form's brief to its writer ("State the one message you want the patient/caregiver to remember")."""
    # The instruction opens the passage: its first words are read before the whole passage is folded.
    if _WRITING_INSTRUCTION.match(fold(passage[:40])) is None:
        return False
    return _BRIEF_CUE.search(fold(passage)) is not None


# Words that name what good work has without showing it: the rubric's own vocabulary, the form's
# frameworks and filler that commits to nothing. A passage dense in them and holding no number is
# "keyword stuffing": it earns nothing, however many of the right words it uses.
BUZZWORDS = _BUZZ = re.compile(
    r"\b(?:smart|coast|evidence[- ]based|best[- ]practices?|(?:patient|client|person|family)[- ]cent(?:er|re)d"
    r"|measurable|teach[- ]?back|read[- ]?back|closed[- ]loop|i-?pass|i?sbar|cus|synthesis|accountab\w+"
    r"|per\s+(?:protocol|policy|guidelines?|chain\s+of\s+command|standards?)|as\s+(?:appropriate|needed|indicated"
    r"|tolerated|required)|appropriate(?:ly)?|timely|holistic|interdisciplinary|functional\s+outcomes?|skilled"
    r"|standardi[sz]ed|quality\s+improvement|safety[- ]first|ensure\w*|optimi[sz]\w*|comprehensive\w*|robust"
    r"|streamlin\w*|proactive\w*|collaborative\w*|all\s+(?:red\s+flags|actions|handoffs|patients|transitions)"
    r"|escalat\w*|red\s+flags?|goals?|baseline|documentation|compliance|framework|template|(?:clinical\s+)?judge?ment"
    r"|pdsa|qi|safety\s+culture|near[- ]misses|defensibl[ey]|standardi[sz]ed\s+measures|clinical\s+reasoning"
    r"|methodology|maximi[sz]\w*|facilitat\w*|enhanc\w*|leverag\w*|multi-?morbid|plain[- ]language|health[- ]literacy\S*|adherence|motivational\s+interviewing"
    r"|shared\s+decision[- ]making|chunk[- ]and[- ]check|verbali[sz]ed|kpis?|dashboards?|stakeholders?|triage"
    r"|high[- ](?:volume|acuity)|quality\s+under\s+volume|skilled\s+language|goal[- ]directed|all\s+occupations"
    r"|within\s+(?:the\s+)?timeline|per\s+(?:plan\s+of\s+care|payer\s+requirements|threshold)"
    r"|(?:assessment|baseline|constraint|red\s+flags?|reasoning|goals?|progress|outcomes?|understanding|barriers?"
    r"|education|response)\s+(?:was\s+|were\s+)?(?:completed|established|identified|screened|applied|achieved"
    r"|improved|addressed|documented|met|provided|given|agreed))\b"
)
# Plain nouns that stuffing leans on but honest text uses too: they count toward density, never alone.
_GENERIC_BUZZ = re.compile(
    r"\b(?:goals?|baseline|documentation|compliance|framework|template|escalat\w*|red\s+flags?|progress|outcomes?"
    r"|education|response|understanding|barriers?|assessment|reasoning|constraint|stakeholders?|triage|adherence)\b"
)
STUFFED_SHARE = 0.25  # buzzwords per word in a passage, with at least MIN_BUZZWORDS of them
MIN_BUZZWORDS = 3
SHORT_PASSAGE_WORDS = 6  # up to this many words, one buzzword in three words is enough
SHORT_STUFFED_SHARE = 0.3
# A pasted passage shares at least this share of its word trigrams with the form's text.
PASTED_SHARE = 0.5
MIN_PASTED_WORDS = 5
# A recommended phrasing followed by at least this many words of the candidate's own is used, not pasted.
MIN_OWN_WORDS = 3


@dataclass(frozen=True)
class Cleaned:
    """Each section's text with placeholders and pasted form text blanked out, and the findings saying so."""

    fields: Mapping[str, str]
    findings: tuple[Finding, ...]


def is_placeholder(text: str) -> bool:
    """True when `text` holds nothing but placeholder words and punctuation (or nothing at all)."""
    return _PLACEHOLDER.fullmatch(fold(text)) is not None


def clean(kind: KindSpec, fields: Mapping[str, str]) -> Cleaned:
    """Blank out placeholders and passages that repeat the form, keeping offsets; report both."""
    form = _form_trigrams(kind)
    cleaned: dict[str, str] = {}
    findings: list[Finding] = []
    for section in kind.sections:
        body = fields.get(section.key, "") or ""
        row = (section.rows or kind.rows or ("documentation",))[0]
        if not body.strip():
            cleaned[section.key] = body
            continue
        slots = list(_SLOT.finditer(body))
        if slots:
            body = _blank_slots(body, slots)
            findings.append(
                Finding(
                    field=section.key,
                    start=slots[0].start(),
                    end=slots[0].end(),
                    check="section.placeholder",
                    row=row,
                    severity="warning",
                    message=f"\u201c{slots[0].group(0)}\u201d is a template blank left unfilled, so it earns nothing.",
                    fix=section.guidance or "Write this section in your own words.",
                )
            )
        if is_placeholder(body) or _POINTER_ONLY.fullmatch(fold(body)):
            cleaned[section.key] = " " * len(body)
            findings.append(
                section_finding(
                    section.key,
                    body,
                    check="section.placeholder",
                    row=row,
                    severity="warning",
                    message=f"\u201c{section.label}\u201d holds only a placeholder, so it earns nothing yet.",
                    fix=section.guidance or "Write this section in your own words.",
                )
            )
            continue
        kept = list(body)
        pasted = []
        stuffed = []
        passages = list(_passages(body))
        example_until = 0
        # Where the candidate writes what they say to the client, a question to "you" is the client's.
        spoken = any(rule.row == PATIENT_EDUCATION and section.key in rule.sections for rule in kind.evidence)
        designed = section.key in kind.role("prompts")
        for index, span in enumerate(passages):
            if span.start < example_until:
                continue  # inside the bracketed example of a prompt, blanked with it
            if is_placeholder(span.text):
                kept[span.start : span.end] = " " * (span.end - span.start)
                continue
            following = passages[index + 1].text if index + 1 < len(passages) else ""
            # Another form's prompt, pasted with its example: "When did you document? (e.g. within 1 hour)";
            # not where the candidate writes the questions for someone else (a handoff's items, a checklist's).
            prompted = not designed and is_form_prompt(
                span.text, body[span.end : span.end + 40], to_the_writer=not spoken
            )
            if prompted:
                example = _EXAMPLE_AFTER.match(body, span.end)
                if example:
                    example_until = example.end()
                    kept[span.end : example_until] = " " * (example_until - span.end)
            # A form's instruction to its writer, or its brief ("State the one message you want the patient/
            # caregiver to remember"); one cut in two at "e.g." is read whole, and its example is cut with it.
            instruction = is_writing_instruction(span.text)
            brief = not designed and is_pasted_brief(span.text)
            cut_at_example = bool(following) and _ENDS_IN_EXAMPLE.search(span.text) is not None
            if cut_at_example and not (instruction or brief or designed):
                brief = is_pasted_brief(f"{span.text} {following}")
            if cut_at_example and (instruction or brief):
                after = passages[index + 1]
                example_until = after.end
                kept[after.start : after.end] = " " * (after.end - after.start)
            if (
                prompted
                or instruction
                or brief
                or (
                    _shares_form_text(span.text, form)
                    and not _adapts_recommended_phrasing(span.text, kind)
                    and not _carried_on_in_the_next_passage(span.text, following, kind)
                )
            ):
                kept[span.start : span.end] = " " * (span.end - span.start)
                pasted.append(span)
            elif is_stuffed(span.text) and not (following and _POINTS_ON.search(fold(span.text))):
                kept[span.start : span.end] = " " * (span.end - span.start)
                stuffed.append(span)
        cleaned[section.key] = "".join(kept)
        for span in stuffed[:2]:
            findings.append(
                Finding(
                    field=section.key,
                    start=span.start,
                    end=span.end,
                    check="section.buzzwords",
                    row=row,
                    severity="warning",
                    message=(
                        "This passage names what good work has (frameworks, 'measurable', 'as appropriate') "
                        "without showing any of it, so it earns nothing."
                    ),
                    fix="Replace the labels with the content: the number, the role, the time, the threshold.",
                )
            )
        for span in pasted[:3]:
            findings.append(
                Finding(
                    field=section.key,
                    start=span.start,
                    end=span.end,
                    check="section.form_text",
                    row=row,
                    severity="warning",
                    message=(
                        "This passage repeats the form's own guidance or example, so it earns nothing: "
                        "reviewers want your case, not the template."
                    ),
                    fix="Replace it with what you actually did or would do, in your own words and numbers.",
                )
            )
    return Cleaned(fields=cleaned, findings=tuple(findings))


# A form's prompt asks the writer about their own work, in the second person ("Who did you escalate to?") or
# with its example in brackets after it ("How will you measure it? (e.g. % seen)"). In a Q&A voice the
# writer asks in the first person ("Who did I tell?") and answers in their own words.
_PROMPT_QUESTION = re.compile(
    r"^\W*(?:what|which|who|whom|when|where|why|how|did|have|has)\b[^?\"\u201c\u2018']{0,160}?\b(?:did|have|were)\s+you\b"
    r"[^?\"\u201c\u2018']{0,160}\?\W*$",
    re.IGNORECASE,
)
_EXAMPLE_OPENING = re.compile(r"^\W*\(\s*(?:e\.\s?g\.?|eg\b|for\s+example|for\s+instance|such\s+as)", re.IGNORECASE)
_EXAMPLE_AFTER = re.compile(
    r"\s*\(\s*(?:e\.\s?g\.?|eg\b|for\s+example|for\s+instance|such\s+as)[^()]{0,300}\)", re.IGNORECASE
)


def is_form_prompt(passage: str, following: str = "", *, to_the_writer: bool = True) -> bool:
    """True for a question a form asks the writer, not an answer: to "you" about work done, or with its "(e.g. …)".

    With `to_the_writer` false (a script or teach-back, where "you" is the client) only the example marks it.
    """
    text = passage.strip()
    if not text.endswith("?") and not (text.endswith(")") and "?" in text):
        return False
    question = text.split("(")[0].strip() if text.endswith(")") else text
    if not question.endswith("?"):
        return False
    if _EXAMPLE_OPENING.match(following) or _EXAMPLE_OPENING.match(text[len(question) :]):
        return True
    return to_the_writer and _PROMPT_QUESTION.match(question) is not None


def _blank_slots(body: str, slots: list[re.Match[str]]) -> str:
    kept = list(body)
    for slot in slots:
        kept[slot.start() : slot.end()] = " " * (slot.end() - slot.start())
    return "".join(kept)


def buzzword_count(text: str) -> int:
    """How many rubric buzzwords and filler phrases a (folded) text holds."""
    return len(_BUZZ.findall(text))


def is_stuffed(passage: str) -> bool:
    """True for a passage dense in rubric vocabulary and holding no number: claims without content."""
    lowered = fold(passage)
    if re.search(r"\d", lowered):
        return False
    words = len(_WORD.findall(lowered))
    if words <= 1 or len(lowered.split()) <= 1:
        return False  # "ISBAR." or "I-PASS." opening a section names what follows: a heading, not a claim
    buzz = len(_BUZZ.findall(lowered))
    if words <= SHORT_PASSAGE_WORDS:  # "Teach-back completed." says it happened, not what happened
        strong = buzz - len(_GENERIC_BUZZ.findall(lowered))  # "(Transfer goals.)" is a label, not a claim
        return strong >= 1 and strong / max(words, 1) >= SHORT_STUFFED_SHARE
    return buzz >= MIN_BUZZWORDS and buzz / max(words, 1) >= STUFFED_SHARE


def _passages(body: str) -> Iterator[Span]:
    """Sentences within list items: the unit a candidate pastes."""
    for item in iter_items(body):
        for sentence in iter_sentences(item.text):
            yield Span(item.start + sentence.start, item.start + sentence.end, sentence.text)


def _trigrams(words: list[str]) -> set[tuple[str, str, str]]:
    return {tuple(words[index : index + 3]) for index in range(len(words) - 2)}


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


@lru_cache(maxsize=64)
def _form_trigrams(kind: KindSpec) -> frozenset[tuple[str, str, str]]:
    found: set[tuple[str, str, str]] = set()
    for section in kind.sections:
        for text in (section.guidance, section.placeholder):
            found |= _trigrams(_words(text))
    return frozenset(found)


# A phrasing the guidance recommends, in quotes: “I want to be sure I explained this well.”
_QUOTED = re.compile(r"\u201c[^\u201d]*\u201d|\"[^\"]*\"")


@lru_cache(maxsize=64)
def _form_trigrams_unquoted(kind: KindSpec) -> frozenset[tuple[str, str, str]]:
    """The form's trigrams outside the phrasings its guidance recommends in quotes (the placeholder counts whole)."""
    found: set[tuple[str, str, str]] = set()
    for section in kind.sections:
        for part in _QUOTED.split(section.guidance):
            found |= _trigrams(_words(part))
        found |= _trigrams(_words(section.placeholder))
    return frozenset(found)


def _adapts_recommended_phrasing(passage: str, kind: KindSpec) -> bool:
    """A phrasing the guidance recommends in quotes, carried on in the candidate's own words.

    "I want to be sure I explained this clearly, because it's a lot" follows the form's advice; the
    quoted phrase alone, or any copy of the guidance's own prose or example, is still the form's text.
    """
    if _shares_form_text(passage, _form_trigrams_unquoted(kind)):
        return False
    words = _words(passage)
    form = _form_trigrams(kind)
    covered = [False] * len(words)
    for index in range(len(words) - 2):
        if tuple(words[index : index + 3]) in form:
            covered[index : index + 3] = [True, True, True]
    return covered.count(False) >= MIN_OWN_WORDS


def _carried_on_in_the_next_passage(passage: str, following: str, kind: KindSpec) -> bool:
    """A recommended phrasing said as its own sentence, then carried on in the candidate's own question.

    "I want to be sure I explained this well. Can you show me how you'll lock the brakes?" is the form's
    advice followed, sentence by sentence: said to someone, and asking them. The phrasing alone, followed by
    more of the form, or a quoted example followed by a statement (the next item of a pasted example), is not.
    """
    if not following.rstrip().rstrip("\"'\u201d\u2019)").endswith("?"):
        return False
    if _shares_form_text(passage, _form_trigrams_unquoted(kind)):
        return False
    if _shares_form_text(following, _form_trigrams(kind)):
        return False
    return _adapts_recommended_phrasing(f"{passage} {following}", kind)


def _shares_form_text(passage: str, form: Iterable[tuple[str, str, str]]) -> bool:
    words = _words(passage)
    if len(words) < MIN_PASTED_WORDS:
        return False
    grams = _trigrams(words)
    if not grams:
        return False
    shared = sum(1 for gram in grams if gram in form)
    return shared / len(grams) >= PASTED_SHARE
