#!/bin/sh
# check.sh DUMP_MODEL_BIN FRONTEND SRC EXPECTED
# Compares `dump_model FRONTEND SRC` (run in SRC's directory, so that the
# dump names the file by its base name) with EXPECTED; prints a diff and
# exits non-zero on a mismatch.  UPDATE=1 rewrites EXPECTED instead.
set -u
if [ $# -ne 4 ]; then
    echo "usage: check.sh DUMP_MODEL_BIN FRONTEND SRC EXPECTED" >&2
    exit 2
fi
bin=$1 frontend=$2 src=$3 expected=$4
actual=$(mktemp) || exit 2
trap 'rm -f "$actual"' EXIT
(cd "$(dirname "$src")" && "$bin" "$frontend" "$(basename "$src")") >"$actual"
status=$?
if [ $status -ne 0 ]; then
    echo "check.sh: $bin failed with status $status on $src" >&2
    exit 1
fi
if [ "${UPDATE:-0}" = 1 ]; then
    cp "$actual" "$expected"
    echo "updated $expected"
    exit 0
fi
if ! diff -u "$expected" "$actual"; then
    echo "check.sh: $src: model differs from $expected (UPDATE=1 to accept)" >&2
    exit 1
fi
