# Safe Community: `make run` serves the demo site, `make test` runs every check.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast test-sqlite test-postgres lint messages makemessages install system-packages bench clean

$(STAMP): requirements.txt requirements-dev.txt
	@scripts/ensure-system-packages base
	@scripts/ensure-system-packages pdf
	@test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP)

messages: $(STAMP)
	@$(PY) manage.py compilemessages --ignore=.venv -v0

makemessages: $(STAMP)
	$(PY) manage.py makemessages --all --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=var --add-location=file
	$(PY) manage.py makemessages --all -d djangojs --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=var --add-location=file

run: $(STAMP) messages
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py createcachetable
	$(PY) manage.py seed_demo --if-empty
	@scripts/run-dev $(HOST) $(PORT)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

test-sqlite: $(STAMP) messages
	@scripts/ensure-system-packages browser
	$(VENV)/bin/pytest

test-postgres: $(STAMP) messages
	@scripts/ensure-system-packages postgres
	@scripts/ensure-system-packages browser
	scripts/with-postgres $(VENV)/bin/pytest

# A quick subset for the edit-test loop: no browser, no PostgreSQL, no slow suites.
test-fast: $(STAMP) messages
	$(VENV)/bin/pytest -m "not browser and not slow" -q

test: lint test-sqlite test-postgres

bench: $(STAMP) messages
	@scripts/ensure-system-packages bench
	@scripts/ensure-system-packages postgres
	$(PY) bench/submission_throughput.py
	$(PY) bench/stats_breakdown.py

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .mypy_cache .ruff_cache
