"""Geographic units smaller than a state (B): streets, cities and towns, ZIP codes, counties, facilities."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

from portfolios.rubric.phi.common import (
    Identifier,
    clean_start,
    letter_words,
    matched,
    window_after,
    window_before,
    words_before,
)
from portfolios.rubric.phi.lists import (
    FIRST_NAMES,
    STOPWORDS,
    SURNAMES,
    US_PLACES,
    WORDLIKE_FIRST_NAMES,
    is_english_word,
    name_key,
    word_set,
)

_STATE_ZIP_DIGIT: dict[str, str] = {
    **dict.fromkeys(word_set("CT MA ME NH NJ PR RI VT"), "0"),
    **dict.fromkeys(word_set("DE NY PA"), "1"),
    **dict.fromkeys(word_set("DC MD NC SC VA WV"), "2"),
    **dict.fromkeys(word_set("AL FL GA MS TN"), "3"),
    **dict.fromkeys(word_set("IN KY MI OH"), "4"),
    **dict.fromkeys(word_set("IA MN MT ND SD WI"), "5"),
    **dict.fromkeys(word_set("IL KS MO NE"), "6"),
    **dict.fromkeys(word_set("AR LA OK TX"), "7"),
    **dict.fromkeys(word_set("AZ CO ID NM NV UT WY"), "8"),
    **dict.fromkeys(word_set("AK CA HI OR WA"), "9"),
}
# Abbreviations that are also clinical words (MD, PA, OR, MS, ...) count only with a ZIP code.
_AMBIGUOUS_STATES = word_set("MD PA OR IN ME OK DE CO MA MS LA AL NE SC ID HI MO MI OH")
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|"
    "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|"
    "Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming"
)
STATE_NAME_SET = frozenset(name.upper() for name in _STATE_NAMES.split("|"))
_STATE_ABBR = "|".join(sorted(_STATE_ZIP_DIGIT))
# HHS: ZIP3 areas with 20,000 or fewer people (2000 Census) must become 000.
_RESTRICTED_ZIP3 = word_set("036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893")
_STREET_SUFFIX = (
    r"(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|"
    r"Pkwy|Circle|Cir|Highway|Hwy|Trail|Trl|Pike|Square|Sq)"
)
_STREET = re.compile(
    rf"[0-9]\d{{0,5}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:(?:[A-Z][a-z]+|\d{{1,3}}(?:st|nd|rd|th))\.?[ \t]+){{1,3}}"
    rf"{_STREET_SUFFIX}(?![a-z])"
)
# Each branch continues a capitalised word whose first letter the pattern matched already.
_CAPITALISED_PLACES = re.compile(
    r"[A-Z](?:"
    r"(?P<facility>(?:(?<=S)(?:t\.?|aint)[ \t]+[A-Z])?[a-z]+(?:['’]s)?(?:[ \t]+(?:(?:and|of|&)[ \t]+)?[A-Z][a-z]+(?:['’]s)?){0,3}[ \t]+"
    r"(?:Hospital|General|Medical[ \t]+Center|Clinic|Health[ \t]+System|Healthcare|Memorial|"
    r"Rehabilitation[ \t]+(?:Hospital|Center|Institute)|Rehab[ \t]+(?:Hospital|Center)|Nursing[ \t]+(?:Home|Center)|"
    r"Care[ \t]+Center|Senior[ \t]+Living|Assisted[ \t]+Living|Living[ \t]+Center|Health[ \t]+Center|"
    r"Retirement[ \t]+(?:Home|Community|Village)|Medical[ \t]+Group|Permanente|Manor|Methodist|Presbyterian|Baptist|Lutheran|Adventist|Episcopal|"
    # A child's school or daycare places the child as surely as a street does.
    r"Elementary|Middle[ \t]+School|High[ \t]+School|Academy|Preschool|Daycare|Day[ \t]+Care))(?![a-z])"
    rf"|(?P<city>[a-z]{{2,}}(?:[ \t][A-Z][a-z]{{2,}}){{0,2}}),[ \t]*(?:(?P<state>{_STATE_ABBR})|{_STATE_NAMES})"
    r"(?![A-Za-z])(?:[ \t]+(?P<city_zip>\d{5}(?:-\d{4})?)(?![\d-]))?"
    r"|(?P<county>[a-z]+(?:[ \t][A-Z][a-z]+)?[ \t](?:County|Parish|Borough|Township))(?![a-z])"
    r"|(?P<named_street>[a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court"
    # "on Quail Run Dr, Lubbock": the short forms that are also titles only when no name follows.
    r"|Parkway|Highway|Ave|Rd|Blvd|Ln|(?:Dr|St|Ct|Pl|Cir|Ter|Trl|Pkwy|Hwy|Way)(?!\.?[ \t]+[A-Z])))(?![a-z])"
    r"|(?P<service_place>[a-z]+(?:[ \t][A-Z][a-z]+)?)[ \t]+(?:clinic|office|campus|branch|location|site|hospital"
    r"|facility)(?![a-z])"
    r"|(?P<state_second>[A-Z])[ \t]+(?P<state_zip>\d{5}(?:-\d{4})?)(?![\w-])"
    r")"
)
_HOME_PLACE = re.compile(
    r"(?:lives|live|living|lived|resides|reside|residing|moved|moving|relocated|relocating|stays|staying|home|"
    r"raised|grew[ \t]+up|born(?:[ \t][^.\n]{0,25}?)?)[ \t]+(?:(?:alone|nearby|currently|now|here|back)[ \t]+)?"
    r"(?:in|to|near)[ \t]+(?=[a-z])"
)
_HOME_PLACE_NAME = re.compile(r"[A-Z][a-z]+(?:[ \t][A-Z][a-z]+){0,2}")
_ZIP_OR_BOX = re.compile(
    r"(?:zip(?:[ \t]*code)?s?|postal[ \t]+code)[ \t]*[:#]?[ \t]*(?P<zip>\d{5}(?:-\d{4})?|\d{3}(?:xx|\*\*)?)(?![\w-])"
    r"|(?P<box>p\.?[ \t]?o\.?[ \t]*box[ \t]+\d{1,6})(?!\d)"
)
# Capitalised words that name a kind of place or service, not a particular one.
_GENERIC_PLACE_WORDS = word_set(
    """
    THE A AN OUR THIS THAT ITS HER HIS THEIR MY YOUR ANY EACH EVERY NEW OLD LOCAL MAIN VISIT SEEN AT
    OUTPATIENT INPATIENT ACUTE HOME HEALTH REHAB REHABILITATION SKILLED NURSING ASSISTED LIVING MEMORY CARE
    SENIOR COMMUNITY REGIONAL COUNTY UNIVERSITY MEDICAL GENERAL PRIMARY URGENT FAMILY SPECIALTY PEDIATRIC
    CHILDREN CHILDRENS WOMEN WOMENS VETERANS VA HAND UPPER EXTREMITY WOUND PAIN SLEEP MENTAL BEHAVIORAL
    SPINE SPORTS ORTHO ORTHOPEDIC ORTHOPAEDIC NEURO NEUROLOGY CARDIAC PULMONARY PELVIC FEEDING SENSORY
    VISION LOW DRIVING SEATING WHEELCHAIR LYMPHEDEMA BOTOX SPASTICITY STROKE BRAIN FALLS BALANCE
    VESTIBULAR DAY TREATMENT THERAPY OT PT SLP ADULT GERIATRIC DEMENTIA PARKINSON PARKINSONS ALS MS
    HOSPITAL CLINIC CENTER CENTRE SCHOOL EARLY INTERVENTION SECTION STATE FEDERAL PUBLIC PRIVATE
    MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY WEEKEND MORNING AFTERNOON EVENING
    TEACHING OUTSIDE PREVIOUS RECEIVING REFERRING SAME DIFFERENT ANOTHER OTHER NEARBY SMALL LARGE BIG RURAL
    URBAN SUBURBAN CITY CRITICAL ACCESS TRAUMA LEVEL PSYCHIATRIC CATHOLIC JEWISH SHRINERS CANCER HEART
    AND OF TO FROM IN ON WAS IS BY WITH FOR ONE TWO
    """
)
_HOME_PLACE_NOT_AFTER = word_set("lives live living lived resides reside moved home")


def _generic(key: str) -> bool:
    """A word that names a kind of place, or a stop word that is no surname ("Mayo", "Kessler" are
    stop words as test eponyms but still name a clinic or an institute)."""
    return key in _GENERIC_PLACE_WORDS or (key in STOPWORDS and (key not in SURNAMES or is_english_word(key)))


def specific_words(words: str) -> tuple[int, bool]:
    """How many leading words are generic, and whether any word names one particular place."""
    keys = [name_key(word) for word in words.split()]
    lead = 0
    while lead < len(keys) and _generic(keys[lead]):
        lead += 1
    specific = any(key and key not in ("ST", "SAINT") and not _generic(key) for key in keys)
    return lead, specific


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span without leading generic words ("Visit Mercy General" -> "Mercy General"), or None."""
    words = text[start:end]
    lead, specific = specific_words(words)
    if not specific:
        return None
    for _ in range(lead):
        space = text.find(" ", start, end)
        if space < 0:
            return None
        start = space + 1
        while start < end and text[start] in " \t":
            start += 1
    return start, end


# "on Route 9", "off Hwy 17", "County Road 12": a numbered road after a locative word.
_ROUTE = re.compile(
    r"[CFHRS](?:(?<=R)(?:oute|te\.?|t\.)|(?<=H)(?:ighway|wy\.?)|(?<=C)ounty[ \t]+R(?:oa)?d\.?"
    r"|(?<=S)tate[ \t]+(?:Route|Road|Highway)|(?<=F)arm[ \t]+to[ \t]+Market)[ \t-]?\d{1,4}[A-Z]?(?![\w-])"
)
# Words before a street's name: "lives on Cedar Ridge Road", "the end of Birch Hollow Ln".
_STREET_CUES = word_set("on off at of near past along down up from to onto")
_ROUTE_WORDS = word_set("route rte rt hwy highway county state farm")
_ROUTE_CUES = word_set("on off along past near at by lives resides live living")
# Capitalised names that are facilities by their shape: "Shepherd Center", "Children's Mercy",
# "Kapiolani NICU". The word before the suffix must name something (a name, a place, a word in no
# English vocabulary), so "Wellness Center" and "Surgical ICU" pass.
_NAMED_FACILITY = re.compile(
    r"[A-Z](?:(?P<center>[a-z]+(?:['’]s)?[ \t]+(?:Center|Centre|Institute|Infirmary|Hospice|Sanatorium))(?![a-z])"
    r"|(?P<unit>[a-z]+[ \t]+(?:NICU|PICU|CICU|MICU|SICU|ICU|CCU|ICN|SCN|ED|ER))(?![\w-])"
    r"|(?P<childrens>(?<=C)hildren['’]s[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?![a-z])"
    # "Lurie Children's", "Nemours Children's": a name before the word.
    r"|(?P<named_childrens>[a-z]+[ \t]+Children['’]s)(?![a-z]))"
)
# A care event before "to", "from", "at" puts a facility after it: "admitted to Shepherd Center
# from Grady", "seen @ Kapiolani", "dialysis at DaVita". Each event word present gets its own
# literal-led pattern over the lower-case text (far cheaper than one alternation of them all);
# the place after it is then read, capitalised, from the original.
_CARE_WORDS = word_set(
    "admitted admit admits admission transferred transfer transfers discharged discharge discharges seen treated "
    "stay stayed dialysis rehab delivered"
)
_CARE_PLACE = re.compile(
    r"(?P<place>[A-Z][A-Za-z]+(?:['’]s)?(?:[ \t]+[A-Z][A-Za-z]+){0,2})(?![\w-])"
    # "admitted to Shepherd Center from Grady": a second place chained to the first.
    r"(?:[ \t]+(?:from|to)[ \t]+(?P<chained>[A-Z][A-Za-z]+(?:['’]s)?(?:[ \t]+[A-Z][A-Za-z]+){0,2})(?![\w-]))?"
)
_FACILITY_SHAPE_WORDS = word_set(
    "center centre institute infirmary hospice sanatorium nicu picu cicu micu sicu icu ccu icn scn ed er children"
)


def _names_something(word: str, *, english_surname: bool) -> bool:
    """A name, a town, or a word in no English vocabulary: what makes "Shepherd" in "Shepherd Center" specific.

    A surname that is also an English word ("Shepherd", "Rowe") counts only when `english_surname`
    says the shape around it is a facility's by itself.
    """
    key = name_key(word)
    if _generic(key) or key in WORDLIKE_FIRST_NAMES:
        return False
    if not is_english_word(word):
        return len(key) >= 3
    return key in US_PLACES or (english_surname and key in SURNAMES)


# Each pass below runs only when one of its words is in the text (`letter_words`): most notes name
# no street, neighbourhood or home town, and a set lookup is far cheaper than a scan.
_STREET_WORDS = word_set(
    "street st avenue ave road rd boulevard blvd drive dr lane ln court ct way place pl terrace ter parkway pkwy "
    "circle cir highway hwy trail trl pike square sq"
)
_NEIGHBOURHOOD_WORDS = word_set(
    "park heights hills village square falls springs beach grove gardens estates terrace harbor harbour point "
    "ridge valley landing crossing commons woods lake mills"
)
_HOME_WORDS = word_set(
    "lives live living lived resides reside residing moved moving relocated relocating stays staying home raised "
    "grew born"
)


def places(text: str, lower: str) -> Iterator[Identifier]:
    words = letter_words(lower)
    streets = not _STREET_WORDS.isdisjoint(words)
    for match in _STREET.finditer(text) if streets else ():
        if clean_start(text, match.start(), "/.-"):
            yield Identifier(match.start(), match.end(), "geo")
    for match in _CAPITALISED_PLACES.finditer(text):
        start = match.start()
        if not clean_start(text, start, "'’-"):
            continue
        if matched(match, "state_second"):
            state = text[start : start + 2]
            if state in _STATE_ZIP_DIGIT and match.group("state_zip")[0] == _STATE_ZIP_DIGIT[state]:
                yield Identifier(match.start("state_zip"), match.end("state_zip"), "geo")
        elif matched(match, "city"):
            state, zip_code = match.group("state"), match.group("city_zip")
            if state and state in _AMBIGUOUS_STATES and not zip_code:
                continue
            span = _trimmed(text, start, match.end("city"))
            if span is None or text[span[0] : span[1]].upper() in STATE_NAME_SET:
                continue
            yield Identifier(span[0], span[1], "geo")
            if zip_code and (not state or zip_code[0] == _STATE_ZIP_DIGIT[state]):
                yield Identifier(match.start("city_zip"), match.end("city_zip"), "geo")
        else:
            kind = next(
                name for name in ("facility", "county", "named_street", "service_place") if matched(match, name)
            )
            span = _trimmed(text, start, match.end(kind))
            if span is None:
                continue
            before = words_before(lower, span[0], 12)
            if kind == "named_street":
                # "lives on Cedar Ridge Road", not a product or a heading; "on Old Mill Rd" keeps "Old".
                before = words_before(lower, start, 12)
                if not before or before[-1] not in _STREET_CUES:
                    continue
                span = (start, span[1])
            if kind == "service_place" and (not before or before[-1] not in ("the", "at")):
                continue
            yield Identifier(span[0], span[1], "geo")
    yield from _named_facilities(text, lower)
    for match in _HOME_PLACE.finditer(lower) if not _HOME_WORDS.isdisjoint(words) else ():
        if not clean_start(lower, match.start()):
            continue
        place = _HOME_PLACE_NAME.match(text, match.end())
        if place is None or place.group().upper() in STATE_NAME_SET:
            continue
        span = _trimmed(text, place.start(), place.end())
        if span is not None and span[0] == place.start():
            yield Identifier(span[0], span[1], "geo")
    if "zip" in lower or "postal" in lower or "box" in lower:
        for match in _ZIP_OR_BOX.finditer(lower):
            if not clean_start(lower, match.start()):
                continue
            if match.group("box"):
                yield Identifier(match.start("box"), match.end("box"), "geo")
                yield from _address_tail(text, lower, match.end("box"))
                continue
            value = match.group("zip")
            if len(value) < 5 and value[:3] not in _RESTRICTED_ZIP3:
                continue  # a ZIP3 may stay unless its area is too small (HHS list)
            yield Identifier(match.start("zip"), match.end("zip"), "geo")


@lru_cache(maxsize=16)
def _care_cue(word: str) -> re.Pattern[str]:
    return re.compile(rf"{re.escape(word)}(?:'d)?[ \t]+(?:[a-z]+[ \t]+)?(?:to|from|at|in|@)[ \t]+(?=[a-z])")


def _named_facilities(text: str, lower: str) -> Iterator[Identifier]:
    """Facilities named by shape, by a care event before them, and numbered roads."""
    words = letter_words(lower)
    for match in _NAMED_FACILITY.finditer(text) if not _FACILITY_SHAPE_WORDS.isdisjoint(words) else ():
        start = match.start()
        if not clean_start(text, start, "'’-"):
            continue
        if matched(match, "childrens"):
            # "Children's Mercy", "Children's Wisconsin": the whole name, unless it is only generic words.
            if specific_words(match.group("childrens").split(None, 1)[1])[1]:
                yield Identifier(start, match.end(), "geo")
            continue
        first = text[start : text.find(" ", start)].removesuffix("'s").removesuffix("’s")
        if not _names_something(first, english_surname=matched(match, "center")) or _eponym_after(text, match.end()):
            continue
        span = _trimmed(text, start, match.end())
        if span is not None:
            yield Identifier(span[0], span[1], "geo")
    cues = [_care_cue(word).finditer(lower) for word in sorted(_CARE_WORDS.intersection(words))]
    for cue in itertools.chain.from_iterable(cues):
        if not clean_start(lower, cue.start()) or (match := _CARE_PLACE.match(text, cue.end())) is None:
            continue
        for group in ("place", "chained"):
            if not matched(match, group):
                continue
            words = match.group(group).split()
            first = words[0].removesuffix("'s").removesuffix("’s")
            if name_key(first) in _TITLES or not _names_something(first, english_surname=len(words) > 1):
                continue
            if _eponym_after(text, match.end(group)):
                continue  # "transferred to Hoyer lift": equipment, not a place
            span = _trimmed(text, match.start(group), match.end(group))
            if span is not None:
                yield Identifier(span[0], span[1], "geo")
    for match in _ROUTE.finditer(text) if not _ROUTE_WORDS.isdisjoint(words) else ():
        before = words_before(lower, match.start(), 24)
        if clean_start(text, match.start()) and before and before[-1] in _ROUTE_CUES:
            yield Identifier(match.start(), match.end(), "geo")


_TITLES = word_set("MR MRS MS DR DOCTOR PROF")


# ---------------------------------------------------------------------------------------------
# Towns from the gazetteer, lower-case addresses, bare ZIP codes, lower-case facility names
# ---------------------------------------------------------------------------------------------

# A run of up to three capitalised words ("Maple Grove", "Shaker Heights", "Framingham").
_CAPITALISED_RUN = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}(?![\w-])")
# Words that put a place after them. Strong cues ("from", "near") carry a place that is also a
# common word only with "lives in"-style cues (`_HOME_PLACE`), so "in Reading" or "to Mobile" pass.
_STRONG_CUES = word_set("from near outside outskirts commutes drove drives toward towards visiting")
# A journey before the preposition names a place whatever the place's name also means: "drove in
# from Spearfish", "driving to Fresno", "moved from Leeds".
_TRAVEL_VERBS = word_set(
    "drove drive drives driving commute commutes commuted commuting moved moving move relocated relocating flew "
    "fly flying came coming come travelled traveled traveling travelling headed heading returned returning "
    "transferred transferring visiting visited"
)
_TRAVEL_PREPOSITIONS = word_set("from to in into toward towards near")
_DIRECTIONS = word_set("north south east west northeast northwest southeast southwest edge")
_LOCATIVE_CUES = word_set(
    "in from near to outside around toward towards into at of visiting outskirts between commutes drove drives"
)
# A town of this many people or more is named often enough that no cue is needed: "the Kalamazoo
# paper mill". Smaller places share their names with too many words and surnames.
_UNCUED_POPULATION = 15_000
# Neighbourhoods and parts of town after a locative cue: "near Wicker Park", "in Lincoln Heights".
_NEIGHBOURHOOD = re.compile(
    r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?[ \t]+(?:Park|Heights|Hills|Village|Square|Falls|Springs|Beach|Grove|Gardens"
    r"|Estates|Terrace|Harbor|Harbour|Point|Ridge|Valley|Landing|Crossing|Commons|Woods|Lake|Mills)(?![\w-])"
)
# "12 oak street", "4470 n. lincoln ave": any case, but only with an unambiguous street word.
_LOWER_STREET = re.compile(
    r"[0-9]\d{0,5}[ \t]+(?:[nsew]\.?[ \t]+)?(?:(?:[a-z]{2,}|\d{1,3}(?:st|nd|rd|th))[ \t]+){1,3}"
    r"(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|terrace|parkway|pkwy|highway|hwy|court|ct|"
    r"circle|cir)(?![a-z])"
)
_NOT_STREET_WORDS = word_set(
    "times time per day days week weeks minutes min mins reps sets trials of the a an and or to in on at for with "
    "feet ft steps seconds hours hrs months years lb lbs kg x visits sessions"
)
# What follows an address: ", springfield, il 62704".
_ADDRESS_TAIL = re.compile(
    r"[ \t]*,?[ \t]*(?:apt\.?|apartment|unit|suite|#)?[ \t]*(?:[0-9]+[a-z]?)?[ \t]*,[ \t]*"
    r"(?P<town>[a-z]+(?:[ \t][a-z]+){0,2})[ \t]*(?:,[ \t]*(?P<state>[a-z]{2})(?![a-z]))?"
    r"(?:[ \t]*(?P<zip>\d{5}(?:-\d{4})?)(?![\w-]))?"
)
_TOKEN = re.compile(r"\S+")
_FACILITY_OPENERS = word_set("the at to from in of into a an by per as near")
_ZIP_PLUS_FOUR = re.compile(r"[0-9]\d{4}-\d{4}(?![\w-])")
_BARE_ZIP = re.compile(r"[0-9]\d{4}(?![\w-]|[.,]\d)")
_ZIP_CUES = word_set("in from near to zip moved moving lives live area postal")
_NAME_PUNCTUATION = str.maketrans("", "", "'’.")
_FACILITY_WORDS = ("hospital", "clinic", "medical center", "living", "nursing home", "rehab", "health system")
_FACILITY_LOWER = re.compile(
    r"(?:hospital|medical[ \t]+center|clinic|senior[ \t]+living|assisted[ \t]+living|nursing[ \t]+home|"
    r"rehab(?:ilitation)?[ \t]+(?:center|hospital)|health[ \t]+system)(?![a-z])"
)


# Names that start with a stop word ("Berg", "Home") are never read as towns (`_town_verdict`).
_PLACE_FIRST_WORDS = frozenset(name.split()[0] for name in US_PLACES) - STOPWORDS
_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+")


def _town_verdict(name: str, cue: str | None) -> bool:
    """Whether a gazetteer name found after `cue` (or none) names a town here."""
    population = US_PLACES.get(name.upper())
    if population is None or name.upper() in STATE_NAME_SET:
        return False
    words = name.split()
    if any(name_key(word) in STOPWORDS for word in words):
        return False
    if len(words) > 1:
        return cue is not None or population >= _UNCUED_POPULATION
    if cue == "travel":
        return True
    if is_english_word(name):
        # "Mobile", "Reading", "Orange", "Bath": only a strong cue ("drove in from") or "lives in".
        return cue in _STRONG_CUES and population >= _UNCUED_POPULATION
    if name_key(name) in FIRST_NAMES or name_key(name) in SURNAMES:
        return cue is not None  # "in Lowell" is a town, "Ms. Patterson" a person
    return cue is not None or population >= _UNCUED_POPULATION


def _cue_before(lower: str, start: int) -> str | None:
    words = words_before(lower, start, 30)
    if words and words[-1] == "the":
        words = words[:-1]
    if len(words) > 1 and words[-1] == "of" and words[-2] in _STRONG_CUES | _DIRECTIONS:
        return "outside"  # "outside of Flagstaff", "north of Tulsa"
    if words and words[-1] in _TRAVEL_PREPOSITIONS and _TRAVEL_VERBS.intersection(words[-3:-1]):
        return "travel"
    return words[-1] if words and words[-1] in _LOCATIVE_CUES else None


def _eponym_after(text: str, end: int) -> bool:
    from portfolios.rubric.phi.lists import EPONYM_FOLLOWERS

    for word in window_after(text, end, 40).split()[:3]:
        if name_key(word) in EPONYM_FOLLOWERS:
            return True
        if not word[:1].isupper():
            return False
    return False


def towns(text: str, lower: str) -> Iterator[Identifier]:
    """Towns and neighbourhoods from the gazetteer, read with the cue before them."""
    capitalised = {word.upper() for word in _CAPITALISED_WORD.findall(text)}
    runs = _CAPITALISED_RUN.finditer(text) if not _PLACE_FIRST_WORDS.isdisjoint(capitalised) else ()
    for match in runs:
        if not _PLACE_FIRST_WORDS.intersection(match.group().upper().split()):
            continue
        words = [(word.start(), word.end(), word.group()) for word in _TOKEN.finditer(text, match.start(), match.end())]
        # Most capitalised words start no place name: skip them before any other work.
        position = 0
        while position < len(words):
            start = words[position][0]
            if words[position][2].upper() not in _PLACE_FIRST_WORDS or not clean_start(text, start, "'’-."):
                position += 1
                continue
            cue = _cue_before(lower, start)
            # Longest name first: "Maple Grove" before "Maple".
            for size in range(len(words) - position, 0, -1):
                end = words[position + size - 1][1]
                if _town_verdict(text[start:end], cue) and not _eponym_after(text, end):
                    yield Identifier(start, end, "geo")
                    position += size - 1
                    break
            position += 1
    words = letter_words(lower)
    for match in _NEIGHBOURHOOD.finditer(text) if not _NEIGHBOURHOOD_WORDS.isdisjoint(words) else ():
        if clean_start(text, match.start()) and _cue_before(lower, match.start()) and specific_words(match.group())[1]:
            yield Identifier(match.start(), match.end(), "geo")
    for match in _LOWER_STREET.finditer(lower) if not _STREET_WORDS.isdisjoint(words) else ():
        if not clean_start(lower, match.start(), "/.-"):
            continue
        middle = lower[match.start() : match.end()].split()[1:-1]
        if any(word.strip(".") in _NOT_STREET_WORDS for word in middle):
            continue
        yield Identifier(match.start(), match.end(), "geo")
        yield from _address_tail(text, lower, match.end())
    if "-" in text:
        for match in _ZIP_PLUS_FOUR.finditer(text):
            if clean_start(text, match.start(), "-/.") and not window_before(lower, match.start(), 8).rstrip().endswith(
                "cpt"
            ):
                yield Identifier(match.start(), match.end(), "geo")
    for match in _BARE_ZIP.finditer(text):
        if not clean_start(text, match.start(), "-/.$#"):
            continue
        before = words_before(lower, match.start(), 20)
        if before and before[-1] in _ZIP_CUES:
            yield Identifier(match.start(), match.end(), "geo")
    if any(word in lower for word in _FACILITY_WORDS):
        for match in _FACILITY_LOWER.finditer(lower):
            if match.start() < 2 or lower[match.start() - 1] not in " \t":
                continue
            if not text[match.start() : match.end()].islower():
                continue
            # Read back from "hospital" to the article or preposition that opens the name.
            tokens = [
                (word.start(), word.group())
                for word in _TOKEN.finditer(lower, max(0, match.start() - 50), match.start())
            ]
            run: list[tuple[int, str]] = []
            while tokens and tokens[-1][1] not in _FACILITY_OPENERS and len(run) < 3:
                if not tokens[-1][1].translate(_NAME_PUNCTUATION).isalpha():
                    break
                run.insert(0, tokens.pop())
            if not tokens or not run or tokens[-1][1] not in _FACILITY_OPENERS:
                continue
            lead = 0
            while lead < len(run) and name_key(run[lead][1]) in _GENERIC_PLACE_WORDS:
                lead += 1
            if lead < len(run) and not _names_a_service(run[lead:]):
                yield Identifier(run[lead][0], match.end(), "geo")


def _names_a_service(run: list[tuple[int, str]]) -> bool:
    """A lower-case run of ordinary words, none a first name, names a kind of clinic ("the eye clinic",
    "the brachial plexus clinic"), not one particular place; "mercy general hospital" still names one."""
    words = [word.translate(_NAME_PUNCTUATION) for _, word in run]
    return all(is_english_word(word) and name_key(word) not in FIRST_NAMES for word in words)


def _address_tail(text: str, lower: str, end: int) -> Iterator[Identifier]:
    tail = _ADDRESS_TAIL.match(lower, end)
    if tail is None:
        return
    town = tail.group("town")
    if town and (town.upper() in US_PLACES or not all(is_english_word(word) for word in town.split())):
        yield Identifier(tail.start("town"), tail.end("town"), "geo")
    if tail.group("zip"):
        yield Identifier(tail.start("zip"), tail.end("zip"), "geo")
