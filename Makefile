# msnb — two commands for a fresh Debian machine with Swift 6.3:
#   make demo   set up, build, run the tour notebook and show its output
#   make test   set up, build, run the whole test suite, the browser test of charts, and check every notebook
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MSNB := .build/debug/msnb

.PHONY: setup browser-setup build demo test bench notebooks clean

# Installs what a fresh machine lacks: libedit-dev (for the REPL's line editor).
setup:
	@if ! [ -f /usr/include/editline/readline.h ]; then \
	  echo "installing libedit-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi

# Installs Debian's chromium (headless) for the browser test of charts (Tests/Browser/check_figures.py).
browser-setup:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  echo "installing chromium (for the browser test of charts)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; \
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

test: build browser-setup
	swift test --skip-build
	python3 Tests/Browser/check_figures.py $(MSNB) out/browser
	@if ls Notebooks/*.msnb >/dev/null 2>&1; then \
	  for nb in $$(find Notebooks -name '*.msnb' | sort); do $(MSNB) check "$$nb" || exit 1; done; \
	fi

# Re-render every notebook's committed Markdown (after a deliberate change of its numbers).
notebooks: setup
	swift build --product msnb
	@for nb in $$(find Notebooks -name '*.msnb' | sort); do \
	  dir=$$(dirname "$$nb"); base=$$(basename "$$nb" .msnb); \
	  $(MSNB) run "$$nb" --out out/render/$$base && cp out/render/$$base/$$base.md "$$dir/$$base.md" || exit 1; \
	  rm -rf "$$dir/$${base}_files"; \
	  if [ -d out/render/$$base/$${base}_files ]; then cp -r out/render/$$base/$${base}_files "$$dir/"; fi; \
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
