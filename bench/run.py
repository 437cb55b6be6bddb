#!/usr/bin/env python3
"""The ptlint benchmark: ptlint against its parse-only floor and its peers.

    bench/run.py [--build DIR] [--runs N] [--out docs/performance.md]

Times, on the same files: ptlint --parse-only (the floor: read, parse,
build the model), the bare tree-sitter parse and walk (bench/ts_floor.c),
ptlint with all rules at -j1 and -j2, and the peers that are installed
(flake8 with pep8-naming, flake8-docstrings and mccabe; pylint; Ruff's
WebAssembly build; clang -fsyntax-only, clang-tidy, cppcheck, pmccabe).
Corpora: this machine's Python standard library, the SQLite amalgamation
(npm pack better-sqlite3@12) and the generated provider-tree corpus
(bench/gen_corpus.py, 1x/4x/16x).

Fast commands run --runs times (hyperfine when installed, else a loop)
and report the median; slow peers (over --slow seconds on the first run)
run once, and a peer is stopped after --cap seconds.  Peak memory comes
from wait4() on one extra run of each ptlint command.  Writes
docs/performance.md (table + targets) and docs/performance.svg.
Never part of the test suite.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")
FLAKE8_SELECT = "E1,W1,F841,F401,N,D1,C901"
TIDY_CHECKS = ",".join([
    "-*", "bugprone-unused-return-value", "cert-err33-c",
    "clang-analyzer-deadcode.DeadStores", "clang-analyzer-core.NullDereference",
    "clang-analyzer-security.insecureAPI.strcpy", "misc-unused-parameters",
    "readability-function-cognitive-complexity",
    "readability-identifier-naming", "readability-inconsistent-declaration-parameter-name",
])


def log(*args: object) -> None:
    """Print args on standard error, at once."""
    print(*args, file=sys.stderr, flush=True)


# Exit statuses of a run that worked: 0, or 1 for "findings reported"
# (ptlint, clang on a file it warns about).  Anything else - another
# status, a signal, a binary that is gone - is a failed run, and timing
# it would time the failure.
OK_STATUSES = (0, 1)


class Failed(Exception):
    """A benchmarked command did not run to completion."""


def exit_status(wait_status: int) -> int:
    """The exit code of a wait() status, or -N for death by signal N."""
    if os.WIFSIGNALED(wait_status):
        return -os.WTERMSIG(wait_status)
    return os.WEXITSTATUS(wait_status)


def run_once(argv: list[str], cap: float,
             cwd: str | None = None) -> tuple[float | None, float | None]:
    """Wall seconds and peak RSS (MB) of one run; None seconds on timeout.
    Raises Failed when the command fails (see OK_STATUSES)."""
    start = time.perf_counter()
    try:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, cwd=cwd)
    except OSError as error:
        raise Failed("cannot run: %s" % error.strerror)
    deadline = start + cap
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None, None
        time.sleep(0.005)
    code = exit_status(status)
    if code not in OK_STATUSES:
        raise Failed("exit status %d" % code)
    return time.perf_counter() - start, usage.ru_maxrss / 1024.0


def hyperfine(argv: list[str], runs: int, cwd: str | None) -> float | None:
    """Median wall seconds over `runs` runs, or None without hyperfine.
    Raises Failed when a run fails (see OK_STATUSES)."""
    exe = shutil.which("hyperfine")
    if exe is None:
        return None
    with tempfile.NamedTemporaryFile(suffix=".json") as out, \
            tempfile.NamedTemporaryFile("w", suffix=".sh") as script:
        # the file lists are long: hand hyperfine one script to run
        script.write("exec " + " ".join(shlex_quote(a) for a in argv) + "\n")
        script.flush()
        subprocess.run([exe, "--runs", str(runs), "--warmup", "0", "-i",
                        "--style", "none", "--export-json", out.name,
                        "sh " + script.name], cwd=cwd, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        result = json.load(open(out.name))["results"][0]
        bad = [c for c in result.get("exit_codes", []) if c not in OK_STATUSES]
        if bad:
            raise Failed("exit status %d" % bad[0])
        return statistics.median(result["times"])


def shlex_quote(text: str) -> str:
    """Quote text for a POSIX shell."""
    import shlex
    return shlex.quote(text)


class Bench:
    """The measurements of one benchmark run, as rows of dicts."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.rows = []          # dicts: corpus, tool, seconds, runs, mb, note

    def measure(self, corpus: str, tool: str, argv: list[str],
                cwd: str | None = None, peer: bool = False,
                note: str = "") -> float | None:
        """Time argv as tool on corpus and record a row; None if not timed."""
        try:
            return self.timed(corpus, tool, argv, cwd, peer, note)
        except Failed as failure:
            log("%-22s %-34s FAILED: %s" % (corpus, tool, failure))
            self.rows.append(dict(corpus=corpus, tool=tool, seconds=None,
                                  runs=0, mb=None,
                                  note="failed (%s), not timed" % failure))
            return None

    def timed(self, corpus: str, tool: str, argv: list[str], cwd: str | None,
              peer: bool, note: str) -> float | None:
        """Median seconds of argv, recorded as a row; None past the cap.

        Raises Failed when a run fails (see OK_STATUSES).
        """
        cap = self.args.cap if peer else 3600
        first, mb = run_once(argv, cap, cwd)
        if first is None:
            log("%-22s %-34s > %d s (stopped)" % (corpus, tool, cap))
            self.rows.append(dict(corpus=corpus, tool=tool, seconds=None,
                                  runs=1, mb=None, note=note or
                                  "stopped after %d s" % cap))
            return None
        times = [first]
        runs = 1
        if first < self.args.slow and self.args.runs > 1:
            med = hyperfine(argv, self.args.runs, cwd)
            if med is not None:
                times, runs = [med], self.args.runs
            else:
                for _ in range(self.args.runs - 1):
                    seconds, rss = run_once(argv, cap, cwd)
                    times.append(seconds)
                    mb = max(mb, rss)
                runs = len(times)
        seconds = statistics.median(times)
        log("%-22s %-34s %8.3f s  %6.0f MB  (%d runs)" %
            (corpus, tool, seconds, mb, runs))
        self.rows.append(dict(corpus=corpus, tool=tool, seconds=seconds,
                              runs=runs, mb=mb, note=note))
        return seconds

    def get(self, corpus: str, tool: str) -> float | None:
        """The median seconds recorded for tool on corpus, or None."""
        for row in self.rows:
            if row["corpus"] == corpus and row["tool"] == tool:
                return row["seconds"]
        return None


# ------------------------------------------------------------- corpora ----

def stdlib_files() -> list[str]:
    """The .py files of the Python standard library, in a stable order."""
    # the system interpreter's library (Debian: /usr/lib/python3.X, no
    # test suite); else the running interpreter's
    lib = "/usr/lib/python%d.%d" % sys.version_info[:2]
    if not os.path.isdir(lib):
        lib = sysconfig.get_paths()["stdlib"]
    files = []
    for dirpath, dirnames, filenames in os.walk(lib):
        dirnames[:] = sorted(d for d in dirnames
                             if d not in ("site-packages", "dist-packages"))
        files += [os.path.join(dirpath, f) for f in sorted(filenames)
                  if f.endswith(".py")]
    return files


def sqlite_file(cache: str) -> str:
    """The path of sqlite3.c, fetched with npm into cache the first time."""
    path = os.path.join(cache, "package", "deps", "sqlite3", "sqlite3.c")
    if not os.path.exists(path):
        os.makedirs(cache, exist_ok=True)
        subprocess.run(["npm", "pack", "better-sqlite3@12", "--silent"],
                       cwd=cache, check=True, stdout=subprocess.DEVNULL)
        tarball = sorted(glob.glob(os.path.join(cache, "better-sqlite3-*.tgz")))[-1]
        subprocess.run(["tar", "xzf", tarball, "package/deps/sqlite3"],
                       cwd=cache, check=True)
    return path


def ruff_dir(cache: str) -> str:
    """A directory under cache with Ruff's wasm build and ruff_check.js."""
    path = os.path.join(cache, "ruff")
    if not os.path.isdir(os.path.join(path, "node_modules", "@astral-sh")):
        os.makedirs(path, exist_ok=True)
        subprocess.run(["npm", "install", "--silent",
                        "@astral-sh/ruff-wasm-nodejs"], cwd=path, check=True,
                       stdout=subprocess.DEVNULL)
    shutil.copy(os.path.join(BENCH, "ruff_check.js"), path)
    return path


def build_ts_floor(build: str, cache: str) -> str:
    """Compile bench/ts_floor.c against build's grammars; return the binary."""
    exe = os.path.join(cache, "ts_floor")
    subprocess.run(["cc", "-O2", os.path.join(BENCH, "ts_floor.c"),
                    os.path.join(build, "libtree_sitter_c.a"),
                    os.path.join(build, "libtree_sitter_python.a"),
                    "-ltree-sitter", "-o", exe], check=True)
    return exe


def build_clang_floor(cache: str) -> str | None:
    """Compile bench/clang_floor.c against libclang-14; None without it."""
    exe = os.path.join(cache, "clang_floor")
    llvm = "/usr/lib/llvm-14"
    if not os.path.isdir(os.path.join(llvm, "include", "clang-c")):
        return None
    subprocess.run(["cc", "-O2", "-I" + os.path.join(llvm, "include"),
                    os.path.join(BENCH, "clang_floor.c"),
                    "-L" + os.path.join(llvm, "lib"), "-lclang",
                    "-Wl,-rpath," + os.path.join(llvm, "lib"), "-o", exe],
                   check=True)
    return exe


def copy_ptlint(build: str, cache: str) -> str:
    """A private copy of the build's ptlint, to time: a rebuild during the
    run replaces build/ptlint, and timing it in place measured (or broke
    on) whatever the build left there."""
    exe = os.path.join(cache, "ptlint")
    tmp = exe + ".tmp"
    shutil.copy2(os.path.join(build, "ptlint"), tmp)
    os.replace(tmp, exe)
    return exe


def lines_of(files: list[str]) -> int:
    """The number of lines in files."""
    total = 0
    for f in files:
        with open(f, "rb") as handle:
            total += handle.read().count(b"\n")
    return total


# ------------------------------------------------------------- benches ----

def ptlint_set(b: Bench, corpus: str, ptlint: str, files: list[str],
               frontend: str | None = None,
               jobs: tuple[int, ...] = (1, 2)) -> None:
    """Time ptlint on files: the parse-only floor, then all rules at jobs."""
    base = [ptlint, "check", "--no-cache", "--fail-on", "never",
            "--format", "json", "--output", os.devnull]
    if frontend:
        base += ["--frontend", frontend]
    b.measure(corpus, "ptlint --parse-only -j1", base + ["--parse-only", "-j1"] + files)
    for j in jobs:
        b.measure(corpus, "ptlint all rules -j%d" % j, base + ["-j%d" % j] + files)


def python_peers(b: Bench, corpus: str, files: list[str],
                 ruff: str | None, peers: set[str]) -> None:
    """Time the installed Python linters among peers on files."""
    if "flake8" in peers and shutil.which("flake8"):
        b.measure(corpus, "flake8 + plugins (-j2)",
                  ["flake8", "--select", FLAKE8_SELECT, "--max-complexity",
                   "10", "-j2", "--exit-zero"] + files, peer=True)
    if "ruff" in peers and ruff:
        b.measure(corpus, "ruff-wasm (node)",
                  ["node", os.path.join(ruff, "ruff_check.js"),
                   FLAKE8_SELECT] + files, peer=True)
    if "pylint" in peers and shutil.which("pylint"):
        b.measure(corpus, "pylint (-j2)",
                  ["pylint", "-j2", "--exit-zero", "--disable=all",
                   "--enable=W0611,W0612,C0103,C0114,C0115,"
                   "C0116,W0311,R1260,W0702,W0703,R0912"] + files,
                  peer=True, note="W0611,W0612,C0103,C011x,W0311,W0702/3,R0912")


def c_peers(b: Bench, corpus: str, path: str, peers: set[str]) -> None:
    """Time clang and the installed C tools among peers on path."""
    if shutil.which("clang"):
        b.measure(corpus, "clang -fsyntax-only", ["clang", "-fsyntax-only",
                  "-w", path], peer=True)
    if "pmccabe" in peers and shutil.which("pmccabe"):
        b.measure(corpus, "pmccabe", ["pmccabe", path], peer=True)
    if "cppcheck" in peers and shutil.which("cppcheck"):
        b.measure(corpus, "cppcheck --enable=style", ["cppcheck", "-q",
                  "--enable=style", "--max-configs=1", path], peer=True)
    if "clang-tidy" in peers and shutil.which("clang-tidy"):
        b.measure(corpus, "clang-tidy (matching checks)", ["clang-tidy",
                  "-checks=" + TIDY_CHECKS, "--quiet", path, "--", "-w"],
                  peer=True)


def main() -> None:
    """Run every benchmark and write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--slow", type=float, default=20.0,
                        help="a command slower than this runs once")
    parser.add_argument("--cap", type=float, default=300.0,
                        help="stop a peer after this many seconds")
    parser.add_argument("--cache", default=os.path.join(
        tempfile.gettempdir(), "ptlint-bench"))
    parser.add_argument("--peers", default="flake8,ruff,pylint,pmccabe,"
                        "cppcheck,clang-tidy")
    parser.add_argument("--scales", default="1,4,16")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs",
                                                      "performance.md"))
    parser.add_argument("--json", help="also write the raw rows here")
    args = parser.parse_args()
    peers = set(args.peers.split(",")) if args.peers else set()
    os.makedirs(args.cache, exist_ok=True)
    ptlint = copy_ptlint(args.build, args.cache)
    b = Bench(args)
    floor = build_ts_floor(args.build, args.cache)
    clang_floor = build_clang_floor(args.cache)
    ruff = ruff_dir(args.cache) if "ruff" in peers else None
    facts = {}

    # Python standard library
    std = stdlib_files()
    facts["stdlib"] = (len(std), lines_of(std))
    b.measure("python-stdlib", "tree-sitter bare parse+walk", [floor] + std)
    ptlint_set(b, "python-stdlib", ptlint, std)
    python_peers(b, "python-stdlib", std, ruff, peers - {"pylint"})
    sample = std[::8]
    facts["stdlib-sample"] = (len(sample), lines_of(sample))
    if "pylint" in peers:
        ptlint_set(b, "python-stdlib/8", ptlint, sample, jobs=(2,))
        python_peers(b, "python-stdlib/8", sample, None, {"pylint"})

    # SQLite amalgamation
    sqlite = sqlite_file(os.path.join(args.cache, "sqlite"))
    facts["sqlite"] = (1, lines_of([sqlite]))
    b.measure("sqlite3.c", "tree-sitter bare parse+walk", [floor, sqlite])
    ptlint_set(b, "sqlite3.c", ptlint, [sqlite], "tree-sitter", jobs=(1,))
    if clang_floor:
        b.measure("sqlite3.c", "libclang bare parse", [clang_floor, sqlite])
    b.measure("sqlite3.c", "ptlint libclang --parse-only",
              [ptlint, "check", "--no-cache", "--fail-on", "never",
               "--frontend", "clang", "--parse-only", sqlite])
    b.measure("sqlite3.c", "ptlint libclang all rules",
              [ptlint, "check", "--no-cache", "--fail-on", "never",
               "--format", "json", "--output", os.devnull,
               "--frontend", "clang", sqlite])
    c_peers(b, "sqlite3.c", sqlite, peers)

    # generated provider-tree corpus
    gen = os.path.join(args.cache, "gen")
    for scale in [int(s) for s in args.scales.split(",") if s]:
        subprocess.run([sys.executable, os.path.join(BENCH, "gen_corpus.py"),
                        gen, "--scale", str(scale)], check=True,
                       stdout=subprocess.DEVNULL)
        for lang, ext in (("c", "c"), ("python", "py")):
            files = sorted(glob.glob(os.path.join(gen, "%dx" % scale, lang,
                                                  "*." + ext)))
            corpus = "gen-%s %dx" % (lang, scale)
            facts[corpus] = (len(files), lines_of(files))
            b.measure(corpus, "tree-sitter bare parse+walk", [floor] + files)
            ptlint_set(b, corpus, ptlint, files,
                       "tree-sitter" if lang == "c" else None)

    # cache (on by default: check without --no-cache writes one entry per
    # file): one run that fills a fresh cache, then re-runs that hit it
    cache_dir = tempfile.mkdtemp(prefix="ptlint-cache-")
    env_run = [ptlint, "check", "--fail-on", "never", "-j2", "--format",
               "json", "--output", os.devnull] + std
    os.environ["PTLINT_CACHE_DIR"] = cache_dir
    try:
        cold, mb = run_once(env_run, 3600)
        log("%-22s %-34s %8.3f s  %6.0f MB  (1 run)" %
            ("python-stdlib", "ptlint -j2 filling the cache", cold, mb))
        b.rows.append(dict(corpus="python-stdlib",
                           tool="ptlint -j2 filling the cache", seconds=cold,
                           runs=1, mb=mb, note="the default without "
                           "--no-cache, into an empty cache directory"))
    except Failed as failure:
        log("%-22s %-34s FAILED: %s" % ("python-stdlib", "cache fill", failure))
        cold = None
    b.measure("python-stdlib", "ptlint -j2 cached re-run", env_run,
              note="after one run that filled the cache")
    del os.environ["PTLINT_CACHE_DIR"]
    shutil.rmtree(cache_dir, ignore_errors=True)
    facts["cold-cache-fill"] = cold

    if args.json:
        json.dump(dict(rows=b.rows, facts=facts), open(args.json, "w"),
                  indent=1)
    import report
    report.write(args.out, b, facts)


if __name__ == "__main__":
    sys.path.insert(0, BENCH)
    main()
