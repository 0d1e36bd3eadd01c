# Two commands set everything up on a fresh machine:
#   make site   build site/ from the shipped content
#   make test   run the whole test suite
#   make fuzz   10,000 generated inputs for the importer and the content loader
#   make screenshots  approve the current design: rewrite the screenshots in tests/visual/
#   make dist   the package as a wheel and an sdist in dist/ (what `pip install healthsite` installs)
# Each creates .venv (if missing) and installs the pinned versions from constraints.txt.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
VNU    := tests/html-checker/node_modules/vnu-jar/build/dist/vnu.jar
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test fuzz serve check screenshots dist clean

site: $(STAMP)
	$(BIN)/healthsite build

test: $(STAMP) $(VNU)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# 10,000 generated inputs for the importer and the loader (make test runs 2,000 under CI=true).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py --hypothesis-show-statistics $(PYTEST_ARGS)

# After an intended design change: rewrite the approved screenshots in tests/visual/.
screenshots: $(STAMP)
	HEALTHSITE_UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests/test_visual.py $(PYTEST_ARGS)

dist: $(STAMP)
	rm -rf dist
	$(BIN)/python -m build --outdir dist

serve: $(STAMP)
	$(BIN)/healthsite serve --allow-overdue --addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/healthsite check

# The W3C HTML checker for tests/test_html_valid.py, pinned by its lock file. Without npm the
# test says so (and fails under CI=true, where .ci/run installs npm and Java).
$(VNU): tests/html-checker/package-lock.json
	@if command -v npm >/dev/null; then npm ci --prefix tests/html-checker --ignore-scripts --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: the HTML checker test will be skipped"; fi

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf site .site-* dist $(VENV) .pytest_cache .hypothesis
