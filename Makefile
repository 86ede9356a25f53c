# msnb — two commands for a fresh Debian machine with Swift 6.3:
#   make demo   set up, build, run the tour notebook and show its output
#   make test   set up, build, run the whole test suite, the browser test of charts, and check every notebook
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MSNB := .build/debug/msnb

PREFIX ?= $(HOME)/.local
CONFIG ?= release

.PHONY: setup browser-setup build demo test bench notebooks reports clean install uninstall test-install test-reports test-jupyter fuzz fuzz-build fuzz-run

# Debian packages the build and tests need, each with a file that shows it is installed:
#   libedit-dev (REPL line editor), libcmark-gfm(-extensions)-dev (Markdown → HTML reports),
#   help2man (the man page made from --help), libreadstat-dev (SPSS/Stata/SAS files), libxlsxwriter-dev (.xlsx),
#   libzmq3-dev (the Jupyter kernel's sockets), libssl-dev (HMAC-SHA256 signatures of Jupyter messages).
APT_NEEDS := /usr/include/editline/readline.h:libedit-dev \
             /usr/include/zmq.h:libzmq3-dev \
             /usr/include/openssl/hmac.h:libssl-dev \
             /usr/include/cmark-gfm.h:libcmark-gfm-dev \
             /usr/include/cmark-gfm-core-extensions.h:libcmark-gfm-extensions-dev \
             /usr/bin/help2man:help2man \
             /usr/include/readstat.h:libreadstat-dev \
             /usr/include/xlsxwriter.h:libxlsxwriter-dev \
             /usr/include/libxml2/libxml/parser.h:libxml2-dev \
             /usr/bin/pkg-config:pkg-config

# Installs what a fresh machine lacks (idempotent; quick when everything is there).
setup:
	@missing=""; for need in $(APT_NEEDS); do f=$${need%%:*}; p=$${need##*:}; [ -e "$$f" ] || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
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

# A project-local virtualenv with the Python test tools (Tests/requirements.txt); remade only when
# the requirements change.
VENV := .venv
$(VENV)/.ok: Tests/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check -r Tests/requirements.txt
	touch $@

test: build $(VENV)/.ok browser-setup
	swift test --skip-build
	python3 Tests/Browser/check_figures.py $(MSNB) out/browser
	$(MSNB) check Notebooks
	@for lab in Notebooks/labs/*.msnb; do out=$$($(MSNB) grade "$$lab") || { echo "$$out"; echo "$$lab: its answer key does not score full marks"; exit 1; }; echo "$$lab:$$(echo "$$out" | tail -1 | sed 's/^ *total//')"; done
	$(MAKE) --no-print-directory test-jupyter
	$(MAKE) --no-print-directory test-install
	$(MAKE) --no-print-directory test-reports
	@# 60 s of fuzzing in all (12 s a target) by the smoke fuzzer: mutations of the seed corpora without
	@# coverage feedback, so it needs no sanitizer build (make fuzz is the coverage-guided libFuzzer run).
	@# The seed is the commit's (its first 15 hex digits), so a clean clone of a commit mutates the same
	@# inputs as the check made before it was pushed, and each new commit explores new ones; SMOKE_SEED=N
	@# chooses another, and outside a git checkout the seed is random.
	.build/debug/FuzzSmoke --seconds $(SMOKE_SECONDS) --root Fuzz $(SMOKE_SEED_OPTION)

# The Jupyter kernel (docs/jupyter.md): jupyter_kernel_test conformance, protocol tests (interrupt, bad
# signatures, heartbeat, stop_on_error, restart) and nbclient on Notebooks/jupyter/tour.ipynb against a
# golden copy, with the kernelspec installed into the virtualenv's prefix.
test-jupyter: $(VENV)/.ok
	$(MSNB) kernel install --prefix $(VENV)
	$(VENV)/bin/python -m pytest -q Tests/jupyter

# Every notebook as HTML, validated (html5lib strict) and screenshot in headless Chromium.
test-reports: $(VENV)/.ok
	@command -v chromium >/dev/null || { echo "installing chromium"; $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }
	@rm -rf out/test-reports
	$(MSNB) run Notebooks --out out/test-reports --format html >/dev/null
	$(VENV)/bin/python Tests/Browser/check_reports.py out/test-reports

# Installs the debug build into a scratch prefix and runs it from an empty folder: the standard
# library is compiled in, and the man page and completion scripts are where they belong.
test-install:
	@rm -rf out/install-test && mkdir -p out/install-test/empty
	@$(MAKE) --no-print-directory install CONFIG=debug PREFIX=$(CURDIR)/out/install-test >/dev/null
	@cd out/install-test/empty && printf 'use likert\ncentre5(5)\n' | env -u MSNB_STDLIB ../bin/msnb | grep -qx 2 \
	  || { echo "test-install: the installed msnb did not run its standard library"; exit 1; }
	@for f in bin/msnb share/man/man1/msnb.1 share/bash-completion/completions/msnb share/zsh/site-functions/_msnb \
	          share/fish/vendor_completions.d/msnb.fish share/jupyter/kernels/msnb/kernel.json; do \
	  [ -s out/install-test/$$f ] || { echo "test-install: $$f missing"; exit 1; }; done
	@grep -q '^.SH DESCRIPTION\|^.SH SYNOPSIS\|^.SH "SYNOPSIS"' out/install-test/share/man/man1/msnb.1 || { echo "test-install: man page has no sections"; exit 1; }
	@echo "test-install: ok (installed into out/install-test, ran from an empty folder)"

# Installs msnb (a release build by default) with its man page, shell completions and Jupyter kernelspec under PREFIX
# (default ~/.local); `make uninstall` removes them.
install: setup
	swift build -c $(CONFIG) --product msnb
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
	  $(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/$(CONFIG)/msnb $(PREFIX)/bin/msnb
	help2man --no-info --no-discard-stderr --name="notebook-style analysis kernel and REPL for MSME research" \
	  --output=$(PREFIX)/share/man/man1/msnb.1 $(PREFIX)/bin/msnb
	$(PREFIX)/bin/msnb --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/msnb
	$(PREFIX)/bin/msnb --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_msnb
	$(PREFIX)/bin/msnb --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/msnb.fish
	$(PREFIX)/bin/msnb kernel install --prefix $(PREFIX)

uninstall:
	rm -f $(PREFIX)/bin/msnb $(PREFIX)/share/man/man1/msnb.1 $(PREFIX)/share/bash-completion/completions/msnb \
	  $(PREFIX)/share/zsh/site-functions/_msnb $(PREFIX)/share/fish/vendor_completions.d/msnb.fish
	rm -rf $(PREFIX)/share/jupyter/kernels/msnb

# libFuzzer targets (Fuzz/Package.swift), with AddressSanitizer and the coverage flags Swift 6.3 needs.
FUZZ_SECONDS ?= 300
SMOKE_SECONDS ?= 60
SMOKE_SEED ?= $(shell h=$$(git rev-parse HEAD 2>/dev/null | cut -c1-15) && [ -n "$$h" ] && echo $$((16#$$h)))
SMOKE_SEED_OPTION := $(if $(SMOKE_SEED),--seed $(SMOKE_SEED))
FUZZ_TARGETS := csv:FuzzCSV parser:FuzzParser notebook:FuzzNotebook evaluator:FuzzEvaluator jupyter:FuzzJupyter
# (Through -Xswiftc rather than --sanitize: SwiftPM then links the package's build tool with its own
# entry point; see Sources/BuildInfoTool.)
FUZZ_BUILD := -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
	-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp

fuzz-build: setup
	cd Fuzz && swift build $(FUZZ_BUILD)

# Runs every target for FUZZ_SECONDS from its seed corpus (Fuzz/Corpus/NAME) and its working corpus
# (Fuzz/.work/NAME, not committed). The Jupyter target runs without LeakSanitizer: its interpreter, made
# once, is reachable only through Swift enum payloads whose tagged pointers LeakSanitizer cannot follow,
# so it would be reported as leaked. The hang timeout is wall-clock time: 120 s, because on a loaded machine
# a seed that takes 0.2 s of CPU has taken over 20 s. A crash or hang is written to Fuzz/Regressions/NAME/: commit it,
# and `make test` replays it ever after (Tests/MSNFuzzTests). Figures: Fuzz/.work/NAME.log, docs/fuzzing.md.
fuzz-run:
	@for pair in $(FUZZ_TARGETS); do \
	  name=$${pair%%:*}; bin=$${pair##*:}; \
	  mkdir -p Fuzz/.work/$$name Fuzz/Regressions/$$name; \
	  leaks=1; [ $$name = jupyter ] && leaks=0; \
	  ASAN_OPTIONS=detect_leaks=$$leaks nice Fuzz/.build/debug/$$bin -max_total_time=$(FUZZ_SECONDS) -timeout=120 -rss_limit_mb=4096 -max_len=4096 -detect_leaks=$$leaks \
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
	  r=out/render/$$dir/$$base; rm -rf "$$r"; \
	  $(MSNB) run "$$nb" --out "$$r" && cp "$$r/$$base.md" "$$dir/$$base.md" || exit 1; \
	  rm -rf "$$dir/$${base}_files"; \
	  if [ -d "$$r/$${base}_files" ]; then cp -r "$$r/$${base}_files" "$$dir/"; fi; \
	done

# Every notebook as a self-contained HTML report under out/html/ (open them in a browser).
reports: setup
	swift build --product msnb
	$(MSNB) run Notebooks --out out/html --format html

# Release-build benchmarks; see Benchmarks/README.md.
bench: setup
	swift build -c release --product MSNBench
	mkdir -p Benchmarks/out
	[ -f Benchmarks/out/firms_1m.csv ] || .build/release/MSNBench gen --rows 1000000 --out Benchmarks/out/firms_1m.csv
	.build/release/MSNBench table Benchmarks/out/firms_1m.csv | tee Benchmarks/out/msnb_table.json
	.build/release/MSNBench sem | tee Benchmarks/out/msnb_sem.txt
	-python3 Benchmarks/peers_table.py Benchmarks/out/firms_1m.csv Benchmarks/out/msnb_table.json
	[ -f Benchmarks/out/panel_1m.csv ] || .build/release/MSNBench panel-gen --firms 100000 --out Benchmarks/out/panel_1m.csv
	.build/release/MSNBench panel Benchmarks/out/panel_1m.csv | tee Benchmarks/out/msnb_panel.json
	-python3 Benchmarks/peers_panel.py Benchmarks/out/panel_1m.csv pyfixest
	-python3 Benchmarks/peers_panel.py Benchmarks/out/panel_1m.csv linearmodels

clean:
	rm -rf .build out
