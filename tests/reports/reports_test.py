#!/usr/bin/env python3
"""End-to-end tests of `ptlint report --html` and `ptlint audit`.

usage: reports_test.py PTLINT SOURCE_DIR CASE [WORK_DIR]

Cases: html_structure, html_screenshot (exit 77 = skipped when chromium is
absent), audit_clean, audit_seeded, audit_claims, audit_formats.
"""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

PTLINT, SRC, CASE = sys.argv[1], sys.argv[2], sys.argv[3]
SEEDED = os.path.join(SRC, "tests", "reports", "seeded")
REVIEW = os.path.join(SRC, "tests", "reports", "review.txt")
SKIP = 77


def run(*args: str, cwd: str = SRC, ok: tuple[int, ...] = (0,)) -> str:
    """Run ptlint ARGS in cwd and return its stdout; fail unless it exits in ok."""
    proc = subprocess.run([PTLINT, *args], cwd=cwd, capture_output=True,
                          text=True)
    if proc.returncode not in ok:
        sys.exit(f"ptlint {' '.join(args)}: exit {proc.returncode}\n"
                 f"{proc.stderr}")
    return proc.stdout


def check(cond: object, what: str) -> None:
    """Fail the test, saying what was expected, unless cond holds."""
    if not cond:
        sys.exit(f"FAIL: {what}")


def render(target: str, work: str) -> tuple[str, str]:
    """Write the HTML report of target into work; return its path and text."""
    out = os.path.join(work, "report.html")
    run("report", "--html", out, target)
    with open(out, encoding="utf-8") as f:
        return out, f.read()


def self_contained(page: str) -> None:
    """No resource fetched from anywhere: links to docs are fine."""
    check(page.startswith("<!DOCTYPE html>"), "doctype")
    check(not re.search(r"<link\b", page, re.I), "no <link> element")
    check(not re.search(r"<script[^>]*\bsrc\s*=", page, re.I),
          "no external script")
    for m in re.finditer(r"<(\w+)\b[^>]*\b(src|href)\s*=\s*\"([^\"]*)\"",
                         page, re.I):
        tag, attr, url = m.group(1).lower(), m.group(2).lower(), m.group(3)
        remote = re.match(r"(https?:)?//", url, re.I)
        check(not (remote and tag != "a"),
              f"<{tag} {attr}={url}> loads a remote resource")
    check(not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I),
          "no remote CSS")


def case_html_structure(work: str) -> None:
    """Each HTML report is self-contained, with its charts, rankings, filters
    and an article per finding.
    """
    for target in ("fixtures/c", "fixtures/python", "tests/reports/seeded"):
        if not os.path.isdir(os.path.join(SRC, target)):
            continue
        _, page = render(target, work)
        self_contained(page)
        for chart in ("by-rule", "by-severity", "complexity"):
            check(re.search(r'id="%s".*?<svg\b' % chart, page, re.S),
                  f"{target}: SVG chart #{chart}")
        check('id="by-file"' in page and 'id="guards"' in page,
              f"{target}: files ranking and guard map")
        check('id="fs-error"' in page and "label class=\"chip" in page,
              f"{target}: filters")
        findings = json.loads(run("check", "--no-cache", "--format", "json",
                                  "--fail-on", "never", target))["findings"]
        check(page.count('<article class="f ') == len(findings),
              f"{target}: one article per finding ({len(findings)})")
        text = html.unescape(page)
        for f in findings:
            where = f"{f['path']}:{f['line']}:{f['column']}"
            check(where in text, f"{target}: finding at {where}")
            check(f["message"] in text, f"{target}: message {f['message']!r}")
            for step in f.get("steps", []):
                check(step["message"] in text,
                      f"{target}: step {step['message']!r}")
    _, page = render("tests/reports/seeded", work)
    check('class="l hit"' in page, "flagged line marked in excerpt")
    check("unguarded-shared-state.md" in page, "rule doc link")
    check(re.search(r"tree\.count</td><td class=\"mono\">t\.lock", page),
          "guard map shows tree.count guarded by t.lock")
    check(re.search(r"<b class=\"cx\">13</b> <code>tree_score", page),
          "complexity of tree_score is 13")
    _, page = render("fixtures/provider_tree", work)
    check("No findings." in page and page.count("<article") == 0,
          "the reference tree is clean")


def _png_chunks(data: bytes) -> tuple[tuple | None, bytes]:
    """The unpacked IHDR fields (None without one) and the concatenated
    IDAT data of a PNG file's bytes."""
    pos, idat, ihdr = 8, b"", None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            ihdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    return ihdr, idat


def _unfilter(ftype: int, line: bytearray, prev: bytearray, bpp: int,
              stride: int) -> None:
    """Undo PNG filter ftype on line in place, given the previous row."""
    if ftype == 1:
        for i in range(bpp, stride):
            line[i] = (line[i] + line[i - bpp]) & 255
    elif ftype == 2:
        for i in range(stride):
            line[i] = (line[i] + prev[i]) & 255
    elif ftype == 3:
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            line[i] = (line[i] + (left + prev[i]) // 2) & 255
    elif ftype == 4:
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
            line[i] = (line[i] + pr) & 255


def png_pixels(path: str) -> tuple[int, int, int, list[bytes]]:
    """(width, height, bytes per pixel, rows of RGB(A) bytes) of an 8-bit PNG."""
    with open(path, "rb") as f:
        data = f.read()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "a PNG")
    ihdr, idat = _png_chunks(data)
    width, height, depth, ctype = ihdr[:4]
    check(depth == 8 and ctype in (2, 6), "8-bit RGB or RGBA")
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        _unfilter(ftype, line, prev, bpp, stride)
        rows.append(bytes(line))
        prev = line
    return width, height, bpp, rows


def case_html_screenshot(work: str) -> None:
    """A headless Chromium renders the report: many colours, none dominant,
    and the dark header; exits 77 without Chromium.
    """
    browser = next((shutil.which(b) for b in
                    ("chromium", "chromium-browser", "google-chrome")
                    if shutil.which(b)), None)
    if browser is None:
        print("chromium not found: skipped")
        sys.exit(SKIP)
    page, _ = render("fixtures/c" if os.path.isdir(
        os.path.join(SRC, "fixtures/c")) else "tests/reports/seeded", work)
    png = os.path.join(work, "report.png")
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu",
                    "--hide-scrollbars", f"--screenshot={png}",
                    "--window-size=1280,2000", "file://" + page],
                   capture_output=True, timeout=120)
    check(os.path.exists(png) and os.path.getsize(png) > 20000,
          "a screenshot of some size")
    width, height, bpp, rows = png_pixels(png)
    colors = {}
    for row in rows[::4]:
        for x in range(0, width * bpp, 4 * bpp):
            px = row[x:x + 3]
            colors[px] = colors.get(px, 0) + 1
    total = sum(colors.values())
    top = max(colors.values())
    print(f"{png}: {width}x{height}, {len(colors)} colours sampled, "
          f"commonest {100 * top / total:.0f}%")
    check(len(colors) >= 64, "many distinct colours (not blank)")
    check(top / total < 0.85, "no single colour covers the page")
    dark = sum(n for px, n in colors.items() if sum(px) < 150)
    check(dark / total > 0.02, "the dark header is rendered")


def audit_points(text: str) -> dict[int, str]:
    """{point number: "confirmed" or "not found"} in an audit's text."""
    return {int(m.group(1)): m.group(2) for m in
            re.finditer(r"^ ?(\d+)\. [^:]+: (confirmed|not found)", text,
                        re.M)}


def case_audit_clean(work: str) -> None:
    """The audit of the reference tree confirms none of its ten points."""
    text = run("audit", "fixtures/provider_tree")
    points = audit_points(text)
    check(sorted(points) == list(range(1, 11)), "ten points")
    check(all(v == "not found" for v in points.values()),
          "every point not found on the reference tree:\n" + text)
    check(re.search(r"checked \d+ files, \d+ functions, \d+ lines", text),
          "what was checked")
    check("0 of 10 points confirmed." in text, "summary")


def case_audit_seeded(work: str) -> None:
    """The audit of the seeded tree confirms all ten points, errors first."""
    text = run("audit", ".", cwd=SEEDED)
    points = audit_points(text)
    check(all(points.get(i) == "confirmed" for i in range(1, 11)),
          "every point confirmed on the seeded tree:\n" + text)
    block = text.split(" 2. Locking")[1].split(" 3. ")[0]
    check(block.index("error:") < block.index("warning:"), "errors first")
    check(re.search(r"tree\.c:\d+:9: error: 't\.lock' is still held", block),
          "lock-leak evidence")


def case_audit_claims(work: str) -> None:
    """--claims relates each of the review's ten claims to the audit's points."""
    text = run("audit", "--claims", REVIEW, ".", cwd=SEEDED)
    labels = re.findall(r"^Claim (\d+): \"(.*)\"$", text, re.M)
    check([n for n, _ in labels] == [str(i) for i in range(1, 11)],
          "ten claims in the review's order:\n" + text)
    check(labels[0][1] == "Input validation is thorough: every name is "
          "validated", "the claim's first line quoted")
    claims = re.split(r"^Claim \d+: ", text, flags=re.M)[1:]
    expect = {1: ("1. Input validation", "contradicts"),
              2: ("2. Locking", "contradicts"),
              3: ("3. Naming", "contradicts"),
              4: ("4. Documentation", "supports"),
              5: ("5. Unused variables", "contradicts"),
              6: ("6. Indentation", "supports"),
              7: ("7. Error handling", "supports"),
              8: ("8. Exception handling", "supports"),
              10: ("10. Complexity", "contradicts")}
    for n, (point, relation) in expect.items():
        body = claims[n - 1]
        check(point in body and f"This {relation} the claim" in body,
              f"claim {n}: {point}, {relation}:\n{body}")
    check("not checkable by ptlint" in claims[8], "claim 9 not checkable")
    check("Not raised by the review" in text and "9. Type hints" in
          text.split("Not raised by the review")[1], "unraised point 9")


def case_audit_formats(work: str) -> None:
    """The audit in Markdown and in self-contained HTML; an unknown format is
    exit 2.
    """
    md = run("audit", "--format", "markdown", "--claims", REVIEW, ".",
             cwd=SEEDED)
    check(md.startswith("## ptlint audit"), "markdown heading")
    check("| 1 | Input validation | **confirmed** (3) |" in md,
          "markdown table")
    check(md.count("### Claim ") == 10 and "> Naming is consistent." in md,
          "markdown claims quoted")
    out = os.path.join(work, "audit.html")
    run("audit", "--format", "html", "--output", out, "--claims", REVIEW,
        ".", cwd=SEEDED)
    with open(out, encoding="utf-8") as f:
        page = f.read()
    self_contained(page)
    check(page.count("<h2>Claim ") == 10, "html claims")
    check('class="l hit"' in page, "html evidence with excerpts")
    proc = subprocess.run([PTLINT, "audit", "--format", "pdf", "."],
                          cwd=SEEDED, capture_output=True)
    check(proc.returncode == 2, "unknown format is exit 2")


def main() -> None:
    """Run the case named on the command line in its work directory."""
    work = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    globals()["case_" + CASE](os.path.abspath(work))
    print(f"{CASE}: ok")


if __name__ == "__main__":
    main()
