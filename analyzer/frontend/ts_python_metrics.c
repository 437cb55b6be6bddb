/*
 * ts_python_metrics.c - decisions as the `mccabe` module (0.7) counts them
 * and the deepest compound-statement nesting of a function body.
 *
 * mccabe's graph adds, per statement: `if`/`elif` +1; `for`/`while` +1;
 * `try` +1 per except clause +1 (its finally body is not visited); a nested
 * def +1 plus its own decisions; a nested class's methods likewise; `with`
 * adds nothing; `match` and `try`/`except*` are opaque simple statements.
 */
#include "frontend/ts_python_int.h"

static uint32_t block_decisions(TSNode block, int depth);

static uint32_t if_decisions(TSNode node, int depth)
{
    uint32_t d = 1 + block_decisions(ts_py_field(node, "consequence"), depth);
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_py_child(node, i);
        if (ts_py_is(c, "elif_clause")) {
            d += 1 + block_decisions(ts_py_field(c, "consequence"), depth);
        } else if (ts_py_is(c, "else_clause")) {
            d += block_decisions(ts_py_field(c, "body"), depth);
        }
    }
    return d;
}

static uint32_t try_decisions(TSNode node, int depth)
{
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        if (ts_py_is(ts_py_child(node, i), "except_group_clause")) {
            return 0;           /* ast.TryStar: mccabe does not look in */
        }
    }
    uint32_t d = 1 + block_decisions(ts_py_field(node, "body"), depth);
    for (uint32_t i = 0; i < n; i++) {
        TSNode c = ts_py_child(node, i);
        if (ts_py_is(c, "except_clause")) {
            TSNode b = ts_py_child(c, ts_py_nchild(c) - 1);
            d += 1 + block_decisions(b, depth);
        } else if (ts_py_is(c, "else_clause")) {
            d += block_decisions(ts_py_field(c, "body"), depth);
        }
    }
    return d;
}

static uint32_t stmt_decisions(TSNode s, int depth)
{
    const char *t = ts_py_type(s);
    if (strcmp(t, "decorated_definition") == 0) {
        return stmt_decisions(ts_py_field(s, "definition"), depth + 1);
    }
    if (strcmp(t, "if_statement") == 0) {
        return if_decisions(s, depth);
    }
    if (strcmp(t, "for_statement") == 0 || strcmp(t, "while_statement") == 0) {
        TSNode alt = ts_py_field(s, "alternative");
        return 1 + block_decisions(ts_py_field(s, "body"), depth) +
               (ts_node_is_null(alt)
                    ? 0 : block_decisions(ts_py_field(alt, "body"), depth));
    }
    if (strcmp(t, "try_statement") == 0) {
        return try_decisions(s, depth);
    }
    if (strcmp(t, "with_statement") == 0 ||
        strcmp(t, "class_definition") == 0) {
        return block_decisions(ts_py_field(s, "body"), depth);
    }
    if (strcmp(t, "function_definition") == 0) {
        return 1 + block_decisions(ts_py_field(s, "body"), depth);
    }
    return 0;
}

static uint32_t block_decisions(TSNode block, int depth)
{
    if (ts_node_is_null(block) || depth > TS_PY_MAX_DEPTH) {
        return 0;
    }
    uint32_t d = 0;
    uint32_t n = ts_py_nchild(block);
    for (uint32_t i = 0; i < n; i++) {
        d += stmt_decisions(ts_py_child(block, i), depth + 1);
    }
    return d;
}

uint32_t ts_py_decisions(TSNode body, int depth)
{
    return block_decisions(body, depth);
}

static uint32_t nest_max(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

/* Deepest nesting inside `node`'s suites, `node` itself at level `lvl`. */
static uint32_t nesting_in(TSNode node, uint32_t lvl, int depth)
{
    if (ts_node_is_null(node) || depth > TS_PY_MAX_DEPTH) {
        return lvl;
    }
    const char *t = ts_py_type(node);
    if (strcmp(t, "function_definition") == 0 ||
        strcmp(t, "class_definition") == 0 ||
        strcmp(t, "decorated_definition") == 0) {
        return lvl;
    }
    bool compound = strcmp(t, "if_statement") == 0 ||
                    strcmp(t, "for_statement") == 0 ||
                    strcmp(t, "while_statement") == 0 ||
                    strcmp(t, "try_statement") == 0 ||
                    strcmp(t, "with_statement") == 0 ||
                    strcmp(t, "match_statement") == 0;
    uint32_t inner = compound ? lvl + 1 : lvl;
    uint32_t best = inner;
    if (!compound && strcmp(t, "block") != 0 &&
        !strstr(t, "clause") && strcmp(t, "case_clause") != 0) {
        return lvl;
    }
    uint32_t n = ts_py_nchild(node);
    for (uint32_t i = 0; i < n; i++) {
        best = nest_max(best, nesting_in(ts_py_child(node, i), inner,
                                         depth + 1));
    }
    return best;
}

uint32_t ts_py_max_nesting(TSNode body, int depth)
{
    return nesting_in(body, 0, depth);
}
