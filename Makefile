# Two commands on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DEMO_OUT ?= demo-out

export DO_NOT_TRACK := 1
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS := 60

.PHONY: install demo test test-slow test-all bench lock clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Run the whole job on the bundled synthetic sample and print where everything is.
demo: install
	$(BIN)/clinic-anon run --source data_samples/sample --out $(DEMO_OUT) --as-of 2026-11-22

## Install and run the tests (real PostgreSQL, DuckDB, Prefect and Chromium; see .ci/run).
## The long end-to-end scenarios (marked slow: many whole runs each) are `make test-slow`; CI runs both.
test: install
	$(BIN)/pytest -q -ra -m "not slow"

test-slow: install
	$(BIN)/pytest -q -ra -m slow

test-all: test test-slow

## Regenerate constraints.txt from the current environment (after changing dependencies).
lock: install
	$(BIN)/pip freeze --exclude-editable > constraints.txt

clean:
	rm -rf $(DEMO_OUT) .pytest_cache
