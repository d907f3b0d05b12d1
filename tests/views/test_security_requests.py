"""Bodies we cannot or will not read answer 400 or 413 with our page, never a 500, and change nothing."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from portfolios.models import User
from tests.conftest import PASSWORD, Client

LOGIN = "/accounts/login/"
SIGNUP = "/accounts/signup/"


def csrf_client():
    """A browser that has opened the login page: CSRF is checked as in production."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    client.get(LOGIN)
    return client, client.cookies["csrftoken"].value


@pytest.mark.parametrize("charset", ["latin-1", "utf-16", "UTF8", "iso-8859-15"])
@pytest.mark.parametrize("url", [LOGIN, SIGNUP, "/accounts/password/reset/", "/no-such-page/"])
def test_a_form_in_another_charset_answers_400_not_500(db, charset, url):
    client, token = csrf_client()
    body = f"csrfmiddlewaretoken={token}&username=a%40example.com&password=x".encode()
    response = client.generic(
        "POST",
        url,
        body,
        content_type=f"application/x-www-form-urlencoded; charset={charset}",
        HTTP_X_CSRFTOKEN=token,
    )
    assert response.status_code == 400
    assert "could not be read" in response.content.decode()


def test_a_utf8_form_still_logs_in(candidate):
    client, token = csrf_client()
    response = client.generic(
        "POST",
        LOGIN,
        f"csrfmiddlewaretoken={token}&username={candidate.email}&password={PASSWORD}".encode(),
        content_type="application/x-www-form-urlencoded; charset=utf-8",
    )
    assert response.status_code == 302


def multipart(size: int, *, as_file: bool = False) -> bytes:
    """A multipart login post whose body is exactly `size` bytes, padded by a text field or a file."""
    fields = {"username": "nobody@example.com", "password": "wrong-password-0"}

    def pad(length):
        return SimpleUploadedFile("pad.bin", b"x" * length) if as_file else "x" * length

    base = len(encode_multipart(BOUNDARY, {**fields, "pad": pad(0)}))
    return encode_multipart(BOUNDARY, {**fields, "pad": pad(size - base)})


@pytest.mark.parametrize("url", [LOGIN, SIGNUP])
def test_a_multipart_body_over_the_cap_answers_413(db, url):
    cap = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = multipart(cap + 1, as_file=True)  # a file part: Django's own cap counts only text fields
    assert len(body) == cap + 1
    response = Client(raise_request_exception=False).generic("POST", url, body, content_type=MULTIPART_CONTENT)
    assert response.status_code == 413
    assert not User.objects.exists()


def test_a_multipart_body_at_the_cap_is_read(db):
    cap = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    body = multipart(cap)
    assert len(body) == cap
    response = Client().generic("POST", LOGIN, body, content_type=MULTIPART_CONTENT)
    assert response.status_code == 200  # the login form, with its "wrong password" error
    assert "Please enter a correct" in response.content.decode()


def test_a_file_part_is_refused_whatever_its_size(db):
    response = Client(raise_request_exception=False).post(
        LOGIN, {"username": "nobody@example.com", "password": "x", "upload": SimpleUploadedFile("tiny.txt", b"x")}
    )
    assert response.status_code == 400
