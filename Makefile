# pacgen — every target sets up what it needs (venv + install) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
# Which connectors: all of the project's (pyproject.toml [tool.pacgen]: every spec/NAME.yaml, built
# into connectors/NAME/; ClickSend into connector/), or CONNECTOR=name (several: CONNECTOR="a b").
# SPEC=file.yaml OUT=dir (DOCS=page, UPLOAD_SETTINGS=file) act on one spec outside the project.
CONNECTOR ?=
SPEC ?=
OUT ?=
DOCS ?= $(if $(SPEC),$(wildcard $(SPEC:.yaml=.docs.json)))
UPLOAD_SETTINGS ?= upload.settings.json
PICK = $(foreach name,$(CONNECTOR),--connector $(name))
BUILD_ARGS = $(if $(SPEC),$(SPEC) $(if $(OUT),-o $(OUT) --reference),$(PICK))
# What `make check` and `make lint` run ruff on (not LINT: GNU make predefines that as `lint`).
LINT_PATHS ?= generator tests bench
VALIDATE_ARGS = $(if $(SPEC),$(wildcard $(OUT)) $(SPEC) $(if $(DOCS),--docs $(DOCS)),$(PICK))
# ENVIRONMENT= / CONNECTOR_ID= count when given to make, not when inherited from the shell (often unrelated).
given = $(if $(filter-out environment undefined default,$(origin $(1))),$(2) '$($(1))')

.PHONY: install build test validate check lint clean bench docs-check upload roundtrip diff fuzz

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

## build: render every connector (or CONNECTOR=name) from its spec, with its English reference page
build: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen build $(BUILD_ARGS)

## test: the whole test suite
test: $(STAMP)
	@$(COMPILE)
	$(BIN)/python -m pytest -q

## validate: each connector's spec, its built folder and its documented field tables (spec/NAME.docs.json)
validate: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen validate $(VALIDATE_ARGS)

## check: fast — every connector folder fresh (nothing stale, missing or extra), lint
check: $(STAMP)
	@$(COMPILE)
	$(BIN)/pacgen build --check $(BUILD_ARGS)
	$(if $(LINT_PATHS),$(BIN)/ruff check $(LINT_PATHS))

## upload: build, validate (stops on errors), then paconn create (no connector id yet) or update, per connector
upload: build
	$(MAKE) --no-print-directory validate
	@if [ -n "$(SPEC)" ]; then echo "$(BIN)/pacgen upload $(OUT) --settings $(UPLOAD_SETTINGS)"; \
	  $(BIN)/pacgen upload $(OUT) --settings $(UPLOAD_SETTINGS) $(UPLOAD_IDS); \
	else $(BIN)/pacgen connectors $(CONNECTOR) --format upload | while IFS="$$(printf '\t')" read -r out settings; do \
	  echo "$(BIN)/pacgen upload $$out --settings $$settings"; \
	  $(BIN)/pacgen upload "$$out" --settings "$$settings" $(UPLOAD_IDS) || exit 1; done; fi
UPLOAD_IDS = $(call given,ENVIRONMENT,--environment) $(call given,CONNECTOR_ID,--connector-id)
# A connector id belongs to one connector: refuse it for several before anything is built.
ifneq ($(filter upload,$(MAKECMDGOALS)),)
ifneq ($(and $(call given,CONNECTOR_ID,x),$(if $(SPEC),,$(if $(filter 1,$(words $(CONNECTOR))),,x))),)
$(error CONNECTOR_ID= names one connector: give CONNECTOR=name too)
endif
endif

## roundtrip: import every corpus connector, rebuild it, compare with the original (needs $(SHARED)/corpus)
roundtrip: $(STAMP)
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/pacgen roundtrip $(SHARED)/corpus; \
	else echo "roundtrip: $(SHARED)/corpus missing: nothing to compare" >&2; fi

## diff: breaking changes of every connector changed since BASE (default origin/main), then its new
## findings; CONNECTOR=name: that connector's spec against its BASE version, changed or not
BASE ?= origin/main
WORST = { s=$$?; [ $$s -gt $$status ] && status=$$s; }
diff: $(STAMP)
	@$(COMPILE)
	@status=0; \
	if [ -n "$(CONNECTOR)" ]; then \
	  for spec in $$($(BIN)/pacgen connectors $(CONNECTOR) --format specs) ; do \
	    if git cat-file -e "$(BASE):$$spec" 2>/dev/null; then \
	      $(BIN)/pacgen diff "$(BASE):$$spec" "$$spec" || $(WORST); \
	    else echo "$$spec is new since $(BASE): nothing to compare" >&2; fi; done; \
	  $(BIN)/pacgen validate $(PICK) --new-since $(BASE) || $(WORST); \
	else \
	  $(BIN)/pacgen diff --changed $(BASE) || status=$$?; \
	  $(BIN)/pacgen validate --changed $(BASE) --new-since $(BASE) || $(WORST); \
	fi; exit $$status

## preview: the designer preview of each connector (or CONNECTOR=name, or SPEC=file), one self-contained
## page each: $(PREVIEW_DIR)/NAME.html
PREVIEW_DIR ?= preview
.PHONY: preview preview-screenshot
preview: $(STAMP)
	@$(COMPILE)
	@specs="$(or $(SPEC),$$($(BIN)/pacgen connectors --format specs $(CONNECTOR)))" || exit 2; \
	for spec in $$specs; do \
	  $(BIN)/pacgen preview "$$spec" -o "$(PREVIEW_DIR)/$$(basename "$$spec" .yaml).html" || exit $$?; \
	done

## preview-screenshot: the README's picture of ClickSend's preview (headless Chromium, as in the browser tests)
preview-screenshot: $(STAMP)
	$(BIN)/python -m generator.preview.browser spec/clicksend.yaml docs/preview-clicksend.png

lint: $(STAMP)
	$(BIN)/ruff check $(LINT_PATHS)

## fuzz: hostile-input properties, many examples over the whole corpus (minutes; seed printed)
FUZZ_EXAMPLES ?= 2000
fuzz: $(STAMP)
	@seed=$${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "fuzz: seed $$seed, $(FUZZ_EXAMPLES) examples per property (again: make fuzz SEED=$$seed)"; \
	PACGEN_FUZZ=1 PACGEN_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider -q \
	  tests/test_fuzz_properties.py --hypothesis-seed=$$seed --hypothesis-show-statistics

## bench: speed figures (not tests)
bench: $(STAMP)
	$(BIN)/python bench/build_speed.py spec/clicksend.yaml
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/validate_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: validator benchmark skipped"; fi
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/diff_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: diff benchmark skipped"; fi
	@if [ -d $(SHARED)/corpus ]; then $(BIN)/python bench/preview_speed.py $(SHARED)/corpus; \
	else echo "bench: $(SHARED)/corpus missing: preview benchmark skipped"; fi

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
