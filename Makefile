# kgload developer tasks. GNU make; needs only python3.11 with venv on a fresh Debian.
# Every target that runs kgload depends on $(VENV)/.installed, so the first `make test` or
# `make demo` builds the virtualenv and later ones reuse it until pyproject.toml changes.

VENV ?= .venv
PYTHON ?= $(shell command -v python3.11 || command -v python3)
PY = $(VENV)/bin/python
KGLOAD = $(VENV)/bin/kgload
DEMO_STORE = oxigraph:demo-kg

.DEFAULT_GOAL := help
.PHONY: help install demo test lint bench models clean distclean

help:
	@echo "make demo       load examples/ into ./demo-kg, run the saved queries, validate"
	@echo "make test       run the test suite"
	@echo "make lint       ruff check and mypy --strict"
	@echo "make bench      run the benchmarks in bench/"
	@echo "make models     retrain kgload's pt, en, es pipelines on ../shared/ud (hours; UD_DIR=...)"
	@echo "make install    create $(VENV) and install kgload with its dev extras"
	@echo "make clean      remove caches, build output and the demo store"
	@echo "make distclean  clean, and remove $(VENV) too"

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	@test -n "$(PYTHON)" || { echo "make: python3.11 not found; install python3.11 and python3.11-venv" >&2; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

demo: $(VENV)/.installed
	rm -rf demo-kg
	$(KGLOAD) ingest examples/*.txt --store $(DEMO_STORE)
	$(KGLOAD) query phone_calls --store $(DEMO_STORE)
	$(KGLOAD) query meetings --store $(DEMO_STORE)
	$(KGLOAD) query meetings --param status=planned --store $(DEMO_STORE)
	$(KGLOAD) query agreements --store $(DEMO_STORE)
	$(KGLOAD) query events_of_actor --param actor=Q7747 --store $(DEMO_STORE)
	$(KGLOAD) query troop_deployments --store $(DEMO_STORE)
	$(KGLOAD) validate --store $(DEMO_STORE)

test: $(VENV)/.installed
	$(PY) -m pytest -q

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

bench: $(VENV)/.installed
	@if [ -f bench/__main__.py ]; then \
		echo "$(PY) -m bench"; $(PY) -m bench; \
	else \
		found=0; \
		for script in bench/bench_*.py; do \
			[ -e "$$script" ] || continue; \
			found=1; echo "$(PY) $$script"; $(PY) "$$script" || exit 1; \
		done; \
		[ "$$found" = 1 ] || { echo "make: no benchmarks in bench/" >&2; exit 1; }; \
	fi

# Retrain the shipped spaCy pipelines (kgload/nlp/models/<lang>) from the UD treebanks: about
# an hour or more per language on 2 cores. LANGS=pt limits it; UD_DIR points at the treebanks.
UD_DIR ?= ../shared/ud
LANGS ?= pt en es
models: $(VENV)/.installed
	$(PY) scripts/train_pipelines.py $(LANGS) --ud-dir $(UD_DIR)

clean:
	rm -rf demo-kg dist .pytest_cache .mypy_cache .ruff_cache .hypothesis *.egg-info
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
