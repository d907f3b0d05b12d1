"""Shared pieces of the fuzz suite: input strategies, a per-example rollback, and database snapshots.

Hypothesis runs a test body many times inside one pytest-django transaction, so every
example runs inside `isolated()`: a savepoint rolled back at the end, with the cache and
the mail outbox emptied first. Each example therefore starts from the fixture's world.
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from urllib.parse import urlencode

from django.core import mail
from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from portfolios.kinds import SECTION_MAX_CHARS
from portfolios.models import (
    Artifact,
    Comment,
    DrillAttempt,
    EmployerNote,
    InterviewStory,
    MentorInvite,
    Notification,
    Portfolio,
    Revision,
    ShareLink,
    StagePlan,
    TargetJob,
    User,
    Verdict,
)

TRACKED = (
    User,
    Portfolio,
    Artifact,
    Revision,
    ShareLink,
    MentorInvite,
    Comment,
    Verdict,
    Notification,
    InterviewStory,
    StagePlan,
    DrillAttempt,
    EmployerNote,
    TargetJob,
)


def fuzz(max_examples: int):
    """Hypothesis settings for this suite: no deadline, fixtures shared by examples, no example database.

    FUZZ_SCALE=10 (environment) runs ten times as many examples, for a deeper search than CI's.
    """
    return settings(
        max_examples=max(1, int(max_examples * float(os.environ.get("FUZZ_SCALE", "1")))),
        deadline=None,
        database=None,  # write nothing outside tests/fuzz
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )


@contextmanager
def isolated():
    """Run one example in a savepoint that is always rolled back; start with an empty cache and outbox."""
    cache.clear()
    mail.outbox = []
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def db_state() -> dict[str, list[dict]]:
    """Every row of every table a request could write, field by field (timestamps included)."""
    return {model.__name__: list(model.objects.order_by("pk").values()) for model in TRACKED}


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in TRACKED}


def changed_tables(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after[name]]


# Version counters a write may move on the user row: cache keys and the unread badge, nothing the user typed.
USER_COUNTERS = {"content_version", "unread_notifications"}


def changed_fields(before: dict, after: dict, table: str) -> set[str]:
    """The fields that changed in any row of the table that exists before and after."""
    old = {row["id"]: row for row in before[table]}
    return {field for row in after[table] if row["id"] in old for field in row if row[field] != old[row["id"]][field]}


def describe_changes(before: dict, after: dict) -> str:
    """Which rows and fields changed, briefly (values cut to 80 characters)."""
    lines = []
    for name in changed_tables(before, after):
        old = {row["id"]: row for row in before[name]}
        new = {row["id"]: row for row in after[name]}
        for pk in sorted(old.keys() | new.keys()):
            if old.get(pk) != new.get(pk):
                if pk not in old or pk not in new:
                    lines.append(f"{name} #{pk} {'added' if pk in new else 'deleted'}")
                else:
                    fields = {
                        k: (repr(old[pk][k])[:80], repr(new[pk][k])[:80]) for k in new[pk] if old[pk][k] != new[pk][k]
                    }
                    lines.append(f"{name} #{pk} {fields}")
    return "; ".join(lines)


def assert_unchanged(before: dict, response=None, what: str = "") -> None:
    after = db_state()
    status = getattr(response, "status_code", None)
    assert before == after, f"{what} (status {status}) changed: {describe_changes(before, after)}"


def assert_no_server_error(response, what: str = "") -> None:
    assert response.status_code < 500, f"{what}: {response.status_code}"


def submit(client, url: str, data: dict, *, encoding: str = "multipart", **extra):
    """POST as a browser would: multipart (the test client's default) or urlencoded."""
    if encoding == "urlencoded":
        body = urlencode(data, doseq=True)
        return client.post(url, body, content_type="application/x-www-form-urlencoded", **extra)
    return client.post(url, data, **extra)


# ---- the documented normalisation of section text (portfolios/validation.py) -----------------------

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def normalised(value: str) -> str:
    """What a saved section must hold: CRLF (and a lone CR) → LF, trailing whitespace stripped, blank → ""."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return value.rstrip() if value.strip() else ""


def section_refused(value: str) -> bool:
    """Whether clean_section_text must refuse this text: a control character, or too long."""
    return bool(CONTROL.search(value)) or len(value.replace("\r\n", "\n").replace("\r", "\n")) > SECTION_MAX_CHARS


# ---- strategies ----------------------------------------------------------------------------------

SPECIALS = [
    # zero-width and bidi marks
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u200e",
    "\u200f",
    "\u202a",
    "\u202b",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u061c",
    # astral characters (no surrogates), combining marks, ligatures, case oddities
    "\U0001f600",
    "\U0001f469\u200d\U0001f4bb",
    "\U00010348",
    "\U0010fffd",
    "\U0001d7ce\U0001d7cf",  # mathematical digits
    "e\u0301",
    "\u0130",
    "\u212a",
    "\u017f",
    "ß",
    "ﬁ",
    "\ufffd",
    "\ufffe",
    "\uffff",
    "\u0663\u0662",  # Arabic-Indic digits
    "שלום",
    "مرحبا",
    # line breaks and whitespace
    "\r\n",
    "\r",
    "\n",
    "\t",
    " ",
    "  ",
    "\xa0",
    "\u2028",
    "\u2029",
    "\u3000",
    "\u2003",
    # markup and template syntax
    "<script>alert(1)</script>",
    "{{ request }}",
    "{% csrf_token %}",
    "**bold**",
    "*it*",
    "`code`",
    "&amp;",
    "'\"",
    "%s%d",
    "\\",
]

CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\x9f"]

CLINICAL = [
    "Client A",
    "will",
    "Mod A",
    "min A",
    "within 2 weeks",
    "03/14/2024",
    "02/30/2021",
    "13/45/2020",
    "\u0660\u0663/\u0661\u0664/\u0662\u0660\u0662\u0664",
    "Mrs. Alvarez",
    "Dr. Smith",
    "555-123-4567",
    "(555) 123-4567",
    "john.doe@example.com",
    "MRN 12345678",
    "SSN 123-45-6789",
    "age 103",
    "90+",
    "3/4 trials",
    "22/30",
    "128/82",
    "https://x.example/path",
    "99999999999999999999999",
    "if",
    "then",
    "notify RN",
    "\n- ",
    "\n1. ",
    "Boston, MA 02115",
    "[NAME]",
]

_PRINTABLE = st.characters(exclude_categories=("Cs", "Cc"))  # any code point but surrogates and controls
_ANY = st.characters(exclude_categories=("Cs",))


def clean_text(max_parts: int = 10) -> st.SearchStrategy[str]:
    """Arbitrary Unicode text without C0/C1 control characters (tab, CR and LF come from SPECIALS)."""
    part = st.one_of(st.text(_PRINTABLE, max_size=20), st.sampled_from(SPECIALS), st.sampled_from(CLINICAL))
    return st.lists(part, max_size=max_parts).map("".join)


def nasty_text(max_parts: int = 10) -> st.SearchStrategy[str]:
    """Like clean_text, but control characters (NUL included) and raw code points may appear anywhere."""
    part = st.one_of(
        st.text(_PRINTABLE, max_size=20),
        st.sampled_from(SPECIALS),
        st.sampled_from(CLINICAL),
        st.sampled_from(CONTROLS),
        st.text(_ANY, max_size=8),
    )
    return st.lists(part, max_size=max_parts).map("".join)


def numbers() -> st.SearchStrategy[str]:
    """Things sent where an integer is expected: negative, huge, non-numeric, Unicode digits, blanks."""
    return st.one_of(
        st.integers(min_value=-(2**70), max_value=2**70).map(str),
        st.integers(min_value=-3, max_value=12).map(str),
        st.sampled_from(
            ["", " ", "0", "-0", "+1", " 1 ", "1.0", "1.5", "1e3", "0x1", "1_0", "٣", "１", "NaN", "inf", "9" * 5000]
        ),
        nasty_text(max_parts=3),
    )


def maybe_duplicated(value: st.SearchStrategy[str]) -> st.SearchStrategy[str | list[str]]:
    """A form value, or the same field sent two or three times."""
    return st.one_of(value, value, st.lists(value, min_size=2, max_size=3))


def last(value: str | list[str]) -> str:
    """The value Django's QueryDict.get() reads from a possibly duplicated field: the last one."""
    return value[-1] if isinstance(value, list) else value


ENCODINGS = st.sampled_from(["multipart", "urlencoded"])

_LOCAL = st.text(
    st.sampled_from([*"abcxyzABCXYZ0189._+-'", "\u0130", "\u212a", "\u017f", "\u00e9", "\u00df", "\u0131"]),
    min_size=1,
    max_size=20,
)
_DOMAIN = st.sampled_from(["example.com", "EXAMPLE.org", "münchen.example", "xn--mnchen-3ya.example", "ex.co"])


def emails() -> st.SearchStrategy[str]:
    """Email-shaped strings (some valid, some not), with Unicode and odd case, plus arbitrary text."""
    shaped = st.builds(
        lambda local, domain, pad: f"{pad}{local}@{domain}{pad}", _LOCAL, _DOMAIN, st.sampled_from(["", " "])
    )
    return st.one_of(shaped, shaped, st.emails().map(str), nasty_text(max_parts=4))


TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"


def tokens_like(real: str) -> st.SearchStrategy[str]:
    """Malformed, truncated, extended, mutated, case-flipped and arbitrary tokens (never `real` itself)."""
    mutated = st.builds(
        lambda i, c: real[:i] + c + real[i + 1 :],
        st.integers(0, len(real) - 1),
        st.sampled_from(TOKEN_ALPHABET),
    )
    candidates = st.one_of(
        st.integers(0, len(real) - 1).map(lambda n: real[:n]),
        st.integers(1, len(real) - 1).map(lambda n: real[n:]),
        st.text(st.sampled_from(TOKEN_ALPHABET), min_size=1, max_size=60).map(lambda extra: real + extra),
        mutated,
        st.just(real.swapcase()),
        st.text(st.sampled_from(TOKEN_ALPHABET), min_size=43, max_size=43),
        st.text(st.sampled_from(TOKEN_ALPHABET), min_size=1, max_size=80),
        nasty_text(max_parts=4),
        st.sampled_from([" " + real, real + " ", real + "%00", real.replace(real[0], "=", 1), "." * 43, "-" * 43]),
    )
    return candidates.filter(lambda token: token != real and token.strip("/") != "")


_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def one_line(value: str) -> bool:
    """Names, headlines and labels must be one line of plain text once trimmed (no controls, breaks, bidi overrides)."""
    return not _NOT_ONE_LINE.search(value.strip())
