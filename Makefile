# GradLab developer commands. `make run` and `make test` are all a newcomer needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
CONSTRAINTS := packaging/constraints.txt

.PHONY: venv run test lint format bench package clean

venv: $(STAMP)

# Re-installs only when the project or its pins change.
$(STAMP): pyproject.toml $(CONSTRAINTS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade --quiet pip
	$(BIN)/python -m pip install --quiet -c $(CONSTRAINTS) -e '.[test]'
	touch $(STAMP)

run: venv
	$(BIN)/gradlab

lint: venv
	$(BIN)/ruff check gradlab tests packaging
	$(BIN)/ruff format --check gradlab tests packaging

format: venv
	$(BIN)/ruff format gradlab tests packaging
	$(BIN)/ruff check --fix gradlab tests packaging

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: venv
	$(BIN)/python tests/benchmarks/run_all.py

clean:
	rm -rf build dist *.egg-info
