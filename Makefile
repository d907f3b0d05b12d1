# OT Portfolio. `make run` serves the site with demo data; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000
# PostgreSQL used by `make test` for its second pass (pytest-django creates and drops test_<name>).
PG_URL ?= postgres://postgres@127.0.0.1:5432/otportfolio
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test checks test-sqlite test-postgres bench eval lint format deploy-check clean browser pdf-libs

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is required"'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

# Stored rubric results are recomputed first: a pull may have brought a newer checker.
# The mail worker runs beside the server and stops with it (Ctrl-C stops both). Links in mail
# follow HOST and PORT unless DJANGO_SITE_URL is set. Once the server answers, `welcome` prints the
# address, the demo login, the demo share link and the mail outbox, last.
run: $(VENV)/.installed pdf-libs
	$(PY) manage.py migrate --noinput
	$(PY) manage.py recheck_artifacts
	$(PY) manage.py seed_demo
	@export DJANGO_SITE_URL="$${DJANGO_SITE_URL:-http://$(HOST):$(PORT)}"; \
	echo "Mail links point at $$DJANGO_SITE_URL"; \
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	$(PY) manage.py welcome --address http://$(HOST):$(PORT) --wait 60 & welcome=$$!; \
	trap 'kill $$worker $$welcome 2>/dev/null; wait $$worker $$welcome 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	$(PY) manage.py runserver $(HOST):$(PORT)

# Browser tests drive Debian's Chromium; install it when missing (root on Debian/Ubuntu).
browser:
	@test -x $(CHROMIUM) || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's 'chromium' package (browser tests need it)"; exit 1; fi; }

# The share PDF (WeasyPrint) lays text out with Debian's pango and HarfBuzz and needs a font; install them
# when missing (root on Debian/Ubuntu). Elsewhere, pango's shared library is enough.
PDF_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@if command -v dpkg >/dev/null 2>&1; then dpkg -s $(PDF_LIBS) >/dev/null 2>&1; \
	  else ldconfig -p 2>/dev/null | grep -q libpangoft2-1.0.so.0; fi || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(PDF_LIBS) >/dev/null; \
	  else echo "pango is missing: install Debian's $(PDF_LIBS) (the share PDF needs them)"; exit 1; fi; }

test: $(VENV)/.installed-dev browser pdf-libs
	$(MAKE) --no-print-directory checks
	$(PY) manage.py collectstatic --noinput -v0
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres

# Fails on a model change without its migration, and on lint or formatting.
checks:
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

test-sqlite:
	@echo "== test suite on SQLite =="
	env -u DATABASE_URL DJANGO_DB_CONN_MAX_AGE=0 $(PY) -m pytest -q \
	  --cov=portfolios --cov-report=term:skip-covered --cov-fail-under=90

# Tests hold no persistent connections (live-server threads would keep the test database open).
# Runs on PostgreSQL when DATABASE_URL points at one or 127.0.0.1:5432 answers; with CI=true it must.
test-postgres:
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if $(PY) scripts/pg_ready.py "$$url"; then \
	  echo "== test suite on PostgreSQL =="; DATABASE_URL="$$url" DJANGO_DB_CONN_MAX_AGE=0 $(PY) -m pytest -q; \
	elif [ "$$CI" = "true" ]; then echo "PostgreSQL is required when CI=true but $$url is not reachable"; exit 1; \
	else echo "== PostgreSQL not reachable at $$url: skipped the PostgreSQL pass =="; fi

# Rubric timings, then HTTP load (gunicorn + wrk) on small and at-scale data: see bench/README.md.
# BENCH_ARGS=--quick for a smoke run.
bench: $(VENV)/.installed-dev bench-tools pdf-libs
	$(PY) bench/bench_rubric.py
	$(PY) bench/bench_pdf.py
	$(PY) bench/bench_http.py $(BENCH_ARGS)

# The checker against its labelled corpora (graded artifacts, held-out batch, PHI, goals, readability).
eval: $(VENV)/.installed-dev
	$(PY) scripts/evaluate.py

# The HTTP benchmark drives wrk; install it when missing (root on Debian/Ubuntu).
.PHONY: bench-tools
bench-tools:
	@command -v wrk >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq || true) && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: install Debian's 'wrk' package (the HTTP benchmark needs it)"; exit 1; fi; }

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

deploy-check: $(VENV)/.installed
	DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') \
	  DJANGO_ALLOWED_HOSTS=example.com $(PY) manage.py check --deploy --fail-level WARNING

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
