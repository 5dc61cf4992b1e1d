# comrt — the commands the README promises.  Every target installs what it
# needs first (scripts/bootstrap.sh), so they work on a fresh Debian machine.

VENV    := .venv
PY      := $(VENV)/bin/python
MESON   := $(VENV)/bin/meson
BUILD   := build
ASAN    := build-asan
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)

.PHONY: all deps build python-install test test-c test-python test-asan test-python-asan test-tsan demo bench fuzz goldens typelib-fixtures clean

all: build

deps:
	@scripts/bootstrap.sh

$(BUILD)/build.ninja: | deps
	$(MESON) setup $(BUILD) --buildtype=debugoptimized

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

# The Python package, built by meson-python and installed into the venv.
python-install: deps
	$(PY) -m pip install -q --disable-pip-version-check --no-build-isolation .

test: test-c test-python test-asan test-python-asan

test-c: build
	$(MESON) test -C $(BUILD) --print-errorlogs

test-python: python-install
	$(PY) -m pytest -q tests/python

$(ASAN)/build.ninja: | deps
	$(MESON) setup $(ASAN) --buildtype=debug -Db_sanitize=address,undefined -Db_lundef=false

test-asan: deps $(ASAN)/build.ninja
	$(MESON) compile -C $(ASAN)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	    $(MESON) test -C $(ASAN) --print-errorlogs

# The threaded C tests under ThreadSanitizer (not part of `make test`: slow,
# and the ASan build already runs them; run it after touching apartments,
# proxies, the GIT or anything with a lock).
TSAN_TESTS := apartment events aptproxy activation gitable marshal_thread hgstream connpt rot moniker \
	mkparse tlbreg sample_server dispinvoke regconcurrency
test-tsan: deps
	@test -f build-tsan/build.ninja || $(MESON) setup build-tsan --buildtype=debug -Db_sanitize=thread -Db_lundef=false >/dev/null
	$(MESON) compile -C build-tsan
	TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 $(MESON) test -C build-tsan --print-errorlogs $(TSAN_TESTS)

# The Python tests again, against libcomrt and the extension built with ASan+UBSan.
test-python-asan: deps
	scripts/test_python_asan.sh

demo: build python-install
	$(PY) examples/demo.py
	@echo "== examples/sample_server: a COM server in C, registered, used from an STA and the MTA, unregistered"
	$(BUILD)/examples/regsvr $(BUILD)/examples/sample_server.so
	@rc=0; $(BUILD)/examples/sample_client || rc=1; $(BUILD)/examples/sample_client --mta || rc=1; \
	    $(BUILD)/examples/regsvr -u $(BUILD)/examples/sample_server.so; exit $$rc

bench: deps
	@test -f $(BUILD)-release/build.ninja || $(MESON) setup $(BUILD)-release --buildtype=release >/dev/null
	@$(MESON) compile -C $(BUILD)-release >/dev/null
	@for b in $(BUILD)-release/bench/bench_*; do if [ -f $$b ] && [ -x $$b ]; then $$b || exit 1; fi; done

fuzz:
	COMRT_WITH_FUZZ=1 scripts/bootstrap.sh
	scripts/fuzz.sh $(FUZZ_SECONDS)

goldens:
	scripts/gen_goldens.sh

# Rebuild the type-library corpus (tests/typelib/fixtures) from Wine and widl.
typelib-fixtures:
	scripts/gen_typelib_fixtures.sh

clean:
	rm -rf $(BUILD) $(ASAN) $(BUILD)-release build-fuzz build-pyasan build-tsan
