"""Word lists for the PHI gate: Census names, the clinical words that look like names, an English
vocabulary (`is_english_word`, Webster's Second via `english-words`) and a US gazetteer
(`US_PLACES`, from `us_places.tsv`, generated from GeoNames by `build_gazetteer.py`).

The first-name and surname lists are the 1990 US Census lists shipped inside the `names`
package (MIT licence). They are read once, at import, from the installed package, and only
the reasonably common names are kept: rare Census entries include ordinary English words
("Patient", "Plan", "Section"), which would make the gate flag clinical prose.

`STOPWORDS` holds capitalised words that must never be read as a name: eponyms of clinical
tests and diagnoses ("Berg", "Parkinson", "Tinetti"), clinical roles, settings and tracks,
weekdays and months, and words a note starts a sentence or a heading with. Eponyms that are
also common surnames ("Allen", "Smith", "Bell") stay names unless the next word shows the
eponym (`EPONYM_FOLLOWERS`: "Allen Cognitive Level", "Smith fracture", "Bell's palsy").
`WORDLIKE_FIRST_NAMES` are Census first names that are also everyday words ("Will", "Max",
"Grace", "Mark"): they count as a name only when a title or a relation cue says so.
"""

from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

# Keep first names up to this Census rank (male and female lists each rank from 1) and
# surnames up to this rank: beyond it the lists are mostly rare spellings and stray words.
FIRST_NAME_MAX_RANK = 3000
SURNAME_MAX_RANK = 20000


def word_set(words: str) -> frozenset[str]:
    """The white-space separated words of a block of text, as a set (keeps long word lists readable)."""
    return frozenset(words.split())


_NOT_LETTERS = str.maketrans("", "", "'’-.`")


@lru_cache(maxsize=65536)
def name_key(word: str) -> str:
    """The form the Census lists use: letters only, upper case ("O'Brien" -> "OBRIEN")."""
    if word.isalpha():
        return word.upper()
    return "".join(char for char in word.translate(_NOT_LETTERS) if char.isalpha()).upper()


def _read_census_list(filename: str, max_rank: int) -> frozenset[str]:
    """The names of one `names` data file ("NAME freq cumfreq rank" per line) up to `max_rank`.

    Two-letter entries are mostly initials and words (AL, ED, IN, MY), so only names of three
    letters and more are kept.
    """
    names: set[str] = set()
    try:
        with importlib.resources.files("names").joinpath(filename).open("r", encoding="ascii", errors="ignore") as rows:
            for row in rows:
                parts = row.split()
                if len(parts) != 4 or not parts[3].isdigit():
                    continue
                if int(parts[3]) > max_rank:
                    break  # the files are sorted by rank: the rest is rarer still
                if len(parts[0]) >= 3:
                    names.add(parts[0])
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        # Without the package the gate still runs on titles, relation cues and patterns.
        return frozenset()
    return frozenset(names)


FIRST_NAMES: frozenset[str] = _read_census_list("dist.male.first", FIRST_NAME_MAX_RANK) | _read_census_list(
    "dist.female.first", FIRST_NAME_MAX_RANK
)
SURNAMES: frozenset[str] = _read_census_list("dist.all.last", SURNAME_MAX_RANK)

WORDLIKE_FIRST_NAMES: frozenset[str] = word_set(
    """
    WILL MAY JUNE APRIL AUGUST MARK MAX MIN DON PAT SUE ART GUY GRACE HOPE FAITH JOY DAWN EVE RAY RICH
    SANDY SUMMER AUTUMN WINTER ROSE IRIS LILY RUBY PEARL HOLLY IVY JADE AMBER CRYSTAL STAR FRANK GRANT
    LANCE MILES CHASE DEAN DREW DALE GLEN CLIFF CHIP BUD BUCK ROCKY RUSTY PAGE HUNTER SAGE MAJOR
    MARSHALL STERLING TUCKER WARD WADE CARY CARRY LONG KING YOUNG SON AIDE LADY MISS LOVE MANY MAN SEE
    TINY SUN MOON ECHO NOVA BEE ERA SONG LANE CLAY REED COLE GALE GAY BILL ROB NICK JACK MACK HANK HERB
    PEG DOT DELL FLO CHER BELL MARX KIT PAZ LEAN EDEN ISIS ELSE FAY FERN OPAL ASIA BARB BEV DEB HAL GIL
    MEG VAL VAN DEL LES SOL TAM LANG WAN SHIN CHIN SOON HUNG DUNG LOAN MANUAL NUMBERS CHRISTIAN
    MERCY JAN LOU JEAN PARIS DALLAS AUSTIN HOUSTON DENVER MADISON LINCOLN JACKSON FLORIDA GEORGIA
    VIRGINIA CAROLINA DAKOTA CHARLOTTE CORNELL STANFORD JAMAR PRINCE BLANCHE EARNEST ERNEST HARMONY
    MELODY PATIENCE PRUDENCE TEMPERANCE VERNAL GLORY TRINITY DESTINY CHANCE BLAIR GRAY GREY LONDON
    SPRING FALL STORM RAIN RIVER SKY FOREST MEADOW BROOK
    """
)
# Given names of two letters, which the Census lists leave out with the initials: read only in a
# person position ("hubby (ed)", "son al").
TWO_LETTER_NAMES: frozenset[str] = word_set("ed al jo bo cy ty vi di lu ky ab dj jd rj tj aj cj")

STOPWORDS: frozenset[str] = word_set(
    """
    BERG BARTHEL JEBSEN TINETTI FUGL MEYER MONTREAL MOCA MMSE BRUNNSTROM KOHLMAN RIVERMEAD
    GLASGOW DOWN DOWNS ALZHEIMER ALZHEIMERS HUNTINGTON HUNTINGTONS GUILLAIN BARRE BELLS COLLES
    PARKINSON PARKINSONS BOXER ERB KLUMPKE VOLKMANN DUPUYTREN HEBERDEN BOUCHARD
    KIENBOCK QUERVAIN GUYON TINEL PHALEN FINKELSTEIN FROMENT WARTENBERG HOFFMANN BABINSKI ROMBERG HOMAN
    HOMANS NEER YERGASON APLEY SPURLING OBER ELY FABER JOBE
    LACHMAN MCMURRAY ADDISON CUSHING GRAVES HASHIMOTO HODGKIN CROHN CROHNS RAYNAUD
    SJOGREN MENIERE PAGET TOURETTE ASPERGER GEHRIG CHARCOT TOOTH FOLSTEIN
    NASREDDINE BORG ZUNG EPWORTH BRADEN ASHWORTH TARDIEU SILVERMAN LSVT
    SEMMES WEINSTEIN JAMAR PURDUE MOBERG VALPAR MINNESOTA BEERY BUKTENICA PEABODY BRUININKS
    OSERETSKY BAYLEY VINELAND CONNERS WECHSLER DENVER BRIGANCE ERHARDT AYRES KIELHOFNER
    BOBATH KABAT LEWY WERNICKE BROCA KORSAKOFF BOTOX JOBST KINESIO THERABAND
    THERAPUTTY DIX HALLPIKE EPLEY ROLLATOR HOYER STEDY KESSLER RANCHO AMIGOS CHEDOKE
    FRENCHAY BERGEGO ARNADOTTIR KETTLE MOHO KAWA COPM AMPS PEDI MINI COG SLUMS
    CLIENT PATIENT PT PTS RESIDENT STUDENT CHILD PARENT CAREGIVER FAMILY SPOUSE WIFE HUSBAND SON DAUGHTER
    MOTHER FATHER MOM DAD SISTER BROTHER TEAM STAFF NURSE DOCTOR PHYSICIAN THERAPIST THERAPY OT OTR PTA
    COTA SLP RN LPN CNA MD DO NP PA CM SW CHARGE CASE MANAGER SOCIAL WORKER AIDE TECH TECHNICIAN
    DIRECTOR SUPERVISOR ADMIN ADMINS ADMINISTRATOR COMPLIANCE BILLING INTAKE SCHEDULER VENDOR PAYER
    MEDICARE MEDICAID TRICARE HUMANA AETNA CIGNA UNITED INSURANCE HOSPITALIST SURGEON ORTHO NEURO
    OUTPATIENT INPATIENT ACUTE REHAB REHABILITATION HOME HEALTH PEDIATRICS PEDIATRIC SPECIALTY SKILLED
    NURSING FACILITY SNF IRF LTACH ALF ICU CCU ED ER UNIT FLOOR WARD CLINIC HOSPITAL GENERAL MEDICAL
    CENTER CENTRE EARLY INTERVENTION SCHOOL CLASSROOM COMMUNITY ASSISTED LIVING MEMORY CARE SENIOR
    MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY MON TUE TUES WED THU THUR THURS FRI SAT SUN
    JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER
    JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC
    THE THIS THAT THESE THOSE THEN THERE THEY SHE HER HIS HIM HE WE OUR YOUR MY NOT NO YES AND OR BUT
    FOR WITH WITHOUT FROM INTO ONTO UPON AFTER BEFORE DURING WHEN WHILE IF UNLESS UNTIL SINCE
    PLAN GOAL GOALS ASSESSMENT EVALUATION EVAL REEVAL DISCHARGE ADMISSION CONTEXT SUMMARY NOTE NOTES
    EDUCATION TRAINING TEACH BACK SCRIPT BARRIERS RESPONSE MESSAGE AUDIENCE SAFETY PRECAUTIONS
    HANDOFF ESCALATION CONTINGENCY READ FRAMEWORK CHECKLIST ITEMS EXCEPTIONS OWNER REVIEW PROBLEM
    BASELINE INTERVENTIONS FREQUENCY DURATION CRITERIA PRIORITIES GUARDRAILS MEASURES WORKFLOW
    TIMING SAFEGUARDS VERIFICATION OUTCOME CHANGE GUARDRAIL IMPACT ACTIONS ACTION NEXT UPDATE METRIC
    DEFINITION OWNER TOPIC QUESTIONS EVIDENCE TERMS SITUATION DISAGREEMENT RESOLUTION LESSON REFLECTION
    FOLLOW UP DOCUMENTATION HANDOFFS DECISION RISK STEPS SUBJECTIVE OBJECTIVE ANALYSIS
    PRESENT PRESENTS REPORTS REPORTED STATES STATED DENIES VISIT VISITS SESSION SESSIONS DAY WEEK WEEKS
    MONTH MONTHS YEAR YEARS MORNING EVENING NIGHT TODAY TOMORROW YESTERDAY
    INDEPENDENT INDEPENDENCE MODIFIED MINIMAL MODERATE MAXIMAL MAXIMUM MINIMUM MOD MAX MIN CONTACT GUARD
    STANDBY SUPERVISION SETUP TOTAL DEPENDENT ASSIST ASSISTANCE CUES CUE
    TEST SCALE INDEX SCORE LEVEL STAGE SECTION ITEM TOOL MEASURE INVENTORY PROFILE BATTERY SCREEN
    FUNCTIONAL FUNCTION REACH DYNAMIC GAIT BALANCE TIMED COGNITIVE ASSESSMENT MENTAL STATUS VOICE
    TREATMENT BIG LOUD HAND FINGER THUMB WRIST ELBOW SHOULDER HIP KNEE ANKLE FOOT BACK NECK SPINE
    WALKER CANE CHAIR WHEELCHAIR BED BATH BENCH BOARD BELT HOOK SHOE HORN STRAW GRAB BAR TUB SHOWER
    TOILET COMMODE REACHER SPLINT ORTHOSIS BRACE SLING PEG HOLE BOX BLOCK NINE PUTTY
    LEFT RIGHT UPPER LOWER BILATERAL PROXIMAL DISTAL ANTERIOR POSTERIOR LATERAL MEDIAL
    STROKE CVA TBI SCI MS ALS COPD CHF DISEASE SYNDROME PALSY FRACTURE SIGN LAW
    NORTH SOUTH EAST WEST STREET ROAD AVENUE COUNTY STATE CITY TOWN
    DEAR HELLO HI THANKS THANK PLEASE NOTE NEW OLD GOOD BEST
    """
)

# Words that, right after a name-like word, show it is an eponym ("Allen's test", "Bell palsy").
EPONYM_FOLLOWERS: frozenset[str] = word_set(
    """
    TEST TESTS SIGN SCALE INDEX DISEASE SYNDROME PALSY FRACTURE PHENOMENON MANEUVER MANOEUVRE
    CONTRACTURE NODES NODE LAW RATIO ASSESSMENT INVENTORY BATTERY PROTOCOL METHOD APPROACH MODEL
    FRAME TECHNIQUE SPLINT ORTHOSIS LIFT BOARD DYNAMOMETER PEGBOARD QUESTIONNAIRE PROFILE LEVEL
    LEVELS STAGE STAGES DEMENTIA CANAL TUNNEL SCORE COGNITIVE DIAGNOSTIC BALANCE HAND FUNCTION VOICE
    MOTOR SENSORY MEMORY MENTAL VISUAL PERCEPTUAL DEVELOPMENTAL FRACTURES THEORY THEORIES
    COLLAR BRACE BOOT CHAIR STRETCHER INTERVIEW SURVEY SCREEN SCREENING CHECKLIST INSTRUMENT
    """
)

# More capitalised clinical words that must never be read as a person or a place: assessment
# eponyms and product names a therapist writes every day.
STOPWORDS |= word_set(
    """
    LAWTON KATZ CRAWFORD KESSLER MILLER BERGEGO HOEHN YAHR SLUMS KOHLMAN TAYLOR DYCEM THERAPUTTY
    PERMOBIL INVACARE QUICKIE DRIVE MEDLINE SUNRISE HANDIWORK ROLLATOR HEMI TILT SARA VELCRO ZOOM
    ZOOMTEXT OTAGO MEDBRIDGE WEBPT EPIC CERNER TELEHEALTH COVID ACE ACTS ORIF TKA THA CABG PEG
    CANADIAN ALLEN MAYO MONTREAL KLEIN BELL KIELHOFNER PERSON ENVIRONMENT OCCUPATION
    HAWAII LOS AMIGOS DUNN WILBARGER BRUSHING PROTOCOL SENSORY HANDWRITING TEARS HWT ZONES
    REGULATION SOCIAL THINKING ALERT PROGRAM HOW ENGINE RUNNING INTERACTIVE METRONOME
    """
)


def _read_english_words() -> frozenset[str]:
    """Lower-case words of Webster's Second (the `english-words` package, "web2" list).

    Only the entries spelled in lower case are kept: in that list proper names are capitalised,
    so what remains is the ordinary English vocabulary a name or a town is measured against.
    """
    try:
        from english_words import get_english_words_set
    except ModuleNotFoundError:
        return frozenset()
    return frozenset(word for word in get_english_words_set(["web2"], alpha=True) if word.islower())


ENGLISH_WORDS: frozenset[str] = _read_english_words()
# Everyday clinical words that Webster's Second predates.
ENGLISH_WORDS |= word_set(
    """
    telehealth online email covid rollator walker reacher dycem theraband theraputty kinesio velcro ipad iphone
    tablet app website laptop internet wifi gofundme facebook instagram tiktok youtube google text texts
    neuropsych psych peds ortho neuro onc cards pulm gi ent rheum derm endo nephro uro gyn obgyn hospice rehab
    info admin meds vitals labs stats docs prefs etc
    """
)
# Irregular past forms the word list leaves out (its stemming reaches "held" from nothing): verbs, never names.
ENGLISH_WORDS |= word_set("became began blew forgave heard held paid withdrew overcame withheld upheld")
# Clinical and academic word endings: an unknown word ending so names a field or a condition
# ("Rheumatology", "Ergonomics", "Tendinosis"), not a person.
CLINICAL_ENDINGS = (
    "ology",
    "ologies",
    "ics",
    "iatry",
    "osis",
    "itis",
    "emia",
    "aemia",
    "ectomy",
    "otomy",
    "ostomy",
    "plasty",
    "therapy",
    "graphy",
    "scopy",
    "algia",
    "pathy",
    "plegia",
    "paresis",
    "phagia",
    "phasia",
    "praxia",
    "ism",
)
# Endings that share a stem with an inflected verb: "propelled" is English because "propeller" is,
# though the vocabulary lacks "propel".
_STEM_RELATIVES = ("er", "ers", "ent", "ant", "ment", "able", "ion", "ive")
_SUFFIXES = (
    ("ies", "y"),
    ("ied", "y"),
    ("ing", ""),
    ("ing", "e"),
    ("ed", ""),
    ("ed", "e"),
    ("es", ""),
    ("s", ""),
    ("ly", ""),
    ("er", ""),
    ("est", ""),
)


@lru_cache(maxsize=65536)
def is_english_word(word: str) -> bool:
    """True when `word` (any case) or its stem is an ordinary English word ("completed" -> "complete")."""
    lower = word.lower().replace("’", "'")
    if lower.endswith("'s"):
        lower = lower[:-2]
    if lower in ENGLISH_WORDS or (len(lower) > 6 and lower.endswith(CLINICAL_ENDINGS)):
        return True
    for suffix, replacement in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) - len(suffix) + len(replacement) >= 3:
            stem = lower[: -len(suffix)] + replacement
            if stem in ENGLISH_WORDS:
                return True
            if replacement == "" and len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in ENGLISH_WORDS:
                return True  # "stopped" -> "stop"
    if lower.endswith(("ed", "ing")) and len(lower) > 6:
        stem = lower[:-2] if lower.endswith("ed") else lower[:-3]
        if any(stem + ending in ENGLISH_WORDS for ending in _STEM_RELATIVES):
            return True
    for table in _AMERICAN:
        american = _BRITISH.sub(lambda match, table=table: table[match.group()], lower)
        if american != lower and is_english_word(american):
            return True
    return False


# British spellings the (American) vocabulary lacks: "practises", "colour", "organisation", "licence".
_BRITISH = re.compile(
    r"(?<=[a-z])(?:is(?=(?:e|es|ed|er|ers|ing|ation|ations)$)|our(?=(?:|s|ed|ing|ite|ites|able)$)|tre(?=s?$)|ae(?=m|s|t)"
    r"|enc(?=es?$))"
)

# "organisation" -> "organization", and "practises" -> "practices" for the nouns spelled with c.
_AMERICAN = (
    {"is": "iz", "our": "or", "tre": "ter", "ae": "e", "enc": "ens"},
    {"is": "ic", "our": "or", "tre": "ter", "ae": "e", "enc": "ens"},
)


def _read_gazetteer() -> dict[str, int]:
    """US place name (upper case) -> population, from the generated `us_places.tsv`."""
    places: dict[str, int] = {}
    path = importlib.resources.files("portfolios.rubric.phi").joinpath("us_places.tsv")
    with path.open("r", encoding="utf-8") as rows:
        for row in rows:
            if row.startswith("#") or "\t" not in row:
                continue
            name, population = row.rstrip("\n").split("\t")
            places[name.upper()] = int(population)
    return places


US_PLACES: dict[str, int] = _read_gazetteer()
