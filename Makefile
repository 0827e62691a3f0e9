# Parallax: `make run` opens the app on your library; `make test` runs every test.
PYTHON := $(shell tools/find-python.sh)
VENV := .venv
PY := $(VENV)/bin/python

.PHONY: run test lint bench clean check-python

check-python:
	@test -n "$(PYTHON)" || { tools/find-python.sh; exit 1; }

$(VENV)/.installed: pyproject.toml | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/parallax $(ARGS)

# Tests and lint both run, so one does not hide the other's findings; either failing fails.
test: $(VENV)/.installed-test
	@status=0; tools/run-tests.sh || status=$$?; \
	$(MAKE) --no-print-directory lint || status=1; exit $$status

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.timeline
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.export
	$(PY) -m bench.importing
	$(PY) -m bench.reliability

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info
