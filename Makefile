# pacgen — every target sets up what it needs (venv + install) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPEC ?= spec/clicksend.yaml
OUT ?= connector
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DOCS ?= $(SPEC:.yaml=.docs.json)

.PHONY: build test validate check lint clean bench docs-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP)

## build: render connector/ (and its English reference page) from the spec
build: $(STAMP)
	$(BIN)/pacgen build $(SPEC) -o $(OUT)
	$(BIN)/pacgen docs render $(SPEC) -o $(OUT)

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## validate: the built connector and the spec, with the documented field tables committed in spec/
validate: $(STAMP)
	$(BIN)/pacgen validate $(OUT) $(SPEC) --docs $(DOCS)

## check: fast — artifacts fresh, lint
check: $(STAMP)
	$(BIN)/pacgen build $(SPEC) -o $(OUT) --check
	@tmp=$$(mktemp -d) && $(BIN)/pacgen docs render $(SPEC) -o $$tmp 2>/dev/null && \
	  diff -u $(OUT)/reference.md $$tmp/reference.md && rm -rf $$tmp || \
	  { echo "$(OUT)/reference.md is stale: run make build" >&2; exit 1; }
	$(BIN)/ruff check generator tests bench

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench

## bench: speed figures (not tests)
bench: $(STAMP)
	$(BIN)/python bench/build_speed.py $(SPEC)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/validate_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: validator benchmark skipped"; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
