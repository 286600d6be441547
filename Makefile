# Two commands do all set-up on a fresh machine: `make serve` and `make test`.
# Each target installs what it needs first (virtual env, Python packages, npm packages).

export NO_MKDOCS_2_WARNING := 1

VENV      := .venv
BIN       := $(VENV)/bin
PYTHON    := $(BIN)/python
STAMP_PY  := $(VENV)/.installed
STAMP_JS  := node_modules/.installed
# TypeScript checks the JavaScript (checkJs, no emit): the page, the workers, the service worker
# and the node tests each have their own lib (tsconfig.base.json holds what they share).
TSCONFIGS := tsconfig.json tsconfig.worker.json tsconfig.sw.json tsconfig.node.json

.PHONY: serve build test lint bench deps lock clean

serve: deps ## build the site and serve it on http://127.0.0.1:8000 with live reload
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: deps ## write the static site to site/
	$(BIN)/mkdocs build --strict

test: deps ## lint, the JavaScript unit tests, then the whole test suite (unit, Pyodide, site build, three real browsers)
	scripts/ensure-browsers.sh
	$(MAKE) --no-print-directory lint
	node --test --test-reporter=spec tests/js/*.test.mjs
	$(BIN)/pytest

lint: deps ## ruff, mypy; TypeScript's check, ESLint and Prettier over the JavaScript
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	for config in $(TSCONFIGS); do node_modules/.bin/tsc -p $$config || exit 1; done
	node_modules/.bin/eslint --max-warnings 0 .
	node_modules/.bin/prettier --check --log-level warn .

bench: deps ## print the performance figures quoted in the issue notes
	scripts/ensure-browsers.sh
	$(PYTHON) -m tests.bench.all

deps: $(STAMP_PY) $(STAMP_JS)

$(STAMP_PY): requirements.lock pyproject.toml
	test -x $(PYTHON) || $$(scripts/find-python.sh) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements.lock
	$(PYTHON) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_JS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lock: ## re-pin the Python packages after changing pyproject.toml
	rm -rf .cache/lockvenv
	$$(scripts/find-python.sh) -m venv .cache/lockvenv
	.cache/lockvenv/bin/pip install --quiet '.[dev]'
	{ echo "# Exact versions of every Python package the site build and tests use (pip freeze of a venv"; \
	  echo "# made from pyproject.toml's [dev] extra). Regenerate with: make lock"; \
	  .cache/lockvenv/bin/pip freeze --exclude-editable | grep -v '^hipthrust'; } > requirements.lock

clean:
	rm -rf site .cache $(VENV) node_modules
