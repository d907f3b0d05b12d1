"""Every URL with every HTTP method, every write without (or with a forged) CSRF token, and oversize bodies.

Invariants: never a 5xx; a method a view does not serve is a 405 (or the 404/login answer
that hides the object) and changes nothing; a POST without a valid CSRF token is a 403 and
changes nothing; a 1 MB field is refused without saving; a 3 MB body is a clean 400.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from hypothesis import given
from hypothesis import strategies as st

from otportfolio.urls import account_patterns
from portfolios.urls import urlpatterns
from tests.conftest import PASSWORD, Client
from tests.fuzz.conftest import CASE
from tests.fuzz.support import assert_unchanged, db_state, fuzz, isolated, nasty_text, submit

CSRF_SECRET = "A" * 32  # a well-formed CSRF secret: Django accepts it unmasked in cookie and header


@dataclass
class Endpoint:
    name: str
    role: str  # who may use it: owner, mentor or anonymous
    methods: frozenset[str]  # what the view serves
    payload: dict = field(default_factory=dict)  # a valid POST
    big_field: str | None = None  # the text field a 1 MB value goes into
    refuses_with: tuple[int, ...] = ()  # how a 1 MB value is refused


GET = frozenset({"GET"})
GET_POST = frozenset({"GET", "POST"})
POST = frozenset({"POST"})
CBV_GET = frozenset({"GET", "HEAD", "OPTIONS"})
CBV_GET_POST = frozenset({"GET", "HEAD", "POST", "OPTIONS"})
ANY = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"})
FORM = (200, 422)  # the form again, with its errors
REDIRECT = (302,)  # the app's redirect-with-message answer

ENDPOINTS = [
    Endpoint("portfolios:landing", "anonymous", ANY),
    Endpoint("portfolios:dashboard", "owner", ANY),
    Endpoint("portfolios:portfolio_new", "owner", GET_POST, {"track": "inpatient_rehab"}, "track", FORM),
    Endpoint("portfolios:portfolio", "owner", GET),
    Endpoint("portfolios:portfolio_track", "owner", POST, {"track": "home_health"}, "track", REDIRECT),
    Endpoint(
        "portfolios:artifact_edit", "owner", GET_POST, {**CASE, "version": "3", "action": "draft"}, "plan", (422,)
    ),
    Endpoint("portfolios:artifact_check", "owner", POST, {**CASE, "version": "3"}, "plan", (422,)),
    Endpoint(
        "portfolios:artifact_redact",
        "owner",
        POST,
        {"expected_version": "3", "field": "plan", "start": "0", "end": "6", "check": "phi.name"},
        "field",
        REDIRECT,
    ),
    Endpoint("portfolios:artifact_replace_all", "owner", POST, {"expected_version": "3"}, "expected_version", REDIRECT),
    Endpoint("portfolios:artifact_purge_history", "owner", GET_POST, {"confirm": "on"}),
    Endpoint("portfolios:portfolio_headline", "owner", POST, {"headline": "Outpatient OT"}, "headline", (422,)),
    Endpoint("portfolios:artifact_history", "owner", GET),
    Endpoint("portfolios:revision_restore", "owner", POST, {"version": "3"}, "version", REDIRECT),
    Endpoint(
        "portfolios:share_links",
        "owner",
        GET_POST,
        {"label": "Other recruiter", "expires_in_days": "7"},
        "label",
        (422,),
    ),
    Endpoint("portfolios:share_link_revoke", "owner", POST),
    Endpoint("portfolios:share_link_edit", "owner", GET_POST, {"label": "Renamed recruiter"}, "label", (422,)),
    Endpoint("portfolios:share_link_preview", "owner", GET),
    Endpoint(
        "portfolios:portfolio_brief",
        "owner",
        POST,
        {"positioning": "I own discharge teaching; next, the falls program."},
        "positioning",
        (422,),
    ),
    Endpoint("portfolios:share_page", "anonymous", GET),
    Endpoint("portfolios:share_pdf", "anonymous", GET),
    Endpoint("portfolios:portfolio_pdf", "owner", GET),
    Endpoint("portfolios:mentors", "owner", GET_POST, {"email": "third@example.com"}, "email", (422,)),
    Endpoint("portfolios:invite_revoke", "owner", POST),
    Endpoint("portfolios:invite_accept", "anonymous", GET_POST, {"display_name": "Dr. New"}, "display_name", (422,)),
    Endpoint("portfolios:review_inbox", "mentor", GET),
    Endpoint("portfolios:review", "mentor", GET),
    Endpoint("portfolios:review_artifact", "mentor", GET),
    Endpoint("portfolios:comment_create", "mentor", POST, {"section": "plan", "body": "Name it."}, "body", REDIRECT),
    Endpoint(
        "portfolios:verdict_give", "mentor", POST, {"call": "ready", "note": "", "version": "3"}, "note", REDIRECT
    ),
    Endpoint(
        "portfolios:scores_give",
        "mentor",
        POST,
        {"version": "3", "score-assessment": "3", "reason-assessment": "Finds the constraint."},
        "reason-assessment",
        REDIRECT,
    ),
    Endpoint("portfolios:re_review", "owner", POST),
    Endpoint("portfolios:comment_reply", "mentor", POST, {"body": "Thanks."}, "body", REDIRECT),
    Endpoint("portfolios:comment_resolve", "mentor", POST),
    Endpoint("portfolios:notifications", "owner", GET_POST),
    Endpoint("portfolios:prepare", "owner", GET),
    Endpoint(
        "portfolios:prepare_stage",
        "owner",
        POST,
        {"case-lead_kind": "case_writeup", "case-lead_story": "edge_case"},
        "case-lead_kind",
        REDIRECT,
    ),
    Endpoint(
        "portfolios:story_edit",
        "owner",
        GET_POST,
        {
            "version": "1",
            "action": "draft",
            "situation": "A busy unit.",
            "ownership": "",
            "decision": "",
            "verification": "",
            "differently": "",
        },
        "situation",
        (422,),
    ),
    Endpoint(
        "portfolios:drill",
        "owner",
        GET_POST,
        {"q": "case-1", "seconds": "120", "answer": "I did it."},
        "answer",
        (422,),
    ),
    Endpoint("portfolios:employer_questions", "owner", GET_POST, {"employer": "Acme Rehab"}, "employer", (422,)),
    Endpoint(
        "portfolios:employer_notes", "owner", GET_POST, {"good_bad_week": "A calm week."}, "good_bad_week", (422,)
    ),
    Endpoint("portfolios:notification_open", "owner", GET),
    Endpoint(
        "portfolios:targets",
        "owner",
        GET_POST,
        {"label": "Acme Rehab OT", "posting": "Requirements: must write measurable goals."},
        "posting",
        (422,),
    ),
    Endpoint("portfolios:portfolio_industry", "owner", POST, {"lens-industry": "enterprise"}),
    Endpoint("portfolios:target", "owner", GET),
    Endpoint("portfolios:target_industry", "owner", POST, {"industry": "consumer"}),
    Endpoint("portfolios:target_link", "owner", POST),
    Endpoint("portfolios:target_delete", "owner", GET_POST),
    Endpoint(
        "signup",
        "anonymous",
        GET_POST,
        {"email": "new@example.com", "display_name": "New", "password1": PASSWORD, "password2": PASSWORD},
        "display_name",
        (200,),
    ),
    Endpoint("profile", "owner", GET_POST, {"display_name": "Casey C", "headline": ""}, "headline", (200,)),
    Endpoint("account_export", "owner", GET),
    Endpoint("account_delete", "owner", GET_POST, {"password": PASSWORD, "confirm": "on"}, "password", (422,)),
    Endpoint(
        "login",
        "anonymous",
        CBV_GET_POST,
        {"username": "casey.candidate@example.com", "password": PASSWORD},
        "username",
        (200,),
    ),
    Endpoint("logout", "owner", frozenset({"POST", "OPTIONS"})),
    Endpoint(
        "password_change",
        "owner",
        CBV_GET_POST,
        {"old_password": PASSWORD, "new_password1": "violet-harbour-2049", "new_password2": "violet-harbour-2049"},
        "old_password",
        (200,),
    ),
    Endpoint("portfolios:dev_outbox", "anonymous", frozenset({"GET", "HEAD"})),  # a 404 unless DEBUG
    Endpoint("portfolios:strong_example", "anonymous", frozenset({"GET", "HEAD"})),
    Endpoint("password_change_done", "owner", CBV_GET),
    Endpoint("password_reset", "anonymous", CBV_GET_POST, {"email": "casey.candidate@example.com"}, "email", (200,)),
    Endpoint("password_reset_done", "anonymous", CBV_GET),
    Endpoint(
        "password_reset_confirm",
        "anonymous",
        CBV_GET_POST,
        {"new_password1": "violet-harbour-2049", "new_password2": "violet-harbour-2049"},
    ),
    Endpoint("password_reset_complete", "anonymous", CBV_GET),
]
ANY_METHOD_PAGES = {"portfolios:landing", "portfolios:dashboard"}  # no method decorator
# Pages about the signed-in person: anyone signed in writes to their own account there.
PERSONAL = {
    "profile",
    "portfolios:notifications",
    "logout",
    "password_change",
    "account_delete",
    "portfolios:portfolio_new",
}
# Review writes the owner may make too (commenting on, replying in and resolving threads of their own work).
REVIEWER_WRITES = {
    "portfolios:comment_create",
    "portfolios:comment_reply",
    "portfolios:comment_resolve",
    "portfolios:scores_give",
}
# Django's own class-based auth views: FormView serves PUT like POST, and the reset-confirm view renders
# its "invalid link" page for any method. Framework behaviour, so the strict method test leaves them out.
DJANGO_VIEWS = {
    "login",
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
BY_NAME = {endpoint.name: endpoint for endpoint in ENDPOINTS}
WRITES = [endpoint for endpoint in ENDPOINTS if "POST" in endpoint.methods and endpoint.name not in ANY_METHOD_PAGES]
MATRIX_METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE"]  # the rest: strict and arbitrary-name tests


def url_for(world, endpoint: Endpoint) -> str:
    args = {
        "portfolios:portfolio": world.url_args()["portfolio"],
        "portfolios:portfolio_track": world.url_args()["portfolio"],
        "portfolios:artifact_edit": world.url_args()["artifact"],
        "portfolios:artifact_check": world.url_args()["artifact"],
        "portfolios:artifact_redact": world.url_args()["artifact"],
        "portfolios:artifact_replace_all": world.url_args()["artifact"],
        "portfolios:artifact_purge_history": world.url_args()["artifact"],
        "portfolios:portfolio_headline": world.url_args()["portfolio"],
        "portfolios:artifact_history": world.url_args()["artifact"],
        "portfolios:revision_restore": world.url_args()["revision"],
        "portfolios:share_links": world.url_args()["portfolio"],
        "portfolios:share_link_revoke": world.url_args()["link"],
        "portfolios:share_link_edit": world.url_args()["link"],
        "portfolios:share_link_preview": world.url_args()["link"],
        "portfolios:portfolio_brief": world.url_args()["portfolio"],
        "portfolios:share_page": world.url_args()["token"],
        "portfolios:share_pdf": world.url_args()["token"],
        "portfolios:portfolio_pdf": world.url_args()["portfolio"],
        "portfolios:mentors": world.url_args()["portfolio"],
        "portfolios:invite_revoke": world.url_args()["invite"],
        "portfolios:invite_accept": world.url_args()["invite_token"],
        "portfolios:review": world.url_args()["portfolio"],
        "portfolios:review_artifact": world.url_args()["artifact"],
        "portfolios:comment_create": world.url_args()["artifact"],
        "portfolios:verdict_give": world.url_args()["artifact"],
        "portfolios:scores_give": world.url_args()["artifact"],
        "portfolios:re_review": world.url_args()["artifact"],
        "portfolios:comment_reply": world.url_args()["thread"],
        "portfolios:comment_resolve": world.url_args()["thread"],
        "portfolios:notification_open": world.url_args()["notification"],
        "portfolios:prepare": world.url_args()["portfolio"],
        "portfolios:prepare_stage": world.url_args()["stage"],
        "portfolios:story_edit": world.url_args()["story"],
        "portfolios:drill": world.url_args()["drill"],
        "portfolios:employer_questions": world.url_args()["portfolio"],
        "portfolios:employer_notes": world.url_args()["employer_note"],
        "portfolios:strong_example": ["case_writeup"],
        "portfolios:targets": world.url_args()["portfolio"],
        "portfolios:portfolio_industry": world.url_args()["portfolio"],
        "portfolios:target": world.url_args()["target"],
        "portfolios:target_industry": world.url_args()["target"],
        "portfolios:target_link": world.url_args()["target"],
        "portfolios:target_delete": world.url_args()["target"],
    }.get(endpoint.name)
    if endpoint.name == "password_reset_confirm":
        uid = urlsafe_base64_encode(force_bytes(world.candidate.pk))
        return reverse("password_reset_confirm", args=[uid, "set-password"])
    return reverse(endpoint.name, args=args)


def prepare(world, client: Client, endpoint: Endpoint) -> None:
    """A reset link sets its token in the session first, as opening the emailed link does."""
    if endpoint.name == "password_reset_confirm":
        uid = urlsafe_base64_encode(force_bytes(world.candidate.pk))
        client.get(reverse("password_reset_confirm", args=[uid, default_token_generator.make_token(world.candidate)]))


def client_as(world, role: str, **kwargs) -> Client:
    if role == "owner":
        return world.fresh_owner(**kwargs)
    if role == "mentor":
        return world.fresh_mentor(**kwargs)
    if role == "stranger":
        client = Client(**kwargs)
        client.cookies[settings.SESSION_COOKIE_NAME] = world.stranger.cookies[settings.SESSION_COOKIE_NAME].value
        return client
    return Client(**kwargs)


def test_the_table_names_every_url_pattern():
    names = {f"portfolios:{p.name}" for p in urlpatterns if p.name != "bench_baseline"}
    names |= {p.name for p in account_patterns}
    assert names == set(BY_NAME)


# ---- methods -----------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["owner", "mentor", "stranger", "anonymous"])
def test_every_url_with_every_method_is_never_a_server_error_and_unserved_methods_change_nothing(world, role):
    problems = []
    client = getattr(world, role)
    for endpoint in ENDPOINTS:
        url = url_for(world, endpoint)
        for method in MATRIX_METHODS:
            if (
                method == "POST"
                and "POST" in endpoint.methods
                and (
                    role == endpoint.role
                    or (endpoint.name in PERSONAL and role in ("owner", "stranger"))
                    or (endpoint.name in REVIEWER_WRITES and role == "owner")
                )
            ):
                continue  # a legitimate write (on one's own account), fuzzed in the other files
            world.reset_cookies()
            with isolated():
                before = db_state()
                response = client.generic(method, url)
                if response.status_code >= 500:
                    problems.append(f"{role} {method} {endpoint.name}: {response.status_code}")
                elif method not in ("GET", "HEAD", "OPTIONS") and db_state() != before:
                    problems.append(f"{role} {method} {endpoint.name}: {response.status_code} and changed data")
    assert not problems, "\n".join(problems)


def test_methods_no_view_serves_are_refused(world):
    """PUT, PATCH, DELETE, TRACE and unknown methods: 405, or the 404/login redirect that hides the object."""
    served = []
    for endpoint in ENDPOINTS:
        if endpoint.name in DJANGO_VIEWS:
            continue
        client = getattr(world, endpoint.role)
        for method in ["PUT", "PATCH", "DELETE", "TRACE", "PROPFIND"]:
            with isolated():
                response = client.generic(method, url_for(world, endpoint))
                if response.status_code not in (302, 404, 405):
                    served.append(f"{method} {endpoint.name}: {response.status_code}")
    assert not served, "\n".join(served)


@fuzz(30)
@given(method=st.text(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ-_"), min_size=1, max_size=12), data=st.data())
def test_arbitrary_method_names_are_never_server_errors(world, method, data):
    endpoint = data.draw(st.sampled_from(ENDPOINTS), label="endpoint")
    with isolated():
        client = client_as(world, endpoint.role)
        before = db_state()
        response = client.generic(method, url_for(world, endpoint), "x=1")
        assert response.status_code < 500
        if method not in ("GET", "HEAD", "OPTIONS", "POST"):
            assert_unchanged(before, response, f"{method} {endpoint.name}")


# ---- CSRF ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [endpoint.name for endpoint in WRITES])
def test_a_write_without_a_csrf_token_is_403_and_changes_nothing(world, name):
    endpoint = BY_NAME[name]
    with isolated():
        client = client_as(world, endpoint.role, enforce_csrf_checks=True)
        prepare(world, client, endpoint)
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
        url = url_for(world, endpoint)
        before = db_state()
        response = client.post(url, endpoint.payload)
        assert response.status_code == 403, response.status_code
        assert_unchanged(before, response, f"POST {name} without a CSRF token")
        # The same request with the token goes through to the view: the 403 was the token.
        response = client.post(url, endpoint.payload, HTTP_X_CSRFTOKEN=CSRF_SECRET)
        assert response.status_code != 403


@fuzz(40)
@given(
    token=st.one_of(nasty_text(3), st.text(st.sampled_from("ABCDEFabcdef0123456789"), min_size=32, max_size=64)),
    where=st.sampled_from(["body", "header", "both"]),
    data=st.data(),
)
def test_a_forged_csrf_token_is_403_and_changes_nothing(world, token, where, data):
    endpoint = data.draw(st.sampled_from(WRITES), label="endpoint")
    with isolated():
        client = client_as(world, endpoint.role, enforce_csrf_checks=True)
        prepare(world, client, endpoint)
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
        payload = dict(endpoint.payload)
        extra = {}
        if where in ("body", "both"):
            payload["csrfmiddlewaretoken"] = token
        if where in ("header", "both"):
            extra["HTTP_X_CSRFTOKEN"] = token.encode("utf-8").decode("latin-1")  # headers travel as bytes
        before = db_state()
        response = client.post(url_for(world, endpoint), payload, **extra)
        if token in (CSRF_SECRET,):  # pragma: no cover - the strategy cannot produce it
            return
        assert response.status_code == 403, response.status_code
        assert_unchanged(before, response, f"POST {endpoint.name} with a forged CSRF token")


# ---- oversize -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [endpoint.name for endpoint in WRITES if endpoint.big_field])
@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_megabyte_field_is_refused_and_nothing_is_saved(world, name, encoding):
    endpoint = BY_NAME[name]
    with isolated():
        client = client_as(world, endpoint.role)
        prepare(world, client, endpoint)
        before = db_state()
        data = {**endpoint.payload, endpoint.big_field: "a" * 999_990 + " é\u200b😀"}
        response = submit(client, url_for(world, endpoint), data, encoding=encoding)
        assert response.status_code in endpoint.refuses_with, response.status_code
        assert_unchanged(before, response, f"1 MB {endpoint.big_field} to {name}")


@pytest.mark.parametrize("name", [endpoint.name for endpoint in WRITES])
@pytest.mark.parametrize("encoding", ["multipart", "urlencoded"])
def test_a_three_megabyte_body_is_a_clean_413(world, name, encoding):
    """Above DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB), with a valid CSRF token: 413 (RequestBodyMiddleware), nothing changed."""
    endpoint = BY_NAME[name]
    with isolated():
        client = client_as(world, endpoint.role, enforce_csrf_checks=True)
        prepare(world, client, endpoint)
        client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_SECRET
        before = db_state()
        data = {**endpoint.payload, "filler": "b" * 3_000_000}
        response = submit(client, url_for(world, endpoint), data, encoding=encoding, HTTP_X_CSRFTOKEN=CSRF_SECRET)
        assert response.status_code == 413, response.status_code
        assert_unchanged(before, response, f"3 MB body to {name}")
