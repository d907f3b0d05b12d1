"""Property tests: any text in any section never breaks the checker, and results are stable."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portfolios.checker import check_artifact
from portfolios.kinds import KINDS
from portfolios.tracks import TRACK_KEYS

CLINICAL_WORDS = st.sampled_from(
    [
        "Client",
        "will",
        "Mod A",
        "within 2 weeks",
        "03/14/2024",
        "Mr.",
        "Smith",
        "if",
        "then",
        "notify RN",
        "3/4 trials",
        "\n- ",
        "ROM",
        "Do you understand?",
        "555-123-4567",
        "https://x.example",
        "(",
        "[NAME]",
        "•",
        "\u200b",
        "é",
        "🙂",
    ]
)
SECTION_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(CLINICAL_WORDS, max_size=60).map(" ".join),
    st.lists(st.one_of(CLINICAL_WORDS, st.text(max_size=10)), max_size=40).map("".join),
)


@st.composite
def artifacts(draw):
    kind = draw(st.sampled_from(KINDS))
    track = draw(st.sampled_from(TRACK_KEYS))
    keys = draw(st.lists(st.sampled_from(kind.section_keys), unique=True))
    return kind, track, {key: draw(SECTION_TEXT) for key in keys}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(artifacts())
def test_any_text_never_raises_and_every_span_lies_inside_its_section(artifact):
    kind, track, fields = artifact
    result = check_artifact(kind.key, track, fields)
    for finding in result.findings:
        assert finding.field in kind.section_keys
        text = fields.get(finding.field, "")
        assert 0 <= finding.start <= finding.end <= len(text), finding
        assert finding.severity in {"error", "warning", "info"}
        assert finding.message and finding.fix
    assert set(result.rows) == set(kind.proves)
    assert all(0 <= row.score <= 4 for row in result.rows.values())


@settings(max_examples=100, deadline=None)
@given(artifacts())
def test_the_same_input_gives_the_same_result(artifact):
    kind, track, fields = artifact
    assert check_artifact(kind.key, track, dict(fields)) == check_artifact(kind.key, track, dict(fields))
