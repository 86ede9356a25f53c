# msnb — two commands for a fresh Debian machine with Swift 6.3:
#   make demo   set up, build, run the tour notebook and show its output
#   make test   set up, build, run the whole test suite and check every notebook
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MSNB := .build/debug/msnb

.PHONY: setup build demo test bench notebooks clean fuzz fuzz-build fuzz-run

# Installs what a fresh machine lacks: libedit-dev (for the REPL's line editor).
setup:
	@if ! [ -f /usr/include/editline/readline.h ]; then \
	  echo "installing libedit-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

build: setup
	swift build --build-tests

demo: setup
	swift build --product msnb
	@if [ -f Notebooks/01-tour.msnb ]; then \
	  $(MSNB) run Notebooks/01-tour.msnb --out out/tour --format txt && cat out/tour/01-tour.txt && \
	  echo && echo "(rendering written to out/tour/01-tour.txt; the Markdown one is Notebooks/01-tour.md)"; \
	else \
	  $(MSNB) inspect Notebooks/data/HolzingerSwineford1939.csv; \
	fi

test: build
	swift test --skip-build
	@if ls Notebooks/*.msnb >/dev/null 2>&1; then \
	  for nb in $$(find Notebooks -name '*.msnb' | sort); do $(MSNB) check "$$nb" || exit 1; done; \
	fi
	@# 60 s of fuzzing in all (15 s a target) when the fuzz targets are built; building them with
	@# sanitizers takes longer than the test budget, so a clean clone skips this (make fuzz builds them).
	@if [ -x Fuzz/.build/debug/FuzzCSV ]; then $(MAKE) --no-print-directory fuzz-run FUZZ_SECONDS=15; \
	else echo "fuzz targets not built: skipping the 60 s fuzz run (make fuzz builds and runs them)"; fi

# libFuzzer targets (Fuzz/Package.swift), with AddressSanitizer and the coverage flags Swift 6.3 needs.
FUZZ_SECONDS ?= 300
FUZZ_TARGETS := csv:FuzzCSV parser:FuzzParser notebook:FuzzNotebook evaluator:FuzzEvaluator
FUZZ_BUILD := -c debug --sanitize=fuzzer --sanitize=address \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

fuzz-build: setup
	cd Fuzz && swift build $(FUZZ_BUILD)

# Runs every target for FUZZ_SECONDS from its seed corpus (Fuzz/Corpus/NAME) and its working corpus
# (Fuzz/.work/NAME, not committed). A crash or hang is written to Fuzz/Regressions/NAME/: commit it,
# and `make test` replays it ever after (Tests/MSNFuzzTests). Figures: Fuzz/.work/NAME.log, docs/fuzzing.md.
fuzz-run:
	@for pair in $(FUZZ_TARGETS); do \
	  name=$${pair%%:*}; bin=$${pair##*:}; \
	  mkdir -p Fuzz/.work/$$name Fuzz/Regressions/$$name; \
	  Fuzz/.build/debug/$$bin -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 -max_len=4096 \
	    -dict=Fuzz/msnb.dict -print_final_stats=1 -artifact_prefix=Fuzz/Regressions/$$name/ \
	    Fuzz/.work/$$name Fuzz/Corpus/$$name > Fuzz/.work/$$name.log 2>&1; status=$$?; \
	  echo "$$name: $$(grep -o 'stat::number_of_executed_units: [0-9]*' Fuzz/.work/$$name.log | grep -o '[0-9]*$$') executions, $$(grep -o 'cov: [0-9]* ft: [0-9]*' Fuzz/.work/$$name.log | tail -1)"; \
	  if [ $$status -ne 0 ]; then echo "$$name: found a problem; see Fuzz/.work/$$name.log and Fuzz/Regressions/$$name/"; exit 1; fi; \
	done

fuzz: fuzz-build fuzz-run

# Re-render every notebook's committed Markdown (after a deliberate change of its numbers).
notebooks: setup
	swift build --product msnb
	@for nb in $$(find Notebooks -name '*.msnb' | sort); do \
	  dir=$$(dirname "$$nb"); base=$$(basename "$$nb" .msnb); \
	  $(MSNB) run "$$nb" --out out/render/$$base && cp out/render/$$base/$$base.md "$$dir/$$base.md" || exit 1; \
	done

# Release-build benchmarks; see Benchmarks/README.md.
bench: setup
	swift build -c release --product MSNBench
	mkdir -p Benchmarks/out
	[ -f Benchmarks/out/firms_1m.csv ] || .build/release/MSNBench gen --rows 1000000 --out Benchmarks/out/firms_1m.csv
	.build/release/MSNBench table Benchmarks/out/firms_1m.csv | tee Benchmarks/out/msnb_table.json
	.build/release/MSNBench sem | tee Benchmarks/out/msnb_sem.txt
	-python3 Benchmarks/peers_table.py Benchmarks/out/firms_1m.csv Benchmarks/out/msnb_table.json

clean:
	rm -rf .build out
