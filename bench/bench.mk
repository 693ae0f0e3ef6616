# Included by the top-level Makefile, which defines PY and STAMP.
#   make bench        generate (once) and measure 10,000 and 100,000 rows; print the tables
#   make bench-quick  10,000 rows only
# Generated files go to bench/out/ (gitignored); they are written again when the generator
# changes (bench/generate.py VERSION). The naive way is measured at 10,000 rows and
# extrapolated at 100,000; `make bench BENCH_ARGS=--naive-full` runs it (about 100 s more).
# Each timed step runs three times and the table shows the median (BENCH_ARGS=--repeat N).
# Two cases: sessions (teachers, courses, sessions, interventions) and registrations (courses,
# learners, registrations); `make bench BENCH_ARGS="--case registrations"` runs one of them.
# A third, the million case (issue 18): a 1,000,000-row registrations CSV (against a store
# holding its courses and learners), then the 1,000,000-row training-course CSV, timed against
# the csv module's floor; `make bench BENCH_ARGS="--case million"` runs it alone
# (`--million-rows N` for another size).
# A fourth, the browser case: the store browser's sort by name and searches ("eric", "Dupré")
# over 1,000,000 learners with French names, about half accented, on SQLite and on the
# bench's PostgreSQL cluster, each beside the engine's own sort or search folding case alone
# (`--case browser`, `--browser-learners N`; 2.5 minutes).
# Byte-code is compiled first, as an installed application has it (some shells set
# PYTHONDONTWRITEBYTECODE, which would make every measured process compile the package).
.PHONY: bench bench-quick bench-compile

bench-compile: $(STAMP)
	$(PY) -m compileall -q importer_gui

bench: bench-compile
	$(PY) -m bench.run 10000 100000 $(BENCH_ARGS)

bench-quick: bench-compile
	$(PY) -m bench.run 10000 $(BENCH_ARGS)
