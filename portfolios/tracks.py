"""The five practice settings a candidate can target, as data.

Each track says what changes in that setting (from the hiring reports and
`shared/research/domain-checks.md` section 4) and which artifact kinds matter
most there. The three core kinds are recommended for every track.
Plain Python (no Django) so the rubric engine can read it too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from portfolios.kinds import CORE_KIND_KEYS, KINDS_BY_KEY, ArtifactKind
from portfolios.rubric.rows import ROW_KEYS
from portfolios.rubric.spec import TrackSpec


@dataclass(frozen=True)
class Track:
    key: str
    name: str
    summary: str
    what_changes: tuple[str, ...]
    extra_kinds: tuple[str, ...]
    blurb: str = ""  # the setting in plain words, for someone deciding where to start

    @cached_property
    def spec(self) -> TrackSpec:
        """What the rubric engine is told about this track: its key and the overlay for its setting."""
        return TrackSpec(key=self.key, overlays=(self.key,))

    @property
    def recommended_kinds(self) -> tuple[str, ...]:
        """Core kinds first, then the kinds this setting adds, in catalog order."""
        return CORE_KIND_KEYS + tuple(key for key in self.extra_kinds if key not in CORE_KIND_KEYS)

    def smallest_kind_proving(self, row: str) -> ArtifactKind | None:
        """The recommended kind that proves this rubric row with the fewest required sections (then fewest sections)."""
        kinds = [KINDS_BY_KEY[key] for key in self.recommended_kinds if row in KINDS_BY_KEY[key].proves]
        return min(kinds, key=lambda kind: (sum(s.required for s in kind.sections), len(kind.sections)), default=None)


TRACKS: tuple[Track, ...] = (
    Track(
        key="outpatient",
        name="Outpatient",
        summary=(
            "Reviewers want \u201cday job\u201d signals: throughput vs quality decisions, payer constraints and "
            "measurable outcomes under a Medicare Part B plan of care."
        ),
        what_changes=(
            "Plan of care states long-term goals, frequency and duration; certification covers at most 90 days.",
            "A progress report at least once every 10 treatment days, covering progress toward each goal.",
            "Treatment notes carry date, interventions, timed and total minutes, signature and credentials.",
            "Productivity targets and documentation time vary widely: show how you protect quality under volume.",
        ),
        extra_kinds=("plan_of_care", "caseload_note", "education_script", "workflow_safeguards"),
        blurb=(
            "Clinic visits of 30 to 60 minutes, a full schedule, and insurance rules on how often you see each client. Show you keep quality up when the day is packed."
        ),
    ),
    Track(
        key="acute",
        name="Inpatient/acute care",
        summary=(
            "Short stays and fast handoffs: the evaluation drives the discharge recommendation, and safety-first "
            "judgment is screened explicitly."
        ),
        what_changes=(
            "Evaluation covers prior level of function, home barriers, precautions and orders, vitals response, "
            "assist level, DME and a discharge recommendation (home, HH, OP, SNF, IRF, LTACH).",
            "Handoffs to nursing and the next therapist carry precautions and vitals response.",
            "High-volume days are the norm: prioritization and deferral rules matter.",
        ),
        extra_kinds=("caseload_note", "plan_of_care", "education_script", "workflow_safeguards", "stakeholder_memo"),
        blurb=(
            "Hospital patients who stay a few days. You assess fast, keep people safe, and say where they should go next. Show sound judgment under time pressure."
        ),
    ),
    Track(
        key="inpatient_rehab",
        name="Inpatient rehab",
        summary=(
            "Intensive interdisciplinary therapy: ask what \u201cgood\u201d looks like in 90 days for handoff "
            "reliability and patient intake."
        ),
        what_changes=(
            "Self-care goals are scored with Section GG (01\u201306) at admission, as discharge goals and at discharge.",
            "A weekly interdisciplinary team conference; therapy intensity is documented, with brief exceptions explained.",
            "Handoffs between disciplines and shifts are where errors propagate.",
        ),
        extra_kinds=("plan_of_care", "education_script", "before_after"),
        blurb=(
            "Several hours of therapy a day with a whole team around each patient. Show that your goals are measurable and your handoffs hold between shifts."
        ),
    ),
    Track(
        key="home_health",
        name="Home health",
        summary=(
            "Care in the client's home: ask what \u201cgood\u201d looks like in 90 days for documentation quality, "
            "homebound status and skilled need."
        ),
        what_changes=(
            "An OT reassesses at least every 30 days; OASIS items (e.g. M1800 grooming) sit alongside Section GG.",
            "Homebound status and the skilled need are documented in every plan of care.",
            "Caregivers are often the audience for education.",
        ),
        extra_kinds=("plan_of_care", "education_script", "workflow_safeguards", "setting_fit_questions"),
        blurb=(
            "Visits in the client's own home, often teaching family members too. Show clear notes, safe homes and teaching that sticks."
        ),
    ),
    Track(
        key="pediatrics",
        name="Pediatrics/specialty",
        summary=(
            "School and early-intervention settings: measurable annual goals, how progress is measured, and when "
            "it is reported to families."
        ),
        what_changes=(
            "IEP goals state present levels, measurable annual goals, how progress is measured and when it is reported.",
            "IFSP outcomes sit in natural environments and are reviewed every 6 months.",
            "Goals are written for the student or child, in school or natural contexts, with trials or % criteria.",
        ),
        extra_kinds=("plan_of_care", "education_script", "qa_page"),
        blurb=(
            "Children at school or at home with their families. Show goals a teacher or parent can follow, and how you measure and report progress."
        ),
    ),
)

TRACKS_BY_KEY: dict[str, Track] = {track.key: track for track in TRACKS}
TRACK_KEYS: tuple[str, ...] = tuple(track.key for track in TRACKS)


def get_track(key: str) -> Track:
    """Return the track with this key, or raise KeyError."""
    return TRACKS_BY_KEY[key]


def _check_catalog() -> None:
    for track in TRACKS:
        for key in track.extra_kinds:
            if key not in KINDS_BY_KEY:
                raise ValueError(f"Track {track.key!r} recommends unknown kind {key!r}")
        # A newcomer who writes the starter set has a chance at every rubric row.
        proved = {row for key in track.recommended_kinds for row in KINDS_BY_KEY[key].proves}
        if missing := [row for row in ROW_KEYS if row not in proved]:
            raise ValueError(f"Track {track.key!r} recommends no kind proving {', '.join(missing)}")


_check_catalog()
