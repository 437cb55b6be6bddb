#!/usr/bin/env python3
"""End-to-end tests of the CI-gate features: fingerprints that survive
line shifts, baselines, --diff-base, shards that add up, the cache, and
the GitLab format.

usage: gate_test.py PTLINT
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

PTLINT = None

BAD_C = '''#include <stdlib.h>

/* Count providers. */
int count_providers(int n)
{
    int unused_total;
    return n;
}
'''

BAD_PY = '''"""Providers."""
import os


def name_of(provider: dict) -> str:
    """Return the name."""
    return provider["name"]
'''


def run(cwd: str, *args: str, check_exit: tuple[int, ...] = (0, 1)
        ) -> subprocess.CompletedProcess:
    """Run `ptlint check ARGS` in cwd; AssertionError unless it exits in check_exit."""
    done = subprocess.run([PTLINT, "check", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode in check_exit, (args, done.returncode, done.stderr)
    return done


def findings(cwd: str, *args: str) -> list[dict]:
    """The JSON findings of `ptlint check ARGS` in cwd."""
    out = run(cwd, "--format", "json", "--fail-on", "never", *args).stdout
    return json.loads(out)["findings"]


def write(path: str, text: str) -> None:
    """Write text to the file at path."""
    with open(path, "w") as handle:
        handle.write(text)


def test_fingerprints_survive_shifts(work: str) -> None:
    """Fingerprints stay the same when lines are inserted above the findings."""
    write(os.path.join(work, "a.c"), BAD_C)
    before = {f["fingerprint"]: f for f in findings(work, "--no-cache", ".")}
    write(os.path.join(work, "a.c"), "/* one */\n/* two */\n\n" + BAD_C)
    after = {f["fingerprint"]: f for f in findings(work, "--no-cache", ".")}
    assert before.keys() == after.keys(), (before.keys(), after.keys())
    assert all(after[k]["line"] == before[k]["line"] + 3 for k in before)


def test_baseline(work: str) -> None:
    """A baseline hides the findings it records, not new ones, and the run
    says when entries no longer match.
    """
    write(os.path.join(work, "a.c"), BAD_C)
    run(work, "--no-cache", "--write-baseline", "base.txt", ".")
    lines = open(os.path.join(work, "base.txt")).read().splitlines()
    assert lines == sorted(lines) and all(len(line.split("\t")) == 4
                                          for line in lines)
    done = run(work, "--no-cache", "--baseline", "base.txt", ".")
    assert done.returncode == 0, done.stdout
    write(os.path.join(work, "a.c"), BAD_C.replace(
        "    return n;", "    int another_unused;\n    return n;"))
    new = findings(work, "--no-cache", "--baseline", "base.txt", ".")
    assert [f["message"] for f in new] == [
        "local variable 'another_unused' is never used"], new
    write(os.path.join(work, "a.c"), "/* Clean. */\nint f(void);\n")
    done = run(work, "--no-cache", "--baseline", "base.txt", ".")
    assert "no longer match" in done.stderr, done.stderr


def git(cwd: str, *args: str) -> None:
    """Run git ARGS in cwd as a test author; CalledProcessError if it fails."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True,
                   capture_output=True)


def test_diff_base(work: str) -> None:
    """--diff-base reports only the findings on lines changed since the revision."""
    write(os.path.join(work, "a.c"), BAD_C)
    git(work, "init", "-q")
    git(work, "add", "a.c")
    git(work, "commit", "-q", "-m", "old")
    assert findings(work, "--no-cache", "--diff-base", "HEAD", ".") == []
    write(os.path.join(work, "a.c"), BAD_C.replace(
        "    return n;", "    int fresh;\n    return n;"))
    write(os.path.join(work, "b.py"), BAD_PY)
    new = findings(work, "--no-cache", "--diff-base", "HEAD", ".")
    got = sorted((f["path"], f["line"], f["rule"]) for f in new)
    assert got == [("a.c", 7, "unused-variable"),
                   ("b.py", 2, "unused-import")], got


def test_shards_add_up(work: str) -> None:
    """Each of three shards has findings, and together they are the whole run's."""
    for i in range(12):
        write(os.path.join(work, "m%d.c" % i), BAD_C)
        write(os.path.join(work, "p%d.py" % i), BAD_PY)
    whole = findings(work, "--no-cache", ".")
    parts = []
    for k in (1, 2, 3):
        part = findings(work, "--no-cache", "--shard", "%d/3" % k, ".")
        assert part, "shard %d is empty" % k
        parts += part

    def key(f: dict) -> tuple:
        return (f["path"], f["line"], f["rule"], f["fingerprint"])
    assert sorted(map(key, parts)) == sorted(map(key, whole))


def test_cache(work: str) -> None:
    """A re-run reuses the cache entry untouched; a changed file adds one."""
    write(os.path.join(work, "a.c"), BAD_C)
    env_dir = os.path.join(work, "cache")
    os.environ["PTLINT_CACHE_DIR"] = env_dir
    try:
        first = findings(work, ".")
        entries = [n for n in os.listdir(env_dir) if not n.startswith(".")]
        assert len(entries) == 1, entries
        stamp = os.stat(os.path.join(env_dir, entries[0])).st_mtime_ns
        second = findings(work, ".")
        assert first == second
        assert os.stat(os.path.join(env_dir, entries[0])).st_mtime_ns == stamp
        write(os.path.join(work, "a.c"), BAD_C + "\n")
        findings(work, ".")
        assert len([n for n in os.listdir(env_dir)
                    if not n.startswith(".")]) == 2
    finally:
        del os.environ["PTLINT_CACHE_DIR"]


def test_merge_shards(work: str) -> None:
    """`ptlint merge` of the shards' SARIF logs has the whole run's results; a
    file that is not SARIF is exit 2.
    """
    for i in range(8):
        write(os.path.join(work, "m%d.c" % i), BAD_C)
    logs = []
    for k in (1, 2):
        out = run(work, "--no-cache", "--format", "sarif", "--shard",
                  "%d/2" % k, ".").stdout
        path = os.path.join(work, "s%d.sarif" % k)
        write(path, out)
        logs.append(path)
    merged = subprocess.run([PTLINT, "merge", *logs], capture_output=True,
                            text=True, check=True).stdout
    whole = run(work, "--no-cache", "--format", "sarif", ".").stdout

    def key(r: dict) -> tuple:
        return (r["ruleId"], r["partialFingerprints"]["ptlint/v1"])
    got = sorted(map(key, json.loads(merged)["runs"][0]["results"]))
    want = sorted(map(key, json.loads(whole)["runs"][0]["results"]))
    assert got == want and got, (len(got), len(want))
    bad = subprocess.run([PTLINT, "merge", os.path.join(work, "m0.c")],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "not a SARIF log" in bad.stderr


def test_gitlab(work: str) -> None:
    """--format gitlab gives every finding the required fields and its own fingerprint."""
    write(os.path.join(work, "a.c"), BAD_C)
    out = run(work, "--no-cache", "--format", "gitlab", ".").stdout
    report = json.loads(out)
    assert report and all({"description", "check_name", "fingerprint",
                           "severity", "location"} <= set(r) for r in report)
    assert len({r["fingerprint"] for r in report}) == len(report)


def main() -> int:
    """Run each test_* function in a fresh directory; return 1 if one fails."""
    global PTLINT
    PTLINT = os.path.abspath(sys.argv[1])
    tests = [v for k, v in sorted(globals().items()) if k.startswith("test_")]
    failed = 0
    for test in tests:
        work = tempfile.mkdtemp()
        try:
            test(work)
            print("ok", test.__name__)
        except AssertionError as error:
            failed += 1
            print("FAIL", test.__name__, error)
        finally:
            shutil.rmtree(work)
    print("%d passed, %d failed" % (len(tests) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
