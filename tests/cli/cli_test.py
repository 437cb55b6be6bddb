#!/usr/bin/env python3
"""End-to-end tests of ptlint's command-line contracts
(shared/design/ARCHITECTURE.md): subcommands, exit status, output
formats, determinism, inline suppressions, stdin, configuration
discovery and directory walks.

usage: cli_test.py PTLINT GROUP [TEST...]
GROUP: commands | exit | formats | determinism | suppress | config | walk
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import clitest  # noqa: E402
from clitest import check, findings, run, write  # noqa: E402

CLEAN_PY = '''"""Module doc."""


def add(a: int, b: int) -> int:
    """Return the sum."""
    return a + b
'''

WARN_PY = '''"""Module doc."""
import os


def add(a: int, b: int) -> int:
    """Return the sum."""
    return a + b
'''

LEAK_PY = '''"""Module doc."""
import threading


class Tree:
    """A tree."""

    def __init__(self) -> None:
        """Init."""
        self._lock = threading.Lock()
        self._items = {}

    def pop(self, name: str) -> int:
        """Pop."""
        self._lock.acquire()
        if not name:
            return 0
        self._lock.release()
        return 1
'''

LEAK_C = '''#include <pthread.h>

/* The tree, guarded by lock. */
struct tree {
    pthread_mutex_t lock;
    int count;
};

/* Bump the count unless it is negative; -1 then. */
int tree_bump(struct tree *t)
{
    pthread_mutex_lock(&t->lock);
    if (t->count < 0) {
        return -1;
    }
    t->count++;
    pthread_mutex_unlock(&t->lock);
    return 0;
}
'''

SYNTAX_PY = 'def f(:\n    pass\n'

CLEAN_C = '''/* Return the sum of a and b. */
int add(int a, int b)
{
    return a + b;
}
'''

WARN_C = '''/* Return a. */
int first(int a)
{
    int unused_total;
    return a;
}
'''

TRUNCATED_C = '''/* Return one. */
int one(void)
{
    return 1;
'''


def rules_of(found: list[dict]) -> list[str]:
    """The rule ids of found, sorted."""
    return sorted(f["rule"] for f in found)


# --------------------------------------------------------------- commands

def test_version(work: str) -> None:
    """`--version` names ptlint, libclang and both grammars with their ABIs.

    Raises AssertionError if not.
    """
    res = run(work, "--version").exit(0)
    text = res.out + res.err
    for needle in ("ptlint", "libclang", "tree-sitter-c", "tree-sitter-python"):
        res.expect(needle in text, "--version does not name %s" % needle)
    res.expect(re.search(r"tree-sitter-c\b.*ABI\s*\d+", text),
               "--version gives no ABI for tree-sitter-c")
    res.expect(re.search(r"tree-sitter-python\b.*ABI\s*\d+", text),
               "--version gives no ABI for tree-sitter-python")


CONTRACT_IDS = [
    "unvalidated-lookup", "unbounded-copy", "unguarded-shared-state",
    "lock-leak", "unchecked-lookup-result", "ignored-error-return",
    "undocumented-raise", "swallowed-exception", "naming-inconsistency",
    "missing-doc", "unused-variable", "unused-parameter", "unused-import",
    "inconsistent-indentation", "missing-type-hints",
    "non-prototype-declaration", "excess-complexity", "parse-error",
]


def listed_rules(work: str) -> tuple[list[str], clitest.Result]:
    """The rule ids `ptlint rules` lists, and its run; AssertionError if none."""
    res = run(work, "rules").exit(0)
    ids = []
    for line in res.out.splitlines():
        m = re.match(r"^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s", line)
        if m:
            ids.append(m.group(1))
    res.expect(ids, "`ptlint rules` lists no rule ids")
    return ids, res


def test_rules(work: str) -> None:
    """`ptlint rules` lists every rule once, each with a doc page, known to
    --select, and every contract rule that --select knows.

    Raises AssertionError if not.
    """
    ids, res = listed_rules(work)
    docs = os.path.join(clitest.repo_root(), "docs", "rules")
    missing_docs = [i for i in ids
                    if not os.path.isfile(os.path.join(docs, i + ".md"))]
    res.expect(not missing_docs,
               "rules without docs/rules/<id>.md: %s" % missing_docs)
    # Every listed id is known to --select, and every contract id that
    # the binary knows is listed.
    for rid in CONTRACT_IDS:
        sel = check(work, "--select", rid, write(
            os.path.join(work, "a.py"), CLEAN_PY))
        if sel.rc != 2:
            res.expect(rid in ids, "contract rule %s is accepted by "
                       "--select but not listed by `ptlint rules`" % rid)
    for rid in ids:
        check(work, "--select", rid, os.path.join(work, "a.py")).exit(0)
    res.expect(len(set(ids)) == len(ids), "duplicate ids in `ptlint rules`")


def test_explain(work: str) -> None:
    """`explain RULE` prints the rule's doc page; an unknown rule is exit 2.

    Raises AssertionError if not.
    """
    res = run(work, "explain", "unvalidated-lookup").exit(0)
    doc_path = os.path.join(clitest.repo_root(), "docs", "rules",
                            "unvalidated-lookup.md")
    with open(doc_path) as handle:
        doc = handle.read()
    first = doc.strip().splitlines()[0]
    res.expect(first in res.out, "explain does not print the doc page "
               "(first line %r missing)" % first)
    res.expect(len(res.out) >= len(doc) // 2,
               "explain prints much less than the doc page")
    bad = run(work, "explain", "nope").exit(2)
    bad.expect(bad.err.strip(), "explain nope: no message on stderr")
    bad.expect("nope" in bad.err, "explain nope: message does not name it")


def test_init(work: str) -> None:
    """`init` writes a commented .ptlint.yaml that loads, and never overwrites it.

    Raises AssertionError if not.
    """
    res = run(work, "init").exit(0)
    cfg = os.path.join(work, ".ptlint.yaml")
    res.expect(os.path.isfile(cfg), "init wrote no .ptlint.yaml")
    with open(cfg) as handle:
        content = handle.read()
    res.expect("#" in content, "the .ptlint.yaml of init has no comments")
    write(os.path.join(work, "warn.py"), WARN_PY)
    # the written file loads cleanly, found by discovery and by --config
    check(work, "warn.py").exit(1).expect(
        "unused-import" in check(work, "warn.py").out, "no finding")
    check(work, "--config", cfg, "warn.py").exit(1)
    check(work, "--config", cfg, "--fail-on", "never", "warn.py").exit(0)
    again = run(work, "init")
    again.expect(again.rc != 0, "second init did not refuse to overwrite")
    with open(cfg) as handle:
        again.expect(handle.read() == content, "init overwrote .ptlint.yaml")
    again.expect(again.err.strip(), "refusing init says nothing on stderr")


# -------------------------------------------------------------------- exit

def test_exit_status(work: str) -> None:
    """Exit 1 on a finding at or above --fail-on (default warning), else 0.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "clean.py"), CLEAN_PY)
    write(os.path.join(work, "warn.py"), WARN_PY)
    write(os.path.join(work, "clean.c"), CLEAN_C)
    write(os.path.join(work, "warn.c"), WARN_C)
    check(work, "clean.py").exit(0)
    check(work, "clean.c").exit(0)
    check(work, "warn.py").exit(1)
    check(work, "warn.c").exit(1)
    check(work, "--fail-on", "error", "warn.py").exit(0)
    check(work, "--fail-on", "warning", "warn.py").exit(1)
    check(work, "--fail-on", "note", "warn.py").exit(1)
    write(os.path.join(work, "leak.py"), LEAK_PY)
    check(work, "--fail-on", "never", "leak.py", "warn.py").exit(0)
    check(work, "--fail-on", "error", "leak.py").exit(1)


def test_exit_bad_option(work: str) -> None:
    """A bad option, option value or subcommand is exit 2.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "clean.py"), CLEAN_PY)
    res = check(work, "--bogus-option", "clean.py").exit(2)
    res.expect("--bogus-option" in res.err, "bad option not named")
    check(work, "--fail-on", "sometimes", "clean.py").exit(2)
    check(work, "--format", "yaml", "clean.py").exit(2)
    check(work, "-j", "zero", "clean.py").exit(2)
    run(work, "frobnicate").exit(2)


def test_exit_unknown_rule(work: str) -> None:
    """An unknown rule in --select or --ignore is exit 2, with its name.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "clean.py"), CLEAN_PY)
    res = check(work, "--select", "no-such-rule", "clean.py").exit(2)
    res.expect("no-such-rule" in res.err, "unknown rule not named")
    res = check(work, "--ignore", "no-such-rule", "clean.py").exit(2)
    res.expect("no-such-rule" in res.err, "unknown rule not named")


def test_exit_missing_path(work: str) -> None:
    """A missing path is exit 2 and named, and the other files are reported.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "warn.py"), WARN_PY)
    write(os.path.join(work, "leak.py"), LEAK_PY)
    res = check(work, "--format", "json", "warn.py", "does-not-exist.py",
                "leak.py").exit(2)
    res.expect("does-not-exist.py" in res.err,
               "the missing path is not named on stderr")
    got = res.json()
    res.expect(sorted({f["path"] for f in got["findings"]}) ==
               ["leak.py", "warn.py"],
               "the other files were not all analysed and reported")
    res = check(work, "does-not-exist.py", "warn.py").exit(2)
    res.expect("unused-import" in res.out, "text: other file not reported")


def test_exit_bad_config(work: str) -> None:
    """A bad configuration is exit 2 with a message that says where.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "warn.py"), WARN_PY)
    cfg = write(os.path.join(work, ".ptlint.yaml"),
                "rules:\n  unused-import:\n    severty: error\n")
    res = check(work, "warn.py").exit(2)
    res.expect(re.search(r"\.ptlint\.yaml:3:5\b", res.err),
               "message does not name file:3:5")
    res.expect("severity" in res.err, "no suggestion of 'severity'")
    res = check(work, "--config", cfg, "warn.py").exit(2)
    res.expect(re.search(r"\.ptlint\.yaml:3:5\b", res.err),
               "--config: message does not name file:3:5")
    write(cfg, "rules:\n  unused-import: {severity: fatal}\n")
    res = check(work, "warn.py").exit(2)
    res.expect(re.search(r"\.ptlint\.yaml:2:\d+", res.err),
               "bad value: message does not name file:line")
    write(cfg, "fail-on: [1, 2\n")
    res = check(work, "warn.py").exit(2)
    res.expect(".ptlint.yaml" in res.err, "YAML syntax error: no file name")
    res = check(work, "--config", os.path.join(work, "nope.yaml"),
                "warn.py").exit(2)
    res.expect("nope.yaml" in res.err, "missing --config not named")


def test_exit_syntax_error(work: str) -> None:
    """A Python syntax error is a parse-error finding at error severity.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "syn.py"), SYNTAX_PY)
    got, res = findings(work, "syn.py")
    pe = [f for f in got if f["rule"] == "parse-error"]
    res.expect(pe, "no parse-error finding for a Python syntax error")
    res.expect(all(f["severity"] == "error" for f in pe),
               "Python parse-error not at error severity")
    check(work, "syn.py").exit(1)
    check(work, "--fail-on", "error", "syn.py").exit(1)


def test_exit_truncated_c(work: str) -> None:
    """A C file cut short is a parse-error finding at error severity.

    Raises AssertionError if not.
    """
    # ARCHITECTURE: "a file cut short ... is a parse-error at error severity"
    write(os.path.join(work, "trunc.c"), TRUNCATED_C)
    got, res = findings(work, "trunc.c")
    pe = [f for f in got if f["rule"] == "parse-error"]
    res.expect(pe, "no parse-error for a C file cut short")
    res.expect(any(f["severity"] == "error" for f in pe),
               "a C file cut short is a parse-error below error severity")
    check(work, "--fail-on", "error", "trunc.c").exit(1)


MISSING_HEADER_C = """#include "not_here.h"

/* Add one. */
int add_one(int a)
{
    int unused_total = 0;
    return a + 1;
}
"""


def test_missing_header_said_once(work: str) -> None:
    """libclang: a missing header stops no analysis and is said once, with where.

    Raises AssertionError if not.
    """
    # issue 3: "A missing header never stops analysis: analyse what
    # parsed, and say so once."
    for name in ("one.c", "two.c"):
        write(os.path.join(work, name), MISSING_HEADER_C)
    got, res = findings(work, "--frontend", "clang", "--no-cache",
                        "one.c", "two.c")
    res.expect(len([f for f in got if f["rule"] == "unused-variable"]) == 2,
               "a file with a missing header was not analysed")
    notes = [line for line in res.err.splitlines() if "not_here.h" in line]
    res.expect(len(notes) == 1, "the missing header is not said exactly once")
    res.expect("one.c:1:10" in notes[0], "the note does not say where")


UNDECLARED_C = """#include "not_here.h"

/* Is the provider's mode a directory?  PT_MODE_DIR comes from the
   missing header: clang drops the condition that reads `mode`. */
static int mode_is_dir(int mode)
{
    if (mode != 0 && (mode & PT_MODE_DIR) != 0) {
        return 1;
    }
    return 0;
}

/* Never reads `flags`. */
static int always_one(int flags)
{
    return 1;
}

/* Both, so that neither is unused. */
int pt_mode_check(int mode)
{
    return mode_is_dir(mode) + always_one(mode);
}
"""


def test_undeclared_name_partial(work: str) -> None:
    """libclang: a function holding an error clang recovers from by dropping
    an expression (a name a missing header declares) is analysed in part,
    so what the dropped expression read is not reported unused.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "modes.c"), UNDECLARED_C)
    got, res = findings(work, "--frontend", "clang", "--no-cache",
                        "--select", "unused-parameter", "modes.c")
    names = sorted(f["message"].split("'")[1] for f in got)
    res.expect(names == ["flags"],
               "unused parameters %r, expected only 'flags'" % names)


# ----------------------------------------------------------------- formats

def test_select_ignore(work: str) -> None:
    """--select runs only the rules named, --ignore all but those.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "warn.py"), WARN_PY)
    allf, _ = findings(work, "leak.py", "warn.py")
    assert {"lock-leak", "unused-import"} <= set(rules_of(allf)), allf
    sel, res = findings(work, "--select", "lock-leak", "leak.py", "warn.py")
    res.expect(set(rules_of(sel)) == {"lock-leak"}, "--select lock-leak")
    sel, res = findings(work, "--select", "lock-leak,unused-import",
                        "leak.py", "warn.py")
    res.expect(set(rules_of(sel)) == {"lock-leak", "unused-import"},
               "--select a,b")
    ign, res = findings(work, "--ignore", "unused-import", "leak.py",
                        "warn.py")
    res.expect("unused-import" not in rules_of(ign) and
               "lock-leak" in rules_of(ign), "--ignore unused-import")
    check(work, "--ignore", "unused-import", "warn.py").exit(0)


def test_format_json(work: str) -> None:
    """The JSON report has the documented fields and types, sorted findings
    and lock-leak steps.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "warn.py"), WARN_PY)
    write(os.path.join(work, "clean.py"), CLEAN_PY)
    res = check(work, "--format", "json", "leak.py", "warn.py",
                "clean.py").exit(1)
    res.expect(res.out.endswith("\n"), "JSON does not end with a newline")
    doc = res.json()
    res.expect(doc.get("version") == 1, "version != 1")
    res.expect(doc.get("tool") == "ptlint", "tool != ptlint")
    res.expect(isinstance(doc.get("toolVersion"), str), "toolVersion")
    res.expect(doc.get("files") == 3, "files != 3")
    types = {"rule": str, "severity": str, "path": str, "line": int,
             "column": int, "message": str, "fingerprint": str,
             "steps": list}
    for f in doc["findings"]:
        for key, typ in types.items():
            res.expect(isinstance(f.get(key), typ),
                       "finding field %s missing or not %s: %r"
                       % (key, typ.__name__, f))
        res.expect("function" in f and (f["function"] is None or
                                        isinstance(f["function"], str)),
                   "function must be string or null")
        res.expect(f["severity"] in ("error", "warning", "note"), "severity")
        res.expect(re.fullmatch(r"[0-9a-f]{16}", f["fingerprint"]),
                   "fingerprint is not 16 hex digits")
        res.expect("\n" not in f["message"] and "[" + f["rule"] + "]"
                   not in f["message"], "message has newline or rule id")
        for s in f["steps"]:
            res.expect(isinstance(s.get("line"), int) and
                       isinstance(s.get("column"), int) and
                       isinstance(s.get("message"), str), "step fields")
    keys = [(f["path"], f["line"], f["column"], f["rule"], f["message"])
            for f in doc["findings"]]
    res.expect(keys == sorted(keys), "findings not sorted")
    leak = [f for f in doc["findings"] if f["rule"] == "lock-leak"]
    res.expect(leak and leak[0]["steps"] and leak[0]["function"] == "pop",
               "lock-leak finding without steps/function")
    empty = check(work, "--format", "json", "clean.py").exit(0).json()
    assert empty["findings"] == [] and empty["files"] == 1, empty


def sarif_validator() -> str | None:
    """The shared/tools/sarif-validate script beside the repository, or None."""
    path = os.path.join(clitest.repo_root(), "..", "shared", "tools",
                        "sarif-validate")
    return path if os.path.isfile(path) else None


def test_format_sarif(work: str) -> None:
    """The SARIF log lists every rule, with relative locations, fingerprints
    and lock-leak codeFlows, and passes sarif-validate when that is found.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "leak.c"), LEAK_C)
    write(os.path.join(work, "warn.py"), WARN_PY)
    res = check(work, "--format", "sarif", "leak.py", "leak.c",
                "warn.py").exit(1)
    log = res.json()
    res.expect(log.get("version") == "2.1.0", "SARIF version")
    run0 = log["runs"][0]
    driver = run0["tool"]["driver"]
    res.expect(driver.get("name") == "ptlint", "tool.driver.name")
    ids, _ = listed_rules(work)
    rules = {r["id"]: r for r in driver.get("rules", [])}
    res.expect(set(ids) <= set(rules), "tool.driver.rules lacks rules: %s"
               % sorted(set(ids) - set(rules)))
    for r in rules.values():
        res.expect(r.get("helpUri"), "rule %s has no helpUri" % r["id"])
    results = run0["results"]
    res.expect(results, "no results")
    for r in results:
        res.expect(r.get("ruleId") in rules and r.get("level") and
                   r.get("message", {}).get("text"), "result fields")
        loc = r["locations"]
        res.expect(len(loc) == 1, "not exactly one location")
        phys = loc[0]["physicalLocation"]
        uri = phys["artifactLocation"]["uri"]
        res.expect(not uri.startswith("/") and not uri.startswith("file:"),
                   "uri %r is not relative to the working directory" % uri)
        res.expect(phys["region"]["startLine"] >= 1 and
                   phys["region"]["startColumn"] >= 1, "region 1-based")
        res.expect(r.get("partialFingerprints"),
                   "result without partialFingerprints")
    for name in ("leak.py", "leak.c"):
        leaks = [r for r in results if r["ruleId"] == "lock-leak" and
                 r["locations"][0]["physicalLocation"]["artifactLocation"]
                 ["uri"] == name]
        res.expect(leaks, "no lock-leak result for %s" % name)
        res.expect(all(r.get("codeFlows") and r["codeFlows"][0]
                       ["threadFlows"][0]["locations"] for r in leaks),
                   "lock-leak in %s has no codeFlows" % name)
    validator = sarif_validator()
    if validator is None:
        print("  (sarif-validate not found beside the repo: not validated)")
        return
    out = write(os.path.join(work, "out.sarif"), res.out)
    import subprocess
    val = subprocess.run([sys.executable, validator, out],
                         capture_output=True, text=True, timeout=120)
    if "install python3-jsonschema" in (val.stdout + val.stderr):
        print("  (python3-jsonschema missing: not validated)")
        return
    assert val.returncode == 0, "sarif-validate rejects the log:\n" + \
        val.stdout + val.stderr


def test_format_junit(work: str) -> None:
    """--format junit is well-formed XML with a <failure> per finding.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "warn.py"), WARN_PY)
    write(os.path.join(work, "clean.py"), CLEAN_PY)
    res = check(work, "--format", "junit", "leak.py", "warn.py",
                "clean.py").exit(1)
    try:
        root = ET.fromstring(res.out)
    except ET.ParseError as e:
        raise AssertionError("junit is not well-formed XML: %s" % e
                             + res.describe())
    res.expect(root.tag in ("testsuites", "testsuite"), "junit root tag")
    failures = root.findall(".//failure")
    res.expect(len(failures) >= 2, "fewer <failure>s than findings")
    res = check(work, "--format", "junit", "clean.py").exit(0)
    ET.fromstring(res.out)


def test_format_github(work: str) -> None:
    """--format github prints one workflow command per finding.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "warn.py"), WARN_PY)
    res = check(work, "--format", "github", "leak.py", "warn.py").exit(1)
    lines = [line for line in res.out.splitlines() if line.strip()]
    pat = re.compile(r"^::(error|warning|notice) file=([^,]+),line=(\d+),"
                     r"col=(\d+)(,[^:]*)?::.+$")
    res.expect(lines, "no github lines")
    for line in lines:
        res.expect(pat.match(line), "not a workflow command: %r" % line)
    res.expect(any(line.startswith("::error file=leak.py,line=17")
                   for line in lines), "lock-leak line missing")
    res.expect(any(line.startswith("::warning file=warn.py,line=2")
                   for line in lines), "unused-import line missing")


def test_output_file(work: str) -> None:
    """--output writes the report to a file, not stdout; a bad path is exit 2.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "warn.py"), WARN_PY)
    out = os.path.join(work, "report.json")
    res = check(work, "--format", "json", "--output", out, "warn.py").exit(1)
    res.expect(os.path.isfile(out), "--output wrote no file")
    with open(out) as handle:
        doc = json.load(handle)
    res.expect(doc["findings"] and "unused-import" in
               rules_of(doc["findings"]), "report file lacks the finding")
    res.expect("unused-import" not in res.out,
               "--output: report still printed to stdout")
    txt = os.path.join(work, "report.txt")
    check(work, "--output", txt, "warn.py").exit(1)
    with open(txt) as handle:
        assert "warn.py:2:8: warning:" in handle.read()
    res = check(work, "--output", os.path.join(work, "no", "such", "dir",
                                               "r.txt"), "warn.py")
    res.exit(2)


def test_text_format(work: str) -> None:
    """The text format: location, severity, message and rule, the source
    line with a caret under the column, a summary, and no colour.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "warn.py"), WARN_PY)
    res = check(work, "warn.py").exit(1)
    lines = res.out.splitlines()
    res.expect(lines and lines[0] == "warn.py:2:8: warning: 'os' is imported "
               "but never used [unused-import]" or
               re.match(r"^warn\.py:2:8: warning: .+ \[unused-import\]$",
                        lines[0]), "first line format")
    res.expect(lines[1] == "import os", "source line not shown")
    res.expect(lines[2].rstrip() == "       ^", "caret not under column 8")
    res.expect("\x1b[" not in res.out, "colour when not on a terminal")
    res.expect(re.search(r"1 finding", lines[-1]), "no summary line")


# ------------------------------------------------------------- determinism

def test_determinism(work: str) -> None:
    """The output is the same at -j1, -j2 and -j8, and run after run.

    Raises AssertionError if not.
    """
    src = os.path.join(clitest.repo_root(), "fixtures")
    tree = os.path.join(work, "tree")
    shutil.copytree(src, tree)
    # and many more files: copies of the fixtures under other names
    for i in range(3):
        shutil.copytree(src, os.path.join(tree, "copy%d" % i))
    count = sum(len(f) for _, _, f in os.walk(tree))
    assert count >= 50, count
    outs = {}
    for fmt in ("json", "text", "sarif"):
        for j in ("1", "2", "8"):
            res = check(tree, "--fail-on", "never", "--format", fmt,
                        "-j", j, ".").exit(0)
            outs[(fmt, j)] = res.out
        for j in ("2", "8"):
            if outs[(fmt, j)] != outs[(fmt, "1")]:
                import difflib
                diff = "\n".join(list(difflib.unified_diff(
                    outs[(fmt, "1")].splitlines(),
                    outs[(fmt, j)].splitlines(), "-j1", "-j" + j,
                    lineterm=""))[:60])
                raise AssertionError("--format %s: -j1 and -j%s differ:\n%s"
                                     % (fmt, j, diff))
    doc = json.loads(outs[("json", "1")])
    assert doc["findings"], "no findings over the fixtures"
    # repeated runs at -j2 agree too (races show up as flakiness)
    for _ in range(3):
        res = check(tree, "--fail-on", "never", "--format", "json", "-j",
                    "2", ".").exit(0)
        assert res.out == outs[("json", "1")], "a repeated -j2 run differs"


TREE_HELPERS_C = """/* Lock helpers other files call. */
#include <pthread.h>

/* A tree whose count its lock guards. */
struct tree {
    pthread_mutex_t lock;
    int count;
};

/* Takes the tree's lock. */
void tree_lock(struct tree *t)
{
    pthread_mutex_LOCK(&t->lock);
}

/* Gives the tree's lock back. */
void tree_unlock(struct tree *t)
{
    pthread_mutex_unlock(&t->lock);
}
"""

TREE_USER_C = """/* A caller of another file's lock helpers. */
#include <pthread.h>

/* The tree, as tree.c defines it. */
struct tree {
    pthread_mutex_t lock;
    int count;
};

/* Takes the tree's lock. */
void tree_lock(struct tree *t);
/* Gives the tree's lock back. */
void tree_unlock(struct tree *t);

/* Grows the tree; the early return keeps the lock. */
int tree_grow(struct tree *t, int n)
{
    tree_lock(t);
    if (n < 0) {
        return -1;
    }
    t->count += n;
    tree_unlock(t);
    return 0;
}
"""


def leaks_in(work: str, cache: str) -> list[str]:
    """The lock-leak findings of a cached run over WORK, as file:line."""
    res = run(work, "check", "--format", "json", "--fail-on", "never",
              "--select", "lock-leak", "tree.c", "user.c",
              env={"PTLINT_CACHE_DIR": cache}).exit(0)
    return sorted("%s:%d" % (f["path"], f["line"])
                  for f in res.json()["findings"])


def test_cross_file_cache(work: str) -> None:
    """A summary from another file reaches a cached file, and goes stale.

    user.c leaks a lock only if tree.c's tree_lock() takes one: the run
    analyses user.c again with tree.c's answer.  A cached re-run says the
    same; when tree.c stops locking, the cached user.c must not keep the
    finding, and it comes back with the lock.

    Raises AssertionError if not.
    """
    cache = os.path.join(work, "cache")
    locking = TREE_HELPERS_C.replace("pthread_mutex_LOCK",
                                     "pthread_mutex_lock")
    write(os.path.join(work, "tree.c"), locking)
    write(os.path.join(work, "user.c"), TREE_USER_C)
    first = leaks_in(work, cache)
    assert first == ["user.c:20"], first
    assert leaks_in(work, cache) == first, "a cached re-run differs"
    # tree_lock() no longer locks (a call of an unknown function)
    write(os.path.join(work, "tree.c"), TREE_HELPERS_C)
    assert leaks_in(work, cache) == [], "a stale summary was cached"
    write(os.path.join(work, "tree.c"), locking)
    assert leaks_in(work, cache) == first, "the summary did not come back"


# ---------------------------------------------------------------- suppress

SUPPRESS_PY = '''"""Module doc."""
import os  # ptlint: ignore[unused-import]
# ptlint: ignore[unused-import]
import sys
import re
import json  # ptlint: ignore[missing-doc]
'''


def test_suppress_inline(work: str) -> None:
    """`ptlint: ignore[rule]` on the line or the line above suppresses that
    rule only, and an unused one is reported.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "s.py"), SUPPRESS_PY)
    got, res = findings(work, "s.py")
    lines = {(f["line"], f["rule"]) for f in got}
    res.expect((2, "unused-import") not in lines, "same-line ignore failed")
    res.expect((4, "unused-import") not in lines, "line-above ignore failed")
    res.expect((5, "unused-import") in lines, "unsuppressed line 5 missing")
    res.expect((6, "unused-import") in lines,
               "ignore of another rule suppressed unused-import")
    res.expect((6, "unused-suppression") in lines,
               "unused suppression not reported")
    res.expect((2, "unused-suppression") not in lines and
               (3, "unused-suppression") not in lines,
               "a live suppression reported as unused")


SUPPRESS_C = '''/* Return a. */
int first(int a)
{
    int unused_one; /* ptlint: ignore[unused-variable] */
    /* ptlint: ignore[unused-variable] */
    int unused_two;
    int unused_three;
    return a; /* ptlint: ignore[lock-leak] */
}
'''


def test_suppress_inline_c(work: str) -> None:
    """Inline suppressions in C comments work as in Python.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "s.c"), SUPPRESS_C)
    got, res = findings(work, "s.c")
    lines = {(f["line"], f["rule"]) for f in got}
    res.expect((4, "unused-variable") not in lines, "same-line ignore (C)")
    res.expect((6, "unused-variable") not in lines, "line-above ignore (C)")
    res.expect((7, "unused-variable") in lines, "unsuppressed C finding")
    res.expect((8, "unused-suppression") in lines, "unused C suppression")


def test_suppress_file(work: str) -> None:
    """`ptlint: ignore-file[rule]` suppresses that rule in the whole file, and
    an unused one is reported.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "f.py"), '"""Module doc."""\n'
          '# ptlint: ignore-file[unused-import]\nimport os\nimport sys\n\n\n'
          'def add(a, b):\n    """Add."""\n    return a + b\n')
    got, res = findings(work, "f.py")
    res.expect("unused-import" not in rules_of(got), "ignore-file failed")
    res.expect("missing-type-hints" in rules_of(got),
               "ignore-file suppressed another rule")
    write(os.path.join(work, "g.py"), '"""Module doc."""\n'
          '# ptlint: ignore-file[lock-leak]\n')
    got, res = findings(work, "g.py")
    res.expect("unused-suppression" in rules_of(got),
               "unused ignore-file not reported")


# ------------------------------------------------------------ stdin, model

def test_stdin(work: str) -> None:
    """--stdin-filename analyses standard input as that file, with its config.

    Raises AssertionError if not.
    """
    res = check(work, "--stdin-filename", "x.py", stdin=WARN_PY).exit(1)
    res.expect(res.out.startswith("x.py:2:8: warning:"),
               "stdin finding not named x.py")
    res = check(work, "--format", "json", "--stdin-filename", "x.py",
                stdin=CLEAN_PY).exit(0)
    res.expect(res.json()["findings"] == [], "clean stdin has findings")
    res = check(work, "--stdin-filename", "sub/y.c", stdin=WARN_C).exit(1)
    res.expect("sub/y.c:4:" in res.out, "C from stdin")
    res.expect(not os.path.exists(os.path.join(work, "x.py")),
               "--stdin-filename created the file")
    # config is discovered from the stdin file name's directory
    write(os.path.join(work, "sub", ".ptlint.yaml"),
          "rules:\n  unused-variable: false\n")
    check(work, "--stdin-filename", "sub/y.c", stdin=WARN_C).exit(0)


def test_dump_model(work: str) -> None:
    """--dump-model prints a file's functions and lock events; a missing file
    is exit 2.

    Raises AssertionError if not.
    """
    write(os.path.join(work, "leak.py"), LEAK_PY)
    write(os.path.join(work, "leak.c"), LEAK_C)
    for name, fn in (("leak.py", "pop"), ("leak.c", "tree_bump")):
        res = check(work, "--dump-model", name).exit(0)
        res.expect(res.out.strip(), "empty model")
        res.expect(fn in res.out, "model lacks function %s" % fn)
        res.expect(re.search(r"\bacquire|lock", res.out),
                   "model shows no lock event")
    check(work, "--dump-model", "missing.py").exit(2)


# ------------------------------------------------------------------ config

def test_config_nearest(work: str) -> None:
    """Each file gets the nearest .ptlint.yaml above it, even above the
    working directory.

    Raises AssertionError if not.
    """
    write(os.path.join(work, ".ptlint.yaml"),
          "rules:\n  unused-import: {severity: error}\n")
    write(os.path.join(work, "a", ".ptlint.yaml"),
          "rules:\n  unused-import: false\n")
    write(os.path.join(work, "a", "b", "c", "w.py"), WARN_PY)
    write(os.path.join(work, "top.py"), WARN_PY)
    write(os.path.join(work, "d", "w.py"), WARN_PY)
    got, res = findings(work, ".")
    by = {(f["path"].replace("\\", "/").lstrip("./"), f["rule"]):
          f["severity"] for f in got}
    res.expect(("a/b/c/w.py", "unused-import") not in by,
               "nearest config (a/.ptlint.yaml) not applied to a/b/c/w.py")
    res.expect(by.get(("top.py", "unused-import")) == "error",
               "root config not applied to top.py")
    res.expect(by.get(("d/w.py", "unused-import")) == "error",
               "root config not applied to d/w.py")
    # run from inside a subdirectory: the config above cwd is found too
    got, res = findings(os.path.join(work, "d"), "w.py")
    res.expect([f["severity"] for f in got if f["rule"] == "unused-import"]
               == ["error"], "config above the working directory not found")


def test_config_flag(work: str) -> None:
    """--config FILE is used instead of the discovered configuration.

    Raises AssertionError if not.
    """
    write(os.path.join(work, ".ptlint.yaml"),
          "rules:\n  unused-import: false\n")
    other = write(os.path.join(work, "cfg", "other.yaml"),
                  "rules:\n  unused-import: {severity: note}\n")
    write(os.path.join(work, "w.py"), WARN_PY)
    got, res = findings(work, "w.py")
    res.expect("unused-import" not in rules_of(got), "discovered config")
    got, res = findings(work, "--config", other, "w.py")
    res.expect([f["severity"] for f in got if f["rule"] == "unused-import"]
               == ["note"], "--config FILE not used instead of discovery")
    check(work, "--config", other, "w.py").exit(0)
    check(work, "--config", other, "--fail-on", "note", "w.py").exit(1)


def test_config_overrides(work: str) -> None:
    """`overrides:` changes the rules only under its paths.

    Raises AssertionError if not.
    """
    write(os.path.join(work, ".ptlint.yaml"),
          'overrides:\n  - paths: ["tests/**"]\n    rules:\n'
          '      unused-import: false\n      unused-variable: false\n')
    write(os.path.join(work, "src", "w.py"), WARN_PY)
    write(os.path.join(work, "tests", "w.py"), WARN_PY)
    write(os.path.join(work, "tests", "deep", "w.c"), WARN_C)
    got, res = findings(work, ".")
    paths = {f["path"].lstrip("./") for f in got}
    res.expect("src/w.py" in paths, "override applied outside its paths")
    res.expect("tests/w.py" not in paths and "tests/deep/w.c" not in paths,
               "per-path override did not disable the rule")


def test_config_exclude(work: str) -> None:
    """`exclude:` leaves files out of the walk and of the file count.

    Raises AssertionError if not.
    """
    write(os.path.join(work, ".ptlint.yaml"), 'exclude: ["src/**"]\n')
    write(os.path.join(work, "src", "w.py"), WARN_PY)
    write(os.path.join(work, "tests", "w.py"), WARN_PY)
    got, res = findings(work, ".")
    res.expect(not any(f["path"].lstrip("./").startswith("src/")
                       for f in got), "exclude glob ignored")
    res.expect(res.json()["files"] == 1,
               "\"files\" counts the excluded file (expected 1)")


def test_config_fail_on(work: str) -> None:
    """`fail-on:` in the configuration is the default of --fail-on.

    Raises AssertionError if not.
    """
    # docs/configuration.md: `fail-on:` is the default of --fail-on
    write(os.path.join(work, ".ptlint.yaml"), "fail-on: never\n")
    write(os.path.join(work, "w.py"), WARN_PY)
    check(work, "w.py").exit(0)
    check(work, "--fail-on", "warning", "w.py").exit(1)
    write(os.path.join(work, ".ptlint.yaml"), "fail-on: error\n")
    check(work, "w.py").exit(0)
    write(os.path.join(work, ".ptlint.yaml"), "fail-on: note\n")
    write(os.path.join(work, "n.py"), '"""Doc."""\n\n\ndef add(a, b):\n'
          '    """Add."""\n    return a + b\n')
    got, res = findings(work, "n.py")
    res.expect(got and all(f["severity"] == "note" for f in got),
               "n.py should have only notes")
    check(work, "n.py").exit(1)


# -------------------------------------------------------------------- walk

def test_walk_gitignore(work: str) -> None:
    """The walk skips .git, build directories and what .gitignore lists,
    but not a path named on the command line.

    Raises AssertionError if not.
    """
    for rel in ("a.py", "sub/d.py", "build/b.py", ".git/c.py", "gen/e.py",
                "ign.py", "sub/build/f.py", "sub/x.log.py", "keep/k.py"):
        write(os.path.join(work, rel), WARN_PY)
    write(os.path.join(work, ".gitignore"),
          "# generated\ngen/\nign.py\n*.log.py\n")
    write(os.path.join(work, ".git", "HEAD"), "ref: refs/heads/main\n")
    got, res = findings(work, ".")
    paths = sorted({os.path.normpath(f["path"]) for f in got})
    res.expect(paths == ["a.py", "keep/k.py", "sub/d.py"],
               "walk analysed %s; expected a.py, keep/k.py, sub/d.py"
               % paths)
    # a file named explicitly is analysed even if ignored
    got, res = findings(work, "ign.py")
    res.expect([f["path"] for f in got], "explicit ignored path skipped")


def test_walk_no_write(work: str) -> None:
    """Checking a tree changes none of its files and adds none but the cache.

    Raises AssertionError if not.
    """
    src = os.path.join(clitest.repo_root(), "fixtures")
    tree = os.path.join(work, "tree")
    shutil.copytree(src, tree)
    write(os.path.join(tree, "w.py"), WARN_PY)
    before = clitest.checksums(tree)
    for fmt in ("text", "json", "sarif"):
        run(tree, "check", "--format", fmt, ".").exit(0, 1)
    run(tree, "check", "--no-cache", "--write-baseline",
        os.path.join(work, "base.json"), ".").exit(0, 1)
    after = clitest.checksums(tree)
    changed = [k for k in before if after.get(k) != before[k]]
    added = sorted(set(after) - set(before))
    assert not changed, "ptlint modified analysed files: %s" % changed
    assert not [a for a in added if not a.startswith(".ptlint")], \
        "ptlint created files in the tree: %s" % added


GROUPS = {
    "commands": [test_version, test_rules, test_explain, test_init],
    "exit": [test_exit_status, test_exit_bad_option, test_exit_unknown_rule,
             test_exit_missing_path, test_exit_bad_config,
             test_exit_syntax_error, test_exit_truncated_c,
             test_missing_header_said_once, test_undeclared_name_partial],
    "formats": [test_select_ignore, test_format_json, test_format_sarif,
                test_format_junit, test_format_github, test_output_file,
                test_text_format],
    "determinism": [test_determinism, test_cross_file_cache],
    "suppress": [test_suppress_inline, test_suppress_inline_c,
                 test_suppress_file, test_stdin, test_dump_model],
    "config": [test_config_nearest, test_config_flag, test_config_overrides,
               test_config_exclude, test_config_fail_on],
    "walk": [test_walk_gitignore, test_walk_no_write],
}

if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[2] not in GROUPS:
        sys.exit(__doc__)
    group = GROUPS[sys.argv[2]]
    clitest.main([(t.__name__[5:], t) for t in group],
                 [sys.argv[0], sys.argv[1]] + sys.argv[3:])
