# The two commands of the README: `make run` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run setup test serve demo clean check-migrations lighthouse bench reliability screenshots messages

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.runtime requirements-test.txt
	$(BIN)/python -m pip install --quiet -r requirements-test.txt
	touch $@

## Install, migrate, load the demo content and serve the site with an admin login.
run: setup serve

setup: $(VENV)/.runtime
	$(MANAGE) compile_catalogues
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) setup_roles
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) ensure_admin

## The site and, in the background, the worker (documents' text, scheduled publishing); Ctrl+C stops both.
serve:
	@$(MANAGE) ensure_admin
	$(MANAGE) run_worker & worker=$$!; trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

## The whole test suite, against PostgreSQL when DATABASE_URL is set or one answers locally, else SQLite.
test: $(VENV)/.test
	$(MANAGE) compile_catalogues
	$(BIN)/python scripts/test_database.py $(BIN)/pytest $(PYTEST_ARGS)

## The README's staff screenshots (docs/screenshots/*.png), clicked through the admin in Debian's chromium
## against a fresh demo server.
screenshots: $(VENV)/.test
	$(MANAGE) compile_catalogues
	$(BIN)/python scripts/screenshots.py

## Lighthouse (mobile, npm, Debian's chromium) on key pages in English and Arabic: prints the scores.
lighthouse: $(VENV)/.test
	$(MANAGE) compile_catalogues
	$(BIN)/python scripts/lighthouse.py

## Refresh the interface catalogues locale/{ar,es,fr,pt}/LC_MESSAGES/django.po from the project's code and
## templates with GNU gettext (apt-get install gettext): sorted, without line numbers or creation date, so that
## they change only when their strings do. Then translate what is new or fuzzy (tests/test_ui_catalogues_complete.py).
messages: $(VENV)/.runtime
	$(MANAGE) makemessages --locale ar --locale es --locale fr --locale pt --no-location --no-obsolete --no-wrap \
	    $(addprefix --ignore=,deploy docs media node_modules scripts static staticfiles test-artifacts tests var)
	for catalogue in locale/*/LC_MESSAGES/django.po; do \
	    msgattrib --sort-output --no-wrap --output-file=$$catalogue $$catalogue || exit 1; \
	done
	sed -i '/^"POT-Creation-Date: /d' locale/*/LC_MESSAGES/django.po

check-migrations: $(VENV)/.runtime
	$(MANAGE) makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles var

## Requests/s, latency, server CPU and SQL queries per page type under gunicorn, cached and uncached.
bench: $(VENV)/.runtime
	$(BIN)/python scripts/bench.py

## The site behind nginx (deploy/nginx.conf) and gunicorn on a PostgreSQL cluster of its own: load, a
## database outage, a graceful reload, half-open clients and 5,000 generated bad inputs. Needs nginx.
reliability: $(VENV)/.test
	$(BIN)/python scripts/reliability.py
