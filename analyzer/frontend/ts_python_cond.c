/*
 * ts_python_cond.c - branch conditions in positive form: `not`, `and`,
 * `or` become chains of branch blocks; `x is None` is NOT_NULL swapped.
 */
#include "frontend/ts_python_cfg.h"

static void branch(ts_py_b *b, TSNode at, pt_test_kind kind,
                   const char *subject, const char *callee, uint32_t t,
                   uint32_t f)
{
    pt_block *blk = ts_py_blk(b, b->cur);
    blk->term = PT_TERM_BRANCH;
    blk->succ[0] = t;
    blk->succ[1] = f;
    blk->cond.kind = (uint8_t)kind;
    blk->cond.subject = subject;
    blk->cond.callee = callee;
    blk->cond.loc = ts_py_loc(b->cx, at);
    b->dead = true;
}

/* The first READ/FIELD path read since event `first` of the block. */
static const char *first_read(ts_py_b *b, uint32_t first)
{
    pt_block *blk = ts_py_blk(b, b->cur);
    for (uint32_t i = first; i < blk->events.len; i++) {
        pt_event *e = pt_block_event(blk, i);
        if (e->kind == PT_EV_READ) {
            return e->name;
        }
        if (e->kind == PT_EV_FIELD_READ && e->base != NULL) {
            return pt_arena_printf(b->cx->unit->arena, "%s.%s", e->base,
                                   e->name);
        }
    }
    return NULL;
}

static void compare_cond(ts_py_b *b, TSNode node, uint32_t t, uint32_t f,
                         int depth)
{
    uint32_t first = ts_py_blk(b, b->cur)->events.len;
    uint32_t n = ts_py_nchild(node);
    TSNode l = {0};
    TSNode r = {0};
    uint32_t i = 0;
    ts_py_it it = ts_py_kids(b->cx, node, true);
    for (TSNode c; ts_py_it_next(&it, &c); i++) {
        if (i == 0) {
            l = c;
        } else if (i == 1) {
            r = c;
        }
        ts_py_expr(b, c, depth + 1);
    }
    ts_py_it_done(&it);
    ts_py_kind o = ts_py_kind_of(ts_py_field(node, TS_PY_F_operators));
    l = ts_py_unparen(l);
    r = ts_py_unparen(r);
    if (n == 2 && (o == TS_PY_K_in || o == TS_PY_K_not_in)) {
        bool neg = o == TS_PY_K_not_in;
        branch(b, node, PT_TEST_CONTAINS, ts_py_path(b, l, depth + 1),
               ts_py_path(b, r, depth + 1), neg ? f : t, neg ? t : f);
        return;
    }
    bool eq = o == TS_PY_K_is || o == TS_PY_K_eq;
    bool ne = o == TS_PY_K_is_not || o == TS_PY_K_ne;
    if (n == 2 && (eq || ne) && (ts_py_is(l, TS_PY_K_none) || ts_py_is(r, TS_PY_K_none))) {
        TSNode s = ts_py_is(l, TS_PY_K_none) ? r : l;
        branch(b, node, PT_TEST_NOT_NULL, ts_py_path(b, s, depth + 1), NULL,
               eq ? f : t, eq ? t : f);
        return;
    }
    branch(b, node, PT_TEST_COMPARE, first_read(b, first), NULL, t, f);
}

static void call_cond(ts_py_b *b, TSNode node, uint32_t t, uint32_t f,
                      int depth)
{
    pt_value v = ts_py_expr(b, node, depth + 1);
    TSNode args = ts_py_field(node, TS_PY_F_arguments);
    TSNode a0 = ts_py_child(args, 0);
    const char *subject = ts_py_is(args, TS_PY_K_argument_list)
        ? ts_py_path(b, a0, depth + 1) : NULL;
    const char *callee = v.text;
    if (callee != NULL && strcmp(callee, "isinstance") == 0) {
        branch(b, node, PT_TEST_ISINSTANCE, subject, NULL, t, f);
    } else {
        branch(b, node, PT_TEST_CALL, subject, callee, t, f);
    }
}

void ts_py_cond(ts_py_b *b, TSNode test, uint32_t t, uint32_t f, int depth)
{
    test = ts_py_unparen(test);
    if (depth > TS_PY_MAX_DEPTH || ts_node_is_null(test)) {
        b->cx->overflow = depth > TS_PY_MAX_DEPTH || b->cx->overflow;
        branch(b, test, PT_TEST_OTHER, NULL, NULL, t, f);
        return;
    }
    ts_py_kind type = ts_py_kind_of(test);
    if (type == TS_PY_K_not_operator) {
        ts_py_cond(b, ts_py_field(test, TS_PY_F_argument), f, t, depth + 1);
    } else if (type == TS_PY_K_boolean_operator) {
        TSNode op = ts_py_field(test, TS_PY_F_operator);
        bool is_and = ts_py_is(op, TS_PY_K_and);
        uint32_t mid = ts_py_block(b);
        ts_py_cond(b, ts_py_field(test, TS_PY_F_left), is_and ? mid : t,
                   is_and ? f : mid, depth + 1);
        b->cur = mid;
        b->dead = false;
        ts_py_cond(b, ts_py_field(test, TS_PY_F_right), t, f, depth + 1);
    } else if (type == TS_PY_K_comparison_operator) {
        compare_cond(b, test, t, f, depth);
    } else if (type == TS_PY_K_call) {
        call_cond(b, test, t, f, depth);
    } else if (type == TS_PY_K_identifier || type == TS_PY_K_attribute) {
        ts_py_expr(b, test, depth + 1);
        branch(b, test, PT_TEST_NOT_NULL, ts_py_path(b, test, depth + 1),
               NULL, t, f);
    } else if (type == TS_PY_K_named_expression) {
        ts_py_expr(b, test, depth + 1);
        TSNode name = ts_py_field(test, TS_PY_F_name);
        branch(b, test, PT_TEST_NOT_NULL, ts_py_path(b, name, depth + 1),
               NULL, t, f);
    } else {
        ts_py_expr(b, test, depth + 1);
        branch(b, test, PT_TEST_OTHER, NULL, NULL, t, f);
    }
}
