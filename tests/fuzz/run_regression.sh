#!/bin/sh
# run_regression.sh PTLINT TARGET INPUT - one fuzz regression input through
# `ptlint check` as the target saw it.  Passes when ptlint ends with a
# status it documents (0 or 1 for a source file; 0, 1 or 2 for a config,
# since a bad config is exit 2), fails on anything else (a signal, an
# ASan/UBSan abort).
set -u
ptlint=$1 target=$2 input=$3
work=$(mktemp -d "${TMPDIR:-/tmp}/ptlint-fuzz-regression.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
case $target in
  ts_c)    "$ptlint" check --no-cache --fail-on never --frontend tree-sitter \
               --stdin-filename fuzz.c < "$input" > out.txt 2>&1 ;;
  clang_c) "$ptlint" check --no-cache --fail-on never --frontend clang \
               --stdin-filename fuzz.c < "$input" > out.txt 2>&1 ;;
  python)  "$ptlint" check --no-cache --fail-on never \
               --stdin-filename fuzz.py < "$input" > out.txt 2>&1 ;;
  config)  printf 'int f(void) { return 0; }\n' > a.c
           printf 'def f():\n    return 0\n' > b.py
           "$ptlint" check --no-cache --fail-on never --config "$input" \
               a.c b.py > out.txt 2>&1 ;;
  *) echo "unknown fuzz target $target" >&2; exit 1 ;;
esac
status=$?
case $target:$status in
  *:0|*:1|config:2) exit 0 ;;
esac
cat out.txt
echo "ptlint check on $input ($target) ended with status $status" >&2
exit 1
