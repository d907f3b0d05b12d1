"""Names of the client, relatives, household members and employers (A), and staff names (a warning).

A word is read as a name from where it stands, not only from what it is:
- person positions: after a kinship or role word ("husband frank", "Aunt Bea", "client (Harold)",
  "nanny, Svetlana"), a title with or without a dot ("Mr.Smith", "mrs. w."), as the subject of
  a reporting or doing verb ("Oluwaseun ambulated"), before a possessive ("Jaylen's mother"), in
  "the Moreno family", and in an apposition ("Gwendolyn, her roommate");
- shapes: an initial before a surname ("K. Nguyen"), a surname, comma, first name
  ("Smith, Margaret"), a Census first name before a surname;
- vocabulary: in a person position, a word counts if it is a Census name or a word found in no
  English vocabulary (Webster's Second, `lists.is_english_word`) and no clinical stop list, so
  names outside the 1990 Census lists are caught without listing them, and "Client will" or
  "Berg Balance Scale" are not.
Staff named by a role ("per PT Jones", "nurse Kim", "Dr. Patel, the attending") are reported as
`staff_name`, which the gate shows as a warning, not an error.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from portfolios.rubric.phi.common import (
    Identifier,
    clean_start,
    letter_words,
    window_after,
    window_before,
    words_before,
)
from portfolios.rubric.phi.lists import (
    EPONYM_FOLLOWERS,
    FIRST_NAMES,
    STOPWORDS,
    SURNAMES,
    TWO_LETTER_NAMES,
    US_PLACES,
    WORDLIKE_FIRST_NAMES,
    is_english_word,
    name_key,
    word_set,
)
from portfolios.rubric.phi.places import STATE_NAME_SET, specific_words

# "Margaret", "McDonald", "O'Brien", "Ann-Marie". The pattern starts with [A-Z] so the engine can
# skip ahead; each capitalised word is then read with the words around it.
_NAME_WORD = r"[A-Z](?:[a-z]{0,2}[A-Z]|['’][A-Z])?[a-z]+(?:-[A-Z][a-z]+)?"
_NAME_WORD_PATTERN = _NAME_WORD
_CAPITALISED = re.compile(rf"{_NAME_WORD}(?=(?P<dot>\.?)[ \t]+(?P<next>{_NAME_WORD})(?![\w-]))?")
_NEXT_NAME_WORD = re.compile(rf"[ \t]+({_NAME_WORD})(?![\w-])")
# What a person does in a note: the verb right after a word shows the word names someone.
_PERSON_VERBS = (
    r"reports?|reported|states?|stated|said|says|asked|asks|agreed|agrees|declined|declines|denies|denied|wants|"
    r"wanted|prefers|preferred|demonstrated|demonstrates|verbalized|verbalised|expressed|shared|told|explained|"
    r"described|enjoys|enjoyed|likes|liked|loves|loved|lives|lived|attended|attends|returned|fell|cried|laughed|"
    r"practiced|practised|recalled|remembered|completed|completes|ambulated|ambulates|tolerated|tolerates|"
    r"needed|needs|required|requires|performed|performs|transferred|transfers|drives|drove|walked|walks|signed|"
    r"brought|participated|participates|arrived|requested|requests|wore|stood|dressed|bathed|showered|scored|"
    r"achieved|made|took|tried|went|goes|works|worked|plays|played|wrote|writes|uses|used|helps|helped|"
    r"reached|refused|refuses|consented|called|calls|texted|visited|visits|installed|built|cooks|cooked|"
    r"manages|managed|picks|picked|joins|joined|filled|checks|checked|spends|spent|insists|insisted|naps|"
    r"avoids|avoided|presented|presents|seen|drinks|drank|eats|ate|feeds|sleeps|slept|sits|stands|crawls|rolls|"
    r"dropped|drops|grasps|grasped|holds|held|throws|threw|catches|caught|kicks|kicked|jumps|jumped|runs|ran|"
    r"climbs|climbed|colors|colored|draws|drew|smiles|smiled|talks|talked|speaks|spoke|babbles|cuts|copies|copied|"
    r"traced|traces|propels|propelled|finished|finishes|was|is|has|had|will|did|does|can|could|would"
)
# A subject, then at most one adverb, then the verb: "Santi now drinks from an open cup".
_ACTS = re.compile(
    r"['’]s\b|[ \t]+(?:(?:now|still|also|just|finally|usually|often|always|never|then|again|only|even|already|"
    rf"sometimes|reportedly|independently)[ \t]+)?(?P<verb>{_PERSON_VERBS})\b"
)
# "Mateo (DOB 9/3/2019) seen", "Evelyn (she/her) reports": an aside after a word, skipped before
# the verb is read; one that carries a birth date, an age or pronouns marks a person by itself.
_ASIDE = re.compile(r"[ \t]*\((?P<inside>[^()\n]{1,40})\)")
_PERSON_ASIDE = re.compile(
    r"[ \t]*(?:dob|d\.o\.b|born|age[ \t:]|aged|\d{1,3}[ \t]*(?:y/?o|yrs?|years?)\b|\d{1,3}[mf]\b|he/|she/|they/)"
)
# "Dariusz W.", "Ricky B. (goes by ...)": a given name and the initial of the surname.
_SURNAME_INITIAL = re.compile(r"[ \t]+[A-Z]\.(?![A-Za-z])")
# "J.T., 54M", "initials L.M.D.": dotted initials, read only in a person position.
_INITIALS = re.compile(r"[A-Z]\.[ ]?[A-Z]\.(?:[ ]?[A-Z]\.)?(?![A-Za-z])")
_NOT_INITIALS = word_set(
    "AM PM US UK BID TID QID QD QOD PRN NPO DOB MD DO OT PT RN DC LA NY HS PO OD OS OU AS AD BS MS MA BA "
    "ID ER EG IE NB PS RSVP ASAP SLP CNA LPN NP PA OR"
)
_AGE_SEX_AFTER = re.compile(r",?[ \t]*\(?\d{1,3}[ \t]?(?:[MFmf]\b|y/?o\b|yo\b|yrs?\b|-year)")
_INITIALS_CUES = word_set("initials initial pt client patient resident child")
# "called 'Tiny'", "nickname is 'Boots'", "goes by 'RJ'", "pt 'Nonno Piero' refuses": a quoted name.
_QUOTED_NAME = re.compile(r"""['"](?P<name>[A-Z][A-Za-z'.-]*?(?:[ \t][A-Z][A-Za-z'.-]*?){0,2})[,.]?['"](?![\w'"])""")
# What a family calls its elders and aunts, said before the name: "Aunt Fern", "Abuela Chela".
_KIN_TITLES = word_set(
    "aunt auntie uncle grandma grandpa granny gran nana nanna papa pop pops abuela abuelo tia tio nonna nonno "
    "oma opa bubbe zayde cousin sister brother"
)
# Kinship and role words as a chart abbreviates them in an aside: "Keisha (dtr)", "nancy (pt)".
_KIN_ABBREVIATIONS = word_set("dtr dau sis bro gm gf gd gs hus wf bf gf stepdtr grandma grandpa grandmother")
_KIN_ASIDE = re.compile(r"[ \t]*\([ \t]*(?P<kin>[a-z][a-z/'-]*)[ \t]*\)")
# "Aiyana and Kai", "Rosa & Luis": a second name joined to one just found.
_AND_NAME = re.compile(r"[ \t]+(?:and|&)[ \t]+(" + _NAME_WORD_PATTERN + r")(?![\w-])")
_NICKNAME_BEFORE = word_set("a.k.a aka alias")
_NICKNAME_CUES = word_set("called nicknamed nickname nicknames call calls calling prefers prefer")
_CALLING = word_set("call calls called calling nicknamed")
_OBJECT_PRONOUNS = word_set("him her them me")
_NICKNAME_PAIRS = frozenset({("goes", "by"), ("known", "as"), ("nickname", "is"), ("name", "is"), ("go", "by")})
# A line that opens with a lower-case given name and a verb: "lily-mae dropped the crayon".
_LINE_START_WORD = re.compile(r"^[ \t*>•-]*(?P<word>[a-z][a-z'-]+)[ \t]+(?P<verb>[a-z]+)\b", re.MULTILINE)
_LOWER_KIN_ASIDE = re.compile(r"(?P<word>[a-z][a-z'-]{2,})[ \t]*\([ \t]*(?P<kin>[a-z]+)[ \t]*\)")
# "k.t. tolerated brushing": a child's initials typed in lower case open the line.
_LINE_START_INITIALS = re.compile(
    r"^[ \t*>•-]*(?P<initials>[a-z]\.[a-z]\.(?:[a-z]\.)?)[ \t]+(?P<verb>[a-z]+)\b", re.MULTILINE
)
# Copulas and modals follow any subject ("Dycem is", "Telehealth will"): they show a person only
# after a word already known to be a first name.
# Verbs a drug, a device or a brand takes as readily as a person ("Lyrica helps", "Epic flagged")
# count the same way.
_WEAK_VERBS = word_set(
    "was is has had will did does can could would needed needs required requires helps helped works worked made "
    "took went goes uses used reached checked checks presented presents"
)
_STRONG_PERSON_VERBS = frozenset(_PERSON_VERBS.split("|")) - _WEAK_VERBS
_TITLES = word_set("MR MRS MS MX MISS DR MISTER DOCTOR PROF")
_TITLE_STOP = word_set(
    "CLIENT PATIENT PT VISIT VISITS NOTE NOTES ORDER ORDERS OFFICE APPOINTMENT FOLLOW REFERRAL AND OR THE"
)
_RELATIONS = word_set(
    """
    wife husband spouse partner son daughter stepson stepdaughter brother sister mother father mom dad grandson
    granddaughter grandmother grandfather grandchild niece nephew cousin aunt uncle fiance fiancee fiancé fiancée
    caregiver aide friend neighbor neighbour roommate guardian dpoa poa named nicknamed hubby grandma grandpa
    nana papa granny gran nanny babysitter boyfriend girlfriend stepmother stepfather stepmom stepdad sibling
    twin godmother godfather landlord landlady housemate tenant sitter companion
    grandkids grandchildren grandsons granddaughters kids sons daughters sisters brothers parents cousins
    """
)
# A role word before a word: the word may be the client's name ("Client Xiomara", "pt (Rosalind)").
_ROLES = word_set("client pt patient resident child toddler infant baby student teen boy girl kid member")
_SAINT = re.compile(r"(?:\bSt\.?|\bSaint)[ \t]+$")
_EMPLOYER_HINT = re.compile(r"work|job|employ|retired|boss|manager|supervisor|shift")
_RELATION_PAIRS = frozenset({("goes", "by"), ("be", "called"), ("is", "called"), ("was", "called"), ("name", "is")})
# The last word before a capitalised word that may make it a name whatever the word is.
_RELATION_HINT_WORDS = _RELATIONS | word_set("by called is")
_EMPLOYER_VERBS = word_set("works worked working employed job retired boss employer manager supervisor shifts")
_EMPLOYER_LINKS = word_set("at for by from")
# Words after a kinship word that are grammar, not a name ("husband will help", "son and daughter").
_FUNCTION_WORDS = word_set(
    """
    will may can is was has had does did and or but who that which also then now still helps lives works drives
    says said reports stated the a an to at in on of for with from by as is are were be been being not no
    who's whom whose would could should might must shall do too very just only often usually always never
    """
)
_APPOSITION = re.compile(
    r",[ \t]+(?:the|her|his|their|my|our|a)[ \t]+(?:client|patient|pt|resident|"
    + "|".join(sorted(_RELATIONS, key=len, reverse=True))
    + r")\b"
)

# Staff: role abbreviations and nouns that put a staff member's name after them.
_STAFF_CREDENTIALS = word_set("otr/l otr ot/l cota/l cota ot pt dpt pta rn lpn cna slp np md do pa-c aprn")
_STAFF_ABBREVIATIONS = word_set("PT OT RN SLP COTA PTA LPN CNA NP MD OTR DPT CM SW PA-C APRN")
_STAFF_ABBREVIATION_WORDS = frozenset(word.lower().split("-")[0] for word in _STAFF_ABBREVIATIONS)
_STAFF_ROLES = word_set(
    """
    attending surgeon physician nurse therapist hospitalist neurologist cardiologist physiatrist resident intern
    orthopedist psychiatrist psychologist pharmacist dietitian doctor provider teacher coordinator supervisor
    """
)
_STAFF_CUES_BEFORE = (
    word_set(
        "per by with w/ w from to called paged notified messaged contacted informed consulted cc cc'd and or "
        "covering ordering referring pcp ortho"
    )
    | _STAFF_ROLES
    | _STAFF_CREDENTIALS
)
_STAFF_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*(?:the|our|her|his|their)?[ \t]*|\([ \t]*)(?:" + "|".join(sorted(_STAFF_ROLES)) + r"|pcp|ortho"
    # "Dr. Okafor (physiatry)", "Dr. Lee (dev peds)": a medical specialty in brackets.
    r"|(?:[a-z]+[ \t])?[a-z]*(?:ology|iatry|peds|pedics|ics|medicine|surgery))\b"
)
_STAFF_ABBREVIATION_NAME = re.compile(rf"(?P<role>[A-Z]{{2,4}})[ \t]+(?P<name>{_NAME_WORD})(?![\w-])")

# "Mr. Smith", "mr.smith", "Mrs. W.", "dr. patel". Lower-case titles need their dot, except the
# unambiguous "mr"/"mrs" ("ms" is multiple sclerosis, "dr" a drive, "miss" a verb).
_TITLE = re.compile(
    r"(?i:[mdp])(?:(?i:rs?)\.?|(?i:s|x)\.?|(?i:iss|ister|octor|rof)\.?)(?:[ \t]*)"
    r"(?P<word>[A-Z]{2,}(?:['’-][A-Z]+)?(?![a-z])|[A-Za-z](?:[a-z]{0,2}[A-Z]|['’][A-Z])?[a-z]*(?:-[A-Za-z][a-z]+)?)"
    r"(?P<initial_dot>\.)?"
)
# "K. Nguyen", "J. Okafor's": an initial before a surname.
_INITIAL_SURNAME = re.compile(rf"[A-Z]\.[ \t]?(?:[A-Z]\.[ \t]?)?(?P<surname>{_NAME_WORD})(?![\w-])")
# "Min A.", "mod-max A.", "CG A.": an assist level's letter, not a name's initial.
_ASSIST_LEVEL_BEFORE = re.compile(
    r"(?i:\b(?:min|mod|max|minimal|moderate|maximal|total|cg|sb)(?:[ \t]*[-/][ \t]*(?:min|mod|max))?)$"
)
# "Smith, Margaret", "Nguyen, Thi Lan".
_SURNAME_FIRST = re.compile(rf"{_NAME_WORD},[ \t]+(?P<first>{_NAME_WORD})(?:[ \t]+(?P<middle>{_NAME_WORD}))?(?![\w-])")
_FAMILY = re.compile(
    r"the[ \t]+(?P<family>[a-z][a-z'’-]+)[ \t]+(?:family|household|residence|kids|children|twins|siblings|boys|girls)\b"
)
_PLURAL_SURNAME = re.compile(r"the[ \t]+(?P<stem>[A-Z][a-z]{2,})(?:e?s)(?![\w'’-])")
_FAMILY_WORDS = ("famil", "household", "residence", "kids", "children", "twins", "siblings", "boys", "girls")
_CUE_WORDS = _RELATIONS | _ROLES
_CONTRACTIONS = ("n't", "n’t", "'ll", "’ll", "'re", "’re", "'ve", "’ve")


@lru_cache(maxsize=256)
def _after_cue(cue: str) -> re.Pattern[str]:
    """The word after one kinship or role word: "husband frank", "client (harold)", "nanny, svetlana"."""
    return re.compile(
        rf"{re.escape(cue)}(?:-in-law)?(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+)(?P<word>[a-z][a-z'’-]{{1,}})"
    )


_REPORTING_LOWER = re.compile(r"[ \t](?:reported|reports|stated|states|said|says|asked|explained|shared|declined)\b")
_LOWER_WORD_BEFORE = re.compile(r"([a-z][a-z'’-]+)[ \t]+$")


def _near_after(ends: list[int], start: int, size: int) -> bool:
    """True when one of the sorted positions `ends` lies within `size` characters before `start`."""
    index = bisect.bisect_right(ends, start)
    return index > 0 and ends[index - 1] > start - size


def _is_surname(word: str | None) -> bool:
    return bool(word) and name_key(word) in SURNAMES and name_key(word) not in STOPWORDS


def _eponym_follows(text: str, end: int) -> bool:
    """True when a test or diagnosis word follows within a few words ("Boston Naming Test")."""
    after = window_after(text, end, 40).lstrip(" \t'’s")
    for word in after.split()[:3]:
        if name_key(word) in EPONYM_FOLLOWERS:
            return True
        if not word[:1].isupper():
            return False
    return False


def _unknown(word: str) -> bool:
    """A word found in no English vocabulary and no clinical stop list: likely a name."""
    key = name_key(word)
    if word.endswith("s") and word[:-1].isupper():
        return False  # "OTs", "CNAs": a plural abbreviation
    if key.endswith("S") and key[:-1] in STOPWORDS:
        return False  # "Evals", "Reevals": the plural of a clinical short form
    return len(key) >= 3 and key not in STOPWORDS and key not in _TITLE_STOP and not is_english_word(word)


def _census_first(word: str) -> bool:
    key = name_key(word)
    return key in FIRST_NAMES and key not in WORDLIKE_FIRST_NAMES and key not in STOPWORDS


def _personal(word: str) -> bool:
    """A Census first name that is not an everyday word, or an unknown word."""
    return _census_first(word) or _unknown(word)


def _is_place(word: str) -> bool:
    key = word.upper()
    return key in STATE_NAME_SET or key in US_PLACES


def _without_asides(window: str) -> str:
    """The window with short bracketed asides taken out: "partner (they/them), Rowan" reads "partner, Rowan"."""
    return _ASIDE.sub("", window) if ")" in window else window


def _previous_word(lower: str, start: int) -> str:
    words = _without_asides(lower[max(0, start - 44) : start]).split()
    return words[-1].strip("'’.-,(:") if words else ""


def _name_cue(lower: str, start: int) -> str | None:
    """'relation' after "daughter", "wife", "named"; 'role' after "client"; 'staff' after "nurse";
    'employer' after "works at"; else None."""
    window = _without_asides(lower[max(0, start - 44) : start])[-28:]
    words = window.replace(",", " ").replace("(", " ").replace(":", " ").split()[-2:]
    if not words or "\n" in window[window.rfind(words[-1]) :]:
        return None
    if words[-1].endswith(".") and words[-1].rstrip(".") in _RELATIONS | _ROLES | _STAFF_ROLES:
        return None  # "lives with an adult son. Wants to cook": the sentence ended
    last = words[-1].strip("'’.-")
    if last.endswith("-in-law"):
        last = last[: -len("-in-law")]
    if last in _RELATIONS:
        return "relation"
    if last in _ROLES and not window.rstrip().endswith(":"):
        return "role"
    if last in _STAFF_ROLES:
        return "staff"
    if len(words) == 2:
        pair = (words[0].strip("'’.-"), last)
        if pair in _RELATION_PAIRS:
            return "relation"
        if last in _EMPLOYER_LINKS and pair[0] in _EMPLOYER_VERBS:
            return "employer"
    return None


def _third_word_end(text: str, next_end: int) -> int | None:
    """End of the capitalised word right after the next one ("Dr. Michael Chen"), if any."""
    third = _NEXT_NAME_WORD.match(text, next_end)
    return third.end(1) if third else None


def _staff_context(lower: str, start: int, end: int) -> bool:
    """A staff cue just before ("per", "by", "attending") or a role just after (", the attending")."""
    before = window_before(lower, start, 30).replace("(", " ").replace(",", " ").split()
    if before and before[-1].strip(".:;") in _STAFF_CUES_BEFORE:
        return True
    return _STAFF_AFTER.match(lower, end) is not None


def names(text: str, lower: str) -> Iterator[Identifier]:
    yield from _capitalised_names(text, lower)
    yield from _titled_names(text, lower)
    yield from _name_shapes(text, lower)
    yield from _lower_case_names(text, lower)
    if "'" in text or '"' in text:
        yield from _quoted_names(text, lower)
    staff = not _STAFF_ABBREVIATION_WORDS.isdisjoint(letter_words(lower))
    for match in _STAFF_ABBREVIATION_NAME.finditer(text) if staff else ():
        if match.group("role") not in _STAFF_ABBREVIATIONS:
            continue
        word = match.group("name")
        if (
            clean_start(text, match.start()) and (_is_surname(word) or _unknown(word)) and not is_english_word(word)
        ) or (clean_start(text, match.start()) and _is_surname(word) and not _eponym_follows(text, match.end())):
            yield Identifier(match.start("name"), match.end("name"), "staff_name")


def _capitalised_names(text: str, lower: str) -> Iterator[Identifier]:
    # Where each work word ends, found once: a capitalised word within 30 characters after one
    # may be an employer's name ("retired from Boeing").
    employer_ends = [match.end() for match in _EMPLOYER_HINT.finditer(lower)]
    for match in _CAPITALISED.finditer(text):
        start = match.start()
        if not clean_start(text, start, "'’-."):
            continue
        word = match.group()
        following = match.group("next")
        word_end = start + len(word)
        next_end = match.end("next") if following else word_end
        # The next capitalised word counts only when nothing but spaces separates it ("Smith. Mary" does not).
        joined = following is not None and not match.group("dot")
        key = name_key(word)
        if key in _TITLES:
            continue  # `_titled_names` reads titles
        # Cheap tests first: most capitalised words are ordinary words at a sentence start.
        stop = key in STOPWORDS or key in _TITLE_STOP
        namey = not stop and (key in FIRST_NAMES or key in SURNAMES or _unknown(word))
        if (
            not namey
            and not _near_after(employer_ends, start, 30)
            and not (not stop and _previous_word(lower, start) in _RELATION_HINT_WORDS)
        ):
            continue
        if _SAINT.search(text, max(0, start - 7), start):
            continue  # "St. Mary's": a church or hospital, which `places` reads
        if "-" in word and not stop and _given_name(word) and not _eponym_follows(text, word_end):
            yield Identifier(start, word_end, "name")  # "Abigail-Rose": two given names joined
            continue
        cue = _name_cue(lower, start)
        if cue == "employer":
            end = (_third_word_end(text, next_end) or next_end) if joined else word_end
            if specific_words(text[start:end])[1]:
                yield Identifier(start, end, "name")
            continue
        if key in STOPWORDS or key in _TITLE_STOP:
            continue
        surname_next = joined and (_is_surname(following) or _unknown(following))
        end = next_end if surname_next else word_end
        if cue == "relation":
            if not _eponym_follows(text, end):  # "Spouse Zarit Burden Interview" is a test
                yield Identifier(start, end, "name")
                second = _AND_NAME.match(text, end)
                if second and name_key(second.group(1)) not in STOPWORDS and not _eponym_follows(text, second.end()):
                    yield Identifier(second.start(1), second.end(1), "name")
            continue
        if cue in ("role", "staff") and _personal(word):
            if not _eponym_follows(text, word_end):
                yield Identifier(start, end, "staff_name" if cue == "staff" else "name")
            continue
        census = _census_first(word)
        if not census and not _unknown(word):
            continue
        if _is_place(word) and not census:
            continue  # `places` reads towns; a town is not a person's name without a person cue
        if joined and surname_next and census:
            if not _eponym_follows(text, next_end):
                yield Identifier(start, next_end, "name")
            continue
        if not joined and (initial := _SURNAME_INITIAL.match(text, word_end)) and not _eponym_follows(text, end):
            yield Identifier(start, initial.end(), "name")
            continue
        verb_at = end
        aside = _ASIDE.match(text, end) if text.startswith("(", end) or text.startswith(" (", end) else None
        if aside:
            kin = _KIN_ASIDE.match(lower, end)
            if _PERSON_ASIDE.match(lower, aside.start("inside")) or (kin and _is_kin(kin.group("kin"))):
                yield Identifier(start, end, "name")
                continue
            verb_at = aside.end()
        acts = _ACTS.match(text, verb_at)
        if (
            acts and (census or acts.group("verb") not in _WEAK_VERBS) and not _eponym_follows(text, end)
        ) or _APPOSITION.match(lower, end):
            yield Identifier(start, end, "name")


def _titled_names(text: str, lower: str) -> Iterator[Identifier]:
    for match in _TITLE.finditer(text):
        start = match.start()
        if not clean_start(text, start, "'’-."):
            continue
        title = text[start : match.start("word")].strip(" \t")
        bare = title.rstrip(".")
        if name_key(bare) not in _TITLES:
            continue
        if bare.islower() and not title.endswith(".") and bare not in ("mr", "mrs", "mister"):
            continue
        if bare.isupper() and not title.endswith(".") and not match.group("word").isupper():
            continue  # "MS Walk", "DR Congo": an all-caps title needs its dot or an all-caps name
        if not title.endswith(".") and match.start("word") == start + len(title):
            continue  # "MrSmith" is no title
        word = match.group("word")
        end = match.end("word")
        if len(word) == 1:
            if not word.isupper():
                continue
            if word in "ABCXYZ" and not _initial_inside_sentence(text, match):
                continue  # "Mr. X", "Mrs. A": the placeholders writers are told to use
            end = match.end()  # "Mrs. W." keeps its dot
        elif word.isupper():
            if name_key(word) in _TITLE_STOP or name_key(word) in STOPWORDS:
                continue
            if is_english_word(word) and not _census_first(word) and not _is_surname(word):
                continue  # "DR. ORDERS"
        elif word[0].isupper():
            if name_key(word) in _TITLE_STOP or name_key(word) in STOPWORDS:
                continue
            if _eponym_follows(text, end):
                continue
            third = _NEXT_NAME_WORD.match(text, end)
            if third and (_is_surname(third.group(1)) or _unknown(third.group(1))):
                end = third.end(1)
        elif is_english_word(word) and not _census_first(word) and not _is_surname(word):
            continue  # "dr. orders", "mr. and mrs."
        elif name_key(word) in _TITLE_STOP:
            continue
        staff = name_key(bare) in ("DR", "DOCTOR", "PROF") and _staff_context(lower, start, end)
        yield Identifier(start, end, "staff_name" if staff else "name")


def _initial_inside_sentence(text: str, match: re.Match[str]) -> bool:
    """True for "husband, Mr. B., uses O2": a dotted initial set off by a comma, so a surname cut short."""
    return bool(match.group("initial_dot")) and text[match.end() : match.end() + 1] in (",", ";", ")")


def _name_shapes(text: str, lower: str) -> Iterator[Identifier]:
    if ". " in text or "." in text:
        for match in _INITIAL_SURNAME.finditer(text):
            surname = match.group("surname")
            if not clean_start(text, match.start(), "'’-."):
                continue
            before = window_before(text, match.start(), 12).rstrip()
            if before.endswith((".", "Mr", "Mrs", "Ms", "Dr")) and before[-3:].strip(".").lower() in (
                "mr",
                "mrs",
                "ms",
                "dr",
            ):
                continue  # the title pass owns "Mrs. W. Smith"
            key = name_key(surname)
            if key in STOPWORDS or key in _TITLE_STOP or _eponym_follows(text, match.end()):
                continue
            if text[match.start()] == "A" and _ASSIST_LEVEL_BEFORE.search(before):
                continue  # "bathing Min A. Swallow: soft diet": an assist level ends, a heading starts
            if _is_surname(surname) or _unknown(surname):
                staff = _staff_context(lower, match.start(), match.end())
                yield Identifier(match.start(), match.end(), "staff_name" if staff else "name")
        yield from _initials(text, lower)
    if "," in text:
        for match in _SURNAME_FIRST.finditer(text):
            start = match.start()
            if not clean_start(text, start, "'’-."):
                continue
            surname = text[start : match.start("first") - 1].rstrip(", \t")
            first = match.group("first")
            if name_key(surname) in STOPWORDS or name_key(first) in STOPWORDS or first.upper() in STATE_NAME_SET:
                continue
            if is_english_word(surname) and not _is_surname(surname):
                continue
            strong_surname = _is_surname(surname) and not is_english_word(surname)
            if not (_census_first(first) or (_unknown(first) and (strong_surname or _unknown(surname)))):
                continue
            if not (strong_surname or _unknown(surname) or _census_first(first)):
                continue
            end = match.end("first")
            middle = match.group("middle")
            if middle and (_personal(middle) or _unknown(middle)) and name_key(middle) not in STOPWORDS:
                end = match.end("middle")
            yield Identifier(start, end, "name")
    if "the " in text:
        # "the Delgados": a family called by its surname in the plural.
        for match in _PLURAL_SURNAME.finditer(text):
            stem = match.group("stem")
            if clean_start(text, match.start()) and _is_surname(stem) and not is_english_word(stem + "s"):
                yield Identifier(match.start(), match.end(), "name")
    if any(word in lower for word in _FAMILY_WORDS):
        for match in _FAMILY.finditer(lower):
            word = text[match.start("family") : match.end("family")]
            if name_key(word) in STOPWORDS:
                continue
            if _unknown(word) or (word[0].isupper() and _is_surname(word)):
                yield Identifier(match.start("family"), match.end("family"), "name")


def _initials(text: str, lower: str) -> Iterator[Identifier]:
    """Dotted initials after "initials", a role or a kinship word, or before an age ("J.T., 54M") or a verb."""
    for match in _INITIALS.finditer(text):
        start, end = match.start(), match.end()
        if not clean_start(text, start, "'’-.") or text[start:end].replace(".", "").replace(" ", "") in _NOT_INITIALS:
            continue
        before = words_before(lower, start, 30)
        cued = bool(before) and (before[-1] in _INITIALS_CUES or before[-1] in _RELATIONS)
        acts = _ACTS.match(text, end)
        if cued or _AGE_SEX_AFTER.match(text, end) or (acts and acts.group("verb") not in _WEAK_VERBS):
            yield Identifier(start, end, "name")


def _quoted_names(text: str, lower: str) -> Iterator[Identifier]:
    """A quoted name after a nickname cue ("goes by 'RJ'") or right after a role or kinship word."""
    for match in _QUOTED_NAME.finditer(text):
        if not clean_start(text, match.start(), "'\""):
            continue
        before = words_before(lower, match.start(), 40) or [""]
        words = match.group("name").split()
        if all(name_key(word) in STOPWORDS for word in words) or any(len(word) < 2 for word in words):
            continue
        last = before[-1]
        if last in _OBJECT_PRONOUNS and len(before) > 1 and before[-2] in _CALLING:
            last = before[-2]  # "calls him 'Chief'"
        pair = (before[-2], last) if len(before) > 1 else ("", last)
        nickname = last in _NICKNAME_CUES or last in _NICKNAME_BEFORE or pair in _NICKNAME_PAIRS
        # A kinship word just before ("niece 'Bunny'", "sibling, 'Bubba,'") or in brackets just after
        # ("'Mimi' (grandma)") makes any quoted capitalised word a name, even an English one.
        kin_after = _KIN_ASIDE.match(lower, match.end())
        relation = last in _RELATIONS or bool(kin_after and _is_kin(kin_after.group("kin")))
        person = last in _ROLES and any(_personal(word) for word in words)
        start, end = match.start("name"), match.end("name")
        if len(words) > 1 and name_key(words[0]).lower() in _KIN_TITLES:
            # "Aunt Fern", "Grandpa Teodoro": a family title before a name is what the family calls the person.
            yield Identifier(start, end, "name")
        elif nickname or relation or (person and last):
            yield Identifier(start, end, "name")
        else:
            continue
        aside = _ASIDE.match(text, match.end())
        if aside and (inner := aside.group("inside").strip()) and _looks_given(inner):
            yield Identifier(aside.start("inside"), aside.end("inside"), "name")  # "'Bunny' (Bernadette)"


def _is_kin(word: str) -> bool:
    return word in _RELATIONS or word in _KIN_ABBREVIATIONS or word in _KIN_TITLES


def _looks_given(word: str) -> bool:
    """One capitalised word that is a given name or a word in no English vocabulary."""
    return bool(re.fullmatch(_NAME_WORD, word)) and name_key(word) not in STOPWORDS and _personal(word)


def _given_name(word: str) -> bool:
    """A Census given name that is no English word, or two given names joined ("lily-mae")."""
    if "-" in word:
        parts = word.split("-")
        return len(parts) == 2 and all(name_key(part) in FIRST_NAMES for part in parts)
    return _census_first(word) and not is_english_word(word)


def _lower_case_names(text: str, lower: str) -> Iterator[Identifier]:
    """Names typed in lower case after a kinship or role word, or before a reporting verb."""
    # Each cue word present gets its own literal-led pattern: far cheaper than one alternation of all.
    for cue in sorted(_CUE_WORDS.intersection(letter_words(lower))):
        yield from _after_cue_names(text, lower, cue)
    yield from _reporting_names(text, lower)
    if "(" in text:
        for match in _LOWER_KIN_ASIDE.finditer(text):
            word, kin = match.group("word"), match.group("kin")
            if (_is_kin(kin) or kin in _ROLES) and clean_start(text, match.start()) and _census_first(word):
                yield Identifier(match.start("word"), match.end("word"), "name")  # "nancy (pt) refused"
    for match in _LINE_START_WORD.finditer(text):
        word = match.group("word")
        if match.group("verb") in _STRONG_PERSON_VERBS and (_given_name(word) or _unknown(word)):
            yield Identifier(match.start("word"), match.end("word"), "name")
    for match in _LINE_START_INITIALS.finditer(text):
        initials = match.group("initials").replace(".", "")
        ordinary = initials.upper() in _NOT_INITIALS or initials in ("eg", "ie", "am", "pm")
        if not ordinary and match.group("verb") in _STRONG_PERSON_VERBS:
            yield Identifier(match.start("initials"), match.end("initials"), "name")


def _after_cue_names(text: str, lower: str, cue: str) -> Iterator[Identifier]:
    for match in _after_cue(cue).finditer(lower):
        start = match.start("word")
        if not clean_start(lower, match.start()) or not text[start].islower():
            continue
        word = match.group("word").rstrip("'’-")
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        if len(word) < 3:
            if word in TWO_LETTER_NAMES and cue in _RELATIONS:
                yield Identifier(start, start + len(word), "name")
            continue
        if word in _FUNCTION_WORDS or name_key(word) in STOPWORDS or word.endswith(("'d", "’d")):
            continue  # "pt req'd": a clipped verb, not a name
        if word.endswith(_CONTRACTIONS):
            continue  # "your child can't", "the client won't": a verb, never a name
        if "-" in word and any(is_english_word(part) for part in word.split("-")):
            continue  # "caregiver teach-back"
        role = cue in _ROLES
        census = name_key(word) in FIRST_NAMES and not is_english_word(word)
        if (census or (not role and name_key(word) in FIRST_NAMES)) or _unknown(word):
            if role and not census and not _unknown(word):
                continue
            yield Identifier(start, start + len(word), "name")


def _reporting_names(text: str, lower: str) -> Iterator[Identifier]:
    for match in _REPORTING_LOWER.finditer(lower):
        head = _LOWER_WORD_BEFORE.search(text, max(0, match.start() - 40), match.start() + 1)
        if not head or not head.group(1).islower():
            continue
        last = head.group(1)
        first_word = _LOWER_WORD_BEFORE.search(text, max(0, head.start() - 30), head.start()) if head.start() else None
        if (
            first_word
            and first_word.group(1).islower()
            and _census_first(first_word.group(1))
            and not is_english_word(first_word.group(1))
            and _is_surname(last)
        ):
            yield Identifier(first_word.start(1), head.end(1), "name")
        elif _census_first(last) and not is_english_word(last):
            yield Identifier(head.start(1), head.end(1), "name")
