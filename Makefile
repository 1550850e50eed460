# pacgen — every target sets up what it needs (venv + install) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SPEC ?= spec/clicksend.yaml
OUT ?= connector
STAMP := $(VENV)/.installed
SHARED ?= ../shared
DOCS ?= $(SPEC:.yaml=.docs.json)
UPLOAD_SETTINGS ?= upload.settings.json
# ENVIRONMENT= / CONNECTOR_ID= count when given to make, not when inherited from the shell (often unrelated).
given = $(if $(filter-out environment undefined default,$(origin $(1))),$(2) '$($(1))')

.PHONY: install build test validate check lint clean bench docs-check upload roundtrip fuzz

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --config-settings editable_mode=compat -e '.[test,upload]'
	touch $(STAMP)

## install: .venv with pacgen, its test tools and paconn (the upload extra)
install: $(STAMP)

# Byte-compile the package (a no-op when fresh): where PYTHONDONTWRITEBYTECODE is set, as on some
# CI machines, Python would otherwise recompile every module of pacgen on every run.
COMPILE = $(BIN)/python -m compileall -q generator

## build: render connector/ (and its English reference page) from the spec
build: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen build $(SPEC) -o $(OUT)
	$(BIN)/pacgen docs render $(SPEC) -o $(OUT)

## test: the whole test suite
test: $(STAMP)
	@$(COMPILE)
	$(BIN)/python -m pytest -q

## validate: the built connector and the spec, with the documented field tables committed in spec/
validate: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen validate $(OUT) $(SPEC) --docs $(DOCS)

## check: fast — artifacts fresh, lint
check: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen build $(SPEC) -o $(OUT) --check
	@tmp=$$(mktemp -d) && $(BIN)/pacgen docs render $(SPEC) -o $$tmp 2>/dev/null && \
	  diff -u $(OUT)/reference.md $$tmp/reference.md && rm -rf $$tmp || \
	  { echo "$(OUT)/reference.md is stale: run make build" >&2; exit 1; }
	$(BIN)/ruff check generator tests bench

## upload: build, validate (stops on errors), then paconn create (no connector id yet) or update
upload: build
	$(MAKE) --no-print-directory validate
	$(BIN)/pacgen upload $(OUT) --settings $(UPLOAD_SETTINGS) \
	  $(call given,ENVIRONMENT,--environment) $(call given,CONNECTOR_ID,--connector-id)

## roundtrip: import every corpus connector, rebuild it, compare with the original (needs $(SHARED)/corpus)
roundtrip: $(STAMP)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/pacgen roundtrip $(SHARED)/corpus; \
	else echo "roundtrip: $(SHARED)/corpus missing: nothing to compare" >&2; fi

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench

## fuzz: hostile-input properties, many examples over the whole corpus (minutes; seed printed)
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	@seed=$${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "fuzz: seed $$seed, $(FUZZ_EXAMPLES) examples per property (again: make fuzz SEED=$$seed)"; \
	PACGEN_FUZZ=1 PACGEN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider -q \
	  tests/test_fuzz_properties.py --hypothesis-seed=$$seed --hypothesis-show-statistics

## bench: speed figures (not tests)
bench: $(STAMP)
	$(BIN)/python bench/build_speed.py $(SPEC)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/validate_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: validator benchmark skipped"; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
