#!/usr/bin/env python3
"""ptlint on the bad-input corpus (tests/bad-input/README.md).

Every input must give a clear message or a parse-error finding, never a
crash (no signal, exit status in {0,1,2}), never a hang (60 s), and the
run must go on with the other files.  ptlint must not modify any input.

usage: badinput_test.py PTLINT [TEST...]
"""
from __future__ import annotations

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "bad-input"))
import clitest  # noqa: E402
from clitest import Skip, check  # noqa: E402
import make_corpus  # noqa: E402

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
BIG = ("ten-mb-line-c", "ten-mb-line-py")


def corpus(work: str) -> tuple[str, list[dict]]:
    """Write the bad-input corpus under work; return its root and manifest."""
    root = os.path.join(work, "corpus")
    return root, make_corpus.make_corpus(root)


def entries(manifest: list[dict], kind: str,
            skip: tuple[str, ...] = ()) -> list[dict]:
    """The manifest entries of kind, but for those named in skip."""
    return [e for e in manifest if e["kind"] == kind and e["name"] not in skip]


def is_c(path: str) -> bool:
    """Whether path is a C source file."""
    return path.endswith(".c")


def diagnosed(res: clitest.Result, path: str, found: list[dict]) -> bool:
    """Did ptlint say something about PATH: a message on stderr naming
    it, or a finding for it?"""
    base = os.path.basename(path)
    return base in res.err or any(
        os.path.basename(f["path"]) == base for f in found)


def one_file(root: str, e: dict, *extra: str
             ) -> tuple[clitest.Result, list[dict] | None]:
    """Check entry e alone: exit 2 naming the file, or exit 0 (a valid file
    with no finding and nothing on stderr).

    Returns the run and its findings (None on exit 2); raises AssertionError
    when the run breaks one of these.
    """
    res = check(root, "--format", "json", "--fail-on", "never", *extra,
                e["path"])
    if res.rc == 2:
        res.expect(os.path.basename(e["path"]) in res.err,
                   "%s: exit 2 without a message naming the file" % e["name"])
        return res, None
    res.exit(0)
    found = res.json()["findings"]
    if e["valid"]:
        res.expect(not found, "%s: a clean, well-formed file has findings"
                   % e["name"])
        res.expect(not res.err.strip(), "%s: a well-formed file gives a "
                   "message on stderr" % e["name"])
    return res, found


def _files(work, *extra, only_c=False, skip=()):
    root, m = corpus(work)
    failures = []
    for e in entries(m, "file", skip):
        if only_c and not is_c(e["path"]):
            continue
        try:
            res, found = one_file(root, e, *extra)
            if found is not None and not e["valid"] and e["name"] not in (
                    "deep-nesting-c", "deep-nesting-py", "cr-only-c") + BIG:
                res.expect(diagnosed(res, e["path"], found),
                           "%s: neither a message nor a finding" % e["name"])
        except AssertionError as err:
            failures.append(str(err))
    if failures:
        raise AssertionError("\n\n".join(failures))


def test_each_file(work: str) -> None:
    """Each bad source file alone (the 10 MB lines: test_big_files).

    Raises AssertionError listing the files that fail.
    """
    _files(work, skip=BIG)


def test_each_file_tree_sitter(work: str) -> None:
    """Each bad C file alone through the tree-sitter frontend.

    Raises AssertionError listing the files that fail.
    """
    _files(work, "--frontend", "tree-sitter", only_c=True, skip=BIG)


def test_each_file_clang(work: str) -> None:
    """Each bad C file alone through libclang.

    Raises AssertionError listing the files that fail.
    """
    _files(work, "--frontend", "clang", only_c=True, skip=BIG)


def test_each_file_clang_db(work: str) -> None:
    """libclang with a compilation database naming every C file.

    Raises AssertionError listing the files that fail.
    """
    root = os.path.join(work, "corpus")
    os.makedirs(root)
    import json
    db = [{"directory": root, "file": rel, "arguments": ["cc", "-c", rel]}
          for rel in ("src/x.c", "src/nul_mid.c", "src/bad_utf8.c",
                      "src/deep.c", "src/truncated.c", "src/crlf.c",
                      "src/bom.c", "src/cr_only.c", "src/empty.c")]
    clitest.write(os.path.join(root, "compile_commands.json"), json.dumps(db))
    # corpus() below adds to the same directory
    global corpus
    real = corpus
    corpus = lambda w: (root, make_corpus.make_corpus(root))  # noqa: E731
    try:
        _files(work, "--frontend", "clang", "-p", root, only_c=True,
               skip=BIG)
    finally:
        corpus = real


def test_big_files(work: str) -> None:
    """A 10 MB single line, in C and in Python, within the 60 s limit.

    Raises AssertionError listing the files that fail.
    """
    root, m = corpus(work)
    failures = []
    for e in m:
        if e["name"] in BIG:
            try:
                one_file(root, e)
            except AssertionError as err:
                failures.append(str(err))
    if failures:
        raise AssertionError("\n\n".join(failures))


def test_crlf_bom_positions(work: str) -> None:
    """CRLF and BOM files give the same findings at the same places.

    Raises AssertionError if not.
    """
    root, _ = corpus(work)
    good = make_corpus.GOOD_PY
    variants = {
        "lf.py": good.encode(),
        "crlf.py": good.replace("\n", "\r\n").encode(),
        "bom.py": b"\xef\xbb\xbf" + good.encode(),
        "bomcrlf.py": b"\xef\xbb\xbf" + good.replace("\n", "\r\n").encode(),
    }
    for name, data in variants.items():
        clitest.write(os.path.join(root, "v", name), data, mode="wb")
    ref = None
    for name in variants:
        res = check(root, "--format", "json", "--fail-on", "never",
                    os.path.join("v", name)).exit(0)
        res.expect(not res.err.strip(), "stderr for %s" % name)
        got = [(f["rule"], f["line"], f["column"], f["message"])
               for f in res.json()["findings"]]
        if ref is None:
            ref = got
            res.expect(ref, "no finding in the LF reference")
        res.expect(got == ref, "%s: findings differ from the LF file: %s vs %s"
                   % (name, got, ref))


def test_missing_and_links(work: str) -> None:
    """Missing paths and symlink loops do not stop the run.

    Each is exit 2 with a message naming it (a looping directory may be
    walked instead), and the good file is still reported.  Raises
    AssertionError if not.
    """
    root, m = corpus(work)
    for e in entries(m, "missing") + entries(m, "symlink-loop"):
        res = check(root, "--format", "json", "--fail-on", "never",
                    "good/good.py", e["path"])
        if e["path"] == "loop":
            res.exit(0, 2)          # a directory: the walk must end
        else:
            res.exit(2)
            res.expect(os.path.basename(e["path"]) in res.err,
                       "%s: no message naming it" % e["name"])
        res.expect([f for f in res.json()["findings"]
                    if f["path"] == "good/good.py"],
                   "%s: the other file was not reported" % e["name"])


def test_unreadable(work: str) -> None:
    """Unreadable files and directories are exit 2, named, and the good file
    is still reported.

    Raises Skip when running as root; AssertionError when one of these fails.
    """
    root, m = corpus(work)
    if IS_ROOT:
        raise Skip("running as root: chmod 000 files stay readable")
    for e in entries(m, "unreadable"):
        res = check(root, "--format", "json", "--fail-on", "never",
                    "good/good.py", e["path"]).exit(2)
        res.expect("unreadable" in res.err or "locked" in res.err,
                   "%s: no message naming it" % e["name"])
        res.expect([f for f in res.json()["findings"]
                    if f["path"] == "good/good.py"],
                   "%s: the other file was not reported" % e["name"])


def test_configs(work: str) -> None:
    """Bad configurations are refused with a short file:line:col message (a
    huge one may be refused for its size); the valid ones load.

    Raises AssertionError listing the configurations that fail.
    """
    root, m = corpus(work)
    failures = []
    for e in entries(m, "config"):
        d = e["path"]
        res = check(root, "--format", "json", os.path.join(d, "good.py"))
        try:
            if e["name"] == "huge-config" and res.rc == 2:
                # a size limit is allowed if it is stated clearly
                res.expect(".ptlint.yaml" in res.err and
                           re.search(r"MiB|large|size", res.err),
                           "%s: refused without a clear message" % e["name"])
            elif e["valid"]:
                res.exit(1)
                res.expect([f for f in res.json()["findings"]
                            if f["rule"] == "unused-import"],
                           "%s: finding of good.py missing" % e["name"])
            elif e["name"] == "alias-bomb-config":
                # custom-rules is accepted and ignored: it loads, or it is
                # refused with a message; it must not hang or blow up
                res.exit(1, 2)
                if res.rc == 2:
                    res.expect(re.search(r"\.ptlint\.yaml:\d+:\d+", res.err),
                               "%s: no file:line:col" % e["name"])
            else:
                res.exit(2)
                res.expect(re.search(r"\.ptlint\.yaml:\d+:\d+", res.err),
                           "%s: message lacks .ptlint.yaml:line:col"
                           % e["name"])
                res.expect(len(res.err) < 4096,
                           "%s: message is not short (%d bytes)"
                           % (e["name"], len(res.err)))
        except AssertionError as err:
            failures.append(str(err))
    if failures:
        raise AssertionError("\n\n".join(failures))


def test_all_together(work: str, skip: tuple[str, ...] = BIG) -> None:
    """All bad inputs in one run: the good file is still reported.

    Raises AssertionError if not.
    """
    root, m = corpus(work)
    paths = ["good/good.py"] + [e["path"] for e in m
                                if e["kind"] in ("file", "missing",
                                                 "symlink-loop",
                                                 "unreadable")
                                and e["name"] not in skip]
    for j in ("1", "4"):
        res = check(root, "--format", "json", "--fail-on", "never", "-j", j,
                    *paths).exit(2)
        found = res.json()["findings"]
        res.expect([f for f in found if f["path"] == "good/good.py" and
                    f["rule"] == "unused-import"],
                   "good/good.py not reported")
        res.expect([f for f in found if f["path"] == "src/truncated.py" and
                    f["rule"] == "parse-error"],
                   "src/truncated.py parse-error not reported")
        res.expect("does_not_exist.c" in res.err, "missing path not named")


def test_all_together_big(work: str) -> None:
    """test_all_together with the 10 MB lines as well.

    Raises AssertionError if the good file is not reported.
    """
    test_all_together(work, skip=())


def test_walk(work: str) -> None:
    """Directory walk over the corpus (symlink loops, locked dirs).

    Raises AssertionError if the walk crashes, misses the good file,
    reports a finding twice or follows a symlink loop.
    """
    root, _ = corpus(work)
    os.remove(os.path.join(root, "src", "long_line.c"))
    os.remove(os.path.join(root, "src", "long_line.py"))
    res = check(root, "--format", "json", "--fail-on", "never",
                "src", "loop", "good")
    res.exit(0, 2)
    found = res.json()["findings"]
    res.expect([f for f in found if os.path.normpath(f["path"]) ==
                "good/good.py"], "good/good.py not reported")
    seen, dups = set(), []
    for f in found:
        key = (os.path.normpath(f["path"]), f["line"], f["column"],
               f["rule"], f["message"])
        if key in seen:
            dups.append(key)
        seen.add(key)
    res.expect(not dups, "the same finding reported twice: %s" % dups)
    res.expect(not any(p.startswith("loop/up") or "/self/" in p
                       for p in (os.path.normpath(f["path"]) for f in found)),
               "the walk followed a symlink loop")


def test_no_writes(work: str) -> None:
    """ptlint never writes into the analysed files.

    Raises AssertionError if it does, or crashes.
    """
    root, m = corpus(work)
    for rel in ("src/long_line.c", "src/long_line.py"):
        os.remove(os.path.join(root, rel))
    before = clitest.checksums(root)
    clitest.run(root, "check", "--fail-on", "never", "src", "good")
    clitest.run(root, "check", "--format", "sarif", "src", "good")
    for e in entries(m, "config"):
        clitest.run(root, "check", os.path.join(e["path"], "good.py"))
    after = clitest.checksums(root)
    changed = [k for k in before if after.get(k) != before[k]]
    assert not changed, "ptlint modified inputs: %s" % changed


def test_stdin_binary(work: str) -> None:
    """Bad bytes through --stdin-filename.

    Raises AssertionError on a crash or an exit status but 0 or 2.
    """
    root, _ = corpus(work)
    for rel in ("src/x.c", "src/bad_utf8.py", "src/truncated.c",
                "src/deep.py"):
        with open(os.path.join(root, rel), "rb") as handle:
            data = handle.read()
        check(root, "--fail-on", "never", "--stdin-filename", rel,
              stdin=data).exit(0, 2)


TESTS = [test_each_file, test_each_file_tree_sitter, test_each_file_clang,
         test_each_file_clang_db,
         test_crlf_bom_positions, test_missing_and_links, test_unreadable,
         test_configs, test_all_together, test_walk, test_no_writes,
         test_stdin_binary, test_big_files, test_all_together_big]

if __name__ == "__main__":
    clitest.main([(t.__name__[5:], t) for t in TESTS], sys.argv)
