#!/usr/bin/env bash
# Builds every harness in fuzz/ with clang's libFuzzer + ASan + UBSan and
# runs each for a bounded time (default 60 s each; `make fuzz FUZZ_SECONDS=N`).
# New inputs that raise coverage are kept under fuzz/corpus-work/<name>/;
# crashes stop the run with the reproducer path (add it to fuzz/corpus/<name>/
# once fixed, so `make test` replays it forever).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=build-fuzz
mkdir -p "$out"
srcs=$(ls lib/*/*.c)
for harness in fuzz/fuzz_*.c; do
    name=$(basename "$harness" .c); name=${name#fuzz_}
    exe=$out/fuzz_$name
    clang -g -O1 -std=c11 -D_GNU_SOURCE -DCOMRT_VERSION='"fuzz"' -fsanitize=fuzzer,address,undefined \
        -fno-sanitize-recover=undefined -Iinclude -Ilib -Ifuzz -Itests/c $harness $srcs -lsqlite3 -lffi -lm -pthread -o "$exe"
    mkdir -p fuzz/corpus-work/$name
    echo "fuzz: $name for ${seconds}s"
    "$exe" -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$out/crash-$name-" \
        fuzz/corpus-work/$name fuzz/corpus/$name 2>&1 | tail -n 12
done
