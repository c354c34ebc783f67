# Two commands on a fresh machine: `make run` (the site on SQLite at http://127.0.0.1:8000)
# and `make test` (the whole suite). Both build their own virtual environment.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

# `make run` serves plain http on loopback; production leaves DJANGO_SECURE unset (on). The tests
# need no variables at all: their settings are almenbolig/test_settings.py.
export DJANGO_SECURE ?= 0

.PHONY: run test unit lint format migrate demo screenshots bench browser clean nginx deploy-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

var/secret_key:
	mkdir -p var
	$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@

run: $(VENV)/.installed var/secret_key
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py migrate --no-input
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py collectstatic --no-input -v0
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/gunicorn almenbolig.wsgi \
		--config gunicorn.conf.py --bind $(HOST):$(PORT) --workers 2

# Invented demo meetings (2018–2026) in the local database, so that `make run` shows a living site.
demo: $(VENV)/.installed var/secret_key
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py migrate --no-input
	DJANGO_SECRET_KEY=$$(cat var/secret_key) $(BIN)/python manage.py loaddemo

# Debian's Chromium for the browser tests; Playwright's own browser download does not work here.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

# Debian's nginx with its stream module (deploy/nginx/nginx.conf.in counts connections there), and
# openssl, for the test's certificate, for the deploy tests. Installing nginx must not start it on
# port 80: where the machine has no policy-rc.d, one that says no is put in place for the install
# and removed again.
nginx:
	@{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 \
		&& [ -e /usr/share/nginx/modules/ngx_stream_module.so ] || { \
		echo "Installing Debian's nginx for the deploy test"; \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		if [ ! -e /usr/sbin/policy-rc.d ]; then \
			printf '#!/bin/sh\nexit 101\n' | $$SUDO tee /usr/sbin/policy-rc.d >/dev/null; \
			$$SUDO chmod +x /usr/sbin/policy-rc.d; \
			trap '$$SUDO rm -f /usr/sbin/policy-rc.d' EXIT; \
		fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq nginx libnginx-mod-stream openssl >/dev/null; }

# deploy/ for real: Debian's nginx with deploy/nginx in front of gunicorn as
# deploy/systemd/almenbolig.service starts it (tests/deploy); on DATABASE_URL's database.
deploy-test: $(VENV)/.installed nginx
	DEPLOY_TESTS=1 $(BIN)/python -m pytest tests/deploy $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# The whole suite: lint, unit tests, the browser tests in Debian's chromium, and deploy/ for real
# (Debian's nginx in front of gunicorn).
test: $(VENV)/.installed browser nginx lint
	DEPLOY_TESTS=1 $(BIN)/python -m pytest $(PYTEST_ARGS)

# The suite without the browser tests, e.g. on another Python:
# make unit PYTHON=python3.13 VENV=.venv-3.13
unit: $(VENV)/.installed
	$(BIN)/python -m pytest -m "not e2e" $(PYTEST_ARGS)

# Full-page PNGs of every public page type at phone and desktop width into screenshots/.
screenshots: $(VENV)/.installed browser
	$(BIN)/python -m pytest tests/e2e/screenshots.py \
		--screenshots-dir=screenshots -q

clean:
	rm -rf $(VENV) .venv-* staticfiles var screenshots

# Throughput and latency under load (needs Debian's wrk), against floors measured in the same run.
bench: $(VENV)/.installed
	@command -v wrk >/dev/null 2>&1 || { SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python bench/run.py $(BENCH_ARGS)
