"""HTTP load benchmark: gunicorn (2 sync workers, DEBUG off) under wrk, on small data and at scale.

Run by `make bench` after the rubric benchmark. It builds a throwaway database (PostgreSQL
when one answers, else an SQLite file in a temporary folder), seeds one candidate with a
12-artifact portfolio and a share link, serves the site with gunicorn and measures these
targets with `wrk -t2 -c16 --latency`:

    baseline   a tiny template through the full middleware stack (portfolios/views/bench.py)
    one_query_floor  the baseline plus one primary-key SELECT: the least the share page can cost
    share      the recruiter's share page
    signed_in_floor  an empty signed-in page (session, user, base template): the least any
               signed-in page costs
    dashboard  the candidate's dashboard (signed in)
    check      the editor's live check (POST: runs the rubric engine on a case write-up)

Each target's time is cut into slices (5 by default); in each round every target runs right
after a baseline slice of the same length, so load from other programs cancels out of the ratios.
It prints `name=value` lines on standard output (progress goes to standard error):
`<target>_rps`, `_p50_ms`, `_p99_ms`, `_errors` (non-2xx/3xx responses plus socket errors),
`<target>_ratio` (throughput / the baseline slice's before it, median over rounds),
`share_vs_floor` (share / one_query_floor throughput) and `dashboard_vs_floor` (dashboard /
signed_in_floor), each the median over rounds of the same round's slices, and the share page's
gzip weight. When a Redis answers (REDIS_URL, else 127.0.0.1:6379) the signed-in targets run
again on a server with sessions and rate limits in Redis: the same names with `_redis` after
them, and `signed_in_floor_redis_gain_pct`. Then `python -m bench.seed_scale` adds 10,000
portfolios, 120,000 artifacts and 50,000 comments and the same runs repeat with a `scale_`
prefix, followed by how much each figure moved. Aims are printed, never asserted: share and
dashboard >= 0.9x their floors, no errors, p99 < 100 ms, each figure within 15% at scale, the
signed-in floor >= 20% faster with Redis.

    python bench/bench_http.py            # full run: 10 s per target as 5 slices, small and scale passes
    python bench/bench_http.py --quick    # smoke run: 2 s per target, no scale pass
    python bench/bench_http.py --slices 1 # one run per target, each after a baseline run as long
    python bench/bench_http.py --explain  # also print EXPLAIN ANALYZE of each page's queries

Needs `wrk` on PATH (`make bench` installs it when missing and run as root).
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/otportfolio"
# Each page right after its floor, so the two slices of a round see the same machine.
TARGETS = ("baseline", "one_query_floor", "share", "signed_in_floor", "dashboard", "check")
SIGNED_IN_TARGETS = ("signed_in_floor", "dashboard", "check")
# Each page against the least a page of its kind can cost: one query, or a signed-in request.
FLOORS = {"share": "one_query_floor", "dashboard": "signed_in_floor"}
FLOOR_AIM = 0.9
REDIS_GAIN_AIM_PCT = 20.0
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"
P99_AIM_MS = 100.0
RATIO_CHANGE_AIM_PCT = 15.0
WEIGHT_AIM_KB = 60.0
THREADS, CONNECTIONS = 2, 16
BROWSER_ACCEPT_ENCODING = "Accept-Encoding: gzip, deflate, br"

BENCH_EMAIL = "avery.bench@example.com"
BENCH_PASSWORD = "bench-portfolio-2026-long-enough"  # noqa: S105 - a throwaway account in a throwaway database
BENCH_NAME = "Avery Bench, OTR/L"
BENCH_TRACK = "outpatient"
# The outpatient track's seven recommended kinds, then five more: twelve complete artifacts.
BENCH_EXTRA_KINDS = (
    "setting_fit_questions",
    "stakeholder_memo",
    "before_after",
    "bad_news_update",
    "metric_definition",
)
CHECK_KIND = "case_writeup"


def log(message: str) -> None:
    print(f"# {message}", file=sys.stderr, flush=True)


def emit(name: str, value: object) -> None:
    print(f"{name}={value}", flush=True)


# ---- database ---------------------------------------------------------------------------------


class BenchDatabase:
    """A throwaway database: a fresh PostgreSQL database when the server answers, else SQLite in a temp dir."""

    def __init__(self, workdir: Path) -> None:
        import pg_ready  # scripts/pg_ready.py: the same reachability test `make test` uses

        configured = os.environ.get("DATABASE_URL", "")
        server_url = configured if configured.startswith(("postgres", "pgsql")) else DEFAULT_PG_URL
        self.name = ""
        if pg_ready.main(server_url) == 0:
            self.name = f"otportfolio_bench_{secrets.token_hex(4)}"
            self._connect_args = pg_ready.server_connect_args(server_url)
            self.url = pg_ready.database_url(self._connect_args, self.name)
            self.vendor = "postgresql"
            self._admin(f'CREATE DATABASE "{self.name}"')
        else:
            self.url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            self.vendor = "sqlite"

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=5, **self._connect_args) as conn:
            conn.execute(sql)

    def settle(self) -> None:
        """Write out what a bulk load left dirty (PostgreSQL CHECKPOINT), so the scale pass measures
        serving, not a background checkpoint flushing 120,000 fresh rows."""
        if self.vendor != "postgresql":
            return
        import psycopg

        try:
            self._admin("CHECKPOINT")
        except psycopg.Error as error:  # needs superuser or pg_checkpoint
            log(f"CHECKPOINT refused ({error}); the scale pass may include a background checkpoint")

    def drop(self) -> None:
        if self.vendor == "postgresql":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


# ---- HTTP client with a cookie jar (cookies are Secure with DEBUG off, so urllib's jar would drop them) ----


class Browser:
    def __init__(self, base: str) -> None:
        parsed = urllib.parse.urlsplit(base)
        self.host, self.port = parsed.hostname, parsed.port
        self.cookies: dict[str, str] = {}

    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, data: dict[str, str] | None = None) -> tuple[int, dict, str]:
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = self.cookie_header()
        body = None
        if data is not None:
            body = urllib.parse.urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            content = response.read()
            for line in response.headers.get_all("Set-Cookie") or ():
                name, _, rest = line.partition("=")
                value = rest.split(";", 1)[0]
                if value in ("", '""') or "max-age=0" in line.lower():
                    self.cookies.pop(name.strip(), None)
                else:
                    self.cookies[name.strip()] = value
            return response.status, dict(response.headers), content.decode("utf-8", "replace")
        finally:
            conn.close()

    def get(self, path: str) -> tuple[int, dict, str]:
        return self.request("GET", path)

    def post(self, path: str, data: dict[str, str]) -> tuple[int, dict, str]:
        return self.request("POST", path, data)


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if not match:
        raise RuntimeError("no CSRF token in the page")
    return match.group(1)


def raw_get(base: str, path: str) -> bytes:
    parsed = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}")
        return body
    finally:
        conn.close()


# ---- server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with 2 sync workers in its own process group, so master and workers stop together."""

    def __init__(self, env: dict[str, str], logfile: Path) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.logfile = logfile
        self._log = logfile.open("ab")
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "otportfolio.wsgi",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self, path: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                raw_get(self.base, path)
                return
            except (OSError, RuntimeError, http.client.HTTPException):
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer on {self.base}{path}; log:\n{self.log_tail()}")

    def log_tail(self, lines: int = 40) -> str:
        self._log.flush()
        return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
            except ProcessLookupError:
                pass
        self._log.close()


# ---- wrk ----------------------------------------------------------------------------------------

UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


@dataclass
class Run:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    requests: int
    raw: str = field(repr=False, default="")


def _ms(value: str, unit: str) -> float:
    return float(value) * UNITS_MS[unit]


def parse_wrk(output: str) -> Run:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = re.search(r"^\s+50%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.MULTILINE)
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = 0
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(count) for count in socket_errors.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    return Run(
        rps=rps,
        p50_ms=_ms(*p50.groups()) if p50 else float("nan"),
        p99_ms=_ms(*p99.groups()) if p99 else float("nan"),
        errors=errors,
        requests=requests,
        raw=output,
    )


def wrk(url: str, seconds: int, *, cookie: str = "", script: Path | None = None) -> Run:
    # Every target is asked for the way a browser asks: browsers all accept gzip.
    command = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-H", BROWSER_ACCEPT_ENCODING]
    if cookie:
        command += ["-H", f"Cookie: {cookie}"]
    if script:
        command += ["-s", str(script)]
    result = subprocess.run([*command, url], capture_output=True, text=True, timeout=seconds + 60, check=True)
    return parse_wrk(result.stdout)


def lua_post_script(path: Path, body: str, cookie: str) -> Path:
    """wrk sends GETs unless a Lua script says otherwise; the body is URL-encoded, so a long bracket holds it."""
    assert "]==]" not in body and "]==]" not in cookie
    path.write_text(
        'wrk.method = "POST"\n'
        f"wrk.body = [==[{body}]==]\n"
        'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        f'wrk.headers["Cookie"] = [==[{cookie}]==]\n'
    )
    return path


# ---- data -------------------------------------------------------------------------------------


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def seed_scale_data(env: dict[str, str]) -> str:
    """Bulk data for the scale pass (bench/seed_scale.py), in its own process like the servers."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.seed_scale"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode:
        raise RuntimeError(f"bench.seed_scale failed:\n{result.stdout}\n{result.stderr}")
    return result.stdout


def seed_small() -> tuple[int, str]:
    """The bench candidate: one outpatient portfolio of 12 complete, PHI-clean artifacts, and a share link."""
    from bench.seed_scale import SAMPLE_FIELDS
    from portfolios import services
    from portfolios.models import Artifact, User
    from portfolios.tracks import TRACKS_BY_KEY

    user = User.objects.create_user(BENCH_EMAIL, BENCH_PASSWORD, display_name=BENCH_NAME)
    services.profile_update(user=user, display_name=BENCH_NAME, headline="Outpatient OT: proof, not claims")
    portfolio = services.portfolio_create(owner=user, track=BENCH_TRACK)
    kinds = TRACKS_BY_KEY[BENCH_TRACK].recommended_kinds + BENCH_EXTRA_KINDS
    for kind in kinds:
        services.artifact_save(
            portfolio=portfolio,
            kind=kind,
            fields=SAMPLE_FIELDS[kind],
            status=Artifact.Status.COMPLETE,
            expected_version=0,
            author=user,
            note="Bench data",
        )
    artifacts = Artifact.objects.filter(portfolio=portfolio)
    assert artifacts.count() == 12, artifacts.count()
    dirty = [artifact.kind for artifact in artifacts if artifact.phi_error_count or artifact.status != "complete"]
    if dirty:
        raise RuntimeError(f"bench artifacts are not complete and PHI-clean: {dirty}")
    created = services.share_link_create(portfolio=portfolio, label="Bench recruiter", expires_in_days=None)
    return portfolio.pk, created.token


@dataclass
class Targets:
    urls: dict[str, str]
    cookie: str
    check_script: Path
    check_body: str


def prepare_targets(server: Server, portfolio_id: int, token: str, workdir: Path) -> Targets:
    """Sign in through the login form, verify each target answers with real content, write the POST script."""
    from bench.seed_scale import SAMPLE_FIELDS
    from portfolios.kinds import KINDS_BY_KEY

    browser = Browser(server.base)
    status, _, html = browser.get("/accounts/login/")
    assert status == 200, status
    status, headers, _ = browser.post(
        "/accounts/login/",
        {"username": BENCH_EMAIL, "password": BENCH_PASSWORD, "csrfmiddlewaretoken": csrf_token(html)},
    )
    if status != 302 or "sessionid" not in browser.cookies:
        raise RuntimeError(f"login failed: {status} {headers.get('Location')}")

    status, _, html = browser.get("/dashboard/")
    if (
        status != 200
        or "7 of 7 recommended artifacts complete" not in html
        or (KINDS_BY_KEY["stakeholder_memo"].title not in html)
    ):
        raise RuntimeError(f"dashboard is not the bench candidate's: {status}")
    status, _, html = Browser(server.base).get(f"/s/{token}/")
    if status != 200 or BENCH_NAME not in html or KINDS_BY_KEY["handoff_template"].title not in html:
        raise RuntimeError(f"share page is not the bench portfolio: {status}")
    status, _, html = browser.get("/bench/baseline/")
    if status != 200 or "baseline" not in html:
        raise RuntimeError(f"baseline view did not answer: {status}")
    status, _, html = browser.get("/bench/signed-in-floor/")
    if status != 200 or "Signed-in floor" not in html or "Log out" not in html:
        raise RuntimeError(f"signed-in floor view did not answer for the signed-in candidate: {status}")
    one_query_path = f"/bench/one-query-floor/{portfolio_id}/"
    status, _, html = Browser(server.base).get(one_query_path)
    if status != 200 or "one query" not in html:
        raise RuntimeError(f"one-query floor view did not answer: {status}")

    edit_path = f"/portfolios/{portfolio_id}/artifacts/{CHECK_KIND}/"
    status, _, html = browser.get(edit_path)
    assert status == 200, status
    form = {"csrfmiddlewaretoken": csrf_token(html), "version": "1", **SAMPLE_FIELDS[CHECK_KIND]}
    check_path = f"{edit_path}check/"
    status, _, html = browser.post(check_path, form)
    if status != 200 or "finding" not in html.lower():
        raise RuntimeError(f"live check did not answer with findings: {status}\n{html[:500]}")

    cookie = browser.cookie_header()
    body = urllib.parse.urlencode(form)
    return Targets(
        urls={
            "baseline": f"{server.base}/bench/baseline/",
            "one_query_floor": f"{server.base}{one_query_path}",
            "share": f"{server.base}/s/{token}/",
            "dashboard": f"{server.base}/dashboard/",
            "signed_in_floor": f"{server.base}/bench/signed-in-floor/",
            "check": f"{server.base}{check_path}",
        },
        cookie=cookie,
        check_script=lua_post_script(workdir / "check.lua", body, cookie),
        check_body=body,
    )


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.paths.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.paths.append(attributes["src"])


def share_page_weight_kb(base: str, share_url: str) -> tuple[float, list[str]]:
    """gzip size (level 9, what WhiteNoise serves) of the share page HTML plus every CSS and JS it references."""
    html = raw_get(base, urllib.parse.urlsplit(share_url).path)
    parser = _Assets()
    parser.feed(html.decode())
    total = len(gzip.compress(html, compresslevel=9))
    for path in parser.paths:
        total += len(gzip.compress(raw_get(base, urllib.parse.urlsplit(path).path), compresslevel=9))
    return total / 1024, parser.paths


# ---- EXPLAIN (PostgreSQL) -----------------------------------------------------------------------


def explain_pages(portfolio_id: int, token: str, check_body: str) -> None:
    """EXPLAIN ANALYZE every query each page runs (Django test client, same database), to standard error."""
    from django.contrib.auth import get_user_model
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(get_user_model().objects.get(email=BENCH_EMAIL))
    pages = {
        "share": lambda: client.get(f"/s/{token}/"),
        "dashboard": lambda: client.get("/dashboard/"),
        "check": lambda: client.post(
            f"/portfolios/{portfolio_id}/artifacts/{CHECK_KIND}/check/", urllib.parse.parse_qs(check_body)
        ),
    }
    for name, fetch in pages.items():
        cache.clear()
        fetch()  # warm: session, caches
        with CaptureQueriesContext(connection) as queries:
            response = fetch()
            captured = list(queries.captured_queries)  # before the next request resets the query log
        log(f"EXPLAIN {name}: HTTP {response.status_code}, {len(captured)} queries")
        for query in captured:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                log(f"  (not explained) {sql[:160]}")
                continue
            with connection.cursor() as cursor:
                cursor.execute(f"EXPLAIN ANALYZE {sql}")
                plan = "\n      ".join(row[0] for row in cursor.fetchall())
            log(f"  {sql[:200]}\n      {plan}")


# ---- passes -----------------------------------------------------------------------------------


def _options(targets: Targets, name: str) -> dict:
    return {
        "baseline": {},
        "one_query_floor": {},
        "share": {},
        "dashboard": {"cookie": targets.cookie},
        "signed_in_floor": {"cookie": targets.cookie},
        "check": {"script": targets.check_script},
    }[name]


def _log_run(name: str, run: Run) -> None:
    log(f"{name}: {run.rps:.0f} req/s, p50 {run.p50_ms:.2f} ms, p99 {run.p99_ms:.2f} ms, errors {run.errors}")
    if run.errors:
        log(f"wrk output for {name}:\n{run.raw}")


def _combined(runs: list[Run]) -> Run:
    """Slices of one target as one run: mean throughput, median latencies, all errors."""
    return Run(
        rps=statistics.fmean(run.rps for run in runs),
        p50_ms=statistics.median(run.p50_ms for run in runs),
        p99_ms=statistics.median(run.p99_ms for run in runs),
        errors=sum(run.errors for run in runs),
        requests=sum(run.requests for run in runs),
    )


@dataclass
class Measured:
    runs: dict[str, Run]
    ratios: dict[str, float]  # target / the baseline slice before it, median over rounds
    vs_floor: dict[str, float]  # page / its floor in the same round, median over rounds


def measure(targets: Targets, names: tuple[str, ...], seconds: int, warmup: int, slices: int) -> Measured:
    """Each target's time cut into slices, one per round; in each round every target runs right
    after a baseline slice of the same length. Ratios are medians over rounds, so that load from
    other programs on the machine cancels out."""
    for name in ("baseline", *names) if warmup else ():
        wrk(targets.urls[name], warmup, **_options(targets, name))
    length = max(1, round(seconds / slices))
    rounds: list[dict[str, tuple[Run, Run]]] = []
    for _ in range(slices):
        pairs = {}
        for name in names:
            before = wrk(targets.urls["baseline"], length)
            pairs[name] = (before, wrk(targets.urls[name], length, **_options(targets, name)))
        rounds.append(pairs)
    runs = {"baseline": _combined([pairs[name][0] for pairs in rounds for name in names])}
    runs.update({name: _combined([pairs[name][1] for pairs in rounds]) for name in names})
    for name, run in runs.items():
        _log_run(name, run)
    ratios = {
        name: statistics.median(after.rps / before.rps for before, after in (pairs[name] for pairs in rounds))
        for name in names
    }
    vs_floor = {
        page: statistics.median(pairs[page][1].rps / pairs[floor][1].rps for pairs in rounds)
        for page, floor in FLOORS.items()
        if page in names and floor in names
    }
    return Measured(runs, ratios, vs_floor)


def report(measured: Measured, prefix: str = "", suffix: str = "") -> None:
    for name, run in measured.runs.items():
        emit(f"{prefix}{name}_rps{suffix}", f"{run.rps:.1f}")
        emit(f"{prefix}{name}_p50_ms{suffix}", f"{run.p50_ms:.2f}")
        emit(f"{prefix}{name}_p99_ms{suffix}", f"{run.p99_ms:.2f}")
        emit(f"{prefix}{name}_errors{suffix}", run.errors)
    for name, ratio in measured.ratios.items():
        emit(f"{prefix}{name}_ratio{suffix}", f"{ratio:.3f}")
    for page, ratio in measured.vs_floor.items():
        emit(f"{prefix}{page}_vs_floor{suffix}", f"{ratio:.3f}")


def aims_missed(measured: Measured, suffix: str = "") -> list[str]:
    missed = [f"{page}_vs_floor{suffix}<{FLOOR_AIM}" for page, ratio in measured.vs_floor.items() if ratio < FLOOR_AIM]
    for name, run in measured.runs.items():
        if run.errors:
            missed.append(f"{name}_errors{suffix}>0")
        if not run.p99_ms < P99_AIM_MS:
            missed.append(f"{name}_p99{suffix}>={P99_AIM_MS:.0f}ms")
    return missed


def figures(measured: Measured, suffix: str = "") -> dict[str, float]:
    """The figures whose change at scale is watched, by output name (without prefix)."""
    return {
        **{f"{name}_ratio{suffix}": ratio for name, ratio in measured.ratios.items()},
        **{f"{page}_vs_floor{suffix}": ratio for page, ratio in measured.vs_floor.items()},
    }


def redis_url() -> str:
    """REDIS_URL (else the local default) when a Redis answers there; empty when none does."""
    url = os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL
    try:
        import redis
    except ImportError:
        return ""
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError:
        return ""
    return url


def serve_and_measure(env, logfile, portfolio_id, token, workdir, names, timing, *, weigh=False):
    """Start a server with this environment, sign in, measure the named targets, stop the server."""
    server = Server(env, logfile)
    try:
        server.wait_ready("/bench/baseline/")
        targets = prepare_targets(server, portfolio_id, token, workdir)
        measured = measure(targets, names, *timing)
        if weigh:
            weight, assets = share_page_weight_kb(server.base, targets.urls["share"])
            log(f"share page assets: {', '.join(assets)}")
            emit("share_page_weight_kb", f"{weight:.1f}")
            emit("share_page_weight_ok", "yes" if weight <= WEIGHT_AIM_KB else "no")
        return measured, targets
    finally:
        server.stop()


def run_pass(env, workdir, portfolio_id, token, timing, prefix, tag) -> tuple[dict[str, float], Targets]:
    """Every target with database sessions; then, when a Redis answers, the signed-in targets again
    with sessions and rate limits in Redis (a second server, the same data)."""
    measured, targets = serve_and_measure(
        {**env, "REDIS_URL": ""},
        workdir / f"gunicorn-{tag}.log",
        portfolio_id,
        token,
        workdir,
        TARGETS[1:],
        timing,
        weigh=not prefix,
    )
    report(measured, prefix)
    missed, watched = aims_missed(measured), figures(measured)
    url = redis_url()
    if url:
        log(f"signed-in targets again with sessions and rate limits in Redis at {url}")
        with_redis, _ = serve_and_measure(
            {**env, "REDIS_URL": url},
            workdir / f"gunicorn-{tag}-redis.log",
            portfolio_id,
            token,
            workdir,
            SIGNED_IN_TARGETS,
            timing,
        )
        report(with_redis, prefix, "_redis")
        gain = (with_redis.ratios["signed_in_floor"] / measured.ratios["signed_in_floor"] - 1) * 100
        emit(f"{prefix}signed_in_floor_redis_gain_pct", f"{gain:+.1f}")
        missed += aims_missed(with_redis, "_redis")
        if gain < REDIS_GAIN_AIM_PCT:
            missed.append(f"signed_in_floor_redis_gain<{REDIS_GAIN_AIM_PCT:.0f}%")
        watched.update(figures(with_redis, "_redis"))
    else:
        log(f"no Redis answers at {os.environ.get('REDIS_URL') or DEFAULT_REDIS_URL}: database sessions only")
    emit(f"{prefix}aims_missed", ",".join(missed) or "none")
    return watched, targets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="2 s per target, no warm-up, no scale pass")
    parser.add_argument("--seconds", type=int, help="seconds per wrk run (default 10, or 2 with --quick)")
    parser.add_argument("--no-scale", action="store_true", help="skip the scale pass")
    parser.add_argument(
        "--slices",
        type=int,
        default=5,
        help="cut each target's time into N slices, each right after a baseline slice (steadier ratios on a busy "
        "machine; latencies are medians over slices)",
    )
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE each page's queries (PostgreSQL)")
    args = parser.parse_args(argv)
    seconds = args.seconds or (2 if args.quick else 10)
    warmup = 0 if args.quick else 1
    scale = not (args.quick or args.no_scale)
    timing = (seconds, warmup, args.slices)

    if shutil.which("wrk") is None:
        print("wrk is not installed: `apt-get install -y wrk` (make bench does it when run as root)", file=sys.stderr)
        return 1

    workdir = Path(tempfile.mkdtemp(prefix="otportfolio-bench-"))
    database = BenchDatabase(workdir)
    env = {
        **os.environ,
        "DATABASE_URL": database.url,
        "DJANGO_SETTINGS_MODULE": "otportfolio.settings",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_BENCHMARK_VIEWS": "1",
    }
    try:
        log(f"database: {database.vendor} ({database.name or database.url})")
        emit("http_database", database.vendor)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "collectstatic", "--noinput", "-v0")

        os.environ.update(env)
        import django

        django.setup()
        from django.db import connections

        portfolio_id, token = seed_small()
        connections.close_all()

        ratios, targets = run_pass(env, workdir, portfolio_id, token, timing, "", "small")
        if args.explain and database.vendor == "postgresql":
            explain_pages(portfolio_id, token, targets.check_body)
            connections.close_all()
        if not scale:
            return 0

        log("seeding scale data: python -m bench.seed_scale")
        started = time.perf_counter()
        output = seed_scale_data(env)
        emit("scale_seed_seconds", f"{time.perf_counter() - started:.1f}")
        log(output.strip().splitlines()[-1])
        database.settle()

        scale_ratios, targets = run_pass(env, workdir, portfolio_id, token, timing, "scale_", "scale")
        changes = {}
        for name, ratio in ratios.items():
            if name in scale_ratios:
                changes[name] = (scale_ratios[name] / ratio - 1) * 100
                emit(f"{name}_change_pct", f"{changes[name]:+.1f}")
        emit(
            "ratio_change_aims_missed",
            ",".join(
                f"{name}({change:+.1f}%)" for name, change in changes.items() if abs(change) > RATIO_CHANGE_AIM_PCT
            )
            or "none",
        )
        if args.explain and database.vendor == "postgresql":
            explain_pages(portfolio_id, token, targets.check_body)
        return 0
    finally:
        if "django.apps" in sys.modules and sys.modules["django.apps"].apps.ready:
            from django.db import connections

            connections.close_all()
        database.drop()
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
