#!/usr/bin/env python3
"""Generate ptlint's bad-input corpus into a directory (see README.md).

usage: make_corpus.py DIR        writes the corpus, prints its manifest (JSON)

Nothing here is committed as a binary: every input is made at test time.
As a module: make_corpus(DIR) returns the manifest, a list of entries
  {"name", "path" (relative to DIR), "kind", "valid"}
where kind is "file" (a source file), "missing" (a path that does not
exist), "unreadable", "symlink-loop", "config" (a directory holding a
.ptlint.yaml and a good file), and valid says whether the file is
well-formed source that must give no parse-error.
"""
from __future__ import annotations

import json
import os
import stat
import sys
from typing import Callable

# A well-formed pair with no findings in either language, reused for the
# CRLF / BOM variants.
CLEAN_C = ("/* Return the sum of a and b. */\n"
           "int add(int a, int b)\n{\n    return a + b;\n}\n")
CLEAN_PY = ('"""Module doc."""\n\n\n'
            'def add(a: int, b: int) -> int:\n'
            '    """Return the sum."""\n    return a + b\n')
# A file with one known finding: the run must still report it when it is
# given together with the bad inputs.
GOOD_PY = ('"""Module doc."""\nimport os\n\n\n'
           'def add(a: int, b: int) -> int:\n'
           '    """Return the sum."""\n    return a + b\n')

DEPTH = 5000
TEN_MB = 10 * 1024 * 1024

# add(name, rel, kind="file", valid=False): one manifest entry
Add = Callable[..., None]


def _write(root, rel, data):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())
    return rel


def _deep_c():
    # nested blocks, nested parentheses, nested if statements
    blocks = "{" * DEPTH + "}" * DEPTH
    parens = "(" * DEPTH + "1" + ")" * DEPTH
    ifs = "if (x) " * DEPTH + "x = 0;"
    return ("/* Deep. */\nint deep(int x)\n{\n    %s\n    %s\n"
            "    return %s;\n}\n" % (blocks, ifs, parens))


def _deep_py():
    parens = "(" * DEPTH + "1" + ")" * DEPTH
    lists = "[" * DEPTH + "]" * DEPTH
    # 5,000 nested ifs, one space of indentation per level (12 MB at 2)
    ifs = "".join(" " * i + "if x:\n" for i in range(DEPTH))
    ifs += " " * DEPTH + "pass\n"
    return ('"""Deep."""\n\n\ndef deep(x):\n    """Deep."""\n'
            "    return %s\n\n\ndef deeper(x):\n    \"\"\"Deeper.\"\"\"\n"
            "    return %s\n\n\nx = 1\n%s" % (parens, lists, ifs))


def _long_line_c():
    head = "int table[] = {"
    body = "0," * ((TEN_MB - len(head)) // 2)
    return "/* A table. */\n" + head + body + "0};\n"


def _long_line_py():
    head = '"""Doc."""\nTABLE = ['
    body = "0," * ((TEN_MB - len(head)) // 2)
    return head + body + "0]\n"


def _add_sources(root: str, add: Add) -> None:
    """The source files: binary, invalid UTF-8, huge, deep, truncated, and
    well-formed ones with CRLF, a BOM, a lone CR or nothing in them."""
    add("binary-nul-c", _write(root, "src/x.c",
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64 + b"\x00" * 512))
    add("binary-nul-py", _write(root, "src/blob.py",
        b"import os\x00\x00\x00\xff\xfe" + bytes(range(256)) * 16))
    add("nul-in-middle-c", _write(root, "src/nul_mid.c",
        CLEAN_C.encode() + b"\x00\x00int g(void) { return 0; }\n"))
    add("invalid-utf8-c", _write(root, "src/bad_utf8.c",
        b"/* caf\xe9 \xc3\x28 \xed\xa0\x80 \xf8\x88\x80\x80\x80 */\n"
        b"int f\xff(int a)\n{\n    return a; /* \x80\x81 */\n}\n"
        b"const char *s = \"\xc0\xaf\xe2\x82\";\n"))
    add("invalid-utf8-py", _write(root, "src/bad_utf8.py",
        b'"""Doc \xe9\xc3\x28."""\n\n\ndef f\xff(a):\n'
        b'    """\xed\xa0\x80."""\n    return "\xc0\xaf\xe2\x82"\n'))
    add("ten-mb-line-c", _write(root, "src/long_line.c", _long_line_c()))
    add("ten-mb-line-py", _write(root, "src/long_line.py", _long_line_py()))
    add("deep-nesting-c", _write(root, "src/deep.c", _deep_c()))
    add("deep-nesting-py", _write(root, "src/deep.py", _deep_py()))
    add("truncated-c", _write(root, "src/truncated.c",
        CLEAN_C + "/* Cut. */\nint cut(int a, const char *s)\n{\n"
        "    if (a > 0) {\n        return s[a"))
    add("truncated-py", _write(root, "src/truncated.py",
        CLEAN_PY + '\n\ndef cut(a):\n    """Cut."""\n    if a > 0:\n'
        '        return {"k": [a, "unterminated'))
    add("crlf-c", _write(root, "src/crlf.c",
        CLEAN_C.replace("\n", "\r\n")), valid=True)
    add("crlf-py", _write(root, "src/crlf.py",
        CLEAN_PY.replace("\n", "\r\n")), valid=True)
    add("bom-c", _write(root, "src/bom.c",
        b"\xef\xbb\xbf" + CLEAN_C.encode()), valid=True)
    add("bom-py", _write(root, "src/bom.py",
        b"\xef\xbb\xbf" + CLEAN_PY.encode()), valid=True)
    add("bom-crlf-py", _write(root, "src/bom_crlf.py",
        b"\xef\xbb\xbf" + CLEAN_PY.replace("\n", "\r\n").encode()),
        valid=True)
    add("cr-only-c", _write(root, "src/cr_only.c",
        CLEAN_C.replace("\n", "\r")))
    add("empty-c", _write(root, "src/empty.c", b""), valid=True)
    add("empty-py", _write(root, "src/empty.py", b""), valid=True)
    add("no-final-newline-py", _write(root, "src/no_newline.py",
        CLEAN_PY.rstrip("\n")), valid=True)


def _add_links(root: str, add: Add) -> None:
    """Symlink loops (a directory and two files) and a dangling symlink."""
    # a symlink loop: a directory link to its own parent, and two file links
    loop = os.path.join(root, "loop")
    os.makedirs(loop, exist_ok=True)
    os.symlink("..", os.path.join(loop, "up"))
    os.symlink(".", os.path.join(loop, "self"))
    os.symlink("l2.c", os.path.join(loop, "l1.c"))
    os.symlink("l1.c", os.path.join(loop, "l2.c"))
    add("symlink-loop-dir", "loop", kind="symlink-loop")
    add("symlink-loop-file", "loop/l1.c", kind="symlink-loop")
    os.symlink("nowhere.py", os.path.join(root, "src", "dangling.py"))
    add("dangling-symlink", "src/dangling.py", kind="symlink-loop")


def _add_unreadable(root: str, add: Add) -> None:
    """A file and a directory with mode 000."""
    rel = _write(root, "src/unreadable.py", GOOD_PY)
    os.chmod(os.path.join(root, rel), 0)
    add("unreadable-file", rel, kind="unreadable")
    os.makedirs(os.path.join(root, "src", "locked"), exist_ok=True)
    _write(root, "src/locked/inner.py", GOOD_PY)
    os.chmod(os.path.join(root, "src", "locked"), 0)
    add("unreadable-dir", "src/locked", kind="unreadable")


def _add_configs(root: str, add: Add) -> None:
    """Configurations, each in its own directory beside a good file."""
    huge = ["# a configuration over 1 MiB: a long vocabulary\n",
            "vocabulary:\n  validators:\n"]
    size = 0
    i = 0
    while size < 1100 * 1024:
        line = "    - is_valid_thing_number_%08d\n" % i
        huge.append(line)
        size += len(line)
        i += 1
    _write(root, "cfg-huge/.ptlint.yaml", "".join(huge))
    _write(root, "cfg-huge/good.py", GOOD_PY)
    add("huge-config", "cfg-huge", kind="config", valid=True)

    _write(root, "cfg-huge-junk/.ptlint.yaml",
           b"rules:\n  " + b"x" * (2 * 1024 * 1024) + b": [\n")
    _write(root, "cfg-huge-junk/good.py", GOOD_PY)
    add("huge-malformed-config", "cfg-huge-junk", kind="config")

    _write(root, "cfg-malformed/.ptlint.yaml",
           "rules:\n  unused-import: {severity: error\n"
           "\tfail-on: [warning\n  - : :\n")
    _write(root, "cfg-malformed/good.py", GOOD_PY)
    add("malformed-config", "cfg-malformed", kind="config")

    _write(root, "cfg-binary/.ptlint.yaml", b"\x00\xff\xfe\x00rules\x00:")
    _write(root, "cfg-binary/good.py", GOOD_PY)
    add("binary-config", "cfg-binary", kind="config")

    _write(root, "cfg-wrongtype/.ptlint.yaml",
           "rules: [1, 2]\nexclude: 7\noverrides: {paths: 3}\n")
    _write(root, "cfg-wrongtype/good.py", GOOD_PY)
    add("wrong-type-config", "cfg-wrongtype", kind="config")

    _write(root, "cfg-deep/.ptlint.yaml",
           "rules:\n  missing-doc: " + "[" * DEPTH + "]" * DEPTH + "\n")
    _write(root, "cfg-deep/good.py", GOOD_PY)
    add("deep-config", "cfg-deep", kind="config")

    # a "billion laughs" of aliases under a key that is accepted and ignored
    _write(root, "cfg-anchors/.ptlint.yaml",
           "custom-rules:\n"
           "  - &a [x, x, x, x, x, x, x, x, x]\n"
           "  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
           "  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
           "  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
           "  - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
           "  - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
           "  - &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
           "  - &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]\n")
    _write(root, "cfg-anchors/good.py", GOOD_PY)
    add("alias-bomb-config", "cfg-anchors", kind="config")

    _write(root, "cfg-empty/.ptlint.yaml", b"")
    _write(root, "cfg-empty/good.py", GOOD_PY)
    add("empty-config", "cfg-empty", kind="config", valid=True)


def make_corpus(root: str) -> list[dict]:
    """Write the corpus into ROOT; return the manifest."""
    os.makedirs(root, exist_ok=True)
    m = []

    def add(name: str, rel: str, kind: str = "file",
            valid: bool = False) -> None:
        m.append({"name": name, "path": rel, "kind": kind, "valid": valid})

    _add_sources(root, add)
    _add_links(root, add)
    _add_unreadable(root, add)
    add("missing-path", "src/does_not_exist.c", kind="missing")
    _add_configs(root, add)
    _write(root, "good/good.py", GOOD_PY)
    return m


def restore_permissions(root: str) -> None:
    """Make the corpus removable again (undo chmod 000)."""
    for rel in ("src/unreadable.py", "src/locked"):
        path = os.path.join(root, rel)
        if os.path.lexists(path):
            os.chmod(path, stat.S_IRWXU)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    json.dump(make_corpus(sys.argv[1]), sys.stdout, indent=2)
    print()
