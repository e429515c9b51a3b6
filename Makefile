# Two commands do all the set-up on a fresh machine (Debian/Ubuntu, Python >= 3.11):
#   make demo   install, then redact a bundled French e-mail and restore an AI-style answer
#   make test   install (with test tools, Xvfb and xclip), then run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test install system-deps bench

demo: install
	$(BIN)/guard demo

test: install system-deps
	$(BIN)/pip install --quiet '.[test]'
	$(BIN)/mypy --strict guard
	$(BIN)/pytest

install: $(BIN)/python
	$(BIN)/pip install --quiet .

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

# A real clipboard for the tests: Xvfb (a virtual X display) and xclip, from Debian.
system-deps:
	@command -v Xvfb >/dev/null && command -v xclip >/dev/null || { \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq xvfb xclip >/dev/null; }

bench: install
	$(BIN)/python benchmarks/speed.py
