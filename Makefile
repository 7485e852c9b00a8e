# The two commands of the README: `make run` and `make test`.
# Both create .venv, install what is missing (Debian packages when root), and go.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# CPU build of torch that lies on the build machines' disk; an unpinned torch
# (pulled by argostranslate -> stanza) would download several GB of CUDA wheels.
TORCH  := torch==2.13.0

.PHONY: run test setup setup-test system-deps lint typecheck unit bench translations clean

run: setup
	@$(BIN)/python -m chatassist.ui.preflight && $(BIN)/chatassist gui

test: setup-test
	$(MAKE) --no-print-directory lint typecheck unit

system-deps:
	@scripts/system-deps.sh

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.torch: | $(BIN)/python
	$(BIN)/pip install -q $(TORCH)
	@touch $@

$(VENV)/.installed: pyproject.toml setup.py $(VENV)/.torch
	$(BIN)/pip install -q -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py $(VENV)/.torch
	$(BIN)/pip install -q -e '.[test]'
	@touch $@ $(VENV)/.installed

setup: system-deps $(VENV)/.installed translations

setup-test: system-deps $(VENV)/.installed-test translations

translations: $(VENV)/.installed
	@$(BIN)/python -m chatassist.ui.i18n_build

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

unit:
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: setup-test
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
