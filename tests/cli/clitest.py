"""Small helpers shared by the end-to-end CLI tests.

Every test gets a fresh temporary directory, runs the real ptlint binary
in it (so the result cache, if any, lands there and never in the repo),
and raises AssertionError with the command, the exit status and the
output when a contract is broken.  A test that cannot run here (a tool
that is missing, root ignoring chmod 000) raises Skip.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import traceback
from typing import Any, Callable

PTLINT = None
# Seconds one run may take before it counts as hung.  Sanitizer builds run
# several times slower; CI scales the limit for them (PTLINT_TIMEOUT_SCALE).
TIMEOUT = 60 * float(os.environ.get("PTLINT_TIMEOUT_SCALE", "1"))


class Skip(Exception):
    """The test, or one of its sub-checks, does not apply here."""


class Result:
    """One finished ptlint run: its command, directory, status and output."""

    def __init__(self, args: list[str], cwd: str,
                 proc: subprocess.CompletedProcess) -> None:
        self.args = args
        self.cwd = cwd
        self.rc = proc.returncode
        self.out = proc.stdout
        self.err = proc.stderr

    def describe(self) -> str:
        """The command, directory, exit status and output, for a message."""
        def cut(text: object) -> str:
            text = text if isinstance(text, str) else repr(text)
            return text if len(text) < 3000 else text[:3000] + "...[cut]"
        return ("\n  command: %s\n  cwd: %s\n  exit: %s\n  stdout: %s\n"
                "  stderr: %s" % (" ".join(self.args), self.cwd, self.rc,
                                  cut(self.out), cut(self.err)))

    def describe_full(self) -> str:
        """The command, directory, exit status and up to 20000 characters of stderr."""
        return ("\n  command: %s\n  cwd: %s\n  exit: %s\n  stderr:\n%s"
                % (" ".join(self.args), self.cwd, self.rc, self.err[:20000]))

    def expect(self, cond: object, what: str) -> Result:
        """Return self if cond holds, else raise AssertionError saying what."""
        if not cond:
            raise AssertionError(what + self.describe())
        return self

    def exit(self, *codes: int) -> Result:
        """Return self if the exit status is one of codes; else AssertionError."""
        return self.expect(self.rc in codes,
                           "expected exit status in %s" % (codes,))

    def not_crashed(self) -> Result:
        """Return self unless ptlint was killed, reported a sanitizer error
        or exited outside {0, 1, 2}: AssertionError then."""
        if self.rc < 0:
            try:
                name = signal.Signals(-self.rc).name
            except ValueError:
                name = str(-self.rc)
            raise AssertionError("ptlint was killed by signal %s"
                                 % name + self.describe())
        for marker in ("ERROR: AddressSanitizer", "ERROR: LeakSanitizer",
                       "WARNING: ThreadSanitizer", "runtime error:",
                       "ERROR: UndefinedBehaviorSanitizer"):
            if marker in self.err:
                raise AssertionError("sanitizer report (%s)" % marker
                                     + self.describe_full())
        return self.expect(self.rc in (0, 1, 2),
                           "exit status outside {0,1,2} (crash or "
                           "sanitizer report)")

    def json(self) -> Any:
        """Standard output parsed as JSON; AssertionError if it is not JSON."""
        try:
            return json.loads(self.out)
        except ValueError as e:
            raise AssertionError("stdout is not JSON: %s" % e
                                 + self.describe())


def run(cwd: str, *args: str, stdin: str | bytes | None = None,
        timeout: float = TIMEOUT, env: dict[str, str] | None = None) -> Result:
    """Run ptlint ARGS in CWD; never raises on a non-zero status.

    Raises AssertionError when ptlint hangs, is killed by a signal, reports
    a sanitizer error or exits outside {0, 1, 2}.
    """
    argv = [PTLINT, *args]
    full_env = dict(os.environ)
    full_env.pop("NO_COLOR", None)
    if env:
        full_env.update(env)
    try:
        proc = subprocess.run(argv, cwd=cwd, input=stdin,
                              capture_output=True, timeout=timeout,
                              env=full_env,
                              text=not isinstance(stdin, bytes),
                              errors=None if isinstance(stdin, bytes)
                              else "replace")
    except subprocess.TimeoutExpired:
        raise AssertionError("ptlint hung (> %ss): %s in %s"
                             % (timeout, " ".join(argv), cwd))
    res = Result(argv, cwd, proc)
    if isinstance(res.out, bytes):
        res.out = res.out.decode("utf-8", "replace")
        res.err = res.err.decode("utf-8", "replace")
    res.not_crashed()
    return res


def check(cwd: str, *args: str, **kw: Any) -> Result:
    """Run `ptlint check --no-cache ARGS`; AssertionError as run raises it."""
    return run(cwd, "check", "--no-cache", *args, **kw)


def findings(cwd: str, *args: str, **kw: Any) -> tuple[list[dict], Result]:
    """The JSON findings of `ptlint check ARGS`, and the run.

    Raises AssertionError as run does, or when the exit status is not 0.
    """
    res = check(cwd, "--format", "json", "--fail-on", "never", *args, **kw)
    res.exit(0)
    return res.json()["findings"], res


def write(path: str, text: str | bytes, mode: str = "w") -> str:
    """Write text to path, creating its directories; return path."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, mode) as handle:
        handle.write(text)
    return path


def checksums(root: str) -> dict[str, tuple[str, int, int]]:
    """sha256 and mtime of every regular file below ROOT, except the
    result cache ptlint may create beside it."""
    sums = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d != ".ptlint_cache"]
        for name in filenames:
            path = os.path.join(dirpath, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            st = os.stat(path)
            sums[os.path.relpath(path, root)] = (
                hashlib.sha256(data).hexdigest(), st.st_mtime_ns,
                st.st_mode)
    return sums


def repo_root() -> str:
    """The top directory of the ptlint source tree."""
    return os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _remove_tree(work: str) -> None:
    """Make everything below work writable again, then remove it."""
    for dirpath, dirnames, filenames in os.walk(work):
        for d in dirnames:
            try:
                os.chmod(os.path.join(dirpath, d), 0o755)
            except OSError:
                pass
        for f in filenames:
            try:
                os.chmod(os.path.join(dirpath, f), 0o644)
            except OSError:
                pass
    shutil.rmtree(work, ignore_errors=True)


def main(tests: list[tuple[str, Callable[[str], None]]],
         argv: list[str]) -> None:
    """Run TESTS (name -> function(workdir)); argv = [prog, PTLINT, ...]."""
    global PTLINT
    if len(argv) < 2:
        sys.exit("usage: %s PTLINT [TEST...]" % argv[0])
    PTLINT = os.path.abspath(argv[1])
    wanted = argv[2:]
    failed, skipped, passed = [], [], 0
    for name, fn in tests:
        if wanted and name not in wanted:
            continue
        work = tempfile.mkdtemp(prefix="ptlint-cli-")
        try:
            fn(work)
            passed += 1
            print("PASS %s" % name)
        except Skip as e:
            skipped.append(name)
            print("SKIP %s: %s" % (name, e))
        except Exception:  # noqa: BLE001 - report every failure
            failed.append(name)
            print("FAIL %s" % name)
            traceback.print_exc(file=sys.stdout)
        finally:
            _remove_tree(work)
        sys.stdout.flush()
    print("%d passed, %d failed, %d skipped" % (passed, len(failed),
                                                len(skipped)))
    if failed:
        print("failed: " + ", ".join(failed))
        sys.exit(1)
