"""Several app processes, one PostgreSQL database, as in production.

Each test module run creates its own database on the local PostgreSQL (not pytest-django's
test database), migrates it with `manage.py migrate`, and serves it with gunicorn processes
sharing one secret key. The tests then check, over real HTTP, that:

- a session started on one process works on another (sessions live in the database), and a
  share link created through one process opens on the other;
- killing a process (SIGKILL to master and workers) while saves are in flight leaves no
  half-written artifact or revision: every artifact's version equals its highest revision
  number, revisions 1..version all exist, and the other process keeps serving.
"""

from __future__ import annotations

import contextlib
import http.client
import importlib.util
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import psycopg
import pytest

from bench.seed_scale import SAMPLE_FIELDS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/otportfolio"
PASSWORD = "multi-process-password-2026"


def _server_url() -> str:
    configured = os.environ.get("DATABASE_URL", "")
    return configured if configured.startswith(("postgres", "pgsql")) else DEFAULT_PG_URL


def _load_pg_helpers():
    spec = importlib.util.spec_from_file_location("pg_ready", ROOT / "scripts" / "pg_ready.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PG = _load_pg_helpers()  # scripts/pg_ready.py: the reachability test `make test` uses, and URL helpers


def _pg_reachable(url: str) -> bool:
    return PG.main(url) == 0


pytestmark = pytest.mark.skipif(
    not _pg_reachable(_server_url()),
    reason=f"PostgreSQL is not reachable at {_server_url()}: the multi-process tests need a real server",
)


# ---- database -----------------------------------------------------------------------------------


class Database:
    def __init__(self, server_url: str) -> None:
        self.name = f"otportfolio_mp_{secrets.token_hex(4)}"
        self.connect_args = PG.server_connect_args(server_url)
        self.url = PG.database_url(self.connect_args, self.name)

    def admin(self, sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **self.connect_args) as conn:
            conn.execute(sql)

    def connect(self) -> psycopg.Connection:
        return psycopg.connect(dbname=self.name, autocommit=True, connect_timeout=5, **self.connect_args)

    def rows(self, sql: str, params=()) -> list[tuple]:
        with self.connect() as conn:
            return conn.execute(sql, params).fetchall()


# ---- HTTP with a cookie jar (cookies are Secure when DEBUG is off; urllib's jar would not send them) ----


class Browser:
    def __init__(self, server: Server, cookies: dict[str, str] | None = None) -> None:
        self.server = server
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple[int, dict, str]:
        headers = {"Host": f"127.0.0.1:{self.server.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            for line in response.headers.get_all("Set-Cookie") or ():
                name, _, rest = line.partition("=")
                value = rest.split(";", 1)[0]
                if value in ("", '""') or "max-age=0" in line.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            return response.status, dict(response.headers), content
        finally:
            conn.close()

    def get(self, path: str) -> tuple[int, dict, str]:
        return self.request("GET", path)

    def post_form(self, path: str, data: dict[str, str], *, form_path: str | None = None) -> tuple[int, dict, str]:
        """POST like a browser: load the form page for its CSRF token first."""
        status, _, html = self.get(form_path or path)
        assert status == 200, (status, form_path or path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **data})


# ---- servers ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn in its own process group: one signal reaches the master and all its workers."""

    def __init__(self, env: dict[str, str], logfile: Path, workers: int = 2) -> None:
        self.port = _free_port()
        self.logfile = logfile
        with logfile.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    *(sys.executable, "-m", "gunicorn", "otportfolio.wsgi", "--workers", str(workers)),
                    *("--bind", f"127.0.0.1:{self.port}", "--no-control-socket", "--log-level", "warning"),
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and self.process.poll() is None:
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
                conn.request("GET", "/accounts/login/")
                if conn.getresponse().status == 200:
                    return
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not start:\n{logfile.read_text(errors='replace')[-3000:]}")

    def kill(self) -> None:
        """SIGKILL to the whole process group: no graceful shutdown, no cleanup, like a crashed machine."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()
        except ProcessLookupError:
            pass


def _manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, f"manage.py {' '.join(args)}:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def database():
    database = Database(_server_url())
    database.admin(f'CREATE DATABASE "{database.name}"')
    try:
        yield database
    finally:
        database.admin(f'DROP DATABASE IF EXISTS "{database.name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def server_env(database, tmp_path_factory):
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_SETTINGS_MODULE": "otportfolio.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),  # one key for every process
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
    }
    env.pop("DJANGO_BENCHMARK_VIEWS", None)
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "collectstatic", "--noinput", "-v0")  # DEBUG off serves hashed names from the manifest
    env["LOGDIR"] = str(tmp_path_factory.mktemp("gunicorn"))
    return env


@pytest.fixture(scope="module")
def server_b(server_env):
    server = Server(server_env, Path(server_env["LOGDIR"]) / "b.log")
    yield server
    server.stop()


@pytest.fixture
def server_a(server_env):
    server = Server(server_env, Path(server_env["LOGDIR"]) / "a.log")
    yield server
    server.stop()


def sign_up(browser: Browser, email: str, name: str) -> None:
    status, _, _ = browser.post_form(
        "/accounts/signup/", {"email": email, "display_name": name, "password1": PASSWORD, "password2": PASSWORD}
    )
    assert status == 302, status
    assert "sessionid" in browser.cookies


def create_portfolio(browser: Browser, track: str = "outpatient") -> int:
    status, headers, _ = browser.post_form("/portfolios/new/", {"track": track})
    assert status == 302, status
    return int(re.search(r"/portfolios/(\d+)/", headers["Location"]).group(1))


def editor_version(browser: Browser, portfolio_id: int, kind: str) -> tuple[int, str]:
    status, _, html = browser.get(f"/portfolios/{portfolio_id}/artifacts/{kind}/")
    assert status == 200, status
    version = int(re.search(r'name="version" value="(\d+)"', html).group(1))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    return version, token


# Completing an artifact needs its one-line proof summary (a number or observable and the constraint).
SUMMARY = "Cut missed precautions at handoff from 4 a week to 0 in 6 weeks on a 28-bed unit with one OT."


def save_artifact(browser, portfolio_id, kind, fields, *, version, token, action="complete") -> int:
    status, _, _ = browser.request(
        "POST",
        f"/portfolios/{portfolio_id}/artifacts/{kind}/",
        {"csrfmiddlewaretoken": token, "version": str(version), "action": action, "summary": SUMMARY, **fields},
    )
    return status


# ---- tests ----------------------------------------------------------------------------------------


def test_a_session_and_a_share_link_work_on_every_process(server_a, server_b):
    on_a = Browser(server_a)
    sign_up(on_a, "morgan.multi@example.com", "Morgan Multi, OTR/L")
    portfolio_id = create_portfolio(on_a)
    version, token = editor_version(on_a, portfolio_id, "handoff_template")
    fields = SAMPLE_FIELDS["handoff_template"]
    assert save_artifact(on_a, portfolio_id, "handoff_template", fields, version=version, token=token) == 302

    # The session cookie from process A signs the same person in on process B.
    on_b = Browser(server_b, on_a.cookies)
    status, _, html = on_b.get("/dashboard/")
    assert status == 200
    assert "Outpatient" in html and "Handoff communication template" in html
    assert "1 of 7 recommended artifacts complete" in html

    # A share link created through A opens through B, for anyone.
    status, _, html = on_a.post_form(
        f"/portfolios/{portfolio_id}/share/", {"label": "Acme Rehab recruiter", "expires_in_days": "30"}
    )
    assert status == 200
    share_path = re.search(r"/s/[A-Za-z0-9_-]{43}/", html).group(0)
    status, _, html = Browser(server_b).get(share_path)
    assert status == 200
    assert "Morgan Multi, OTR/L" in html and "I-PASS" in html

    # Logging out on B ends the session on A too.
    status, _, _ = on_b.post_form("/accounts/logout/", {}, form_path="/dashboard/")
    assert status == 302
    status, headers, _ = Browser(server_a, on_a.cookies).get("/dashboard/")
    assert status == 302 and "/accounts/login/" in headers["Location"]


def test_cached_pages_stay_fresh_across_processes_and_batched_view_counts_survive_a_stop(
    database, server_env, server_a
):
    """Share pages and dashboard cards are cached per process, keyed on content versions in the
    database: an edit through A shows at once on every worker of B. B counts views in memory and
    writes them when it stops gracefully (SIGTERM, as on a deploy)."""
    batching = Server({**server_env, "DJANGO_SHARE_VIEW_FLUSH_SECONDS": "3600"}, Path(server_env["LOGDIR"]) / "c.log")
    try:
        on_a = Browser(server_a)
        sign_up(on_a, "casey.cache@example.com", "Casey Cache, OTR/L")
        portfolio_id = create_portfolio(on_a)
        fields = SAMPLE_FIELDS["handoff_template"]
        version, token = editor_version(on_a, portfolio_id, "handoff_template")
        assert save_artifact(on_a, portfolio_id, "handoff_template", fields, version=version, token=token) == 302
        _, _, html = on_a.post_form(f"/portfolios/{portfolio_id}/share/", {"label": "L", "expires_in_days": "30"})
        share_path = re.search(r"/s/[A-Za-z0-9_-]{43}/", html).group(0)

        on_b = Browser(batching, on_a.cookies)
        version, token = editor_version(on_a, portfolio_id, "case_writeup")
        case = SAMPLE_FIELDS["case_writeup"]
        assert (
            save_artifact(on_a, portfolio_id, "case_writeup", case, version=version, token=token, action="draft") == 302
        )
        for _ in range(6):  # enough requests to reach (and cache on) both workers
            assert "1 of 7 recommended artifacts complete" in on_b.get("/dashboard/")[2]
            assert "I-PASS" in Browser(batching).get(share_path)[2]

        edited = {**fields, "framework": "SBAR for every handoff, edited through process A."}
        version, token = editor_version(on_a, portfolio_id, "handoff_template")
        assert save_artifact(on_a, portfolio_id, "handoff_template", edited, version=version, token=token) == 302
        version, token = editor_version(on_a, portfolio_id, "case_writeup")
        assert save_artifact(on_a, portfolio_id, "case_writeup", case, version=version, token=token) == 302
        for _ in range(6):
            assert "SBAR for every handoff, edited through process A." in Browser(batching).get(share_path)[2]
            assert "2 of 7 recommended artifacts complete" in on_b.get("/dashboard/")[2]

        def view_count() -> int:
            return database.rows("SELECT COALESCE(SUM(view_count), 0) FROM portfolios_sharelink")[0][0]

        assert view_count() == 0  # twelve views, none written yet
    finally:
        batching.stop()
    assert view_count() == 12


KILL_KINDS = ("handoff_template", "sop_checklist", "case_writeup", "plan_of_care", "caseload_note", "education_script")
# Long enough that the rubric engine takes a while inside the save's transaction.
FILLER = " ".join(
    (
        "Reassessed at visit 10: grip 22 lb (from 8), pain 3/10 (from 6/10), QuickDASH 34 (from 68).",
        "Client will prepare a simple hot meal with modified independence using a jar opener within 4 weeks.",
        "If SpO2 drops below 90% during activity, then stop and notify the RN before continuing.",
    )
    * 40
)


def _long_fields(kind: str, counter: int) -> dict[str, str]:
    fields = dict(SAMPLE_FIELDS[kind])
    first = next(key for key, text in fields.items() if len(text) > 40)
    fields[first] = f"{fields[first]} Save {counter}. {FILLER}"
    return fields


def test_killing_a_process_mid_save_leaves_no_half_written_artifact(database, server_env, server_b):
    doomed = Server(server_env, Path(server_env["LOGDIR"]) / "doomed.log")
    try:
        owner = Browser(doomed)
        sign_up(owner, "kim.killtest@example.com", "Kim Killtest")
        portfolio_id = create_portfolio(owner)
        _, token = editor_version(owner, portfolio_id, "handoff_template")

        stop = threading.Event()
        acknowledged: dict[str, int] = {}  # kind -> highest version a client saw committed (302)
        lock = threading.Lock()
        in_flight = [0]

        def writer(kind: str, seed: int) -> None:
            browser = Browser(doomed, owner.cookies)
            version, counter = 0, seed
            while not stop.is_set():
                counter += 2
                with lock:
                    in_flight[0] += 1
                try:
                    status = save_artifact(
                        browser, portfolio_id, kind, _long_fields(kind, counter), version=version, token=token
                    )
                except (OSError, http.client.HTTPException):
                    return  # the process is gone
                finally:
                    with lock:
                        in_flight[0] -= 1
                if status == 302:
                    version += 1
                    with lock:
                        acknowledged[kind] = max(acknowledged.get(kind, 0), version)
                elif status == 409:  # the other writer of this kind won: reload the current version
                    try:
                        version, _ = editor_version(browser, portfolio_id, kind)
                    except (OSError, http.client.HTTPException, AssertionError):
                        return
                else:
                    raise AssertionError(f"unexpected status {status} saving {kind}")

        threads = [
            threading.Thread(target=writer, args=(kind, seed), daemon=True) for kind in KILL_KINDS for seed in (0, 1)
        ]
        for thread in threads:
            thread.start()

        # Let saves pile up, then kill while a transaction is open in the database.
        deadline = time.monotonic() + 20
        open_transactions = 0
        with database.connect() as watcher:
            while time.monotonic() < deadline:
                if sum(acknowledged.values()) >= 24:
                    open_transactions = watcher.execute(
                        # backend_xid: a transaction that has locked or written rows and not yet committed.
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND backend_xid IS NOT NULL "
                        "AND pid <> pg_backend_pid()",
                        (database.name,),
                    ).fetchone()[0]
                    if open_transactions:
                        break
                time.sleep(0.005)
        requests_in_flight = in_flight[0]
        doomed.kill()
        stop.set()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        doomed.stop()

    print(
        f"killed with {open_transactions} open write transactions, {requests_in_flight} requests in flight, {acknowledged}"
    )
    assert open_transactions > 0, "never caught a save inside its transaction"
    assert requests_in_flight > 0
    assert sum(acknowledged.values()) >= 24

    def check_consistency() -> dict[str, int]:
        rows = database.rows(
            """
            SELECT a.kind, a.version, a.checked_version, COALESCE(MAX(r.number), 0), COUNT(r.id),
                   a.fields = (SELECT r2.fields FROM portfolios_revision r2
                               WHERE r2.artifact_id = a.id ORDER BY r2.number DESC LIMIT 1)
            FROM portfolios_artifact a LEFT JOIN portfolios_revision r ON r.artifact_id = a.id
            WHERE a.portfolio_id = %s GROUP BY a.id
            """,
            (portfolio_id,),
        )
        versions = {}
        for kind, version, checked, highest, count, fields_match in rows:
            versions[kind] = version
            if version == 0:  # created by the lock step of a save that was then killed or refused
                assert count == 0, kind
                continue
            assert highest == version, f"{kind}: version {version} but highest revision {highest}"
            assert count == version, f"{kind}: version {version} but {count} revisions (a number is missing)"
            assert checked == version, f"{kind}: stored check is for version {checked}, not {version}"
            assert fields_match, f"{kind}: the artifact's text differs from its latest revision"
        return versions

    versions = check_consistency()
    for kind, version in acknowledged.items():
        assert versions[kind] >= version, f"{kind}: a save acknowledged as v{version} was lost"

    # The other process still serves the same people and accepts saves: no lock was left behind.
    on_b = Browser(server_b, owner.cookies)
    status, _, html = on_b.get("/dashboard/")
    assert status == 200 and "Handoff communication template" in html
    version, token = editor_version(on_b, portfolio_id, "case_writeup")
    assert version == versions["case_writeup"]
    assert (
        save_artifact(
            on_b, portfolio_id, "case_writeup", _long_fields("case_writeup", 999), version=version, token=token
        )
        == 302
    )
    assert check_consistency()["case_writeup"] == version + 1
