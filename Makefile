# Alliance 8.7 Hub. `make demo` serves the demo; `make test` runs every check.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
ADDR   ?= 127.0.0.1:8000
PG_URL ?= postgres://postgres@127.0.0.1:5432/alliance87_ci
TEST_REDIS_URL ?= redis://127.0.0.1:6379/15
# Settings for checks that must see production: debug off, a real key.
PROD_ENV := DEBUG=false HTTPS=true SECRET_KEY=check-deploy-$(shell date +%s)-not-a-real-secret-but-long-enough-for-django
DEV_ENV  := DEBUG=true

.PHONY: install demo test lint typecheck chromium pytest-sqlite pytest-postgres services bench bench-cache bench-scale bench-data bench-community bench-search mutations fuzz fuzz-api lock messages clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(BIN)/alliance87 demo --addr $(ADDR)

test: install lint typecheck
	$(DEV_ENV) DATABASE_URL=sqlite://:memory: $(BIN)/alliance87 makemigrations --check --dry-run
	$(PROD_ENV) $(BIN)/alliance87 check --deploy --fail-level WARNING
	$(MAKE) --no-print-directory pytest-sqlite
	$(MAKE) --no-print-directory pytest-postgres

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-logo --no-cache

typecheck: install
	$(BIN)/mypy alliance87 bench

# The browser tests (alliance87/browser/tests) drive Debian's Chromium
# through Playwright; Playwright's own browser downloads are not used.
CHROMIUM ?= /usr/bin/chromium
chromium:
	@test -x $(CHROMIUM) || { \
	  if [ "$$(id -u)" = 0 ]; then sudo=; \
	  elif command -v sudo >/dev/null; then sudo=sudo; \
	  else echo "$(CHROMIUM) is missing: install Debian's chromium package as root" >&2; exit 1; fi; \
	  $$sudo apt-get update && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

pytest-sqlite: install chromium
	$(BIN)/pytest -n 2 -q -m "not mutations"

# PostgreSQL, with the Redis cache on: the scale tier. pytest-django
# creates and drops a throw-away test database. The tools' own tests run
# their matrix on SQLite whatever the database: once is enough. So do the
# browser tests: they check what the browser shows (the same templates and
# styles on either database), and run on SQLite only to keep `make test`
# within its time.
# The suite's task tests read the database queue; the RQ tier's own tests
# (core/tests/test_rq.py) choose RQ themselves, on a Redis of their own.
pytest-postgres: install services
	DATABASE_URL=$(PG_URL) REDIS_URL=$(TEST_REDIS_URL) TASKS_BACKEND=database $(BIN)/pytest -n 2 -q -m "not browser and not api_fuzz" alliance87

services:
	@.ci/services

bench: install
	$(BIN)/python bench/run.py

# The page cache's hit rate under 95% reads and 5% writes (issue 16's goal:
# at least 85%); a few minutes. Not part of make test.
bench-cache: install
	$(BIN)/python bench/cache_mix.py

# The Hub grown to issue 16's sizes (50,000 organisations, 20,000 meetings,
# ...; FACTOR=0.1 for a tenth): every page's CPU, weight and queries at demo
# size and grown, and the cache under 95/5 reads and writes. The grown
# database is kept in bench/out/scale/ for the next run. DATABASE=postgres
# for PostgreSQL and Redis. Long (generation, then measurement); niced, so
# others' work keeps its share. Not part of make test.
FACTOR ?= 1
DATABASE ?= sqlite
bench-scale: install
	nice -n 10 $(BIN)/python bench/scale.py --factor $(FACTOR) --database $(DATABASE)

# Statistics at issue 14's sizes (200 indicators x 200 geographies x 30 years
# x 5 breakdowns x 3 editions: 18 million observations; FACTOR=0.01 for 2
# indicators of the 200): the country profile's and /data/'s CPU at demo
# size and grown, and an import of 100,000 and 1,000,000 rows (rows per
# second, peak memory). The grown database is kept in bench/out/data_scale/
# (or as alliance87_h8_scale) for the next run. DATABASE=postgres for
# PostgreSQL and Redis. Long; niced. Not part of make test.
bench-data: install
	nice -n 10 $(BIN)/python bench/data_scale.py --factor $(FACTOR) --database $(DATABASE)

# The community at issue 13's sizes (a space of 100,000 threads, a thread of
# 2,000 replies: FACTOR=0.01 for a hundredth), against a space of 100 threads
# and a thread of 20 replies: each page's CPU and queries, the queries of
# posting a reply, and a digest for 1,000 and 10,000 subscribers (digests per
# second, peak memory). The grown databases are kept in bench/out/community/
# (or as alliance87_communitybench*) for the next run. DATABASE=postgres for
# PostgreSQL and Redis db 8. Niced. Not part of make test.
bench-community: install
	nice -n 10 $(BIN)/python bench/community.py --factor $(FACTOR) --database $(DATABASE)

# The site search at a million documents on SQLite and PostgreSQL (long: the
# corpus is generated and indexed; DOCS=100000 for a shorter run). Not part
# of make test.
DOCS ?= 1000000
bench-search: install services
	$(BIN)/python bench/search.py --docs $(DOCS)

# Schemathesis against the API, long: over 1,000 generated cases for each
# persona (anonymous, partner, focal point, Secretariat). make test runs a
# short pass (API_FUZZ_EXAMPLES=2) on SQLite.
fuzz-api: install
	API_FUZZ_EXAMPLES=60 API_FUZZ_COVERAGE=all $(BIN)/pytest -n 2 -q -s -m api_fuzz alliance87/api

# Remove each visibility check in turn and run the matrix against it; writes
# docs/visibility-matrix.md (about an hour on two cores).
# Each outcome is kept in docs/visibility-matrix.json as it comes: run
# again (after an interruption, or on a later tree), only the sites whose
# file changed are run again, unless the matrix changed (then all are).
# Remove the file to start afresh.
mutations: install
	$(BIN)/pytest -q -m mutations tools/tests
	$(BIN)/python -m tools.mutations --json docs/visibility-matrix.json --resume

# The form fuzz of make test, with many more examples per form (minutes).
fuzz: install
	FUZZ_EXAMPLES=200 $(BIN)/pytest -n 2 -q alliance87/core/tests/test_forms_fuzz.py

lock:
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --extra dev --strip-extras \
	  --output-file requirements.lock pyproject.toml

# Extract from the repository root, so that the top-level templates/ are
# read too; core/tests/test_translations.py reads its --ignore list here.
# Compile from alliance87/, so that the .venv's catalogues are left alone.
messages: install
	$(DEV_ENV) $(BIN)/alliance87 makemessages -l fr -l es --no-obsolete \
	  --ignore ".venv/*" --ignore "var/*" --ignore "bench/*" --ignore "*/migrations/*" \
	  --ignore "node_modules/*" --ignore "*.egg-info/*"
	cd alliance87 && $(DEV_ENV) ../$(BIN)/alliance87 compilemessages

clean:
	rm -rf $(VENV) var/static
