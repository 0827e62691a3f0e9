# Parallax: `make run` opens the app on your library; `make test` runs every test.
# Installs use requirements.lock as pip constraints: the versions CI tested (see `make lock`).
PYTHON := $(shell tools/find-python.sh)
VENV := .venv
PY := $(VENV)/bin/python
LOCK := requirements.lock
INSTALL := $(PY) -m pip install --quiet -c $(LOCK)
DIST := dist

.PHONY: run test lint bench lock wheel bundle dist clean check-python

check-python:
	@test -n "$(PYTHON)" || { tools/find-python.sh; exit 1; }

$(VENV)/.installed: pyproject.toml $(LOCK) | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(INSTALL) -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml $(LOCK)
	$(INSTALL) -e '.[test]'
	touch $@

$(VENV)/.installed-dist: $(VENV)/.installed-test pyproject.toml $(LOCK)
	$(INSTALL) -e '.[test,dist]'
	touch $@

run: $(VENV)/.installed
	$(VENV)/bin/parallax $(ARGS)

# Tests and lint both run, so one does not hide the other's findings; either failing fails.
test: $(VENV)/.installed-test
	@status=0; tools/run-tests.sh fast || status=$$?; tools/run-tests.sh slow || status=$$?; \
	$(MAKE) --no-print-directory lint || status=1; exit $$status

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.timeline
	QT_QPA_PLATFORM=offscreen $(PY) -m bench.export
	$(PY) -m bench.importing
	$(PY) -m bench.reliability

# Pin every runtime, test and dist dependency for Python 3.12+ on any platform. Pins already in
# the lock are kept while pyproject.toml allows them; `make lock LOCKFLAGS=--upgrade` moves all.
lock: | check-python
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet uv
	$(VENV)/bin/uv pip compile pyproject.toml --extra test --extra dist --universal \
		--python-version 3.12 --quiet -o $(LOCK) $(LOCKFLAGS)

# The source distribution and the wheel, built from the sources the way pip builds them.
wheel: $(VENV)/.installed-test
	rm -f $(DIST)/parallax-*.whl $(DIST)/parallax-*.tar.gz
	$(PY) -m build --quiet --outdir $(DIST) .

# A one-folder application that needs no Python: $(DIST)/parallax/parallax.
bundle: $(VENV)/.installed-dist
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath $(DIST) --workpath build/pyinstaller packaging/parallax.spec

dist: wheel bundle

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache *.egg-info build $(DIST)
