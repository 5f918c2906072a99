# modelprivacy: `make demo` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo demo-full test lint typecheck check bench bench-sacro clean browser pandoc

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The short demo (under a minute after set-up); demo-full audits three models on all of Adult.
demo: $(STAMP)
	$(BIN)/python -m modelprivacy.demo --quick

demo-full: $(STAMP)
	$(BIN)/python -m modelprivacy.demo

# The HTML report is tested in a real headless Chromium (Debian's package).
browser:
	@command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || \
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; } || \
	echo "warning: could not install chromium (apt-get as root); the browser test is skipped locally and fails under CI"

# skops.card.parse_modelcard (the model-card tests) needs pandoc (Debian's package).
pandoc:
	@command -v pandoc >/dev/null 2>&1 || \
	{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pandoc >/dev/null; } || \
	echo "warning: could not install pandoc (apt-get as root); the model-card tests are skipped locally and fail under CI"

# Tests run on TEST_JOBS worker processes (pytest-xdist), each test file on one worker so that
# its module fixtures are built once.
TEST_JOBS ?= 2
test: $(STAMP) browser pandoc
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/mypy
	$(BIN)/python -m pytest -q -n $(TEST_JOBS) --dist loadfile

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/inspect_speed.py
	$(BIN)/python benchmarks/mia_digits.py
	$(BIN)/python benchmarks/lira_k.py
	$(BIN)/python benchmarks/lira_variance.py
	$(BIN)/python benchmarks/mia_vs_art.py
	$(BIN)/python benchmarks/mia_vs_art.py --datasets adult --adult-rows 0 --name mia_vs_art_adult_full \
		--targets RandomForest DecisionTree HistGradientBoosting LogisticRegression MLP
	$(BIN)/python benchmarks/sacro_reference.py
	$(BIN)/python benchmarks/audit_time.py
	$(BIN)/python benchmarks/sanitize_adult.py
	$(BIN)/python benchmarks/gbdt_inspect.py
	$(BIN)/python benchmarks/mia_gbdt.py $(if $(wildcard $(SACRO_PY)),--sacro-python $(SACRO_PY))
	$(BIN)/python benchmarks/label_only_vs_art.py
	$(BIN)/python benchmarks/scale.py --sizes 10000 30000 100000 --dask
	$(BIN)/python benchmarks/footprint.py

# SACRO-ML in its own venv (never a dependency of modelprivacy): CPU PyTorch pinned first
# (a plain torch requirement pulls the CUDA build), then sacroml and lightgbm.
SACRO_VENV := .venv-sacro
SACRO_PY := $(SACRO_VENV)/bin/python

$(SACRO_VENV)/.installed:
	$(PYTHON) -m venv $(SACRO_VENV)
	$(SACRO_PY) -m pip install --quiet --upgrade pip
	$(SACRO_PY) -m pip install --quiet torch==2.13.0
	$(SACRO_PY) -m pip install --quiet sacroml==2.0.1 lightgbm
	touch $@

bench-sacro: $(STAMP) $(SACRO_VENV)/.installed
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python benchmarks/mia_gbdt.py --sacro-python $(SACRO_PY)
	$(BIN)/python benchmarks/mia_vs_peers.py --sacro-python $(SACRO_PY)

clean:
	rm -rf $(VENV) $(SACRO_VENV) build dist .pytest_cache .mypy_cache .ruff_cache
