# The ML interview guide. `make serve` to read it, `make test` to check everything.
# Both set up from nothing: a .venv with the pinned Python packages, node_modules with pinned KaTeX.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1
export PYTHONPATH := $(CURDIR)

# pytest workers: one per core (override: make test JOBS=1)
JOBS ?= auto

.DEFAULT_GOAL := help
.PHONY: help setup generate serve site test clean lock check-page

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

site: setup ## build the static site into site/ (strict)
	$(PY) -m mkdocs build --strict

test: setup ## run every test (snippets, figures, pages, site, browser)
	$(PY) -m pytest -n $(JOBS)

clean: ## delete everything generated (keeps .venv and node_modules)
	rm -rf site generated .pytest_cache

lock: setup ## re-pin requirements.txt from requirements.in
	$(PY) -m pip install --quiet pip-tools
	$(PY) -m piptools compile --quiet --strip-extras --no-emit-index-url --no-emit-find-links \
		--output-file requirements.txt requirements.in

check-page: setup ## the checks of one question: make check-page STEM=q09_precision_recall
	@test -n "$(STEM)" || { echo "usage: make check-page STEM=qNN_topic"; exit 2; }
	GUIDE_ONLY=$(STEM) $(PY) -m pytest -n 0 -k "$(STEM)" tests docs/questions/$(STEM).md
