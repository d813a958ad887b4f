# Two commands do all the set-up on a fresh machine:
#   make serve   installs Concord into .venv and serves the API on http://127.0.0.1:8000
#   make test    installs the test tools and runs the linters and the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve install install-dev test lint bench clean

serve: install
	$(BIN)/concord serve --host $(HOST) --port $(PORT)

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

# torch first and pinned: the 2.13.0 CPU build. Asked for later, through sentence-transformers,
# pip would pull a multi-gigabyte CUDA build.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

lint: install-dev
	$(BIN)/ruff check service embeddings tests
	$(BIN)/mypy service embeddings

test: install-dev lint
	$(BIN)/pytest -q

bench: install
	$(BIN)/concord bench quality
	$(BIN)/concord bench extraction

clean:
	rm -rf $(VENV) data .pytest_cache .mypy_cache .ruff_cache
