#!/usr/bin/python3
"""Compare ptlint's hygiene rules with established oracles.

For each rule, ptlint and the oracle run on the same files; both outputs
are parsed into findings (path, line, name) and matched: exactly on
(path, line, name), then on (path, name) a few lines apart (a tool that
reports the `def` line against one that reports the decorator or the
statement's first line), then on (path, line) when a side gives no name
(two nameless findings only on the same line).  Printed per rule: both /
only-ptlint / only-oracle, and the agreement, the share of the oracle's
findings ptlint also reports.  inconsistent-indentation gets a second
row over the oracle's findings on code lines (the first line of a
statement), as the rule leaves comments, strings and continuation lines
alone.  `-v` prints sample differences.  docs/oracles.md records the
figures and explains every remaining difference.

    bench/oracles/compare.py --ptlint build/ptlint            # everything
    bench/oracles/compare.py --only unused-import,missing-doc -v
    bench/oracles/compare.py --corpus sqlite                   # C only

Corpora: the system Python's standard library (/usr/lib/python3.X) and
the SQLite amalgamation (`npm pack better-sqlite3@12`,
deps/sqlite3/sqlite3.c; fetched into --cache unless --sqlite names it).
Oracles (Debian): pyflakes3, pycodestyle, pydocstyle, flake8 with
python3-pep8-naming, python3-mccabe, mypy, pmccabe, clang.
"""

from __future__ import annotations

import argparse
import ast
import collections
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from typing import Callable, Iterator

WINDOW = 3          # lines apart that still match when the names agree
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def norm_name(text: str | None) -> str | None:
    """The comparable part of a quoted name: `a.b as c` -> `b`."""
    if text is None:
        return None
    text = text.split(" as ")[0].strip()
    return text.split(".")[-1]


class Finding:
    """One finding of ptlint or of an oracle: where, what name, its text."""

    __slots__ = ("path", "line", "name", "text", "codes")

    def __init__(self, path: str, line: int | str, name: str | None,
                 text: str) -> None:
        self.path = os.path.realpath(path)
        self.line = int(line)
        self.name = norm_name(name)
        self.text = text

    def __repr__(self) -> str:
        return "%s:%d: %s" % (self.path, self.line, self.text)


# report(rule, corpus, oracle, ptlint's findings, the oracle's): one row
Report = Callable[[str, str, str, list[Finding], list[Finding]], None]


def match(ours: list[Finding], theirs: list[Finding]
          ) -> tuple[list[tuple[Finding, Finding]], list[Finding],
                     list[Finding]]:
    """Pairs findings; returns (both, only_ours, only_theirs)."""
    by_path = collections.defaultdict(list)
    for f in ours:
        by_path[f.path].append(f)
    used = set()
    both, only_theirs = [], []
    passes = (
        lambda a, b: a.line == b.line and a.name == b.name,
        # (two nameless findings a few lines apart are different lines)
        lambda a, b: (a.name is not None and a.name == b.name and
                      abs(a.line - b.line) <= WINDOW),
        lambda a, b: (a.name is None or b.name is None) and a.line == b.line,
    )
    pending = list(theirs)
    for test in passes:
        rest = []
        for t in pending:
            hit = None
            for o in by_path.get(t.path, ()):
                if id(o) not in used and test(o, t):
                    hit = o
                    break
            if hit is None:
                rest.append(t)
            else:
                used.add(id(hit))
                both.append((hit, t))
        pending = rest
    only_theirs = pending
    only_ours = [o for o in ours if id(o) not in used]
    return both, only_ours, only_theirs


# ---------------------------------------------------------------- ptlint

def run_ptlint(args: argparse.Namespace, rule: str, paths: list[str],
               config: str | None = None, frontend: str | None = None,
               env: dict[str, str] | None = None) -> list[Finding]:
    """ptlint's findings of rule on paths, under the configuration text config."""
    cmd = [args.ptlint, "check", "--no-cache", "--format", "json",
           "--select", rule, "--fail-on", "never", "-j", str(args.jobs)]
    if frontend:
        cmd += ["--frontend", frontend]
    cfg = None
    if config is not None:
        cfg = tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False)
        cfg.write(config)
        cfg.close()
        cmd += ["--config", cfg.name]
    out = run_paths(cmd, paths)
    if cfg is not None:
        os.unlink(cfg.name)
    findings = []
    for f in out:
        m = re.search(r"'([^']*)'", f["message"])
        findings.append(Finding(f["path"], f["line"],
                                m.group(1) if m else None, f["message"]))
    return findings


def run_paths(cmd: list[str], paths: list[str], chunk: int = 400) -> list[dict]:
    """The JSON findings of ptlint command cmd on paths, chunk files a run."""
    found = []
    for i in range(0, len(paths), chunk):
        res = subprocess.run(cmd + paths[i:i + chunk], capture_output=True,
                             text=True)
        if res.returncode not in (0, 1):
            sys.exit("ptlint failed: %s" % res.stderr[:2000])
        found += json.loads(res.stdout)["findings"]
    return found


# ---------------------------------------------------------------- oracles

def lines_of(cmd: list[str], cwd: str | None = None) -> list[str]:
    """The lines cmd prints, its standard output then its standard error."""
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    return (res.stdout + res.stderr).splitlines()


def chunks(paths: list[str], n: int = 200) -> Iterator[list[str]]:
    """Yield paths in consecutive slices of at most n."""
    for i in range(0, len(paths), n):
        yield paths[i:i + n]


def pyflakes(paths: list[str], kind: str) -> list[Finding]:
    """pyflakes3's findings of kind (F401 or F841) on paths."""
    pat = {"F401": re.compile(r"^(.*?):(\d+):\d+:? '([^']*)' imported but "
                              r"unused"),
           "F841": re.compile(r"^(.*?):(\d+):\d+:? local variable '([^']*)' "
                              r"is assigned to but never used")}[kind]
    out = []
    for part in chunks(paths):
        for line in lines_of(["pyflakes3"] + part):
            m = pat.match(line)
            if m:
                out.append(Finding(m.group(1), m.group(2), m.group(3), line))
    return out


def pydocstyle(paths: list[str]) -> list[Finding]:
    """pydocstyle's D101, D102 and D103 findings on paths."""
    out = []
    head = re.compile(r"^(.*?):(\d+) in public (\w+) `([^`]*)`:")
    for part in chunks(paths, 100):
        text = lines_of(["pydocstyle", "--select=D101,D102,D103"] + part)
        for line in text:
            m = head.match(line)
            if m:
                out.append(Finding(m.group(1), m.group(2), m.group(4), line))
    return out


NAMING_CODES = ("N801", "N802", "N803", "N806", "N815", "N816")


def pep8_naming(paths: list[str], jobs: int) -> list[Finding]:
    """flake8's pep8-naming findings of NAMING_CODES on paths."""
    out = []
    pat = re.compile(r"^(.*?):(\d+):\d+: (N8\d\d) (.*)$")
    for part in chunks(paths, 300):
        for line in lines_of(["flake8", "-j", str(jobs), "--select",
                              ",".join(NAMING_CODES)] + part):
            m = pat.match(line)
            if m and m.group(3) in NAMING_CODES:
                name = re.search(r"'([^']*)'", m.group(4))
                out.append(Finding(m.group(1), m.group(2),
                                   name.group(1) if name else None, line))
    return out


def pycodestyle(paths: list[str]) -> list[Finding]:
    """pycodestyle's indentation findings on paths, one per line."""
    out = []
    pat = re.compile(r"^(.*?):(\d+):\d+: ([EW]\d+) ")
    for part in chunks(paths, 300):
        for line in lines_of(["pycodestyle", "--max-line-length=10000",
                              "--select=E101,E111,E114,E117,W191"] + part):
            m = pat.match(line)
            if m:
                out.append(Finding(m.group(1), m.group(2), None, line))
    # one finding per line, as ptlint reports a line once; `codes` keeps
    # every code pycodestyle gave the line
    uniq = {}
    for f in out:
        code = re.search(r":\d+: ([EW]\d+) ", f.text).group(1)
        first = uniq.setdefault((f.path, f.line), f)
        first.codes = getattr(first, "codes", set()) | {code}
    return list(uniq.values())


MCCABE = r"""
import ast, sys, mccabe
for path in sys.argv[2:]:
    try:
        with open(path, "rb") as fh:
            tree = compile(fh.read(), path, "exec", ast.PyCF_ONLY_AST)
    except (SyntaxError, ValueError):
        continue
    visitor = mccabe.PathGraphingAstVisitor()
    visitor.preorder(tree, visitor)
    for graph in visitor.graphs.values():
        if graph.complexity() >= int(sys.argv[1]):
            print("%s\t%d\t%s\t%d" % (path, graph.lineno, graph.entity,
                                       graph.complexity()))
"""


def oracle_python(module: str) -> str:
    """A Python interpreter that has `module` (the Debian one, when this
    script runs under another)."""
    for exe in (sys.executable, "/usr/bin/python3"):
        if subprocess.run([exe, "-c", "import " + module],
                          capture_output=True).returncode == 0:
            return exe
    sys.exit("no Python with %s: apt-get install python3-%s" % (module,
                                                                module))


def mccabe(paths: list[str], minimum: int = 11) -> list[Finding]:
    """mccabe's own graph, as `python3 -m mccabe --min 11` prints it."""
    out = []
    exe = oracle_python("mccabe")
    for part in chunks(paths, 300):
        for line in lines_of([exe, "-c", MCCABE, str(minimum)] + part):
            fields = line.split("\t")
            # mccabe also grades module-level statements ("If 274",
            # "TryExcept 663"): ptlint grades functions only
            if len(fields) == 4 and not re.search(r" \d+$", fields[2]):
                name = fields[2].split(".")[-1].split(" ")[-1]
                out.append(Finding(fields[0], fields[1], name, line))
    return out


def pmccabe(paths: list[str]) -> list[Finding]:
    """pmccabe's functions of paths with a traditional complexity over 10."""
    out = []
    pat = re.compile(r"^(\d+)\t(\d+)\t\d+\t(\d+)\t\d+\t(.*)\((\d+)\):\s*(.*)$")
    for line in lines_of(["pmccabe"] + paths):
        m = pat.match(line)
        if m and int(m.group(2)) > 10:
            out.append(Finding(m.group(4), m.group(5), m.group(6).strip(),
                               line))
    return out


CLANG_FLAGS = ["-fsyntax-only", "-w"]


def clang(paths: list[str], warnings: list[str],
          pattern: str) -> list[Finding]:
    """clang's warnings on each of paths, with only warnings on, that match
    pattern."""
    pat = re.compile(r"^(.*?):(\d+):\d+: warning: " + pattern)
    out = []
    for path in paths:
        cmd = ["clang", "-fsyntax-only", "-Wno-everything"] + warnings + [path]
        for line in lines_of(cmd):
            m = pat.match(line)
            if m:
                name = re.search(r"'([^']*)'", line)
                out.append(Finding(m.group(1), m.group(2),
                                   name.group(1) if name else None, line))
    return out


def compiled_lines(path: str) -> set[int]:
    """The lines of path that clang's preprocessor keeps (`clang -E`): the
    code the compiler sees, without the #if arms it skips."""
    marker = re.compile(r'^# (\d+) "(.*)"')
    target = os.path.realpath(path)
    kept: set[int] = set()
    line, here = 0, False
    for text in lines_of(["clang", "-E", "-w", path]):
        m = marker.match(text)
        if m:
            line = int(m.group(1))
            here = os.path.realpath(m.group(2)) == target
            continue
        if here and text.strip():
            kept.add(line)
        line += 1
    return kept


def mypy(paths: list[str]) -> list[Finding]:
    """mypy's no-untyped-def errors on paths, which share one directory."""
    out = []
    pat = re.compile(r"^(.*?):(\d+): error: (Function is missing [^[]*)"
                     r"\s+\[no-untyped-def\]")
    cmd = ["mypy", "--disallow-untyped-defs", "--disallow-incomplete-defs",
           "--ignore-missing-imports", "--follow-imports=skip",
           "--no-error-summary", "--show-error-codes", "--no-incremental",
           "--cache-dir=/dev/null", "--python-version", "3.11"]
    cwd = os.path.dirname(paths[0])
    for line in lines_of(cmd + paths, cwd=cwd):
        m = pat.match(line)
        if m:
            out.append(Finding(os.path.join(cwd, m.group(1)), m.group(2),
                               None, line))
    return out


# ---------------------------------------------------------------- helpers

def python_defs(path: str) -> dict[int, tuple[str, bool]]:
    """{def line: (name, public-api)} for a Python file, as mypy sees it:
    not nested in a function, name and class public or dunder."""
    try:
        with open(path, "rb") as fh:
            tree = ast.parse(fh.read())
    except (SyntaxError, ValueError):
        return {}
    defs = {}

    def public(name):
        return not name.startswith("_") or (name.startswith("__") and
                                            name.endswith("__"))

    def walk(node, cls_ok, in_fn):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                ok = cls_ok and not in_fn and public(child.name)
                defs[child.lineno] = (child.name, ok)
                walk(child, cls_ok, True)
            elif isinstance(child, ast.ClassDef):
                walk(child, cls_ok and not in_fn and
                     not child.name.startswith("_"), in_fn)
            else:
                walk(child, cls_ok, in_fn)
    walk(tree, True, False)
    return defs


def _import_starts(path: str) -> dict[int, int]:
    """{line: first line of its import statement} over path's imports;
    empty when path does not parse."""
    starts = {}
    try:
        with open(path, "rb") as fh:
            tree = ast.parse(fh.read())
    except (SyntaxError, ValueError):
        return starts
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for n in range(node.lineno, node.end_lineno + 1):
                starts[n] = node.lineno
    return starts


def import_lines(findings: list[Finding]) -> None:
    """pyflakes puts every name of a multi-line import on the statement's
    first line, ptlint on the name's own line: compare statement lines."""
    starts = {}
    for f in findings:
        if f.path not in starts:
            starts[f.path] = _import_starts(f.path)
        f.line = starts[f.path].get(f.line, f.line)


def four_space_unit(path: str) -> bool:
    """True when the file's indent unit is four spaces: the commonest step
    of INDENT tokens is 4 and most indented lines use spaces."""
    steps = collections.Counter()
    tabs = spaces = 0
    try:
        with open(path, "rb") as fh:
            stack = [0]
            for tok in tokenize.tokenize(fh.readline):
                if tok.type == tokenize.INDENT:
                    ws = tok.string
                    tabs += "\t" in ws
                    spaces += "\t" not in ws
                    width = len(ws.expandtabs(8))
                    steps[width - stack[-1]] += 1
                    stack.append(width)
                elif tok.type == tokenize.DEDENT:
                    stack.pop()
    except (tokenize.TokenError, SyntaxError, IndentationError,
            UnicodeDecodeError):
        return False
    return bool(steps) and steps.most_common(1)[0][0] == 4 and spaces >= tabs


def _tokens(path: str) -> list[tokenize.TokenInfo]:
    """The tokens of a Python file; none when it does not tokenize."""
    try:
        with open(path, "rb") as fh:
            return list(tokenize.tokenize(fh.readline))
    except (tokenize.TokenError, SyntaxError, UnicodeDecodeError):
        return []


def line_kinds(path: str) -> dict[int, str]:
    """{line: kind} for the lines of a Python file that are not the first
    line of a statement: "comment" (only a comment), "string" (inside a
    multi-line string), "continuation" (a later line of a statement).
    ptlint's inconsistent-indentation leaves all three alone."""
    kinds = {}
    toks = _tokens(path)
    first = None                # first row of the current statement
    code_rows = set()           # rows on which a code token starts
    for tok in toks:
        if tok.type in (tokenize.ENCODING, tokenize.NL, tokenize.INDENT,
                        tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        if tok.type == tokenize.NEWLINE:
            first = None
            continue
        row = tok.start[0]
        if tok.type == tokenize.COMMENT:
            if row not in code_rows:
                kinds.setdefault(row, "comment")
            continue
        if first is None:
            first = row
        elif row != first:
            kinds.setdefault(row, "continuation")
        code_rows.add(row)
        for r in range(tok.start[0] + 1, tok.end[0] + 1):
            kinds[r] = "string" if tok.type == tokenize.STRING \
                else "continuation"
    return kinds


def flipped_e101(f: Finding) -> bool:
    """pycodestyle's E101 on a line whose indentation holds no tab: after
    an E101, pycodestyle takes the offending line's character as the
    file's (`indent_char = line[0]`), so the next correctly indented line
    is "mixed" too.  No tab, no mix: an artifact of that state."""
    if getattr(f, "codes", None) != {"E101"}:
        return False
    with open(f.path, "rb") as fh:
        text = fh.read().split(b"\n")[f.line - 1]
    return b"\t" not in text[:len(text) - len(text.lstrip())]


def on_code_lines(findings: list[Finding]
                  ) -> tuple[list[Finding], collections.Counter]:
    """The findings on the first line of a statement, and a count of the
    others by line kind."""
    cache, code, other = {}, [], collections.Counter()
    for f in findings:
        if f.path not in cache:
            cache[f.path] = line_kinds(f.path)
        kind = cache[f.path].get(f.line)
        if kind is None and flipped_e101(f):
            kind = "E101 on a line with no tab"
        if kind is None:
            code.append(f)
        else:
            other[kind] += 1
    return code, other


def c_function_ranges(args: argparse.Namespace,
                      path: str) -> list[tuple[int, int, bool]]:
    """[(start, end, public)] of the C functions in `path`, from ptlint's
    tree-sitter model."""
    out = subprocess.run([args.ptlint, "check", "--frontend", "tree-sitter",
                          "--dump-model", path], capture_output=True,
                         text=True).stdout
    ranges = []
    pat = re.compile(r"^function \S+ (\d+):\d+-(\d+)( public)?")
    for line in out.splitlines():
        m = pat.match(line)
        if m:
            ranges.append((int(m.group(1)), int(m.group(2)),
                           bool(m.group(3))))
    return ranges


def in_static_function(ranges: list[tuple[int, int, bool]],
                       line: int) -> bool:
    """Whether line falls in a static function of ranges (or 3 lines above)."""
    for start, end, public in ranges:
        if start - 3 <= line <= end:
            return not public
    return False


# ---------------------------------------------------------------- corpora

def stdlib_files(args: argparse.Namespace) -> list[str]:
    """The standard library's .py files that parse as Python 3, sorted."""
    base = args.stdlib or sorted(glob.glob("/usr/lib/python3.[0-9]*"))[-1]
    files = []
    for path in sorted(glob.glob(os.path.join(base, "**", "*.py"),
                                 recursive=True)):
        if "site-packages" in path or "dist-packages" in path:
            continue
        try:
            with open(path, "rb") as fh:
                compile(fh.read(), path, "exec", ast.PyCF_ONLY_AST)
        except (SyntaxError, ValueError):
            continue            # not Python 3 (lib2to3 test data, ...)
        files.append(path)
    return files


def sqlite_file(args: argparse.Namespace) -> str:
    """The path of sqlite3.c: --sqlite, else fetched with npm into --cache."""
    if args.sqlite:
        return args.sqlite
    cache = os.path.join(args.cache, "sqlite")
    path = os.path.join(cache, "package", "deps", "sqlite3", "sqlite3.c")
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(["npm", "pack", "better-sqlite3@12", "--silent"],
                       cwd=cache, check=True, stdout=subprocess.DEVNULL)
        tarball = sorted(glob.glob(os.path.join(cache,
                                                "better-sqlite3-*.tgz")))[-1]
        subprocess.run(["tar", "xzf", tarball, "package/deps/sqlite3"],
                       cwd=cache, check=True)
    return path


def c_examples(args: argparse.Namespace) -> list[str]:
    """Real C nobody here wrote that clang compiles alone: the example
    programs Debian packages ship (zlib, libpng, liblzma, libidn2, expat,
    nettle...) under --c-examples, each kept when `clang -fsyntax-only`
    accepts it with the headers this machine has."""
    found = []
    for path in sorted(glob.glob(os.path.join(args.c_examples, "**", "*.c"),
                                 recursive=True)):
        ok = subprocess.run(["clang", "-fsyntax-only", "-w", path],
                            stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL).returncode == 0
        if ok:
            found.append(path)
    return found


def mypy_sample(args: argparse.Namespace, files: list[str]) -> list[str]:
    """Copies ~N stdlib files under unique names (so mypy does not see
    them as shadowing the typeshed stubs) and returns the copies."""
    rng = random.Random(args.seed)
    # a copied file cannot import relatively: mypy stops on such a file
    rel = re.compile(rb"^\s*from\s+\.", re.M)
    files = [p for p in files if not rel.search(open(p, "rb").read())]
    sample = rng.sample(files, min(args.mypy_sample, len(files)))
    tmp = os.path.join(args.cache, "mypy-sample")
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    copies = []
    for i, path in enumerate(sorted(sample)):
        base = os.path.basename(path)[:-3].replace("-", "_")
        dest = os.path.join(tmp, "s%03d_%s.py" % (i, base))
        shutil.copy(path, dest)
        copies.append(dest)
    return copies


# ---------------------------------------------------------------- comparisons

PEP8_STYLES = """rules:
  naming-inconsistency:
    options:
      function-style: snake_case
      variable-style: snake_case
      parameter-style: snake_case
      field-style: snake_case
      class-style: PascalCase
"""


def self_attribute(f: Finding) -> bool:
    """Is the finding's name assigned as `self.NAME` (or `cls.`) on its
    line?"""
    with open(f.path, encoding="utf-8", errors="replace") as handle:
        for number, text in enumerate(handle, 1):
            if number == f.line:
                return re.search(r"\b(self|cls)\.\w", text) is not None
    return False


def _compare_naming(args: argparse.Namespace, files: list[str],
                    report: Report) -> None:
    """naming-inconsistency against pep8-naming, on the files of one style."""
    auto = run_ptlint(args, "naming-inconsistency", files)
    pep8 = run_ptlint(args, "naming-inconsistency", files, PEP8_STYLES)

    # a file has mixed style when auto inference leaves PEP 8 there
    def key(fs: list[Finding]) -> collections.Counter:
        return collections.Counter((f.path, f.line) for f in fs)
    ka, kp = key(auto), key(pep8)
    mixed = {p for (p, _l) in set(ka) ^ set(kp)}
    clean = [p for p in files if os.path.realpath(p) not in mixed]
    print("naming: %d of %d files have mixed style (excluded)" %
          (len(files) - len(clean), len(files)))
    cset = {os.path.realpath(p) for p in clean}
    # pep8-naming has no check for attributes (`self.x`): ptlint's
    # findings on them are left out of the comparison; names bound in a
    # class body (N815) stay
    ours = [f for f in auto if f.path in cset and
            not (" fields" in f.text and self_attribute(f))]
    theirs = pep8_naming(clean, args.jobs)
    # N801 names the class with its underscores stripped (`_patch` is
    # "class name 'patch'"): compare names without them
    for f in ours + theirs:
        f.name = f.name.strip("_") if f.name else f.name
    report("naming-inconsistency", "stdlib", "pep8-naming " +
           ",".join(NAMING_CODES), ours, theirs)


def _compare_indentation(args: argparse.Namespace, files: list[str],
                         report: Report) -> None:
    """inconsistent-indentation against pycodestyle, on all lines and on
    the first lines of statements, in the files indented by four spaces."""
    four = [p for p in files if four_space_unit(p)]
    print("indentation: %d of %d files indent by four spaces" %
          (len(four), len(files)))
    ours = run_ptlint(args, "inconsistent-indentation", four)
    theirs = pycodestyle(four)
    report("inconsistent-indentation", "stdlib", "pycodestyle "
           "E101,E111,E114,E117,W191", ours, theirs)
    # the rule leaves comments, strings and continuation lines alone:
    # the agreement that measures it is over the oracle's findings on
    # the first lines of statements
    code, other = on_code_lines(theirs)
    print("indentation: oracle findings left out of the code-line "
          "row: %s" % (", ".join("%d %s" % (n, k) for k, n in
                                 sorted(other.items())) or "none"))
    report("inconsistent-indentation", "stdlib (code lines)",
           "pycodestyle, statement lines", ours, code)
    # with check-comments, the rule takes pycodestyle's view of comments
    cfg = ("rules:\n  inconsistent-indentation:\n    options:\n"
           "      check-comments: true\n")
    report("inconsistent-indentation", "stdlib, check-comments",
           "pycodestyle E101,E111,E114,E117,W191",
           run_ptlint(args, "inconsistent-indentation", four, cfg), theirs)


def _compare_type_hints(args: argparse.Namespace, files: list[str],
                        report: Report) -> None:
    """missing-type-hints against mypy, on a sample of the files."""
    sample = mypy_sample(args, files)
    theirs = []
    defs = {os.path.realpath(p): python_defs(p) for p in sample}
    for f in mypy(sample):
        d = defs.get(f.path, {}).get(f.line)
        if d is not None and d[1]:
            f.name = d[0]
            theirs.append(f)
    ours = run_ptlint(args, "missing-type-hints", sample)
    report("missing-type-hints", "stdlib (%d-file sample)" % len(sample),
           "mypy --disallow-untyped/incomplete-defs", ours, theirs)


def compare_python(args: argparse.Namespace, files: list[str],
                   report: Report) -> None:
    """Compare each Python rule asked for with its oracle on files."""
    only = args.only
    if want(only, "unused-import"):
        cfg = "rules:\n  unused-import:\n    options:\n" \
              "      check-init-files: true\n"
        ours = run_ptlint(args, "unused-import", files, cfg)
        import_lines(ours)
        report("unused-import", "stdlib", "pyflakes F401", ours,
               pyflakes(files, "F401"))
    if want(only, "unused-variable"):
        report("unused-variable", "stdlib", "pyflakes F841",
               run_ptlint(args, "unused-variable", files),
               pyflakes(files, "F841"))
    if want(only, "missing-doc"):
        report("missing-doc", "stdlib", "pydocstyle D101-D103",
               run_ptlint(args, "missing-doc", files), pydocstyle(files))
    if want(only, "naming-inconsistency"):
        _compare_naming(args, files, report)
    if want(only, "inconsistent-indentation"):
        _compare_indentation(args, files, report)
    if want(only, "excess-complexity"):
        cfg = ("rules:\n  excess-complexity:\n    options:\n"
               "      max-nesting: 1000000\n      max-lines: 1000000\n")
        report("excess-complexity", "stdlib", "mccabe --min 11",
               run_ptlint(args, "excess-complexity", files, cfg),
               mccabe(files))
    if want(only, "missing-type-hints"):
        _compare_type_hints(args, files, report)


def want(only: set[str] | None, rule: str) -> bool:
    """Whether rule is among those asked for (all when only is empty)."""
    return not only or rule in only


def compare_c(args: argparse.Namespace, name: str, paths: list[str],
              report: Report) -> None:
    """Compare each C rule asked for with its oracle on paths (the corpus
    called name), per frontend."""
    only = args.only
    ranges = None
    for frontend in ("tree-sitter", "clang"):
        corpus = "%s (%s)" % (name, frontend)
        if want(only, "unused-variable"):
            report("unused-variable (C)", corpus,
                   "clang -Wunused-variable -Wunused-but-set-variable",
                   run_ptlint(args, "unused-variable", paths,
                              frontend=frontend),
                   clang(paths, ["-Wunused-variable",
                                 "-Wunused-but-set-variable"],
                         r".*(unused variable|set but not used)"))
        if want(only, "unused-parameter"):
            theirs = clang(paths, ["-Wunused-parameter"], r"unused parameter")
            if ranges is None:
                ranges = {os.path.realpath(p): c_function_ranges(args, p)
                          for p in paths}
            static = [f for f in theirs
                      if in_static_function(ranges.get(f.path, []), f.line)]
            report("unused-parameter (static)", corpus,
                   "clang -Wunused-parameter in static functions",
                   run_ptlint(args, "unused-parameter", paths,
                              frontend=frontend), static)
            cfg = ("rules:\n  unused-parameter:\n    options:\n"
                   "      public-functions: true\n")
            report("unused-parameter (all)", corpus,
                   "clang -Wunused-parameter",
                   run_ptlint(args, "unused-parameter", paths, cfg,
                              frontend=frontend), theirs)
        if want(only, "excess-complexity"):
            cfg = ("rules:\n  excess-complexity:\n    options:\n"
                   "      max-nesting: 1000000\n      max-lines: 1000000\n")
            ours = run_ptlint(args, "excess-complexity", paths, cfg,
                              frontend=frontend)
            theirs = pmccabe(paths)
            report("excess-complexity", corpus, "pmccabe (traditional > 10)",
                   ours, theirs)
            if frontend == "clang":
                # libclang models the configuration being compiled, as
                # clang-tidy does; pmccabe reads every function.
                kept = {os.path.realpath(p): compiled_lines(p) for p in paths}
                report("excess-complexity", corpus + ", compiled code",
                       "pmccabe, functions clang -E keeps", ours,
                       [f for f in theirs
                        if f.line in kept.get(f.path, set())])
        if want(only, "non-prototype-declaration"):
            report("non-prototype-declaration", corpus,
                   "clang -Wstrict-prototypes",
                   run_ptlint(args, "non-prototype-declaration", paths,
                              frontend=frontend),
                   clang(paths, ["-Wstrict-prototypes"],
                         r".*\[-Wstrict-prototypes\]"))


def main() -> None:
    """Run the comparisons asked for and print a row per rule and corpus."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ptlint", default=os.path.join(ROOT, "build", "ptlint"))
    ap.add_argument("--corpus", choices=("all", "stdlib", "sqlite",
                                         "c-examples"), default="all")
    ap.add_argument("--only", type=lambda s: set(s.split(",")),
                    help="rule ids to compare (default: all)")
    ap.add_argument("--stdlib", help="standard library directory")
    ap.add_argument("--sqlite", help="path of sqlite3.c")
    ap.add_argument("--c-examples", default="/usr/share",
                    help="folder searched for C example programs")
    ap.add_argument("--cache", default=os.path.join(
        os.path.expanduser("~"), ".cache", "ptlint-oracles"))
    ap.add_argument("--mypy-sample", type=int, default=100)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="count", default=0)
    ap.add_argument("--samples", type=int, default=8,
                    help="differences shown per side with -v")
    ap.add_argument("--markdown", action="store_true",
                    help="print the table as Markdown")
    args = ap.parse_args()
    os.makedirs(args.cache, exist_ok=True)
    rows = []

    def report(rule: str, corpus: str, oracle: str, ours: list[Finding],
               theirs: list[Finding]) -> None:
        both, only_ours, only_theirs = match(ours, theirs)
        agree = 100.0 * len(both) / len(theirs) if theirs else 100.0
        rows.append((rule, corpus, oracle, len(both), len(only_ours),
                     len(only_theirs), agree))
        print("%-28s %-26s both %6d  only-ptlint %6d  only-oracle %6d  "
              "agreement %6.2f%%  (%s)" % (rule, corpus, len(both),
                                           len(only_ours), len(only_theirs),
                                           agree, oracle), flush=True)
        if args.verbose:
            for title, items in (("only ptlint", only_ours),
                                 ("only oracle", only_theirs)):
                for f in items[:args.samples * args.verbose]:
                    print("    %s: %s" % (title, f))

    if args.corpus in ("all", "stdlib"):
        compare_python(args, stdlib_files(args), report)
    if args.corpus in ("all", "sqlite"):
        compare_c(args, "sqlite3.c", [sqlite_file(args)], report)
    if args.corpus in ("all", "c-examples"):
        examples = c_examples(args)
        print("c-examples: %d C files under %s that clang compiles alone" %
              (len(examples), args.c_examples))
        compare_c(args, "C examples", examples, report)
    if args.markdown:
        print("\n| rule | corpus | oracle | both | only ptlint | only oracle "
              "| agreement |\n| --- | --- | --- | ---: | ---: | ---: | ---: |")
        for r in rows:
            print("| `%s` | %s | %s | %d | %d | %d | %.2f%% |" % r)


if __name__ == "__main__":
    main()
