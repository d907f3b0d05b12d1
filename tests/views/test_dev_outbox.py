"""In development mail lands in an outbox folder, listed on a debug-only page; `welcome` tells a newcomer where."""

from io import StringIO
from pathlib import Path

from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from tests.conftest import Client
from tests.views.test_landing import make_demo_share_link

ROOT = Path(__file__).resolve().parents[2]
FILE_BACKEND = "django.core.mail.backends.filebased.EmailBackend"


def test_the_outbox_lists_mail_the_file_backend_wrote(db, settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path
    mail.send_mail("Reset your password", "Open http://127.0.0.1:8000/reset/abc/", None, ["casey@example.com"])
    mail.send_mail("Review invite", "Dr. Kim, please review.", None, ["kim@example.com"])
    response = Client().get(reverse("portfolios:dev_outbox"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Reset your password" in body and "To casey@example.com" in body
    assert '<a href="http://127.0.0.1:8000/reset/abc/"' in body
    assert body.index("Review invite") < body.index("Reset your password")  # newest first


def test_an_empty_outbox_says_so(db, settings, tmp_path):
    settings.DEBUG = True
    settings.EMAIL_FILE_PATH = tmp_path / "never-written"
    assert "No mail yet" in Client().get(reverse("portfolios:dev_outbox")).content.decode()


def test_the_outbox_is_not_found_when_debug_is_off(db, settings, tmp_path):
    settings.DEBUG = False
    settings.EMAIL_BACKEND = FILE_BACKEND
    settings.EMAIL_FILE_PATH = tmp_path
    assert Client().get(reverse("portfolios:dev_outbox")).status_code == 404


def test_development_settings_send_mail_to_the_gitignored_outbox():
    import subprocess
    import sys

    code = "from django.conf import settings; print(settings.EMAIL_BACKEND, settings.EMAIL_FILE_PATH)"
    env = {"DJANGO_SETTINGS_MODULE": "otportfolio.settings", "DJANGO_DEBUG": "1", "PATH": ""}
    out = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
    ).stdout
    assert out.startswith(FILE_BACKEND) and out.rstrip().endswith("/outbox")
    assert "outbox/" in (ROOT / ".gitignore").read_text().split()


def test_welcome_prints_the_address_demo_login_share_link_and_outbox(db, settings):
    settings.DEBUG = True
    settings.EMAIL_BACKEND = FILE_BACKEND
    path = make_demo_share_link()
    out = StringIO()
    call_command("welcome", "--address", "http://127.0.0.1:8123", stdout=out)
    lines = out.getvalue()
    assert "OT Portfolio is running at http://127.0.0.1:8123/" in lines
    assert "demo@otportfolio.test / demo-portfolio-2026" in lines
    assert f"Demo share link:  http://127.0.0.1:8123{path}" in lines
    assert "Mail outbox:      http://127.0.0.1:8123/dev/outbox/" in lines
