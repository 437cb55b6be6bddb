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

static uint32_t block_decisions(ts_py_ctx *cx, TSNode block, int depth);

static uint32_t if_decisions(ts_py_ctx *cx, TSNode node, int depth)
{
    uint32_t d = 1 + block_decisions(cx, ts_py_field(node,
                                                     TS_PY_F_consequence),
                                     depth);
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_elif_clause)) {
            d += 1 + block_decisions(cx, ts_py_field(c, TS_PY_F_consequence),
                                     depth);
        } else if (ts_py_is(c, TS_PY_K_else_clause)) {
            d += block_decisions(cx, ts_py_field(c, TS_PY_F_body), depth);
        }
    }
    ts_py_it_done(&it);
    return d;
}

static uint32_t try_decisions(ts_py_ctx *cx, TSNode node, int depth)
{
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_except_group_clause)) {
            ts_py_it_done(&it);
            return 0;           /* ast.TryStar: mccabe does not look in */
        }
    }
    ts_py_it_done(&it);
    uint32_t d = 1 + block_decisions(cx, ts_py_field(node, TS_PY_F_body),
                                     depth);
    it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        if (ts_py_is(c, TS_PY_K_except_clause)) {
            TSNode b = ts_py_last(cx, c);
            d += 1 + block_decisions(cx, b, depth);
        } else if (ts_py_is(c, TS_PY_K_else_clause)) {
            d += block_decisions(cx, ts_py_field(c, TS_PY_F_body), depth);
        }
    }
    ts_py_it_done(&it);
    return d;
}

static uint32_t stmt_decisions(ts_py_ctx *cx, TSNode s, int depth)
{
    switch (ts_py_kind_of(s)) {
    case TS_PY_K_decorated_definition:
        return stmt_decisions(cx, ts_py_field(s, TS_PY_F_definition),
                              depth + 1);
    case TS_PY_K_if_statement:
        return if_decisions(cx, s, depth);
    case TS_PY_K_for_statement:
    case TS_PY_K_while_statement: {
        TSNode alt = ts_py_field(s, TS_PY_F_alternative);
        return 1 + block_decisions(cx, ts_py_field(s, TS_PY_F_body), depth) +
               (ts_node_is_null(alt)
                    ? 0 : block_decisions(cx, ts_py_field(alt, TS_PY_F_body),
                                          depth));
    }
    case TS_PY_K_try_statement:
        return try_decisions(cx, s, depth);
    case TS_PY_K_with_statement:
    case TS_PY_K_class_definition:
        return block_decisions(cx, ts_py_field(s, TS_PY_F_body), depth);
    case TS_PY_K_function_definition:
        return 1 + block_decisions(cx, ts_py_field(s, TS_PY_F_body), depth);
    default:
        return 0;
    }
}

static uint32_t block_decisions(ts_py_ctx *cx, TSNode block, int depth)
{
    if (ts_node_is_null(block) || depth > TS_PY_MAX_DEPTH) {
        return 0;
    }
    uint32_t d = 0;
    ts_py_it it = ts_py_kids(cx, block, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        d += stmt_decisions(cx, c, depth + 1);
    }
    ts_py_it_done(&it);
    return d;
}

uint32_t ts_py_decisions(ts_py_ctx *cx, TSNode body, int depth)
{
    return block_decisions(cx, body, depth);
}

static uint32_t nest_max(uint32_t a, uint32_t b)
{
    return a > b ? a : b;
}

/* Deepest nesting inside `node`'s suites, `node` itself at level `lvl`. */
static uint32_t nesting_in(ts_py_ctx *cx, TSNode node, uint32_t lvl,
                           int depth)
{
    if (ts_node_is_null(node) || depth > TS_PY_MAX_DEPTH) {
        return lvl;
    }
    bool compound = false;
    switch (ts_py_kind_of(node)) {
    case TS_PY_K_function_definition:
    case TS_PY_K_class_definition:
    case TS_PY_K_decorated_definition:
        return lvl;
    case TS_PY_K_if_statement:
    case TS_PY_K_for_statement:
    case TS_PY_K_while_statement:
    case TS_PY_K_try_statement:
    case TS_PY_K_with_statement:
    case TS_PY_K_match_statement:
        compound = true;
        break;
    case TS_PY_K_block:
        break;
    default:
        if (!ts_py_is_clause(node)) {
            return lvl;
        }
        break;
    }
    uint32_t inner = compound ? lvl + 1 : lvl;
    uint32_t best = inner;
    ts_py_it it = ts_py_kids(cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c);) {
        best = nest_max(best, nesting_in(cx, c, inner, depth + 1));
    }
    ts_py_it_done(&it);
    return best;
}

uint32_t ts_py_max_nesting(ts_py_ctx *cx, TSNode body, int depth)
{
    return nesting_in(cx, body, 0, depth);
}
