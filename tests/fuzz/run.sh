#!/bin/sh
# run.sh [SECONDS] [TARGET...] - builds the libFuzzer targets with clang
# (ASan + UBSan + fuzzer coverage) and runs each for SECONDS (default 60,
# the CI budget), seeded from fixtures/ and tests/golden/.  Targets:
# ts_c python clang_c config (default: all).  libclang is slow, so clang_c
# gets a third of the time.
#
# Any crash, leak, sanitizer report or timeout fails the run; libFuzzer
# leaves the input in $BUILD_DIR/artifacts/<target>/.  Copy it to
# tests/fuzz/regressions/<target>/ (with a .c, .py or .yaml name) and
# commit it: tests/fuzz/regressions.cmake then runs it through `ptlint
# check` in every build.
#
# Environment: BUILD_DIR (build-fuzz), CC (clang).
set -eu
cd "$(dirname "$0")/../.."
root=$(pwd)
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-ts_c python clang_c config}
build=${BUILD_DIR:-build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac

grep -q 'tests/fuzz' CMakeLists.txt || {
    echo "run.sh: CMakeLists.txt does not add tests/fuzz (PTLINT_FUZZ)" >&2
    exit 2
}
CC=${CC:-clang} cmake -S . -B "$build" -DPTLINT_FUZZ=ON \
    -DPTLINT_SANITIZE=address -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
for t in $targets; do
    cmake --build "$build" -j2 --target "fuzz_$t" >/dev/null
done

# seed_dir TARGET: a corpus directory holding the target's seed files.
seed_dir() {
    dir=$build/corpus/$1
    mkdir -p "$dir"
    case $1 in
        ts_c|clang_c) pattern='*.[ch]' ;;
        python) pattern='*.py' ;;
        config) pattern='*.yaml' ;;
    esac
    find fixtures tests/golden tests/unit rules/data tests/fuzz/regressions/$1 \
        -type f -name "$pattern" -size -64k 2>/dev/null |
        while read -r f; do cp "$f" "$dir/seed-$(echo "$f" | tr / _)"; done
    if [ "$1" = config ]; then
        build_ptlint=$build/ptlint
        [ -x "$build_ptlint" ] || cmake --build "$build" -j2 --target ptlint >/dev/null
        (cd "$dir" && "$build_ptlint" init >/dev/null 2>&1 &&
            mv .ptlint.yaml seed-init.yaml) || true
    fi
    echo "$dir"
}

status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for t in $targets; do
    corpus=$(seed_dir "$t")
    artifacts=$build/artifacts/$t
    mkdir -p "$artifacts"
    time=$seconds timeout=10
    if [ "$t" = clang_c ]; then
        time=$(( seconds / 3 > 10 ? seconds / 3 : 10 )) timeout=30
    fi
    echo "== fuzz_$t: $time s, corpus $corpus =="
    # A fixed seed: CI replays the inputs a local run of the same length
    # tried (PTLINT_FUZZ_SEED=0 asks libFuzzer for a random one).
    if ! "$build/tests/fuzz/fuzz_$t" "$corpus" -max_total_time="$time" \
            -seed="${PTLINT_FUZZ_SEED:-1}" \
            -timeout="$timeout" -rss_limit_mb=2048 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$artifacts/" \
            > "$build/fuzz_$t.log" 2>&1; then
        status=1
        echo "fuzz_$t FAILED: see $build/fuzz_$t.log and $artifacts/" >&2
        tail -n 60 "$build/fuzz_$t.log" >&2
    fi
    grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb|cov: .*ft:' \
        "$build/fuzz_$t.log" | tail -n 3
done
exit $status
