# Two commands do everything on a fresh machine: `make demo` and `make test`.
# Each creates .venv with the system python3 when it is missing and installs the
# project with its development tools into it.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint typecheck contracts pytest docs bench schemas browser screenshot clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/socialvalue demo

test: lint typecheck contracts pytest docs

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

# The report page is checked in headless Chromium (tests/test_report_browser.py):
# Debian's, installed here when missing (CI runs as root on a clean machine). Under
# CI=true the browser tests fail, rather than skip, without it.
browser:
	@command -v chromium >/dev/null || if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core; \
	else \
	    echo "make: chromium is missing and only root can install it (apt-get install" \
	        "chromium); the browser tests skip here, and fail under CI=true" >&2; \
	fi

# pytest exits 5 when it collects no test; make treats that as a failure.
# ajv, for the test that the exported schemas give the same verdicts in JavaScript.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --silent

pytest: $(STAMP) browser node_modules/.package-lock.json
	$(BIN)/coverage erase
	$(BIN)/coverage run -m pytest
	$(BIN)/coverage report

# The documentation site, built strictly: a broken link, a missing page or a bad
# docstring reference fails the build. The site goes to site/ (not committed).
docs: $(STAMP)
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --quiet

# The docs' picture of the report page (docs/how-to/publish-the-report-page.md),
# as the browser test draws it in build/.
screenshot: $(STAMP) browser
	CI=true $(BIN)/python -m pytest -q -p no:cacheprovider tests/test_report_browser.py
	mkdir -p docs/images
	cp build/report-page.png docs/images/report-page.png

bench: $(STAMP)
	$(BIN)/python -m benchmarks

schemas: $(STAMP)
	$(BIN)/socialvalue schema --all docs/schemas

clean:
	rm -rf $(VENV) site build .coverage .pytest_cache .mypy_cache .ruff_cache .hypothesis
