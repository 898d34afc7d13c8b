# The README's two commands. Each one installs the missing Debian packages first
# (scripts/install-deps), so it works on a fresh Debian 12 machine.
#   make run   build, then run the kiosk on the simulator (a window with a display, else the
#              headless demo that writes out/screens/*.png)
#   make test  build under ASan+UBSan (g++) and with clang 14, run the whole ctest suite
#   make screens  regenerate the screen gallery and reference images, docs/screens/ (docs/ui.md)
#   make deb   the release build packaged as build/kiosk_<version>_<arch>.deb (docs/deployment.md)
SHELL := /bin/bash
JOBS ?= $(shell nproc)
KIOSK_ARGS ?=

.PHONY: run test deps build deb test-asan test-clang bench flow-diagram screens format clean

deps:
	@scripts/install-deps

build: deps
	@cmake --preset release > /dev/null
	@cmake --build --preset release -j $(JOBS)

# cpack installs what `build` made and builds nothing itself (cmake/Packaging.cmake).
deb: build
	@cd build && cpack -G DEB

run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
	  build/bin/kiosk --sim --config kiosk/config/sim.toml $(KIOSK_ARGS); \
	else \
	  build/bin/kiosk --sim --headless --config kiosk/config/sim.toml $(KIOSK_ARGS); \
	fi

test: deps test-asan test-clang

test-asan:
	@cmake --preset asan > /dev/null
	@cmake --build --preset asan -j $(JOBS)
	@ctest --preset asan

# clang 14 builds everything warning-free too, and runs the suite plus each fuzzer for a bounded time.
test-clang:
	@cmake --preset clang > /dev/null
	@cmake --build --preset clang -j $(JOBS)
	@ctest --preset clang

bench: build
	@build/bin/kiosk_bench

# Regenerates docs/flow/<diagram>.dot and .svg from the transition table, one pair per name
# `kioskctl flow diagrams` lists (needs graphviz; flow_diagram_tests fail while they are stale).
flow-diagram: build
	@mkdir -p docs/flow && rm -f docs/flow/*.dot docs/flow/*.svg
	@for name in $$(build/bin/kioskctl flow diagrams | cut -d' ' -f1); do \
	  build/bin/kioskctl flow dot --diagram $$name > docs/flow/$$name.dot && \
	  dot -Tsvg docs/flow/$$name.dot -o docs/flow/$$name.svg || exit 1; \
	done
	@echo "docs/flow/*.dot and *.svg written"

# Regenerates docs/screens/ (the gallery and the reference images of ui_reference_tests) from
# ui/gallery.cpp's samples; review the image diff before committing. Layout errors (ui_preview
# exit 3) are listed at the top of docs/screens/README.md and do not stop the target.
screens: deps
	@cmake --preset release > /dev/null
	@cmake --build --preset release -j $(JOBS) --target ui_preview
	@rm -rf docs/screens
	@build/bin/ui_preview docs/screens; rc=$$?; \
	  if [ $$rc -eq 3 ]; then echo "screens: some screens have layout errors (listed in docs/screens/README.md)"; \
	  elif [ $$rc -ne 0 ]; then exit $$rc; fi
	@du -sh docs/screens | sed 's/\t.*/ in docs\/screens/'

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build out
