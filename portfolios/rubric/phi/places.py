"""Geographic units smaller than a state (B): streets, cities and towns, ZIP codes, counties, facilities."""

from __future__ import annotations

import re
from collections.abc import Iterator

from portfolios.rubric.phi.common import Identifier, clean_start, matched, words_before
from portfolios.rubric.phi.lists import STOPWORDS, name_key, word_set

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
_STATE_NAME_SET = frozenset(name.upper() for name in _STATE_NAMES.split("|"))
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
    r"(?P<facility>(?:(?<=S)(?:t\.?|aint)[ \t]+[A-Z])?[a-z]+(?:['’]s)?(?:[ \t]+[A-Z][a-z]+(?:['’]s)?){0,3}[ \t]+"
    r"(?:Hospital|General|Medical[ \t]+Center|Clinic|Health[ \t]+System|Healthcare|Memorial|"
    r"Rehabilitation[ \t]+(?:Hospital|Center|Institute)|Rehab[ \t]+(?:Hospital|Center)|Nursing[ \t]+(?:Home|Center)|"
    r"Care[ \t]+Center|Manor|Methodist|Presbyterian|Baptist|Lutheran|Adventist|Episcopal|"
    # A child's school or daycare places the child as surely as a street does.
    r"Elementary|Middle[ \t]+School|High[ \t]+School|Academy|Preschool|Daycare|Day[ \t]+Care))(?![a-z])"
    rf"|(?P<city>[a-z]{{2,}}(?:[ \t][A-Z][a-z]{{2,}}){{0,2}}),[ \t]*(?:(?P<state>{_STATE_ABBR})|{_STATE_NAMES})"
    r"(?![A-Za-z])(?:[ \t]+(?P<city_zip>\d{5}(?:-\d{4})?)(?![\d-]))?"
    r"|(?P<county>[a-z]+(?:[ \t][A-Z][a-z]+)?[ \t](?:County|Parish|Borough|Township))(?![a-z])"
    r"|(?P<named_street>[a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}[ \t]+(?:Street|Avenue|Road|Boulevard|Drive|Lane|Court"
    r"|Parkway|Highway|Ave|Rd|Blvd|Ln))(?![a-z])"
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
    """
)
_HOME_PLACE_NOT_AFTER = word_set("lives live living lived resides reside moved home")


def specific_words(words: str) -> tuple[int, bool]:
    """How many leading words are generic, and whether any word names one particular place."""
    keys = [name_key(word) for word in words.split()]
    lead = 0
    while lead < len(keys) and (keys[lead] in _GENERIC_PLACE_WORDS or keys[lead] in STOPWORDS):
        lead += 1
    specific = any(
        key and key not in ("ST", "SAINT") and key not in _GENERIC_PLACE_WORDS and key not in STOPWORDS for key in keys
    )
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


def places(text: str, lower: str) -> Iterator[Identifier]:
    for match in _STREET.finditer(text):
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
            if span is None or text[span[0] : span[1]].upper() in _STATE_NAME_SET:
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
            if kind == "named_street" and (not before or before[-1] not in ("on", "off", "at")):
                continue  # "lives on Cedar Ridge Road", not a product or a heading
            if kind == "service_place" and (not before or before[-1] not in ("the", "at")):
                continue
            yield Identifier(span[0], span[1], "geo")
    for match in _HOME_PLACE.finditer(lower):
        if not clean_start(lower, match.start()):
            continue
        place = _HOME_PLACE_NAME.match(text, match.end())
        if place is None or place.group().upper() in _STATE_NAME_SET:
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
                continue
            value = match.group("zip")
            if len(value) < 5 and value[:3] not in _RESTRICTED_ZIP3:
                continue  # a ZIP3 may stay unless its area is too small (HHS list)
            yield Identifier(match.start("zip"), match.end("zip"), "geo")
