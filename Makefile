# msnb — two commands for a fresh Debian machine with Swift 6.3:
#   make demo   set up, build, run the tour notebook and show its output
#   make test   set up, build, run the whole test suite and check every notebook
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
MSNB := .build/debug/msnb
VENV := .venv
# Python packages for the Jupyter kernel tests (a project-local virtualenv, not committed).
JUPYTER_TEST_PACKAGES := jupyter_kernel_test==0.7.0 jupyter_client==8.10.0 nbclient==0.11.0 nbformat==5.11.1 pyzmq==27.3.0 pytest==9.2.0

.PHONY: setup build demo test bench notebooks clean jupyter-test

# Installs what a fresh machine lacks: libedit-dev (the REPL's line editor), libzmq3-dev (the Jupyter
# kernel's sockets), libssl-dev (HMAC-SHA256 for Jupyter message signatures).
setup:
	@if ! [ -f /usr/include/editline/readline.h ]; then \
	  echo "installing libedit-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libedit-dev pkg-config >/dev/null; \
	fi
	@if ! [ -f /usr/include/zmq.h ] || ! [ -f /usr/include/openssl/hmac.h ]; then \
	  echo "installing libzmq3-dev libssl-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libzmq3-dev libssl-dev >/dev/null; \
	fi

# The virtualenv for the Jupyter tests; quick when it is already there.
$(VENV)/.ready:
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install -q $(JUPYTER_TEST_PACKAGES)
	touch $@

# The Jupyter kernel's tests: conformance (jupyter_kernel_test), protocol, and nbclient on the example notebook,
# against the kernelspec installed into the virtualenv's prefix.
jupyter-test: $(VENV)/.ready
	$(MSNB) kernel install --prefix $(VENV)
	$(VENV)/bin/python -m pytest -q Tests/jupyter

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
	$(MAKE) jupyter-test

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
	rm -rf .build out $(VENV)
