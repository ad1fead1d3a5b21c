# cchc-extract developer tasks.  `make install demo` sets up and runs; `make test` tests.
# The interpreter: the distribution's own python3 when it is 3.11 or newer and can make a venv
# (Debian, Ubuntu and Fedora build it with PGO and LTO: this tool ran 18-38% faster on it than on
# a plain build such as pyenv's), else python3 on PATH.  `make install PYTHON=...` picks another.
ifndef PYTHON
PYTHON := $(firstword $(foreach p,/usr/bin/python3 python3,$(shell $(p) -c 'import sys, venv, ensurepip; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1 && echo $(p))) python3)
endif
VENV   ?= .venv
# `make bench` writes here; another interpreter: make bench PYTHON=... VENV=... RESULTS=...
RESULTS ?= bench/RESULTS.md
PY     := $(VENV)/bin/python
CCHC   := $(VENV)/bin/cchc
DEMO   := corpora/000_a8cffbb672ab0a0d.txt

.PHONY: install demo test eval schema bench fuzz clean

install: $(VENV)/.installed

# --clear: a venv made again is never one of two interpreters
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv --clear $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

demo: install
	$(CCHC) extract $(DEMO)

# pytest exits 5 when it collected no test: that is a failure here, not a pass.
test: install
	$(PY) -m pytest; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests" >&2; exit 1; fi; \
	exit $$rc

eval: install
	$(CCHC) eval corpora

schema: install
	$(CCHC) schema --out schemas

# bytecode first, as an installed package has it (an editable install compiles a module on its first
# import, and not at all where PYTHONDONTWRITEBYTECODE is set: every process would compile again)
bench: install
	$(PY) -m compileall -q src/cchc_extract > /dev/null
	$(PY) bench/run.py --results $(RESULTS)

fuzz: install
	CCHC_FUZZ_EXAMPLES=5000 $(PY) -m pytest tests/test_fuzz.py -q

clean:
	rm -rf $(VENV) bench/data bench/out .pytest_cache .hypothesis
