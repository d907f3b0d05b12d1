"""Dates more precise than the year (C) and ages over 89 (C)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.phi.common import (
    WORD_TOKEN,
    Identifier,
    clean_start,
    matched,
    window_after,
    window_before,
    words_after,
    words_before,
)
from portfolios.rubric.phi.lists import FIRST_NAMES, SURNAMES, name_key, word_set

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_MONTH_CAPS = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_AGE_UNIT = (
    r"(?:y/o\b|y\.o\.|yo\b|y\.?o\b|years?[ \t-]+old\b|yrs?\.?(?:[ \t-]+old\b)?|yr[ \t-]old\b|year[ \t-]old\b"
    r"|years?[ \t]+of[ \t]+age\b|years?[ \t]+young\b)"
)
_MONTH_TAIL = (  # a month name after its first letter, which the patterns below match on its own
    r"(?:(?<=J)(?:anuary|an|une|un|uly|ul)|(?<=F)(?:ebruary|eb)|(?<=M)(?:arch|ar|ay)|(?<=A)(?:pril|pr|ugust|ug)"
    r"|(?<=S)(?:eptember|ept|ep)|(?<=O)(?:ctober|ct)|(?<=N)(?:ovember|ov)|(?<=D)(?:ecember|ec))(?![a-z])"
)
_MONTH_CAPS_TAIL = (
    r"(?:(?<=J)(?:AN|UN|UL)|(?<=F)EB|(?<=M)(?:AR|AY)|(?<=A)(?:PR|UG)|(?<=S)EPT?|(?<=O)CT|(?<=N)OV|(?<=D)EC)"
)
_NUMBER_FIRST_DATES = re.compile(
    r"[0-9](?:"
    rf"(?P<hyphen_month>\d?-(?:{_MONTH}|{_MONTH_CAPS})(?:-(?:\d{{4}}|\d\d))?)(?![\w-])"
    # Numeric dates: m/d/yyyy, d-m-yy, yyyy-mm-dd, dd.mm.yyyy (Presidio's patterns), m/yyyy and a bare m/d.
    r"|(?P<numeric>\d{0,3}(?P<separator>[/.-])\d{1,4}(?:(?P=separator)\d{1,4})?)(?:T\d\d:\d\d)?(?![\w/+%]|[.-]\d)"
    rf"|(?P<day_month>\d?(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?{_MONTH}(?![a-z])\.?(?:,?[ \t]+{_YEAR}(?!\d))?)"
    rf"|(?P<age>(?:(?<=9)\d|(?<=1)[01]\d)[ \t]*-?[ \t]*{_AGE_UNIT})"
    r")"
)
_MONTH_FIRST_DATES = re.compile(
    r"[ADFJMNOS](?:"
    rf"(?P<caps_month>{_MONTH_CAPS_TAIL}-(?:\d{{4}}|\d\d))(?![\w-])"
    rf"|{_MONTH_TAIL}(?:(?P<month_hyphen>-(?:\d{{4}}|\d\d))(?![\w-])"
    rf"|\.?[ \t]+(?P<month_day>\d{{1,2}})(?:st|nd|rd|th)?(?!\w)(?:,?[ \t]+{_YEAR}(?!\d))?"
    rf"|\.?,?[ \t]+(?:of[ \t]+)?(?P<month_year>{_YEAR})(?!\d)"
    # "Jan '22", "Sept '19": a month and a year cut to two digits.
    r"|\.?[ \t]+['’]\d\d(?![\w'’]))"
    r")"
)
_AGE_WORDS = re.compile(
    r"[AaTtWw](?:(?<=[Aa])ged?(?![a-z])|(?<=[Aa])ge[ \t]*:|(?<=[Aa])ge[ \t]+of|(?<=[Tt])urn(?:ed|s|ing)"
    r"|(?<=[Ww])ill[ \t]+be)[ \t]*(?P<aged>9\d|1[01]\d)(?![\w+]|\.\d)"
)
# "Client B, 94, lives alone", "Evelyn Brooks (93)": a bare age set off right after a name or role.
_AGE_ASIDE = re.compile(r"[,(][ \t]*(?P<aside_age>9\d|1[01]\d)[ \t]*(?=[,);]|\.(?!\d)|$)", re.MULTILINE)
_BIRTH_YEAR = re.compile(
    r"[BbDdYy](?:(?<=[Bb])orn(?:[ \t]+in)?|(?<=D)OB|(?<=d)ob|(?<=D)\.O\.B\.?|(?<=[Yy])ear[ \t]+of[ \t]+birth"
    r"|(?<=Y)OB|(?<=b)\.)[ \t]*:?[ \t]*(?P<birth_year>1[89]\d\d)(?!\d|[-/.]\d)"
)
# "her 100th birthday", "At 91, she still gardens": an age over 89 said as a birthday or as "at N,"
# before the person.
_SPOKEN_AGE = re.compile(
    r"(?P<spoken_age>(?:9\d|1[01]\d)(?:st|nd|rd|th)[ \t]+(?:birthday|bday|b-day))"
    r"|(?<![\w-])at[ \t]+(?P<at_age>9\d|1[01]\d),[ \t]*(?=(?:she|he|they|pt|client|patient|the[ \t]+client)\b)"
)
# A birth year of 1935 or earlier means an age over 89: Safe Harbor counts the year of birth as a
# date element "indicative of such age". Fixed, so the same text always gets the same result;
# move it on by one each January.
OLDEST_SHAREABLE_BIRTH_YEAR = 1936

_DATE_CUES = word_set(
    "on dated date dob born birth birthday birthdate admit admitted admission adm discharged discharge d/c dc seen "
    "eval evaluated evaluation re-eval reeval dos doi surgery surg injury inj onset fell fall visit visited "
    "scheduled appt appointment s/p post-op postop since until before after expires expire expiring due "
    # Care events that date what follows: "transferred 2/14", "d/c'd 9/11", "moved to 10/9".
    "transferred transfer referred referral d/c'd dc'd discharged moved rescheduled entered ordered "
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun"
)
_WEEKDAYS = word_set(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs fri sat sun"
)
_WEEKDAYS_FULL = word_set("monday tuesday wednesday thursday friday saturday sunday")
# Words that put a date after them only when the fraction cannot be a score ("completed 4/1", but
# "completed 3/4" is three of four): a numerator above its denominator is no score.
_WEAK_DATE_CUES = word_set(
    "completed started began begun ended returned arrived received sent signed ordered reviewed reassessed "
    "updated called last next through thru between"
)
# "the weekend of 7/4", "week of 3/9": a time word and "of" before a bare m/d.
# What a score is out of: "began 3/5" may be three of five, "began 11/16" is a date.
_SCORE_DENOMINATORS = frozenset((2, 3, 4, 5, 6, 8, 10, 12, 20, 24, 30))
_TIME_OF_WORDS = word_set("weekend week night morning evening afternoon holiday")
# Words around a fraction that make it a score, not a date: "pain 6/10", "3/4 trials".
_SCORE_BEFORE = word_set(
    "pain rate rated rates rating score scored scores moca mmse mmt bp strength grade trial trials out vas nrs "
    "level ratio accuracy inch inches cup cups tsp tbsp mmhg rpe borg goal goals met achieved criteria acuity "
    "vision spo2 sats sat o2"
)
_SCORE_AFTER = word_set(
    "trial trials attempt attempts opportunities opps opp rep reps repetitions item items step steps cue cues "
    "session sessions visit visits times day days night nights week weeks of correct accuracy pain scale score "
    "check checks tries readings occasions measurements sets "
    "point points pts strength grade bilateral b/l mmhg bpm correctly accurately independently "
    "lifts throws catches grasps placements transfers stands squats reaches pegs blocks coins beads words "
    "letters digits objects targets taps"
)
_UNITS_AFTER = word_set(
    "x times min mins minutes hr hrs hour hours day days week weeks wk wks rep reps set sets trial trials visit "
    "visits session sessions patient patients lb lbs kg ft feet degrees"
)
_CATEGORY_WORDS = word_set("older over above up beyond more")
_AGE_NOT_BEFORE = word_set("% degrees min lb lbs kg ft reps days weeks months seconds sec")
_AGE_ASIDE_ROLES = word_set(
    "pt client patient resident female male woman man widow widower mr mrs ms age aged centenarian nonagenarian "
    "gentleman lady veteran grandmother grandfather grandma grandpa mother father husband wife aunt uncle"
)


def _valid_day_month(first: int, second: int) -> bool:
    """True when the pair reads as month/day or day/month."""
    return (1 <= first <= 12 and 1 <= second <= 31) or (1 <= first <= 31 and 1 <= second <= 12)


def _numeric_date_kind(value: str, separator: str) -> str | None:
    """'date' for a numeric date with a year, 'bare' for an m/d with none, None otherwise."""
    parts = value.split(separator)
    if len(parts) == 2:
        if separator == "-" and len(parts[0]) == 2 == len(parts[1]) and parts[0][0] == "0":
            return "bare"  # "on 08-23": a range is never zero-padded, a month often is
        if separator != "/":
            return None
        first, second = parts
        if len(second) == 4:
            return "date" if 1 <= int(first) <= 12 and 1800 <= int(second) <= 2099 else None
        return "bare" if len(first) <= 2 and len(second) <= 2 else None
    first, middle, last = parts
    if len(first) == 4:  # yyyy-mm-dd, yyyy/m/d
        ok = 1800 <= int(first) <= 2099 and len(middle) <= 2 and 1 <= int(middle) <= 12
        return "date" if ok and len(last) <= 2 and 1 <= int(last) <= 31 else None
    if len(first) > 2 or len(middle) > 2 or len(last) not in (2, 4):
        return None
    if len(last) == 4 and not 1800 <= int(last) <= 2099:
        return None
    if separator == "." and len(last) == 2 and (len(first) != 2 or len(middle) != 2):
        return None  # "1.5.10" is a version or an outline number, not a date
    return "date" if _valid_day_month(int(first), int(middle)) else None


def _is_dated_fraction(value: str, text: str, lower: str, start: int, end: int) -> bool:
    """A bare m/d is a date only with a date cue just before it and no score words around it.

    A weekday right before it ("Sat 9/14", "Fri 11/29 (family in town)") settles it whatever
    follows, except a score word; a weak cue ("completed") needs a fraction no score can be.
    """
    first, second = (int(part) for part in value.replace("-", "/").split("/"))
    if not (1 <= first <= 12 and 1 <= second <= 31):
        return False
    before = words_before(lower, start)
    if not before:
        return False
    last = before[-1]
    time_of = last == "of" and len(before) > 1 and before[-2] in _TIME_OF_WORDS
    if last not in _DATE_CUES and last not in _WEAK_DATE_CUES and not time_of:
        # The cue may stand a few words back in the same clause: "admitted to Shepherd Center 1/15",
        # "after a fall on ice 1/9". Punctuation or another number in between breaks the link.
        clause = _CLAUSE_BREAK.split(window_before(lower, start, 40))[-1]
        near = _BARE_WORDS.findall(clause)[-4:]
        cue = next((word for word in reversed(near) if word in _DATE_CUES and word not in _NEAR_ONLY_CUES), None)
        if cue is None:
            return False
        last = cue
    weekday = last in _WEEKDAYS and (last in _WEEKDAYS_FULL or _capitalised_before(text, start))
    if last in _WEAK_DATE_CUES or time_of:
        if first <= second and last != "of" and second in _SCORE_DENOMINATORS:
            return False
    elif last not in _DATE_CUES:
        return False
    after = words_after(lower, end, 20)
    if after and after[0] in _SCORE_AFTER:
        return False
    if weekday:
        # "Fri 11/29 (family in town)"; "sat 3/4" in lower case is more likely someone sitting, and
        # "pain 7/10 on Tues, 4/10 on Thurs" is a score series.
        return not _SCORE_BEFORE.intersection(before[:-1])
    if _SCORE_BEFORE.intersection(before):
        return False
    return window_after(lower, end, 2).lstrip()[:1] not in ("%", "(")


# Cues that date a fraction only right before it: "on 3/5" yes, "3/5 on the first and on the second 4/5" no.
_NEAR_ONLY_CUES = _WEEKDAYS | word_set("on since until before after due date dated")
_CLAUSE_BREAK = re.compile(r"[,;:()\d]")
_BARE_WORDS = re.compile(r"[a-z][a-z/'’-]*")


def _capitalised_before(text: str, start: int) -> bool:
    """True when the word just before `start` begins with a capital ("Sat", not "sat")."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and words[-1][:1].isupper()


def _is_age_aside(text: str, lower: str, start: int) -> bool:
    """ ", 93," counts as an age only right after a name or a role: "Evelyn Brooks, 93"."""
    words = WORD_TOKEN.findall(window_before(lower, start, 24))
    if not words:
        return False
    last = words[-1].rstrip(".")
    if last in _AGE_ASIDE_ROLES or (len(words) > 1 and len(last) == 1 and words[-2] in _AGE_ASIDE_ROLES):
        return True
    original = window_before(text, start, 24).rstrip(" \t")
    word = original.rsplit(None, 1)[-1] if original.split() else ""
    return word[:1].isupper() and (name_key(word) in SURNAMES or name_key(word) in FIRST_NAMES)


def dates_and_ages(text: str, lower: str) -> Iterator[Identifier]:
    for match in _NUMBER_FIRST_DATES.finditer(text):
        start, end = match.start(), match.end()
        if not clean_start(text, start, "/.+-"):
            continue
        if matched(match, "numeric"):
            value = text[start : match.end("numeric")]  # without a trailing "T10:30"
            verdict = _numeric_date_kind(value, match.group("separator"))
            if verdict == "date" or (verdict == "bare" and _is_dated_fraction(value, text, lower, start, end)):
                yield Identifier(start, end, "date")
        elif matched(match, "hyphen_month"):
            if 1 <= int(text[start : text.index("-", start)]) <= 31:
                yield Identifier(start, end, "date")
        elif matched(match, "day_month"):
            day = text[start:end].split(None, 1)[0].rstrip("stndrh")
            if day.isdigit() and 1 <= int(day) <= 31:
                yield Identifier(start, end, "date")
        elif matched(match, "age"):
            if text[end - 1] == "." and not text[start:end].endswith("y.o."):
                end -= 1  # "97 yrs." keeps its full stop
            yield Identifier(start, end, "age")
    for match in _MONTH_FIRST_DATES.finditer(text):
        start, end = match.start(), match.end()
        if not clean_start(text, start):
            continue
        if matched(match, "month_day"):
            if not 1 <= int(match.group("month_day")) <= 31:
                continue
            after = words_after(lower, end, 12)
            if "," not in text[start:end] and after and after[0] in _UNITS_AFTER:
                continue  # "May 3 times a week" is not a date
        yield Identifier(start, end, "date")
    if "age" in lower or "turn" in lower or "will be" in lower:
        for match in _AGE_WORDS.finditer(text):
            if not clean_start(text, match.start()):
                continue
            after = words_after(lower, match.end("aged"), 24)
            category = len(after) > 1 and after[0] in ("or", "and") and after[1] in _CATEGORY_WORDS
            if (
                category
                or (after and after[0] in _AGE_NOT_BEFORE)
                or window_after(text, match.end("aged"), 2).strip()[:1] in "+%°"
            ):
                continue  # "age 90 or older" and "90+" are the category Safe Harbor allows
            yield Identifier(match.start("aged"), match.end("aged"), "age")
    for match in _AGE_ASIDE.finditer(text):
        if _is_age_aside(text, lower, match.start()):
            yield Identifier(match.start("aside_age"), match.end("aside_age"), "age")
    if "birthday" in lower or "bday" in lower or "b-day" in lower or "at 9" in lower or "at 1" in lower:
        for match in _SPOKEN_AGE.finditer(lower):
            group = "spoken_age" if matched(match, "spoken_age") else "at_age"
            if clean_start(lower, match.start()):
                yield Identifier(match.start(group), match.end(group), "age")
    if "born" in lower or "dob" in lower or "d.o.b" in lower or "birth" in lower or "b." in lower:
        for match in _BIRTH_YEAR.finditer(text):
            if clean_start(text, match.start()) and int(match.group("birth_year")) < OLDEST_SHAREABLE_BIRTH_YEAR:
                yield Identifier(match.start("birth_year"), match.end("birth_year"), "age")


# ---------------------------------------------------------------------------------------------
# Compact and partial dates, holidays tied to an event, ages over 89 in any wording
# ---------------------------------------------------------------------------------------------

# "12MAR2023", "03 14 1952", "03-14-'52", "20231107".
_COMPACT_DATES = re.compile(
    r"[0-9](?:"
    r"(?P<day_caps>\d?(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)(?:\d{4}|\d\d))(?![\w-])"
    r"|(?P<spaced>\d?[ ]\d{1,2}[ ](?:1[89]|20)\d\d)(?![\w-]|[./]\d)"
    r"|(?P<quoted>\d?(?P<qsep>[-/.])\d{1,2}(?P=qsep)['’]\d\d)(?![\w-])"
    r"|(?P<eight>\d{7})(?![\w-]|[./]\d)"
    r")"
)
# "on the 3rd", "since the 14th", "visit on the 14th was missed": found from "the", then read back
# for the preposition. What may follow is punctuation, a linking word or a verb, never a noun
# ("on the 3rd floor", "on the 2nd attempt").
_ORDINAL_DAY = re.compile(
    r"the[ \t]+(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
    r"(?=[ \t]*(?:$|[.,;:)!?]|(?:after|before|at|when|and|for|with|following|due|because|from|to|in|of|"
    r"morning|evening|night|afternoon|was|were|is|will|would|had|has|pt|client|she|he|they|we|i)\b))",
    re.MULTILINE,
)
# "5 of 6 reps; on the 6th she rounded her back": an ordinal just after a count of tries numbers a try, not a day.
_COUNTED_TRIES = re.compile(
    r"\b\d{1,2}[ \t]*(?:/[ \t]*\d{1,2}[ \t]*|of[ \t]+\d{1,2}[ \t]+)?(?:reps?|repetitions?|trials?|attempts?|tries"
    r"|sets?|rounds?)\b"
)
# A weekday names the day of the month after it: "Monday, the 3rd", "Wed the 14th".
_ORDINAL_CUES = word_set("on since until by before after from of") | _WEEKDAYS
_HOLIDAY_HINTS = [
    "thanksgiving",
    "christmas",
    "easter",
    "halloween",
    "new",
    "year",
    "independence",
    "day",
    "fourth",
    "of",
    "july",
    "july",
    "4th",
    "memorial",
    "day",
    "labor",
    "day",
    "valentine",
    "mother's",
    "day",
    "father's",
    "day",
    "veterans",
    "day",
    "hanukkah",
    "yom",
    "kippur",
    "rosh",
    "hashanah",
    "ramadan",
    "eid",
    "diwali",
    "juneteenth",
    "luther",
    "king",
    "presidents",
]
_HOLIDAY = re.compile(
    r"(?:Thanksgiving|Christmas(?:[ \t]+(?:Eve|Day))?|Easter(?:[ \t]+Sunday)?|Halloween|New[ \t]+Year['’]?s"
    r"(?:[ \t]+(?:Eve|Day))?|Independence[ \t]+Day|Fourth[ \t]+of[ \t]+July|July[ \t]+4th|Memorial[ \t]+Day|"
    r"Labor[ \t]+Day|Valentine['’]?s(?:[ \t]+Day)?|Mother['’]?s[ \t]+Day|Father['’]?s[ \t]+Day|Veterans[ \t]+Day|"
    r"Hanukkah|Yom[ \t]+Kippur|Rosh[ \t]+Hashanah|Ramadan|Eid|Diwali|Juneteenth|Martin[ \t]+Luther[ \t]+King"
    r"[ \t]+Day|Presidents['’]?[ \t]+Day)(?![\w])"
)
# Events that tie a holiday to the person: "admitted since Thanksgiving", "birthday is Christmas Eve".
_EVENT_WORDS = word_set(
    "admitted admit admission discharged discharge surgery fell fall injury injured onset born birthday hospitalized "
    "hospitalised died death stroke seen evaluated evaluation eval accident diagnosed diagnosis transferred "
    "hospital inpatient icu nicu"
)
_NUMBER_WORDS = (
    r"(?:ninety(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?|one[ -]hundred(?:[ -](?:and[ -])?"
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten))?|a[ ]hundred|hundred)"
)
# Run only when "ninet" or "hundred" is in the text, so its literal start costs nothing elsewhere.
_WORD_AGE = re.compile(
    rf"{_NUMBER_WORDS}(?P<unit>[ -]+years?[ -]+old|[ -]+year[ -]+old|[ -]+years?[ -]+of[ -]+age|[ -]+y/?o)?(?![a-z])"
)
_AGE_DECADE = re.compile(
    r"in[ \t]+(?:his|her|their|the)[ \t]+(?:(?:early|mid|late)[ \t-]+)?(?:['’]?9[0O]s|nineties|100s)(?![\w])"
)
# "she is 92", "husband is 96", "who is now 93": a bare number after a person and "is".
# "she is 92", "husband is 96", "who is now 93": found from the number, then read back.
_AGE_NUMBER = re.compile(r"(?:9\d|1[01]\d)(?![\w.%°/+-]|\.\d)")
_AGE_VERBS = word_set("is was am turns turned be being now")
_AGE_FILLERS = word_set("now almost nearly over about around only age")
_AGE_SUBJECTS = word_set(
    "i he she client pt patient resident husband wife spouse mother father mom dad who man woman grandmother "
    "grandfather aunt uncle sister brother neighbor neighbour partner caregiver friend widow widower"
)
_AGE_UNITS_AFTER = word_set(
    "% percent degrees deg lb lbs pounds kg min mins minutes seconds sec secs feet ft inches in cm mm bpm mmhg "
    "beats reps times points pts out of on per mg ml units"
)


def _expanded(words: list[str]) -> list[str]:
    """Contractions read as their two words ("i'm" -> "i am", "she's" -> "she is"); other "'s" dropped."""
    out: list[str] = []
    for word in words:
        word = word.replace("’", "'")
        if word.endswith("'m"):
            out += [word[:-2], "am"]
        elif word.endswith("'s"):
            out += [word[:-2], "is"] if word[:-2] in _AGE_SUBJECTS else [word[:-2]]
        else:
            out.append(word)
    return out


def _is_day_month(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def more_dates_and_ages(text: str, lower: str) -> Iterator[Identifier]:
    """The date and age shapes the Presidio-style patterns above do not read."""
    for match in _COMPACT_DATES.finditer(text):
        start, end = match.start(), match.end()
        if not clean_start(text, start, "/.+-$#"):
            continue
        value = text[start:end]
        if matched(match, "spaced"):
            month, day = (int(part) for part in value.split()[:2])
            if _is_day_month(month, day) or _is_day_month(day, month):
                yield Identifier(start, end, "date")
        elif matched(match, "quoted"):
            parts = re.split(r"[-/.]", value)
            if _is_day_month(int(parts[0]), int(parts[1])) or _is_day_month(int(parts[1]), int(parts[0])):
                yield Identifier(start, end, "date")
        elif matched(match, "eight"):
            before = words_before(lower, start, 30)[-3:]
            if not _DATE_CUES.intersection(before):
                continue
            year_first = 1900 <= int(value[:4]) <= 2099 and _is_day_month(int(value[4:6]), int(value[6:]))
            year_last = 1900 <= int(value[4:]) <= 2099 and _is_day_month(int(value[:2]), int(value[2:4]))
            if year_first or year_last:
                yield Identifier(start, end, "date")
        else:
            yield Identifier(start, end, "date")
    if "the " in lower:
        for match in _ORDINAL_DAY.finditer(lower):
            before = words_before(lower, match.start(), 12)
            if clean_start(lower, match.start()) and before and before[-1] in _ORDINAL_CUES:
                if _COUNTED_TRIES.search(window_before(lower, match.start(), 60).rsplit(".", 1)[-1]):
                    continue
                yield Identifier(match.start(), match.end(), "date")
    holidays = _HOLIDAY.finditer(text) if any(hint in lower for hint in _HOLIDAY_HINTS) else ()
    for match in holidays:
        if not clean_start(text, match.start()):
            continue
        sentence = (
            window_before(lower, match.start(), 80).rsplit(".", 1)[-1]
            + " "
            + window_after(lower, match.end(), 60).split(".", 1)[0]
        )
        if _EVENT_WORDS.intersection(WORD_TOKEN.findall(sentence)):
            yield Identifier(match.start(), match.end(), "date")
    if "ninet" in lower or "hundred" in lower:
        for match in _WORD_AGE.finditer(lower):
            start = match.start()
            if not clean_start(lower, start):
                continue
            if match.group("unit"):
                yield Identifier(start, match.end(), "age")
                continue
            before = words_before(lower, start, 30)
            after = words_after(lower, match.end(), 16)
            if after and after[0] in _AGE_UNITS_AFTER:
                continue
            if before and (
                before[-1] in ("aged", "age", "turned", "turns", "turning")
                or (len(before) > 1 and before[-1] in ("is", "was") and before[-2] in _AGE_SUBJECTS)
            ):
                yield Identifier(start, match.end(), "age")
    if "9" in text or "10" in text or "11" in text or "ninet" in lower:
        for match in _AGE_DECADE.finditer(lower):
            if clean_start(lower, match.start()):
                yield Identifier(match.start(), match.end(), "age")
        for match in _AGE_NUMBER.finditer(lower):
            if not clean_start(lower, match.start(), ".-/"):
                continue
            before = _expanded(words_before(lower, match.start(), 34))
            while before and before[-1] in _AGE_FILLERS:
                before.pop()
            if len(before) < 2 or before[-1] not in _AGE_VERBS or not _AGE_SUBJECTS.intersection(before[-3:-1]):
                continue
            after = words_after(lower, match.end(), 16)
            if after and after[0] in _AGE_UNITS_AFTER:
                continue
            if window_after(lower, match.end(), 3).lstrip()[:1] in ("%", "/", "+", "°"):
                continue
            yield Identifier(match.start(), match.end(), "age")
