"""Writes docs/performance.md and docs/performance.svg from bench/run.py's
measurements (a Bench with .rows, and the corpus facts)."""
from __future__ import annotations

import os
import platform
import subprocess
from typing import TYPE_CHECKING, Callable, Optional

if TYPE_CHECKING:
    from run import Bench

# one row of the targets table: name, measured value, goal, met, detail
Target = tuple[str, str, str, bool, str]
# Bench.get: the median seconds of (corpus, tool), None if not measured
Getter = Callable[[str, str], Optional[float]]


def fmt(seconds: float | None) -> str:
    """Seconds for the table: two decimals below 100, none above, — if None."""
    if seconds is None:
        return "—"
    return "%.2f" % seconds if seconds < 100 else "%.0f" % seconds


def ratio(a: float | None, b: float | None) -> float | None:
    """a / b, or None when either is missing or b is zero."""
    return None if a is None or b is None or b == 0 else a / b


def cpu_name() -> str:
    """The CPU's model name from /proc/cpuinfo, else what platform says."""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _floor_targets(g: Getter) -> list[Target]:
    """All rules against the parse-only floor, and libclang's overhead."""
    out = []
    for corpus, label in (("python-stdlib", "Python (stdlib)"),
                          ("sqlite3.c", "C tree-sitter (sqlite3.c)"),
                          ("gen-c 16x", "C tree-sitter (generated 16x)"),
                          ("gen-python 16x", "Python (generated 16x)")):
        r = ratio(g(corpus, "ptlint all rules -j1"),
                  g(corpus, "ptlint --parse-only -j1"))
        if r is not None:
            out.append(("all rules -j1 / parse-only floor, " + label,
                        "%.2fx" % r, "≤ 1.5x", r <= 1.5, ""))
    r = ratio(g("sqlite3.c", "ptlint libclang all rules"),
              g("sqlite3.c", "ptlint libclang --parse-only"))
    if r is not None:
        out.append(("libclang all rules / libclang parse-only (sqlite3.c)",
                    "%.2fx" % r, "≤ 1.3x", r <= 1.3, ""))
    r1 = ratio(g("sqlite3.c", "ptlint libclang all rules"),
               g("sqlite3.c", "libclang bare parse"))
    if r1 is not None:
        out.append(("libclang all rules / libclang's bare parse (sqlite3.c)",
                    "%.2fx" % r1, "≤ 1.3x", r1 <= 1.3,
                    "bench/clang_floor.c: clang_parseTranslationUnit2 "
                    "with ptlint's flags, no walk"))
    r2 = ratio(g("sqlite3.c", "ptlint libclang all rules"),
               g("sqlite3.c", "clang -fsyntax-only"))
    if r2 is not None:
        out.append(("libclang all rules / clang -fsyntax-only (sqlite3.c)",
                    "%.2fx" % r2, "≤ 1.3x", r2 <= 1.3,
                    "clang's own parse, no model"))
    return out


def _speed_targets(g: Getter) -> list[Target]:
    """The -j2 speed-up, and ptlint's speed against flake8 and Ruff."""
    out = []
    for corpus in ("python-stdlib", "gen-c 16x", "gen-python 16x"):
        r = ratio(g(corpus, "ptlint all rules -j1"),
                  g(corpus, "ptlint all rules -j2"))
        if r is not None:
            out.append(("-j2 speed-up over -j1, " + corpus, "%.2fx" % r,
                        "≥ 1.7x", r >= 1.7, ""))
    r = ratio(g("python-stdlib", "flake8 + plugins (-j2)"),
              g("python-stdlib", "ptlint all rules -j2"))
    if r is not None:
        out.append(("flake8+plugins time / ptlint -j2 (stdlib)", "%.1fx" % r,
                    "≥ 20x", r >= 20, "flake8 at -j2 as well"))
    r = ratio(g("python-stdlib", "ruff-wasm (node)"),
              g("python-stdlib", "ptlint all rules -j2"))
    if r is not None:
        out.append(("Ruff wasm time / ptlint -j2 (stdlib)", "%.2fx" % r,
                    "> 1x", r > 1, ""))
    return out


def _growth_targets(g: Getter, facts: dict) -> list[Target]:
    """Time per line on the generated corpus, 16x against 1x."""
    out = []
    for lang in ("c", "python"):
        t1 = g("gen-%s 1x" % lang, "ptlint all rules -j1")
        t16 = g("gen-%s 16x" % lang, "ptlint all rules -j1")
        if t1 and t16:
            per1 = t1 / facts["gen-%s 1x" % lang][1]
            per16 = t16 / facts["gen-%s 16x" % lang][1]
            r = per16 / per1
            out.append(("linear growth, generated %s: time per line 16x / 1x"
                        % lang, "%.2f" % r, "≈ 1 (≤ 1.25)", r <= 1.25,
                        "1x %.2f s, 16x %.2f s" % (t1, t16)))
    return out


def _resource_targets(b: Bench, g: Getter) -> list[Target]:
    """Peak memory on the stdlib, and the cost of a cached re-run."""
    out = []
    mem = [row["mb"] for row in b.rows if row["corpus"] == "python-stdlib"
           and row["tool"] == "ptlint all rules -j2"]
    if mem and mem[0] is not None:
        out.append(("peak memory, stdlib, -j2", "%.0f MB" % mem[0],
                    "< 150 MB", mem[0] < 150, ""))
    cold = g("python-stdlib", "ptlint all rules -j2")
    warm = g("python-stdlib", "ptlint -j2 cached re-run")
    r = ratio(warm, cold)
    if r is not None:
        out.append(("cached re-run / uncached run (stdlib, -j2)",
                    "%.0f%%" % (100 * r), "< 10%", r < 0.10, ""))
    return out


def targets(b: Bench, facts: dict) -> list[Target]:
    """The issue-9 targets: (name, measured, goal, met, detail) per row."""
    g = b.get
    return (_floor_targets(g) + _speed_targets(g) + _growth_targets(g, facts)
            + _resource_targets(b, g))


def svg(b: Bench, path: str) -> None:
    """Horizontal bars: each corpus's times, relative to its floor."""
    groups = []
    for corpus in dict.fromkeys(row["corpus"] for row in b.rows):
        floor = b.get(corpus, "ptlint --parse-only -j1")
        rows = [r for r in b.rows if r["corpus"] == corpus and floor]
        if rows:
            groups.append((corpus, floor, rows))
    bar_h, gap, left, width = 16, 14, 300, 460
    import math
    max_ratio = max((r["seconds"] or 0) / f for _, f, rows in groups
                    for r in rows) if groups else 1
    scale_max = math.log10(max(max_ratio, 2)) + 0.3
    lo = -1.0                                   # 0.1x at the left edge

    def x_of(value):
        return left + width * (math.log10(value) - lo) / (scale_max - lo)

    height = 40 + sum(len(rows) * bar_h + gap + 16 for _, _, rows in groups)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="11">' % (left + width + 90,
                                                         height),
           '<text x="10" y="16" font-size="13">Time relative to ptlint '
           '--parse-only on the same files (log scale; lower is faster)'
           '</text>']
    y = 34
    for tick in (0.1, 0.3, 1, 3, 10, 30, 100, 300):
        if math.log10(tick) <= scale_max:
            out.append('<line x1="%.1f" y1="28" x2="%.1f" y2="%d" stroke="#ddd"/>'
                       '<text x="%.1f" y="%d" fill="#666">%gx</text>' % (
                           x_of(tick), x_of(tick), height - 12, x_of(tick) - 8,
                           height - 2, tick))
    for corpus, floor, rows in groups:
        out.append('<text x="10" y="%d" font-weight="bold">%s (floor %.2f s)'
                   '</text>' % (y + 11, corpus, floor))
        y += 16
        for r in rows:
            if r["seconds"] is None:
                value, colour = max_ratio, "#bbb"
                label = "failed" if r["runs"] == 0 else "> cap"
            else:
                value = r["seconds"] / floor
                label = "%.2fx (%.2f s)" % (value, r["seconds"])
                colour = ("#2b6cb0" if r["tool"].startswith("ptlint")
                          else "#999" if "tree-sitter bare" in r["tool"]
                          else "#dd6b20")
            x0 = x_of(0.1)
            out.append('<text x="20" y="%d">%s</text>' % (y + 12, r["tool"]))
            out.append('<rect x="%.1f" y="%d" width="%.1f" height="%d" '
                       'fill="%s"/>' % (x0, y + 2, max(1, x_of(value) - x0),
                                        bar_h - 4, colour))
            out.append('<text x="%.1f" y="%d">%s</text>' % (
                x_of(value) + 4, y + 12, label))
            y += bar_h
        y += gap
    out.append("</svg>")
    with open(path, "w") as handle:
        handle.write("\n".join(out) + "\n")


def write(path: str, b: Bench, facts: dict) -> None:
    """Write the Markdown report to path and its SVG plot beside it."""
    svg_path = os.path.splitext(path)[0] + ".svg"
    svg(b, svg_path)
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True).stdout.strip()
    except OSError:
        rev = "?"
    lines = []
    lines.append("# ptlint performance\n")
    lines.append("Measured by `bench/run.py` (see `bench/README.md`) on %s, "
                 "%d cores, ptlint at commit %s plus the working tree.  "
                 "Times are medians of the runs shown (hyperfine when "
                 "installed); peers slower than 20 s ran once.  Memory is the "
                 "peak RSS of one run.  Other work shared the machine, so "
                 "compare ratios within one run, not across runs.\n" % (
                     cpu_name(), os.cpu_count(), rev))
    lines.append("The floor is `ptlint check --parse-only`: read each file, "
                 "parse it and walk the tree into the program model (the "
                 "frontend's whole job), run no rule and touch no cache.  "
                 "`tree-sitter bare parse+walk` (`bench/ts_floor.c`) parses "
                 "and visits every node without building a model, so the gap "
                 "between the two is the model's cost.\n")
    lines.append("Corpora: " + "; ".join(
        "%s: %d files, %d lines" % (k, v[0], v[1])
        for k, v in facts.items() if isinstance(v, tuple)) + ".\n")
    lines.append("![times relative to the floor](performance.svg)\n")
    lines.append("| corpus | tool | median s | runs | peak MB | vs floor | note |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: | --- |")
    for row in b.rows:
        floor = b.get(row["corpus"], "ptlint --parse-only -j1")
        r = ratio(row["seconds"], floor)
        lines.append("| %s | %s | %s | %d | %s | %s | %s |" % (
            row["corpus"], row["tool"], fmt(row["seconds"]), row["runs"],
            "—" if row["mb"] is None else "%.0f" % row["mb"],
            "—" if r is None else "%.2fx" % r, row["note"]))
    lines.append("\n## Targets (issue 9), ratios from this one run\n")
    lines.append("| target | measured | goal | met |")
    lines.append("| --- | ---: | --- | --- |")
    for name, value, goal, ok, detail in targets(b, facts):
        lines.append("| %s%s | %s | %s | %s |" % (
            name, " (%s)" % detail if detail else "", value, goal,
            "yes" if ok else "**no**"))
    lines.append("")
    with open(path, "w") as handle:
        handle.write("\n".join(lines) + "\n")
