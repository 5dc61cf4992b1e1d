#!/usr/bin/env bash
# Runs the Python tests against a copy of the package built with ASan and
# UBSan (libcomrt and the _comrt extension both instrumented), so memory
# errors in the binding or the runtime fail the suite.  The sanitizer
# runtimes are preloaded because the python executable itself is not built
# with them.  Leak detection stays off: CPython keeps interned objects to the
# end by design; the Python tests check reference counts themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.venv
build=build-pyasan
root=$build/root
if [[ ! -f $build/build.ninja ]]; then
    "$venv/bin/meson" setup "$build" -Dwheel=true -Db_sanitize=address,undefined -Db_lundef=false \
        --buildtype=debug -Dpython.install_env=auto >/dev/null
fi
"$venv/bin/meson" compile -C "$build" >/dev/null
rm -rf "$root"
DESTDIR="$PWD/$root" "$venv/bin/meson" install -C "$build" --quiet >/dev/null
ext=$(find "$root" -name '_comrt*.so' | head -n 1)
[[ -n $ext ]] || { echo "test_python_asan: extension not installed" >&2; exit 1; }
site=$(dirname "$(dirname "$ext")")
LD_PRELOAD="$(gcc -print-file-name=libasan.so) $(gcc -print-file-name=libubsan.so)" \
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
PYTHONPATH="$site" "$venv/bin/python" -m pytest -q -p no:cacheprovider tests/python
