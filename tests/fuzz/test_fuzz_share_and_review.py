"""Fuzzing sharing and review: share links (create, revoke, the public page with arbitrary tokens), mentor
invites (create, revoke, accept with arbitrary tokens and names), comments, replies, resolve/reopen,
verdicts and notifications.

Invariants: never a 5xx; a refused request changes no row; what is stored is what was sent
after the documented normalisation; whatever the app says it mailed, it mailed.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import quote

from django.core import mail
from django.core.validators import validate_email
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from portfolios import redaction
from portfolios.models import Comment, MentorInvite, Notification, ShareLink, User, Verdict
from portfolios.services.reviews import COMMENT_MAX_CHARS, QUOTE_MAX_CHARS
from tests.conftest import PASSWORD, Client
from tests.fuzz.conftest import CASE
from tests.fuzz.support import (
    ENCODINGS,
    USER_COUNTERS,
    assert_unchanged,
    changed_fields,
    changed_tables,
    counts,
    db_state,
    emails,
    fuzz,
    isolated,
    last,
    maybe_duplicated,
    nasty_text,
    normalised,
    numbers,
    one_line,
    section_refused,
    submit,
    tokens_like,
)

SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
SECTION_KEYS = [*CASE, "reflection"]
NAMES_WITH_BREAKS = st.builds(
    lambda first, br, second: first + br + second,
    st.text(min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x0b", "\x85"]),
    st.text(min_size=1, max_size=8),
)
IDS = st.one_of(st.integers(0, 20), st.integers(0, 10**12))


def text_field_ok(value: str, max_length: int | None = None, required: bool = True) -> bool:
    """A Django CharField (strip=True) with its default validators: no NUL, length after trimming."""
    value = value.strip()
    if required and not value:
        return False
    return "\x00" not in value and (max_length is None or len(value) <= max_length)


# ---- share links -------------------------------------------------------------------------------


@fuzz(40)
@given(
    label=maybe_duplicated(nasty_text(4)),
    expires=st.one_of(st.none(), maybe_duplicated(st.sampled_from(["7", "30", "90", ""])), numbers()),
    encoding=ENCODINGS,
)
def test_share_link_create_stores_the_trimmed_label_or_nothing(world, label, expires, encoding):
    world.reset_cookies()
    with isolated():
        data = {"label": label}
        if expires is not None:
            data["expires_in_days"] = expires
        before, before_counts = db_state(), counts()
        response = submit(
            world.owner, reverse("portfolios:share_links", args=[world.portfolio.pk]), data, encoding=encoding
        )
        days = last(expires) if expires is not None else ""
        # The PHI gate refuses identifiers in a label (tests/views/test_phi_gate_fields.py).
        phi_free = not redaction.field_identifiers("label", last(label).strip())
        if text_field_ok(last(label), 80) and one_line(last(label)) and days in ("7", "30", "90", "") and phi_free:
            assert response.status_code == 200, response.status_code
            link = ShareLink.objects.exclude(pk=world.share_link.pk).get()
            assert link.label == last(label).strip()
            if days:
                assert abs(link.expires_at - timezone.now() - timedelta(days=int(days))) < timedelta(minutes=1)
            else:
                assert link.expires_at is None
            assert counts() == {**before_counts, "ShareLink": before_counts["ShareLink"] + 1}
            token = re.search(r"/s/([A-Za-z0-9_-]{43})/", response.content.decode()).group(1)
            assert world.anonymous.get(f"/s/{token}/").status_code == 200
        else:
            assert response.status_code == 422, response.status_code
            assert_unchanged(before, response, "refused share link")


def assert_hidden(response, who: str, object_id: int) -> None:
    """Not theirs: a signed-in visitor gets a 404; a signed-out one is sent to log in, whatever the id.

    An id too long for the URL (over nine digits) matches no URL at all: a 404 for everyone.
    """
    if who in ("owner", "stranger") or len(str(object_id)) > 9:
        assert response.status_code == 404, response.status_code
    else:
        assert response.status_code == 302, response.status_code
        assert response["Location"].startswith(f"{reverse('login')}?next="), response["Location"]


@fuzz(30)
@given(link_id=st.one_of(st.just(None), IDS), who=st.sampled_from(["owner", "stranger", "mentor", "anonymous"]))
def test_share_link_revoke_only_revokes_the_owners_link(world, link_id, who):
    world.reset_cookies()
    with isolated():
        link_id = world.share_link.pk if link_id is None else link_id
        before = db_state()
        response = getattr(world, who).post(f"/portfolios/{world.portfolio.pk}/share/{link_id}/revoke/")
        if who == "owner" and link_id == world.share_link.pk:
            assert response.status_code == 302
            assert ShareLink.objects.get(pk=link_id).revoked_at is not None
            assert world.anonymous.get(f"/s/{world.share_token}/").status_code == 404
        else:
            assert_hidden(response, who, link_id)
            assert_unchanged(before, response, "revoke of a link that is not yours")


@fuzz(60)
@given(data=st.data())
def test_the_share_page_answers_404_to_every_token_but_the_real_one(world, data):
    token = data.draw(tokens_like(world.share_token), label="token")
    with isolated():
        before = db_state()
        response = world.anonymous.get(f"/s/{quote(token, safe='')}/")
        assert response.status_code in (404, 429), response.status_code
        assert_unchanged(before, response, "share page with a forged token")


@fuzz(10)
@given(params=st.dictionaries(nasty_text(2), nasty_text(2), max_size=3))
def test_the_real_share_link_counts_one_view_and_nothing_else(world, params):
    with isolated():
        before = db_state()
        response = world.anonymous.get(f"/s/{world.share_token}/", params)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert changed_tables(before, db_state()) == ["ShareLink"]
        assert ShareLink.objects.get(pk=world.share_link.pk).view_count == world.share_link.view_count + 1


# ---- mentor invites ----------------------------------------------------------------------------


@fuzz(40)
@given(
    email=maybe_duplicated(emails()),
    owner_name=st.one_of(st.none(), nasty_text(3), NAMES_WITH_BREAKS),
    encoding=ENCODINGS,
)
@example(email="Mentor.Two@example.com", owner_name="Casey\nCandidate", encoding="multipart")
@example(email="\u0130@example.com", owner_name=None, encoding="multipart")
def test_an_invite_the_page_says_was_sent_was_mailed_to_the_stored_address(world, email, owner_name, encoding):
    """The owner may first set any profile name the profile page accepts; the invite must still go out."""
    world.reset_cookies()
    with isolated():
        if owner_name is not None:
            world.owner.post(reverse("profile"), {"display_name": owner_name, "email_notifications": "on"})
        world.reset_cookies()
        mail.outbox = []
        before, before_counts = db_state(), counts()
        url = reverse("portfolios:mentors", args=[world.portfolio.pk])
        response = submit(world.owner, url, {"email": email}, encoding=encoding)
        assert response.status_code in (302, 422), response.status_code
        if response.status_code == 302:
            invite = MentorInvite.objects.exclude(pk__in=[world.invite.pk, world.pending_invite.pk]).get()
            assert invite.email == User.objects.normalize_email(last(email))  # trimmed and lower-cased
            validate_email(invite.email)  # ... and still an address
            assert counts() == {**before_counts, "MentorInvite": before_counts["MentorInvite"] + 1}
            assert [message.to for message in mail.outbox] == [[invite.email]], "the invite was not mailed"
        else:
            assert_unchanged(before, response, "refused invite")
            assert mail.outbox == []


@fuzz(20)
@given(invite_id=st.one_of(st.just(None), IDS), who=st.sampled_from(["owner", "stranger", "mentor", "anonymous"]))
def test_invite_revoke_only_revokes_the_owners_invite(world, invite_id, who):
    world.reset_cookies()
    with isolated():
        invite_id = world.invite.pk if invite_id is None else invite_id
        before = db_state()
        response = getattr(world, who).post(f"/portfolios/{world.portfolio.pk}/mentors/{invite_id}/revoke/")
        ours = {world.invite.pk, world.pending_invite.pk}
        if who == "owner" and invite_id in ours:
            assert response.status_code == 302
            assert MentorInvite.objects.get(pk=invite_id).status == "revoked"
        else:
            assert_hidden(response, who, invite_id)
            assert_unchanged(before, response, "revoke of an invite that is not yours")


@fuzz(50)
@given(data=st.data(), method=st.sampled_from(["get", "post"]), name=nasty_text(3))
def test_invite_links_with_forged_tokens_are_404_and_change_nothing(world, data, method, name):
    token = data.draw(st.one_of(tokens_like(world.pending_token), tokens_like(world.invite_token)), label="token")
    with isolated():
        client = Client()
        before = db_state()
        url = f"/invites/{quote(token, safe='')}/"
        response = client.get(url) if method == "get" else client.post(url, {"display_name": name})
        assert response.status_code in (404, 429), response.status_code
        assert_unchanged(before, response, "invite link with a forged token")


@fuzz(50)
@given(
    name=maybe_duplicated(st.one_of(nasty_text(3), NAMES_WITH_BREAKS)),
    who=st.sampled_from(["anonymous", "stranger"]),
    encoding=ENCODINGS,
)
@example(name="Dr. Lee\nOTD", who="anonymous", encoding="multipart")
def test_accepting_an_invite_stores_the_trimmed_name_and_tells_the_candidate(world, name, who, encoding):
    world.reset_cookies()
    with isolated():
        client = Client()
        if who == "stranger":
            client.force_login(User.objects.get(email="sam.stranger@example.com"))
        before, before_counts = db_state(), counts()
        response = submit(client, f"/invites/{world.pending_token}/", {"display_name": name}, encoding=encoding)
        if text_field_ok(last(name), 80) and one_line(last(name)):
            assert response.status_code == 302, response.status_code
            invite = MentorInvite.objects.get(pk=world.pending_invite.pk)
            assert (invite.status, invite.display_name) == ("accepted", last(name).strip())
            assert counts() == {**before_counts, "Notification": before_counts["Notification"] + 1}
            # The candidate has email notifications on: the in-app notice is also mailed.
            assert [message.to for message in mail.outbox] == [[world.candidate.email]], "notification not mailed"
        else:
            assert response.status_code == 422, response.status_code
            assert_unchanged(before, response, "refused invite acceptance")


def test_the_owner_opening_their_own_invite_changes_nothing(world):
    with isolated():
        before = db_state()
        response = world.owner.post(f"/invites/{world.pending_token}/", {"display_name": "Me"})
        assert response.status_code == 302
        assert_unchanged(before, response, "owner accepting their own invite")


# ---- comments, replies, resolve ------------------------------------------------------------------


def comment_expected(section: str, body: str, quote_text: str, fields: dict) -> bool:
    """Whether a comment must be accepted: the form (slug, required body, no NUL), then the service rules."""
    section = section.strip()
    if not (section and len(section) <= 40 and SLUG.match(section)):
        return False
    if body == "" or "\x00" in body or "\x00" in quote_text:
        return False
    if section not in SECTION_KEYS or section_refused(body) or section_refused(quote_text):
        return False
    if not normalised(body) or len(normalised(body)) > COMMENT_MAX_CHARS:
        return False
    kept = normalised(quote_text)[:QUOTE_MAX_CHARS]
    return not kept or kept in fields.get(section, "")


@st.composite
def quotes(draw):
    text = CASE[draw(st.sampled_from(list(CASE)))]
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return draw(st.one_of(st.just(text[start:end]), st.just(""), nasty_text(3), st.just(text[start:end] + " \r\n")))


@fuzz(60)
@given(
    section=st.one_of(
        st.sampled_from(SECTION_KEYS), st.sampled_from([" plan", "PLAN", "pl an", "x" * 41]), nasty_text(2)
    ),
    body=maybe_duplicated(nasty_text(5)),
    quote_text=quotes(),
    who=st.sampled_from(["mentor", "owner"]),
    encoding=ENCODINGS,
)
def test_a_comment_stores_exactly_the_normalised_text_or_nothing(world, section, body, quote_text, who, encoding):
    world.reset_cookies()
    with isolated():
        url = reverse("portfolios:comment_create", args=[world.portfolio.pk, "case_writeup"])
        before, before_counts = db_state(), counts()
        data = {"section": section, "body": body, "quote": quote_text}
        response = submit(getattr(world, who), url, data, encoding=encoding)
        assert response.status_code == 302, response.status_code
        if comment_expected(section, last(body), quote_text, world.artifact.fields):
            comment = Comment.objects.order_by("-pk").first()
            assert comment.pk != world.thread_id
            assert (comment.section, comment.body) == (section.strip(), normalised(last(body)))
            assert comment.quote == normalised(quote_text)[:QUOTE_MAX_CHARS]
            assert len(comment.author_name) <= Comment._meta.get_field("author_name").max_length
            assert counts()["Comment"] == before_counts["Comment"] + 1
        else:
            assert_unchanged(before, response, "refused comment")


EMAIL_LOCAL = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=64)


@fuzz(10)
@given(local=EMAIL_LOCAL, padding=st.integers(0, 170))
@example(local="a" * 64, padding=4)
def test_any_owner_who_can_sign_up_can_comment_on_and_resolve_their_own_work(db, local, padding):
    """The owner's comments carry str(owner): the display name, or the email (up to 254 characters) when
    no name was given; the row must fit its columns (on PostgreSQL an oversize value is a 500)."""
    labels = ["d" * 60] * (padding // 60) + (["d" * (padding % 60)] if padding % 60 else [])
    email = f"{local}@{'.'.join([*labels, 'example.com'])}"
    with isolated():
        client = Client()
        response = client.post(reverse("signup"), {"email": email, "password1": PASSWORD, "password2": PASSWORD})
        assert response.status_code == 302
        client.post(reverse("portfolios:portfolio_new"), {"track": "outpatient"})
        owner = User.objects.get(email=email)
        portfolio = owner.portfolios.get()
        edit = reverse("portfolios:artifact_edit", args=[portfolio.pk, "case_writeup"])
        assert client.post(edit, {"version": "0", "action": "draft", **CASE}).status_code == 302
        url = reverse("portfolios:comment_create", args=[portfolio.pk, "case_writeup"])
        assert client.post(url, {"section": "plan", "body": "Tighten the timeline."}).status_code == 302
        thread = Comment.objects.get(artifact__portfolio=portfolio)
        assert client.post(reverse("portfolios:comment_resolve", args=[thread.pk])).status_code == 302
        thread.refresh_from_db()
        limit = Comment._meta.get_field("author_name").max_length
        assert len(thread.author_name) <= limit, (
            f"author_name is {len(thread.author_name)} characters; column holds {limit}"
        )
        assert len(thread.resolved_by_name) <= Comment._meta.get_field("resolved_by_name").max_length


@fuzz(40)
@given(
    thread=st.one_of(st.just(None), IDS),
    body=maybe_duplicated(nasty_text(5)),
    who=st.sampled_from(["mentor", "owner", "stranger", "anonymous"]),
    encoding=ENCODINGS,
)
def test_a_reply_stores_exactly_the_normalised_text_or_nothing(world, thread, body, who, encoding):
    world.reset_cookies()
    with isolated():
        thread_id = world.thread_id if thread is None else thread
        before, before_counts = db_state(), counts()
        response = submit(getattr(world, who), f"/threads/{thread_id}/reply/", {"body": body}, encoding=encoding)
        allowed = thread_id == world.thread_id and who in ("mentor", "owner")
        text = last(body)
        ok = text != "" and not section_refused(text) and 0 < len(normalised(text)) <= COMMENT_MAX_CHARS
        if not allowed:
            assert response.status_code == 404, response.status_code
            assert_unchanged(before, response, "reply to a thread you cannot see")
        elif ok:
            assert response.status_code == 302
            reply = Comment.objects.get(thread_id=world.thread_id)
            assert reply.body == normalised(text)
            assert counts()["Comment"] == before_counts["Comment"] + 1
        else:
            assert response.status_code == 302
            assert_unchanged(before, response, "refused reply")


@fuzz(30)
@given(
    reopen=st.one_of(st.none(), maybe_duplicated(st.sampled_from(["1", "0", "", "true", " 1"])), nasty_text(1)),
    resolved_first=st.booleans(),
    who=st.sampled_from(["mentor", "owner", "stranger"]),
)
def test_resolve_and_reopen_follow_the_reopen_flag_exactly(world, reopen, resolved_first, who):
    world.reset_cookies()
    with isolated():
        if resolved_first:
            Comment.objects.filter(pk=world.thread_id).update(resolved_at=timezone.now(), resolved_by_name="Dr. Kim")
        before = db_state()
        data = {} if reopen is None else {"reopen": reopen}
        response = getattr(world, who).post(f"/threads/{world.thread_id}/resolve/", data)
        if who == "stranger":
            assert response.status_code == 404
            assert_unchanged(before, response, "resolve by a stranger")
            return
        assert response.status_code == 302
        thread = Comment.objects.get(pk=world.thread_id)
        wants_open = reopen is not None and last(reopen) == "1"
        assert (thread.resolved_at is None) == wants_open
        if wants_open != resolved_first:
            assert_unchanged(before, response, "resolve/reopen that changes nothing")


# ---- verdicts and notifications -----------------------------------------------------------------


@fuzz(40)
@given(
    call=maybe_duplicated(st.one_of(st.sampled_from(["ready", "needs_work", "READY", " ready", ""]), nasty_text(1))),
    note=nasty_text(5),
    version=st.one_of(st.just("3"), maybe_duplicated(numbers())),
    who=st.sampled_from(["mentor", "mentor", "owner"]),
    encoding=ENCODINGS,
)
def test_a_verdict_is_stored_exactly_at_the_current_version_or_not_at_all(world, call, note, version, who, encoding):
    world.reset_cookies()
    with isolated():
        url = reverse("portfolios:verdict_give", args=[world.portfolio.pk, "case_writeup"])
        before = db_state()
        data = {"call": call, "note": note, "version": version}
        response = submit(getattr(world, who), url, data, encoding=encoding)
        assert response.status_code == 302
        sent = last(version).strip()
        ok = (
            who == "mentor"
            and last(call) in ("ready", "needs_work")
            and not section_refused(note)
            and len(normalised(note)) <= COMMENT_MAX_CHARS
            and sent.isascii()
            and sent.isdigit()
            and len(sent) < 12
            and int(sent) == world.artifact.version
        )
        if ok:
            verdict = Verdict.objects.get(artifact=world.artifact, invite=world.invite)
            assert (verdict.call, verdict.note, verdict.artifact_version) == (
                last(call),
                normalised(note),
                world.artifact.version,
            )
        elif who == "owner" or last(call) not in ("ready", "needs_work") or section_refused(note):
            assert_unchanged(before, response, "refused verdict")
        else:  # an unusual spelling of the right version (e.g. "٣", "3.0") may be read as it
            after = db_state()
            assert set(changed_tables(before, after)) <= {"Verdict", "Portfolio", "Notification", "User"}
            assert changed_fields(before, after, "User") <= USER_COUNTERS


@fuzz(20)
@given(
    notification=st.one_of(st.just(None), IDS),
    who=st.sampled_from(["owner", "stranger", "mentor", "anonymous"]),
    body=st.dictionaries(nasty_text(2), nasty_text(2), max_size=2),
)
def test_notifications_open_and_mark_read(world, notification, who, body):
    world.reset_cookies()
    with isolated():
        client = getattr(world, who)
        notification_id = world.notification_id if notification is None else notification
        before = db_state()
        response = client.get(f"/notifications/{notification_id}/")
        if who == "owner" and Notification.objects.filter(pk=notification_id, recipient=world.candidate).exists():
            assert response.status_code == 302
            assert Notification.objects.get(pk=notification_id).read_at is not None
        else:
            assert_hidden(response, who, notification_id)
            assert_unchanged(before, response, "opening someone else's notification")
        response = client.post(reverse("portfolios:notifications"), body)
        assert response.status_code == 302
        if who == "owner":
            assert not Notification.objects.filter(recipient=world.candidate, read_at__isnull=True).exists()


@fuzz(20)
@given(
    params=st.dictionaries(nasty_text(2), nasty_text(2), max_size=3),
    page=st.sampled_from(["review_inbox", "review", "review_artifact", "notifications", "dashboard"]),
    who=st.sampled_from(["owner", "mentor"]),
)
def test_review_pages_ignore_arbitrary_query_strings(world, params, page, who):
    with isolated():
        args = {"review": [world.portfolio.pk], "review_artifact": [world.portfolio.pk, "case_writeup"]}.get(page)
        url = reverse(f"portfolios:{page}", args=args)
        before = db_state()
        response = getattr(world, who).get(url, params)
        assert response.status_code in (200, 302), response.status_code
        assert_unchanged(before, response, f"GET {page}")
