# Two commands set everything up on a fresh machine:
#   make site   build site/ from the shipped content
#   make test   run the whole test suite
# Both create .venv (if missing) and install the pinned versions from constraints.txt.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test serve check bench clean

site: $(STAMP)
	$(BIN)/healthsite build

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

serve: $(STAMP)
	$(BIN)/healthsite serve --allow-overdue --addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/healthsite check

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site .site-* $(VENV) .pytest_cache
