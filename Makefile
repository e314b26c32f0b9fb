# Two ways in: `make report` (the batch report over seeds/) and `make test` (every test).
# Both create the virtual environment from the pinned lock file when it is missing or stale.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

ARTICLES ?= seeds
REPORTS  ?= reports

.PHONY: report test lab notebooks extract benchmark parser clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip==26.3"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

report: $(STAMP)
	$(BIN)/python -m helpers report $(ARTICLES) --out $(REPORTS)

test: $(STAMP)
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-current-env \
		--nbval-sanitize-with tests/nbval_sanitize.cfg

lab: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter lab

# Re-execute the notebooks in place over seeds/ (commit their outputs: nbval compares them).
# Outputs nbval does not compare (tag nbval-ignore-output: the graph to explore, a megabyte of
# JavaScript with fresh ids on every run) are not committed: they appear when the notebook runs.
notebooks: $(STAMP)
	cd notebooks && for notebook in [0-9][0-9]-*.ipynb; do \
		../$(BIN)/jupyter nbconvert --to notebook --execute --inplace "$$notebook" || exit 1; \
		../$(BIN)/jupyter nbconvert --to notebook --inplace --TagRemovePreprocessor.enabled=True \
			--TagRemovePreprocessor.remove_all_outputs_tags=nbval-ignore-output "$$notebook" || exit 1; done

extract: $(STAMP)
	$(BIN)/python -m helpers extract $(ARTICLES) --out data/processed

# The parser alone beside the whole extraction, and the extraction over the corpus copied SCALE
# times: time, articles and tokens per second, peak memory (python -m helpers benchmark). Over a
# synthetic corpus of SIZE articles, made once into .cache/benchmark-SIZE by
# scripts/synthetic_corpus.py; `make benchmark ARTICLES=folder` measures that folder instead.
benchmark: SIZE ?= 1000
benchmark: SCALE ?= 4
benchmark: JOBS ?= 1
benchmark: $(STAMP)
	if [ "$(origin ARTICLES)" = file ]; then corpus=.cache/benchmark-$(SIZE); \
		test -d $$corpus || $(BIN)/python scripts/synthetic_corpus.py seeds tests/fixtures/events \
			tests/fixtures/heldout tests/fixtures/blind $$corpus --articles $(SIZE) || exit 1; \
	else corpus="$(ARTICLES)"; fi; \
	$(BIN)/python -m helpers benchmark "$$corpus" --scale $(SCALE) --jobs $(JOBS)

# Retrain the dependency parser in models/en_standoff_ud from a UD English-EWT treebank folder
# (en_ewt-ud-{train,dev,test}.conllu); about two hours on two cores.
parser: $(STAMP)
	@test -n "$(TREEBANK)" || { echo "usage: make parser TREEBANK=path/to/UD_English-EWT" >&2; exit 2; }
	$(BIN)/python scripts/train_parser.py $(TREEBANK) --out models/en_standoff_ud

clean:
	rm -rf $(VENV) $(REPORTS) .pytest_cache
