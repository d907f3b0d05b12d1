"""Mail leaves the request as a database task, survives an SMTP outage, and retries with backoff."""

from __future__ import annotations

import socketserver
import threading
import time
from datetime import timedelta
from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from portfolios import tasks

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class _SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for smtplib; while the server is down it accepts and never answers."""

    def handle(self) -> None:
        server: FakeSMTPServer = self.server  # type: ignore[assignment]
        if not server.up:
            time.sleep(3)  # a hung server: the client's timeout ends the wait
            return
        self.wfile.write(b"220 fake ESMTP\r\n")
        lines: list[bytes] = []
        in_data = False
        for raw in self.rfile:
            if in_data:
                if raw in (b".\r\n", b".\n"):
                    server.messages.append(b"".join(lines).decode())
                    in_data = False
                    self.wfile.write(b"250 queued\r\n")
                else:
                    lines.append(raw)
                continue
            command = raw[:4].upper()
            if command == b"DATA":
                in_data, lines = True, []
                self.wfile.write(b"354 go ahead\r\n")
            elif command == b"QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                self.wfile.write(b"250 ok\r\n")


class FakeSMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _SMTPHandler)
        self.up = False
        self.messages: list[str] = []


@pytest.fixture
def smtp_server(settings):
    server = FakeSMTPServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = server.server_address
    settings.EMAIL_TIMEOUT = 1
    settings.EMAIL_USE_TLS = False
    settings.TASKS = DATABASE_TASKS
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def worker_keeps_the_test_connection(monkeypatch):
    """The worker closes old connections between tasks; in a test it runs inside the test's own
    transaction, and on PostgreSQL (CONN_MAX_AGE=0) closing would take that transaction with it."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker() -> None:
    """What `manage.py db_worker --batch` does: run every ready task, then stop."""
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def make_retries_due() -> None:
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))


def test_an_smtp_outage_neither_slows_the_request_nor_loses_the_mail(smtp_server, portfolio, candidate_client):
    started = time.monotonic()
    response = candidate_client.post(
        reverse("portfolios:mentors", args=[portfolio.pk]), {"email": "dr.kim@example.com"}
    )
    assert response.status_code == 302
    assert time.monotonic() - started < 0.9  # the hung server would have held the request for its 1 s timeout
    queued = DBTaskResult.objects.get()
    assert queued.status == "READY" and queued.task_path == "portfolios.tasks.send_email"
    assert smtp_server.messages == []

    run_worker()  # the server is still down: the attempt fails and a later one is queued
    assert smtp_server.messages == []
    queued.refresh_from_db()
    assert queued.status == "FAILED"
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > timezone.now() + timedelta(seconds=30)

    smtp_server.up = True
    run_worker()  # not due yet: nothing is sent early
    assert smtp_server.messages == []
    make_retries_due()
    run_worker()
    assert len(smtp_server.messages) == 1
    assert "dr.kim@example.com" in smtp_server.messages[0]
    assert "/invites/" in smtp_server.messages[0]
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("451 try again later")


def test_a_failing_mail_is_retried_with_growing_delays_then_given_up(settings, db):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    settings.MAIL_MAX_ATTEMPTS = 3
    settings.MAIL_RETRY_SECONDS = 60
    tasks.send_email.enqueue(to="a@example.com", subject="Hi", body="Body")
    waits = []
    for _ in range(5):
        before = timezone.now()
        run_worker()
        due = DBTaskResult.objects.filter(status="READY").first()
        if due is None:
            break
        waits.append((due.run_after - before).total_seconds())
        make_retries_due()
    attempts = sorted(row.args_kwargs["kwargs"].get("attempt", 1) for row in DBTaskResult.objects.all())
    assert attempts == [1, 2, 3]
    assert DBTaskResult.objects.filter(status="FAILED").count() == 3
    assert 60 <= waits[0] < 65 and 240 <= waits[1] < 245


def test_the_delay_grows_fourfold(settings):
    settings.MAIL_RETRY_SECONDS = 30
    assert [tasks.retry_delay(n).total_seconds() for n in (1, 2, 3)] == [30, 120, 480]


def test_a_rolled_back_write_sends_nothing(settings, db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        tasks.email_after_commit(to="a@example.com", template="notification", context={"message": "m", "link": "/"})
    assert len(callbacks) == 1 and mail.outbox == []  # queued only by the commit, which never came


def test_queued_and_failed_mail_shows_in_the_admin(settings, admin_client):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = f"{__name__}.BrokenBackend"
    settings.MAIL_MAX_ATTEMPTS = 1
    tasks.send_email.enqueue(to="a@example.com", subject="Hi", body="Body")
    run_worker()
    failed = DBTaskResult.objects.get()
    assert failed.status == "FAILED"
    changelist = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert changelist.status_code == 200 and "send_email" in changelist.content.decode()
    change = admin_client.get(reverse("admin:django_tasks_database_dbtaskresult_change", args=[failed.pk]))
    assert change.status_code == 200 and "451 try again later" in change.content.decode()
