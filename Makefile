# Two commands do all the set-up on a fresh machine (Debian/Ubuntu, Python >= 3.11):
#   make demo   install, then redact a bundled French e-mail and restore an AI-style answer
#   make test   install (with test tools, Xvfb, xclip and Chromium), then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install system-deps bench audit lock

demo: install
	$(BIN)/guard demo

test: install system-deps audit
	$(BIN)/pip install --quiet '.[test]'
	$(BIN)/mypy --strict guard
	$(BIN)/pytest

install: $(BIN)/python
	$(BIN)/pip install --quiet .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# A real clipboard for the tests: Xvfb (a virtual X display) and xclip; a real browser for the web
# page's tests: Chromium, driven by Playwright. All from Debian, installed only when missing.
system-deps:
	@command -v Xvfb >/dev/null && command -v xclip >/dev/null && command -v chromium >/dev/null || { \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq xvfb xclip chromium >/dev/null; }

bench: install
	$(BIN)/python benchmarks/speed.py

# Supply chain. requirements.lock pins the service's whole dependency tree with hashes
# (pip install --require-hashes -r requirements.lock); `make lock` regenerates it from pyproject.toml.
# Policy: a known vulnerability in the locked set fails the build, and so does a locked package the
# audit could not check (--strict: nothing is skipped silently). PyPI's per-release JSON API (what
# pip-audit reads) being unreachable does not: a warning, and the audit is skipped, so a network
# blip never blocks CI while a finding always does.
audit: $(BIN)/python
	$(BIN)/pip install --quiet pip-audit
	@if $(BIN)/python -c "import urllib.request as u; u.urlopen('https://pypi.org/pypi/pip/24.0/json', timeout=15)" 2>/dev/null; then \
	  $(BIN)/pip-audit --strict --requirement requirements.lock --require-hashes --disable-pip --progress-spinner off; \
	else echo "warning: PyPI's JSON API is unreachable from here: dependency audit skipped" >&2; fi

lock: $(BIN)/python
	$(BIN)/pip install --quiet pip-tools
	$(BIN)/pip-compile --generate-hashes --no-emit-find-links --no-emit-index-url --strip-extras --allow-unsafe \
	  --output-file=requirements.lock pyproject.toml
