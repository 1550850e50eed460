# pacgen — every target sets up what it needs (venv + install) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPEC ?= spec/clicksend.yaml
OUT ?= connector
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: build test validate check lint clean bench docs-check

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test]'
	touch $(STAMP)

## build: render connector/ from the spec
build: $(STAMP)
	$(BIN)/pacgen build $(SPEC) -o $(OUT)

## test: the whole test suite
test: $(STAMP)
	$(BIN)/python -m pytest -q

## validate: the built connector, including the documented field tables committed in spec/
validate: $(STAMP)
	$(BIN)/pacgen validate $(OUT) $(SPEC)

## check: fast — artifacts fresh, lint
check: $(STAMP)
	$(BIN)/pacgen build $(SPEC) -o $(OUT) --check
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
