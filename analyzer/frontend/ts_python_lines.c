/*
 * ts_python_lines.c - line kinds and block depth for Python.
 *
 * Statements are painted outside-in: a statement's rows get its depth, its
 * suites' rows one more; rows after a simple statement's first row (and
 * after a compound header's first row up to its ':') are continuations.
 * Multi-line strings and comment-only lines are marked afterwards by the
 * scan in ts_python.c (ts_py_lines_mark).
 */
#include "frontend/ts_python_int.h"

static void paint_stmt(ts_py_ctx *cx, TSNode s, uint16_t level, int depth);

/* Paints rows r0..r1 of a node that starts at `col` of row r0; when the
   node does not start its first row (`if x: return`), that row stays the
   outer statement's. */
static void set_depth(ts_py_ctx *cx, uint32_t r0, uint32_t col, uint32_t r1,
                      uint16_t lvl)
{
    if (r0 < cx->unit->lines.len && col != UINT32_MAX) {
        const pt_line *first = pt_unit_line(cx->unit, r0 + 1);
        if (col > (uint32_t)first->indent_tabs + first->indent_spaces) {
            r0++;
        }
    }
    for (uint32_t r = r0; r <= r1 && r < cx->unit->lines.len; r++) {
        pt_unit_line(cx->unit, r + 1)->depth = lvl;
    }
}

/* Where `n` starts on its row, or UINT32_MAX inside a parse error (the
   recovered tree's rows are painted as they come). */
static uint32_t start_col(TSNode n)
{
    return ts_node_has_error(n) ? UINT32_MAX : ts_node_start_point(n).column;
}

static void set_continuation(ts_py_ctx *cx, uint32_t r0, uint32_t r1)
{
    for (uint32_t r = r0; r <= r1 && r < cx->unit->lines.len; r++) {
        pt_line *line = pt_unit_line(cx->unit, r + 1);
        if (line->kind == PT_LINE_CODE) {
            line->kind = PT_LINE_CONTINUATION;
        }
    }
}

static bool is_suite_part(TSNode c)
{
    return ts_py_is(c, TS_PY_K_block) || ts_py_is_clause(c);
}

static void paint_block(ts_py_ctx *cx, TSNode block, uint16_t level,
                        int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    set_depth(cx, ts_node_start_point(block).row, start_col(block),
              ts_node_end_point(block).row, level);
    ts_py_it it = ts_py_kids(cx, block, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (!ts_py_is(c, TS_PY_K_comment)) {
            paint_stmt(cx, c, level, depth + 1);
        }
    }
    ts_py_it_done(&it);
}

/* A compound statement or clause: header continuation, suites deeper. */
static void paint_compound(ts_py_ctx *cx, TSNode s, uint16_t level,
                           int depth)
{
    uint32_t start = ts_node_start_point(s).row;
    uint32_t colon = start;
    bool header = true;
    ts_py_it it = ts_py_kids(cx, s, false);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_node_is_named(c) && is_suite_part(c)) {
            header = false;
            if (ts_py_is(c, TS_PY_K_block)) {
                paint_block(cx, c, (uint16_t)(level + 1), depth + 1);
            } else {
                paint_stmt(cx, c, level, depth + 1);
            }
        } else if (header && ts_py_is(c, TS_PY_K_colon)) {
            colon = ts_node_start_point(c).row;
        }
    }
    ts_py_it_done(&it);
    set_continuation(cx, start + 1, colon);
}

static void paint_stmt(ts_py_ctx *cx, TSNode s, uint16_t level, int depth)
{
    if (depth > TS_PY_MAX_DEPTH) {
        cx->overflow = true;
        return;
    }
    uint32_t r0 = ts_node_start_point(s).row;
    uint32_t r1 = ts_node_end_point(s).row;
    set_depth(cx, r0, start_col(s), r1, level);
    ts_py_kind kind = ts_py_kind_of(s);
    ts_py_it it = ts_py_kids(cx, s, true);
    if (kind == TS_PY_K_decorated_definition || kind == TS_PY_K_ERROR) {
        for (TSNode c; ts_py_it_next(&it, &c);) {
            if (!ts_py_is(c, TS_PY_K_comment)) {
                paint_stmt(cx, c, level, depth + 1);
            }
        }
        ts_py_it_done(&it);
        return;
    }
    bool compound = false;
    for (TSNode c; !compound && ts_py_it_next(&it, &c);) {
        compound = is_suite_part(c);
    }
    ts_py_it_done(&it);
    if (compound) {
        paint_compound(cx, s, level, depth);
        return;
    }
    set_continuation(cx, r0 + 1, r1);
}

void ts_py_lines_build(ts_py_ctx *cx, TSNode root)
{
    ts_py_it it = ts_py_kids(cx, root, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (!ts_py_is(c, TS_PY_K_comment)) {
            paint_stmt(cx, c, 0, 1);
        }
    }
    ts_py_it_done(&it);
}

void ts_py_lines_mark(ts_py_ctx *cx, TSNode node)
{
    uint32_t r0 = ts_node_start_point(node).row;
    uint32_t r1 = ts_node_end_point(node).row;
    if (ts_py_is(node, TS_PY_K_string)) {
        for (uint32_t r = r0 + 1; r <= r1 && r < cx->unit->lines.len; r++) {
            pt_unit_line(cx->unit, r + 1)->kind = PT_LINE_STRING;
        }
        return;
    }
    if (r0 >= cx->unit->lines.len) {
        return;
    }
    pt_line *line = pt_unit_line(cx->unit, r0 + 1);
    const char *p = cx->src + line->start;
    uint32_t i = 0;
    while (i < line->length && (p[i] == ' ' || p[i] == '\t' || p[i] == '\f' ||
                                (uint8_t)p[i] == 0xEF || (uint8_t)p[i] == 0xBB ||
                                (uint8_t)p[i] == 0xBF)) {
        i++;
    }
    if (line->start + i == ts_node_start_byte(node)) {
        line->kind = PT_LINE_COMMENT;
    }
}
