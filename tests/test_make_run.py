"""`make run` serves on PORT, puts the same address in mail links, and runs the mail worker beside the server."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MAKE = shutil.which("make")

# Stands in for the venv's python: prints what runserver would serve and link to, and acts as a worker
# that says when it is stopped.
FAKE_PYTHON = """#!/bin/sh
case "$2" in
  runserver) sleep 0.5; echo "serve=$3 site=$DJANGO_SITE_URL" ;;
  welcome) echo "welcome $3 $4 $5 $6" ;;
  migrate|recheck_artifacts|seed_demo) echo "ran $2" ;;
  db_worker) echo "worker started"; trap 'echo "worker stopped"; exit 0' TERM; while :; do sleep 0.05; done ;;
esac
"""


@pytest.fixture
def fake_venv(tmp_path):
    if MAKE is None:
        pytest.skip("make is not installed")
    python = tmp_path / "python"
    python.write_text(FAKE_PYTHON)
    python.chmod(0o755)
    (tmp_path / ".installed").touch()
    os.utime(tmp_path / ".installed", (2**31 - 1, 2**31 - 1))  # newer than requirements.txt: nothing to install
    return tmp_path


def make_run(fake_venv, *args, **env):
    environment = {key: value for key, value in os.environ.items() if key != "DJANGO_SITE_URL"} | env
    completed = subprocess.run(
        [MAKE, "--no-print-directory", "-C", str(ROOT), "run", f"VENV={fake_venv}", f"PY={fake_venv}/python", *args],
        capture_output=True,
        text=True,
        timeout=30,
        env=environment,
    )
    assert completed.returncode == 0, completed.stderr
    return completed.stdout


def test_mail_links_follow_the_port_it_serves(fake_venv):
    output = make_run(fake_venv, "PORT=8123")
    assert "serve=127.0.0.1:8123 site=http://127.0.0.1:8123" in output


def test_an_explicit_site_url_wins(fake_venv):
    output = make_run(fake_venv, "PORT=8123", DJANGO_SITE_URL="https://portfolio.example.com")
    assert "site=https://portfolio.example.com" in output


def test_the_worker_runs_beside_the_server_and_stops_with_it(fake_venv):
    output = make_run(fake_venv)
    assert "worker started" in output
    assert output.rstrip().endswith("worker stopped")


def test_it_prints_the_newcomers_welcome_for_the_address_it_serves(fake_venv):
    output = make_run(fake_venv, "PORT=8123")
    # The real command waits (up to 60 s) for the server to answer, so its lines come after the server's.
    assert "welcome --address http://127.0.0.1:8123 --wait 60" in output


def test_stored_results_are_rechecked_after_migrating_and_before_the_demo(fake_venv):
    output = make_run(fake_venv)
    ran = [line.split()[1] for line in output.splitlines() if line.startswith("ran ")]
    assert ran == ["migrate", "recheck_artifacts", "seed_demo"]
