#!/usr/bin/env python3
"""The pre-commit hook, for real: Debian's pre-commit runs the `ptlint`
hook of this repository's .pre-commit-hooks.yaml in a temporary git
repository; a commit of a defective file is refused, a clean one passes.

usage: precommit_test.py PTLINT REPO_ROOT     (exit 77: skipped)
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile

CLEAN = '''"""A clean module."""


def add(left: int, right: int) -> int:
    """Return the sum."""
    return left + right
'''

DEFECTIVE = '''"""A module with an unused import."""
import os


def add(left: int, right: int) -> int:
    """Return the sum."""
    return left + right
'''


def git(cwd: str, *args: str) -> subprocess.CompletedProcess:
    """Run git ARGS in cwd as a test author; return the finished process."""
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@t")
    return subprocess.run(["git", *args], cwd=cwd, env=env,
                          capture_output=True, text=True)


def main() -> int:
    """Commit a defective file, then a clean one, through the ptlint hook.

    Returns 0 when the first is refused and the second accepted, 1 otherwise,
    77 when pre-commit is missing or the checkout is not a git repository.
    """
    ptlint, repo_root = os.path.abspath(sys.argv[1]), sys.argv[2]
    if shutil.which("pre-commit") is None:
        print("pre-commit is not installed; skipped")
        return 77
    head = git(repo_root, "rev-parse", "HEAD")
    if head.returncode != 0:
        print("the ptlint checkout is not a git repository; skipped")
        return 77
    with tempfile.TemporaryDirectory() as work:
        bindir = os.path.join(work, "bin")
        os.mkdir(bindir)
        os.symlink(ptlint, os.path.join(bindir, "ptlint"))
        project = os.path.join(work, "project")
        os.mkdir(project)
        git(project, "init", "-q")
        with open(os.path.join(project, ".pre-commit-config.yaml"), "w") as f:
            f.write("repos:\n  - repo: %s\n    rev: %s\n    hooks:\n"
                    "      - id: ptlint\n" % (repo_root, head.stdout.strip()))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ["PATH"],
                   PRE_COMMIT_HOME=os.path.join(work, "cache"))
        install = subprocess.run(["pre-commit", "install"], cwd=project,
                                 env=env, capture_output=True, text=True)
        assert install.returncode == 0, install.stderr
        os.environ.update(env)
        failures = 0
        for name, text, should_pass in (("bad.py", DEFECTIVE, False),
                                        ("good.py", CLEAN, True)):
            with open(os.path.join(project, name), "w") as f:
                f.write(text)
            git(project, "add", name, ".pre-commit-config.yaml")
            done = git(project, "commit", "-q", "-m", name)
            passed = done.returncode == 0
            print("%s: commit %s" % (name, "accepted" if passed else "refused"))
            if passed != should_pass:
                print(done.stdout, done.stderr)
                failures += 1
            if not passed:
                git(project, "rm", "-q", "--cached", name)
                os.remove(os.path.join(project, name))
        print("%d passed, %d failed" % (2 - failures, failures))
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
