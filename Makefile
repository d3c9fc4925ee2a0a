# Two commands for a new team member: `make run` and `make test`. See README.md.
SHELL := /bin/bash
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
# The newest Python 3.11+ on this machine.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do \
	command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	&& { echo $$p; break; }; done)

.PHONY: run test install install-dev browser checkers lint format lock messages clean

$(VENV)/bin/python:
	@test -n "$(PYTHON)" || { echo "Python 3.11 or newer is needed (python3 --version)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip

$(VENV)/.base-installed: requirements/base.lock | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements/base.lock
	@touch $@

$(VENV)/.dev-installed: requirements/dev.lock | $(VENV)/bin/python
	$(VENV)/bin/pip install --quiet -r requirements/dev.lock
	@touch $@ $(VENV)/.base-installed

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

# Every absolute URL (canonical, sitemap, feeds, e-mails) is built on SITE_URL; migrate gives
# Wagtail's Site its host and port.
run: export SITE_URL ?= http://127.0.0.1:$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content --if-empty
	@# run_site is runserver that prints the admin sign-in (ensure_admin) last, after its banner.
	DJANGO_RUNSERVER_HIDE_WARNING=true $(PY) manage.py run_site 127.0.0.1:$(PORT)

# Browser tests need the system Chromium: install it when we can (root), else say what is missing.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Chromium for the browser tests (apt-get)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "NOTE: /usr/bin/chromium is missing and this user cannot install it;"; \
		echo "      browser tests will be skipped (install the 'chromium' package to run them)."; \
	fi

# The HTML checker (vnu-jar from npm) runs on Java, `nginx -t` checks deploy/nginx.conf, and
# GNU gettext (xgettext, msgfmt) checks that the Spanish catalog is complete and compiled.
# Install what is missing when we can (root), else say what is missing: those tests then skip
# (they fail instead when CI=true).
checkers:
	@if ! command -v java >/dev/null || ! command -v npm >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Java and npm for the HTML checker (apt-get)..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				default-jre-headless npm >/dev/null; \
		else \
			echo "NOTE: java or npm is missing; HTML validity tests will be skipped."; \
		fi; \
	fi
	@if command -v npm >/dev/null && [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then \
		npm ci --silent --no-audit --no-fund; \
	fi
	@if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing nginx for the nginx -t test of deploy/nginx.conf (apt-get)..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				nginx-light openssl >/dev/null; \
		else \
			echo "NOTE: nginx is missing; the deploy/nginx.conf test will be skipped."; \
		fi; \
	fi
	@if ! command -v xgettext >/dev/null || ! command -v msgfmt >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing GNU gettext for the Spanish catalog tests (apt-get)..."; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				gettext >/dev/null; \
		else \
			echo "NOTE: GNU gettext is missing; the translation catalog tests will be skipped."; \
		fi; \
	fi

test: install-dev browser checkers
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# The Spanish catalog: collect every interface string into locale/es/LC_MESSAGES/django.po (new
# ones arrive with an empty msgstr: translate them there), then compile django.mo. Both files
# are committed, so the site runs without gettext. tests/practice/test_translations.py checks it.
MESSAGES_SKIP := $(foreach dir,.venv node_modules var bench tests locale test-artifacts,--ignore=$(dir))
messages: install-dev
	$(PY) manage.py makemessages -l es --no-obsolete $(MESSAGES_SKIP)
	$(PY) manage.py compilemessages -l es --ignore=.venv --ignore=node_modules

# Regenerate the lock files after changing pyproject.toml.
lock: install-dev
	$(VENV)/bin/pip install --quiet pip-tools
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url \
		--no-emit-find-links pyproject.toml -o requirements/base.lock
	$(VENV)/bin/pip-compile -q --strip-extras --no-header --no-emit-index-url \
		--no-emit-find-links --extra dev pyproject.toml -o requirements/dev.lock

clean:
	rm -rf $(VENV) var db.sqlite3 node_modules test-artifacts
