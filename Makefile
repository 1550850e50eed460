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

.PHONY: install build test validate check lint clean bench docs-check upload roundtrip diff

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

## diff: breaking changes of every connector changed since BASE (default origin/main), then its new findings
BASE ?= origin/main
diff: $(STAMP)
	@$(COMPILE)
	@status=0; \
	$(BIN)/pacgen diff --changed $(BASE) || status=$$?; \
	$(BIN)/pacgen validate --changed $(BASE) --new-since $(BASE) || { s=$$?; [ $$s -gt $$status ] && status=$$s; }; \
	exit $$status

## preview: the designer preview of the spec, one self-contained page ($(PREVIEW))
PREVIEW ?= preview.html
.PHONY: preview preview-screenshot
preview: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen preview $(SPEC) -o $(PREVIEW)

## preview-screenshot: the README's picture of the preview (headless Chromium, as in the browser tests)
preview-screenshot: $(STAMP)
	$(BIN)/python -m generator.preview.browser $(SPEC) docs/preview-clicksend.png

lint: $(STAMP)
	$(BIN)/ruff check generator tests bench

## bench: speed figures (not tests)
bench: $(STAMP)
	$(BIN)/python bench/build_speed.py $(SPEC)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/validate_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: validator benchmark skipped"; fi
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/diff_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: diff benchmark skipped"; fi
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/preview_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: preview benchmark skipped"; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
