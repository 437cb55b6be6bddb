#!/bin/sh
# run.sh CASE - end-to-end tests of custom query rules and plugins.
# Environment: PTLINT (the binary), PLUGIN (the example plugin),
# WRONG_PLUGIN (built for another ABI), WORK (a scratch directory).
# Runs from tests/extending.
set -u
case_name=$1
mkdir -p "$WORK"
out="$WORK/$case_name.out"
err="$WORK/$case_name.err"

fail() {
    echo "FAIL [$case_name]: $*"
    echo "--- stdout"; cat "$out"
    echo "--- stderr"; cat "$err"
    exit 1
}

# run EXPECTED_STATUS ARGS...: runs ptlint, checks its exit status.
run() {
    expected=$1
    shift
    "$PTLINT" "$@" >"$out" 2>"$err"
    status=$?
    [ "$status" -eq "$expected" ] ||
        fail "exit status $status, expected $expected: ptlint $*"
}

has() { grep -qF -- "$1" "$out" "$err" || fail "missing: $1"; }
lacks() { ! grep -qF -- "$1" "$out" "$err" || fail "unexpected: $1"; }

check() { run "$@"; }

case $case_name in
query_fires)
    check 1 check --no-cache --config configs/query.yaml --select no-strcpy \
        src/calls.c
    has "src/calls.c:9:5: error: call to strcpy copies without a bound [no-strcpy]"
    has "src/calls.c:9:5: note: Use snprintf, which never writes past the buffer."
    # line 14 carries `ptlint: ignore[no-strcpy]`
    lacks "src/calls.c:14:"
    ;;
predicates)
    check 1 check --no-cache --config configs/predicates.yaml \
        --select lookup-naming,get-on-other src/lookups.py
    has "src/lookups.py:10:9: note: 'lookup_provider' should be called find_* [lookup-naming]"
    lacks "'find_provider' should be called"
    lacks "'refresh' should be called"
    has "src/lookups.py:19:16: warning: other.get() on something other than self [get-on-other]"
    lacks "self.get()"
    lacks "src/lookups.py:11:"
    ;;
broken_block)
    check 2 check --no-cache --config configs/broken_block.yaml src/calls.c
    has "configs/broken_block.yaml:7:20: error: custom rule 'broken-block': query does not compile: unknown node type"
    ;;
broken_quoted)
    check 2 check --no-cache --config configs/broken_quoted.yaml src/calls.c
    has "configs/broken_quoted.yaml:5:48: error: custom rule 'broken-quoted': query does not compile: unknown node type"
    ;;
broken_predicate)
    check 2 check --no-cache --config configs/broken_predicate.yaml src/calls.c
    has "configs/broken_predicate.yaml:6:7: error: custom rule 'broken-predicate': #match?: bad regular expression"
    ;;
include_dir)
    check 1 check --no-cache --config configs/include.yaml --select no-usleep \
        src/calls.c
    has "src/calls.c:20:5: warning: usleep blocks the thread [no-usleep]"
    has "src/calls.c:29:5: warning: usleep blocks the thread [no-usleep]"
    check 2 check --no-cache --config configs/bad_include.yaml src/calls.c
    has "configs/bad_include.d/misnamed.yaml:1:5: error: the rule in 'misnamed.yaml' must have the id 'misnamed'"
    ;;
configured_severity)
    check 0 check --no-cache --config configs/severity.yaml --select no-strcpy \
        src/calls.c
    has "src/calls.c:9:5: note: call to strcpy [no-strcpy]"
    ;;
rules_explain)
    cd cwd || exit 1
    check 0 rules
    has "no-strcpy"
    check 0 explain no-strcpy
    has "# no-strcpy"
    has "(#eq? @fn \"strcpy\")) @report"
    has "https://example.com/no-strcpy"
    ;;
baseline)
    check 1 check --no-cache --config configs/query.yaml --select no-strcpy \
        --write-baseline "$WORK/baseline.json" src/calls.c
    check 0 check --no-cache --config configs/query.yaml --select no-strcpy \
        --baseline "$WORK/baseline.json" src/calls.c
    lacks "[no-strcpy]"
    ;;
sarif_custom)
    check 1 check --no-cache --config configs/query.yaml --select no-strcpy \
        --format sarif src/calls.c
    has '"id": "no-strcpy"'
    has '"ruleId": "no-strcpy"'
    ;;
plugin_sarif)
    check 1 check --no-cache --config configs/empty.yaml --plugin "$PLUGIN" \
        --select sleep-under-lock --format sarif src/calls.c src/lookups.py
    has '"id": "sleep-under-lock"'
    has '"ruleId": "sleep-under-lock"'
    check 1 check --no-cache --config configs/empty.yaml --plugin "$PLUGIN" \
        --select sleep-under-lock src/calls.c src/lookups.py
    has "src/calls.c:20:5: warning: 'usleep' sleeps while 'tree.lock' is held"
    has "src/calls.c:19:5: note: 'tree.lock' acquired here"
    has "src/lookups.py:18:13: warning: 'sleep' sleeps while 'self._lock' is held"
    lacks "src/calls.c:29:"
    ;;
plugin_config)
    printf 'plugins:\n  - %s\nrules:\n  sleep-under-lock:\n    severity: error\n' \
        "$PLUGIN" >"$WORK/plugin.yaml"
    check 1 check --no-cache --config "$WORK/plugin.yaml" \
        --select sleep-under-lock src/calls.c
    has "src/calls.c:20:5: error: 'usleep' sleeps while 'tree.lock' is held"
    ;;
wrong_abi)
    check 2 check --no-cache --config configs/empty.yaml \
        --plugin "$WRONG_PLUGIN" src/calls.c
    # the plugin claims the header's version plus 41
    abi=$(sed -n 's/^#define PT_PLUGIN_ABI_VERSION \([0-9]*\)u$/\1/p' \
        ../../analyzer/include/ptlint/plugin.h)
    [ -n "$abi" ] || fail "no PT_PLUGIN_ABI_VERSION in plugin.h"
    has "refused: built for plugin ABI version $((abi + 41)), but this ptlint speaks version $abi"
    lacks "wrong-abi-rule"
    lacks "must never run"
    ;;
*)
    echo "unknown case $case_name"
    exit 1
    ;;
esac
echo "ok [$case_name]"
