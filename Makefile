# The two commands of the README: `make run` and `make test`.
# Both create .venv, install what is missing (Debian packages when root), and go.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# argostranslate without its ML stack (torch, stanza, spaCy): see requirements/argostranslate.txt.
ARGOS  := requirements/argostranslate.txt

.PHONY: run test setup setup-test system-deps system-deps-test lint typecheck unit bench translations clean dist dist-check

run: setup
	@$(BIN)/python -m chatassist.ui.preflight && $(BIN)/chatassist gui

test: setup-test
	$(MAKE) --no-print-directory lint typecheck unit

system-deps:
	@scripts/system-deps.sh

system-deps-test:
	@scripts/system-deps.sh --test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py $(ARGOS) | $(BIN)/python
	$(BIN)/pip install -q -e .
	$(BIN)/pip install -q --no-deps -r $(ARGOS)
	@touch $@

$(VENV)/.installed-test: pyproject.toml setup.py $(ARGOS) | $(BIN)/python
	$(BIN)/pip install -q -e '.[test]'
	$(BIN)/pip install -q --no-deps -r $(ARGOS)
	@touch $@ $(VENV)/.installed

setup: system-deps $(VENV)/.installed translations

setup-test: system-deps-test $(VENV)/.installed-test translations

translations: $(VENV)/.installed
	@$(BIN)/python -m chatassist.ui.i18n_build

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck:
	$(BIN)/mypy

unit:
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The one-folder bundle for agents' machines (PyInstaller; docs/install.md).
dist: setup
	$(BIN)/pip install -q -e '.[dist]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/chatassist.spec
	@du -sh dist/chatassist

# Runs --help, detect, suggest and the sidebar (offscreen) from the bundle, with no Python on PATH.
dist-check: dist
	scripts/dist-check.sh dist/chatassist

bench: setup-test
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info
